/**
 * Readers of text PostgreSQL prints (pg_get_indexdef, pg_get_triggerdef, pg_get_functiondef).
 * Some parts of an object exist only inside such text: per-key COLLATE/opclass/ordering, a
 * trigger's WHEN clause (tgqual refers to OLD/NEW, which pg_get_expr cannot print). The scanner
 * skips quoted identifiers and string literals, so names and constants never confuse it.
 */

/** The index just past the quoted token starting at `start` (`'...'` or `"..."`, doubled quotes inside). */
function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}

/** The position of `needle` in `text` outside quotes, from `from`, or -1. */
function findUnquoted(text: string, needle: string, from = 0): number {
  let i = from;
  while (i < text.length) {
    const char = text[i];
    if (char === '"' || char === "'") i = skipQuoted(text, i);
    else if (text.startsWith(needle, i)) return i;
    else i++;
  }
  return -1;
}

/**
 * The items of the parenthesised list opening at `open`, split at its top-level commas, and the
 * position just past its closing parenthesis.
 */
function readList(text: string, open: number): { items: string[]; end: number } {
  const items: string[] = [];
  let depth = 0;
  let start = open + 1;
  let i = open;
  while (i < text.length) {
    const char = text[i];
    if (char === '"' || char === "'") {
      i = skipQuoted(text, i);
      continue;
    }
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) {
      items.push(text.slice(start, i).trim());
      return { items, end: i + 1 };
    } else if (char === ',' && depth === 1) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
    i++;
  }
  throw new Error(`unbalanced parentheses in: ${text}`);
}

/**
 * The key list of `pg_get_indexdef(oid, 0, true)`, each key as printed with its COLLATE,
 * non-default operator class, DESC and non-default NULLS ordering. Names before the list are
 * quoted when they contain a parenthesis, so the first unquoted `(` opens the keys.
 */
export function indexKeys(definition: string): string[] {
  const open = findUnquoted(definition, '(');
  if (open === -1) throw new Error(`no key list in: ${definition}`);
  return readList(definition, open).items;
}

/** The condition of a trigger's `WHEN (...)` clause in `pg_get_triggerdef(oid, true)`, if any. */
export function triggerWhen(definition: string): string | undefined {
  const at = findUnquoted(definition, ' WHEN (');
  if (at === -1) return undefined;
  const open = at + ' WHEN '.length;
  const { end } = readList(definition, open);
  return definition.slice(open + 1, end - 1);
}

/** Trigger arguments from tgargs (hex): each argument is terminated by a zero byte. */
export function triggerArguments(hex: string, count: number): string[] {
  const bytes = Buffer.from(hex, 'hex');
  const args: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length && args.length < count; i++) {
    if (bytes[i] === 0) {
      args.push(bytes.subarray(start, i).toString('utf8'));
      start = i + 1;
    }
  }
  return args;
}

/**
 * The body of a SQL-standard routine (`BEGIN ATOMIC ... END` or `RETURN expr`), which has no
 * prosrc: the part of `pg_get_functiondef` after the header. Header clauses are printed on lines
 * that start with a space, the body on a line of its own starting at the margin.
 */
export function sqlStandardBody(functionDefinition: string): string {
  const match = /\n(?=BEGIN ATOMIC|RETURN )/.exec(functionDefinition);
  if (!match) throw new Error(`no SQL-standard body in: ${functionDefinition}`);
  return functionDefinition.slice(match.index + 1).replace(/\n$/, '');
}

/** Splits `key=value` entries (reloptions, proconfig) at the first `=`. */
export function keyValues(entries: string[] | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of entries ?? []) {
    const at = entry.indexOf('=');
    if (at === -1) result[entry] = '';
    else result[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return result;
}

/** PostgreSQL's reading of a boolean option value: true, yes, on, 1 and their prefixes. */
export function optionIsTrue(value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  if (v === '1' || v === 'on') return true;
  return v.length > 0 && ('true'.startsWith(v) || 'yes'.startsWith(v));
}
