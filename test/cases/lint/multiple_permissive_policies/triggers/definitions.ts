import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey(), user_id: uuid() },
  rls: true,
  policies: {
    own: { for: 'select', to: 'authenticated', using: sql`user_id = (select auth.uid())` },
    manage: { for: 'all', to: 'authenticated', using: sql`false`, withCheck: sql`false` },
  },
});
