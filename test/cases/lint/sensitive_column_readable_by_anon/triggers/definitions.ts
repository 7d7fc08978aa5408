import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const leads = table('leads', {
  columns: { id: uuid().primaryKey(), email: text(), phone_number: text() },
  grants: [{ to: 'anon', privileges: ['SELECT'] }],
  rls: true,
  policies: { read: { for: 'select', to: 'anon', using: sql`id IS NOT NULL` } },
});
