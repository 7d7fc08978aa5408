import { enumType, rpc, schema, sql, table, text, uuid, view } from 'pgform';

export const billing = schema('billing', { description: 'Money matters' });
export const crm = schema('crm');

export const currency = enumType('currency', ['EUR', 'USD'], { schema: 'billing' });

export const contacts = table('contacts', {
  schema: 'crm',
  columns: { id: uuid().primaryKey().defaultRandom(), name: text().notNull() },
});

export const invoices = table('invoices', {
  schema: 'billing',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().notNull().references(contacts, 'id', { onDelete: 'cascade' }),
    currency: currency.column().notNull().default('EUR'),
  },
});

export const invoicesWithContacts = view('invoices_with_contacts', {
  schema: 'billing',
  query: sql`SELECT i.id, i.currency, c.name FROM billing.invoices i JOIN crm.contacts c ON c.id = i.contact_id`,
});

export const invoiceCount = rpc('invoice_count', {
  schema: 'billing',
  args: { contact: 'uuid' },
  returns: 'bigint',
  language: 'sql',
  volatility: 'stable',
  body: sql`SELECT count(*) FROM billing.invoices WHERE contact_id = contact`,
});
