import { sql, table, uuid } from 'pgform';

export const leads = table('leads', {
  columns: { id: uuid().primaryKey(), owner: uuid() },
  policies: { own_rows: { for: 'select', to: 'authenticated', using: sql`owner = auth.uid()` } },
});
