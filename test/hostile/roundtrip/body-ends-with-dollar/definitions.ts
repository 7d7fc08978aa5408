import { rpc, sql } from 'pgform';

/** A body whose last character is a dollar sign: a `$$` closing tag right after it reads as `$$$`. */
export const trailingDollar = rpc('trailing_dollar', {
  returns: 'text',
  language: 'sql',
  body: sql`SELECT 'costs' -- in $`,
});
