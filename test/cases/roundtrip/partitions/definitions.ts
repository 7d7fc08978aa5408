import { bigint, date, integer, numeric, sql, table, text, timestamptz, triggerFunction, uuid } from 'pgform';

export const customers = table('customers', {
  columns: { id: bigint().primaryKey(), name: text().notNull() },
});

export const events = table('events', {
  description: 'Events, one partition per year',
  columns: {
    id: bigint().notNull(),
    created_at: date().notNull(),
    customer_id: bigint().references(() => customers),
    kind: text().notNull().default('note'),
  },
  primaryKey: ['id', 'created_at'],
  partitionBy: { range: ['created_at'] },
  indexes: { events_kind_idx: { on: ['kind'] } },
});

export const events2024 = table('events_2024', {
  description: 'Events of 2024',
  partitionOf: { parent: events, values: sql`FROM ('2024-01-01') TO ('2025-01-01')` },
  indexes: { events_2024_customer_idx: { on: ['customer_id'] } },
});

// A default of its own: the only column property a partition may declare.
export const events2025 = table('events_2025', {
  columns: { kind: text().default('event') },
  partitionOf: { parent: events, values: sql`FROM ('2025-01-01') TO ('2026-01-01')` },
});

export const eventsOther = table('events_other', {
  partitionOf: { parent: 'public.events', values: 'default' },
  rls: true,
  policies: { read_all: { for: 'select', using: sql`true` } },
});

export const touch = triggerFunction('touch_orders', {
  body: sql`
BEGIN
  RETURN NEW;
END;
`,
});

export const orders = table('orders', {
  columns: {
    id: uuid().notNull(),
    region: text().notNull(),
    total: numeric(12, 2).notNull().default(0),
    placed_at: timestamptz().notNull().defaultNow(),
  },
  partitionBy: { list: ['region'] },
  unique: [['id', 'region']],
  triggers: { orders_touch: { timing: 'before', events: ['update'], function: touch } },
});

export const ordersEu = table('orders_eu', {
  partitionOf: { parent: orders, values: sql`IN ('de', 'fr')` },
  partitionBy: { hash: ['id'] },
});

export const ordersEu0 = table('orders_eu_0', { partitionOf: { parent: ordersEu, values: sql`WITH (MODULUS 2, REMAINDER 0)` } });
export const ordersEu1 = table('orders_eu_1', { partitionOf: { parent: ordersEu, values: sql`WITH (MODULUS 2, REMAINDER 1)` } });

export const ordersByYear = table('orders_by_month', {
  columns: { id: integer().notNull(), at: timestamptz().notNull() },
  partitionBy: sql`RANGE (date_trunc('month', at AT TIME ZONE 'UTC'))`,
});

export const items = table('items', {
  columns: { id: bigint().notNull(), name: text().notNull() },
  checks: { items_name_check: sql`name <> ''` },
});

export const books = table('books', {
  inherits: [items],
  columns: { isbn: text(), pages: integer() },
  checks: { books_pages_check: sql`pages > 0` },
});
