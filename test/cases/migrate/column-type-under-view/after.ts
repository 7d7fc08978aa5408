import { bigint, sql, table, text, uuid, view, varchar } from 'pgform';

export const items = table('items', {
  columns: { id: uuid().primaryKey().defaultRandom(), label: text().notNull(), quantity: bigint().notNull().default(0), code: varchar(8) },
});

export const stock = view('stock', { query: sql`SELECT id, label, quantity FROM public.items WHERE quantity > 0` });
export const lowStock = view('low_stock', { query: sql`SELECT id, label FROM public.stock WHERE quantity < 5` });
