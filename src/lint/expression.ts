/**
 * Reading SQL expressions of the model (policy clauses, view queries) well enough for lint:
 * a scan that skips literals and comments and tracks parentheses, not a parser. Both the text a
 * user wrote and PostgreSQL's printed form (`( SELECT auth.uid() AS uid)`) pass through it.
 */
import { memoized } from './memo.js';

/** A Call is a function called in an expression, and whether a scalar subquery wraps it. */
export interface Call {
  name: string;
  wrapped: boolean;
}

const word = /[A-Za-z_][A-Za-z0-9_$]*/y;

/** The text with string literals, quoted identifiers unquoted, and comments removed. */
export function codeOf(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; ) {
    const c = sql[i]!;
    if (c === "'") {
      const end = closing(sql, i, "'");
      out += "''";
      i = end;
    } else if (c === '"') {
      const end = closing(sql, i, '"');
      out += sql.slice(i + 1, end - 1).replace(/""/g, '"');
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function closing(sql: string, from: number, quote: string): number {
  let i = from + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

/**
 * The functions an expression calls, lower-cased and schema-qualified as written, each marked
 * wrapped when it is the whole select list of a scalar subquery: `(select auth.uid())` is an
 * initPlan, evaluated once per statement; a bare `auth.uid()`, or one inside a correlated
 * `EXISTS (SELECT ... WHERE owner = auth.uid())`, is evaluated again for every row.
 */
export const callsIn: (sql: string) => readonly Call[] = memoized(readCalls);

function readCalls(sql: string): Call[] {
  const code = codeOf(sql);
  const calls: Call[] = [];
  // One entry per open parenthesis: where its subquery's select list starts, if it opens one.
  const parens: (number | undefined)[] = [];
  let pending: { name: string; start: number } | undefined;
  for (let i = 0; i < code.length; ) {
    const c = code[i]!;
    if (/[A-Za-z_]/.test(c)) {
      const start = i;
      word.lastIndex = i;
      let name = word.exec(code)![0];
      i += name.length;
      while (code[i] === '.' && /[A-Za-z_]/.test(code[i + 1] ?? '')) {
        word.lastIndex = i + 1;
        const part = word.exec(code)![0];
        name += `.${part}`;
        i += part.length + 1;
      }
      pending = { name: name.toLowerCase(), start };
      continue;
    }
    if (c === '(') {
      if (pending && !isKeyword(pending.name)) {
        const selectList = parens.at(-1);
        calls.push({ name: pending.name, wrapped: selectList !== undefined && code.slice(selectList, pending.start).trim() === '' });
      }
      const select = /^\s*select\b/i.exec(code.slice(i + 1, i + 16));
      parens.push(select ? i + 1 + select[0].length : undefined);
    } else if (c === ')') parens.pop();
    if (!/\s/.test(c)) pending = undefined;
    i++;
  }
  return calls;
}

const keywords = new Set(['select', 'in', 'exists', 'any', 'all', 'and', 'or', 'not', 'as', 'from', 'where', 'on', 'using', 'values', 'case', 'when', 'then', 'else', 'array', 'row', 'over', 'filter', 'within']);

function isKeyword(name: string): boolean {
  return keywords.has(name);
}

/** Whether the code of an expression (literals kept) mentions a word or qualified name. */
export function mentions(sql: string, pattern: RegExp): boolean {
  return pattern.test(codeOf(sql));
}

/** Whether an expression is the constant true: `true`, `(true)`, `1 = 1`. */
export function alwaysTrue(sql: string | undefined): boolean {
  if (sql === undefined) return false;
  const text = sql.replace(/\s+/g, '').replace(/^\(+|\)+$/g, '').toLowerCase();
  return text === 'true' || text === '1=1' || text === "'t'::boolean" || text === 'true::boolean';
}
