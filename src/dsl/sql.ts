/** A SqlText is a piece of SQL written by the user, kept apart from literal values. */
export interface SqlText {
  readonly sql: string;
}

/** The template text as written: backslashes stay (regexes, E'' strings), escaped backticks unescape. */
function rawPart(strings: TemplateStringsArray, i: number): string {
  return (strings.raw[i] ?? '').replace(/\\(`|\$\{)/g, '$1');
}

/**
 * Tags SQL text: `sql\`now()\``. The text is taken raw, as String.raw does, so `'\s+'` reaches
 * PostgreSQL as written. Interpolated values are pasted as SQL, not as literals.
 */
export function sql(strings: TemplateStringsArray | string, ...values: unknown[]): SqlText {
  if (typeof strings === 'string') return { sql: strings };
  let text = rawPart(strings, 0);
  values.forEach((value, i) => {
    text += String(isSqlText(value) ? value.sql : value) + rawPart(strings, i + 1);
  });
  return { sql: text };
}

export function isSqlText(value: unknown): value is SqlText {
  return typeof value === 'object' && value !== null && typeof (value as SqlText).sql === 'string' && Object.keys(value).length === 1;
}

/** Accepts SQL either tagged or as a plain string. */
export type SqlInput = SqlText | string;

export function sqlOf(input: SqlInput): string {
  return typeof input === 'string' ? input : input.sql;
}
