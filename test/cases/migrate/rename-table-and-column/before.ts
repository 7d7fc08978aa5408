import { enumType, sql, table, text, uuid } from 'pgform';

export const kind = enumType('customer_kind', ['person', 'company']);

export const customers = table('customers', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull().index('customers_name_idx'),
    kind: kind.column().notNull().default('person'),
  },
  checks: { customers_name_not_blank: sql`name <> ''` },
});

export const orders = table('orders', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    customer_id: uuid().notNull().references('customers', 'id', { onDelete: 'cascade' }),
  },
});
