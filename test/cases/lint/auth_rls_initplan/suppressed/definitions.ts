import { sql, table, uuid } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey(), user_id: uuid() },
  rls: true,
  policies: {
    own: { for: 'select', to: 'authenticated', using: sql`user_id = auth.uid()`, lint: { allow: { auth_rls_initplan: 'a ten-row lookup table: per-row calls cost nothing' } } },
  },
});
