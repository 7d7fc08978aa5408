import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey(), user_id: uuid() },
  rls: true,
  policies: {
    own: { for: 'select', to: 'authenticated', using: sql`user_id = (select auth.uid())` },
    insert_own: { for: 'insert', to: 'authenticated', withCheck: sql`user_id = (select auth.uid())` },
    strict: { for: 'select', to: 'authenticated', restrictive: true, using: sql`true` },
  },
});
