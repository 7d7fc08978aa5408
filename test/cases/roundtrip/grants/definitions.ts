import { bigint, schema, sequence, table, text, uuid } from 'pgform';

export const reporting = schema('reporting', {
  description: 'Read models for dashboards',
  grants: [
    { to: 'authenticated', privileges: ['usage'] },
    { to: 'service_role', privileges: ['usage', 'create'] },
  ],
});

export const invoiceNumbers = sequence('invoice_numbers', {
  schema: 'reporting',
  start: 1000,
  grants: [{ to: 'service_role', privileges: ['usage', 'select', 'update'] }],
});

export const invoices = table('invoices', {
  schema: 'reporting',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    number: bigint().notNull(),
    customer: text().notNull(),
  },
  grants: [
    { to: 'authenticated', privileges: ['select'] },
    { to: 'service_role', privileges: ['select', 'insert', 'update', 'delete'], withGrantOption: true },
    { to: 'anon', privileges: ['select'] },
  ],
});
