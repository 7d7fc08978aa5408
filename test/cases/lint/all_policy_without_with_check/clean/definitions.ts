import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey(), user_id: uuid() },
  rls: true,
  policies: { own: { for: 'all', to: 'authenticated', using: sql`user_id = (select auth.uid())`, withCheck: sql`user_id = (select auth.uid())` } },
});
