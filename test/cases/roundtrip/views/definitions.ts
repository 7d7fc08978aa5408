import { integer, materializedView, numeric, sql, table, text, timestamptz, uuid, view } from 'pgform';

export const orders = table('orders', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    customer: text().notNull(),
    amount: numeric(12, 2).notNull(),
    quantity: integer().notNull().default(1),
    placed_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
});

export const bigOrders = view('big_orders', {
  description: 'Orders above 100, seen with the caller\'s rights',
  securityInvoker: true,
  query: sql`SELECT id, customer, amount FROM public.orders WHERE amount > 100`,
  columns: { amount: 'Order total' },
  grants: [{ to: 'authenticated', privileges: ['select'] }],
});

export const bigOrderCustomers = view('big_order_customers', {
  query: sql`SELECT customer, count(*) AS orders, sum(amount) AS total FROM public.big_orders GROUP BY customer`,
});

export const editableOrders = view('editable_orders', {
  checkOption: 'local',
  securityBarrier: true,
  query: sql`SELECT id, customer, amount, quantity FROM public.orders WHERE quantity > 0`,
});

export const dailyTotals = materializedView('daily_totals', {
  description: 'Totals per day',
  query: sql`
    SELECT date_trunc('day', placed_at) AS day, count(*) AS orders, sum(amount) AS total
    FROM public.orders
    GROUP BY 1`,
  indexes: { daily_totals_day: { on: ['day'], unique: true } },
  columns: { day: 'UTC day' },
});

export const topCustomers = view('top_customers', {
  query: sql`SELECT c.customer, c.total, d.total AS best_day FROM public.big_order_customers c CROSS JOIN LATERAL (SELECT max(total) AS total FROM public.daily_totals) d ORDER BY c.total DESC LIMIT 10`,
});

export const customerTotals = materializedView('customer_totals', {
  description: 'Filled by a nightly REFRESH, not when created',
  query: sql`SELECT customer, sum(amount) AS total FROM public.orders GROUP BY customer`,
  withNoData: true,
});
