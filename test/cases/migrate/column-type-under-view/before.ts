import { integer, sql, table, text, uuid, view } from 'pgform';

export const items = table('items', {
  columns: { id: uuid().primaryKey().defaultRandom(), label: text().notNull(), quantity: integer().notNull().default(0), code: text() },
});

export const stock = view('stock', { query: sql`SELECT id, label, quantity FROM public.items WHERE quantity > 0` });
export const lowStock = view('low_stock', { query: sql`SELECT id, label FROM public.stock WHERE quantity < 5` });
