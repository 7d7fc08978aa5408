import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

// Public reference data: no user columns, so reading it all is intended.
export const countries = table('countries', {
  columns: { code: text().primaryKey(), label: text() },
  grants: [{ to: 'anon', privileges: ['SELECT'] }],
  rls: true,
  policies: { everyone: { for: 'select', to: 'anon', using: sql`true` } },
});
