import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey(), user_id: uuid() },
  rls: true,
  policies: {
    own: { for: 'select', to: 'authenticated', using: sql`user_id = auth.uid()` },
    jwt: { for: 'delete', to: 'authenticated', using: sql`(auth.jwt() ->> 'role') = 'admin'` },
  },
});
