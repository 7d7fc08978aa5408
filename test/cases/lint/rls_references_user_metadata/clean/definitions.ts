import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey() },
  rls: true,
  policies: { admin: { for: 'select', to: 'authenticated', using: sql`((select auth.jwt()) -> 'app_metadata' ->> 'is_admin')::boolean` } },
});
