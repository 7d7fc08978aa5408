import { rpc, sql } from 'pgform';

/** A body with `$$` in it that ends with the start of pgform's fallback tag `$pgform$`. */
export const trailingTag = rpc('trailing_tag', {
  returns: 'text',
  language: 'sql',
  body: sql`SELECT '$$' -- $pgform`,
});
