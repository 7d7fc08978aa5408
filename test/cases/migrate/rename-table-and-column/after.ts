import { enumType, sql, table, text, uuid } from 'pgform';

export const kind = enumType('client_kind', ['person', 'company'], { renamedFrom: 'customer_kind' });

export const clients = table('clients', {
  renamedFrom: 'customers',
  columns: {
    id: uuid().notNull().defaultRandom(),
    full_name: text().notNull().renamedFrom('name').index({ name: 'clients_full_name_idx', renamedFrom: 'customers_name_idx' }),
    kind: kind.column().notNull().default('person'),
  },
  primaryKey: { columns: ['id'], name: 'clients_pkey', renamedFrom: 'customers_pkey' },
  checks: { customers_name_not_blank: sql`full_name <> ''` },
});

export const orders = table('orders', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    client_id: uuid().notNull().renamedFrom('customer_id').references('clients', 'id', { onDelete: 'cascade', name: 'orders_client_id_fkey', renamedFrom: 'orders_customer_id_fkey' }),
  },
});
