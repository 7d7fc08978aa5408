import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey() },
  grants: [{ to: 'anon', privileges: ['SELECT', 'INSERT', 'DELETE'] }],
  rls: true,
  policies: { read: { for: 'select', to: 'anon', using: sql`true` } },
});
