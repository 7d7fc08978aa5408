import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const leads = table('leads', {
  columns: { id: uuid().primaryKey(), email: text(), label: text() },
  grants: [{ to: 'anon', privileges: ['SELECT'], columns: ['id', 'label'] }],
  rls: true,
  policies: { read: { for: 'select', to: 'anon', using: sql`id IS NOT NULL` } },
});
