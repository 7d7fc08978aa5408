import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const profiles = table('profiles', {
  columns: { id: uuid().primaryKey(), user_id: uuid(), email: text() },
  grants: [{ to: 'anon', privileges: ['SELECT'] }],
  rls: true,
  policies: { everyone: { for: 'select', to: 'anon', using: sql`true` } },
});
