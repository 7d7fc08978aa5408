import { enumType, integer, materializedView, numeric, sql, table, text, timestamptz, uuid, view } from 'pgform';

export const status = enumType('order_status', ['open', 'paid']);

export const orders = table('orders', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    customer: text().notNull(),
    amount: numeric(12, 2).notNull(),
    quantity: integer().notNull().default(1),
    status: status.column().notNull().default('open'),
    placed_at: timestamptz().notNull().defaultNow(),
  },
});

export const paidOrders = view('paid_orders', {
  description: 'Paid orders; every view column reads as nullable, and the view takes writes but for customer_key',
  query: sql`SELECT id, customer, upper(customer) AS customer_key, amount, status, placed_at FROM public.orders WHERE status = 'paid'`,
  columns: { amount: 'Order total' },
});

export const customerTotals = view('customer_totals', {
  query: sql`SELECT customer, count(*) AS orders, sum(amount) AS total, array_agg(status) AS statuses FROM public.orders GROUP BY customer`,
});

export const dailyTotals = materializedView('daily_totals', {
  description: 'Totals per day',
  query: sql`
    SELECT date_trunc('day', placed_at) AS day, count(*) AS orders, sum(amount) AS total, jsonb_agg(id) AS ids
    FROM public.orders
    GROUP BY 1`,
  indexes: { daily_totals_day: { on: ['day'], unique: true } },
  columns: { day: 'UTC day' },
});
