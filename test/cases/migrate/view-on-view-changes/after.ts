import { integer, materializedView, sql, table, text, uuid, view } from 'pgform';

export const sales = table('sales', {
  columns: { id: uuid().primaryKey().defaultRandom(), region: text().notNull(), amount: integer().notNull(), rep: text() },
});
export const regional = view('regional', { query: sql`SELECT region, sum(amount) AS total FROM public.sales WHERE rep IS NOT NULL GROUP BY region` });
export const topRegions = view('top_regions', { query: sql`SELECT region, total FROM public.regional WHERE total > 100` });
export const snapshot = materializedView('sales_snapshot', {
  query: sql`SELECT region, total FROM public.regional`,
  indexes: { sales_snapshot_region: { on: ['region'], unique: true } },
});
export const repTotals = view('rep_totals', { query: sql`SELECT rep, sum(amount) AS total FROM public.sales GROUP BY rep` });
