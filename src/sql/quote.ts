/**
 * The only place that writes SQL quote characters. Identifiers are always quoted: one rule, no
 * keyword list, so capitals, spaces, reserved words and non-ASCII names all survive.
 */

/** A double-quoted identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A schema-qualified name: `"public"."leads"`. */
export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** A string literal. Standard-conforming strings make backslashes literal already. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A dollar-quoted body. The tag must first occur in `body + tag` at the very end: a body ending
 * in `$` (or in `$pgform`) would otherwise close the string early.
 */
export function dollarQuoted(body: string): string {
  let tag = '$$';
  for (let n = 0; `${body}${tag}`.indexOf(tag) !== body.length; n++) tag = `$pgform${n}$`;
  return `${tag}${body}${tag}`;
}

/** A comma-separated list of quoted identifiers. */
export function identList(names: string[]): string {
  return names.map(ident).join(', ');
}
