import { bigint, materializedView, numeric, sql, table, text } from 'pgform';

export const sales = table('sales', {
  columns: {
    id: bigint().primaryKey(),
    region: text().notNull(),
    product: text().notNull(),
    amount: numeric(12, 2).notNull(),
  },
});

// Settings and statistics objects of a materialized view's columns, as a table's.
export const salesByRegion = materializedView('sales_by_region', {
  query: sql`SELECT region, product, sum(amount) AS total FROM sales GROUP BY region, product`,
  columns: {
    region: { description: 'Where it was sold', statistics: 1000, options: { n_distinct: 40 } },
    product: { storage: 'main', compression: 'pglz', options: { n_distinct: -0.2, n_distinct_inherited: 500 } },
    total: 'Sum of the amounts',
  },
  indexes: { sales_by_region_region: { on: ['region'], description: 'Reports filter by region' } },
  statistics: {
    sales_by_region_rp: { on: ['region', 'product'], kinds: ['ndistinct', 'dependencies'], description: 'product follows region' },
    sales_by_region_total: { on: [sql`total * 2`], target: 50 },
  },
});
