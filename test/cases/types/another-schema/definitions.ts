import { enumType, integer, materializedView, numeric, rpc, schema, sql, table, text, uuid, view } from 'pgform';

export const billing = schema('billing', { description: 'Money matters' });

export const currency = enumType('currency', ['EUR', 'USD'], { schema: 'billing', description: 'ISO currency codes' });
export const publicCurrency = enumType('currency', ['eur', 'usd']);

export const contacts = table('contacts', {
  columns: { id: uuid().primaryKey().defaultRandom(), name: text().notNull() },
});

export const invoices = table('invoices', {
  schema: 'billing',
  description: 'Invoices live in billing',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().notNull().references(contacts, 'id', { onDelete: 'cascade' }),
    currency: currency.column().notNull().default('EUR'),
    legacy_currency: publicCurrency.column(),
    amount: numeric(12, 2).notNull(),
  },
});

export const billingInvoices = table('billing_invoices', {
  description: 'Same PascalCase name as billing.invoices',
  columns: { id: integer().primaryKey() },
});

export const invoiceTotals = view('invoice_totals', {
  schema: 'billing',
  query: sql`SELECT i.currency, sum(i.amount) AS total FROM billing.invoices i GROUP BY i.currency`,
});

export const contactTotals = materializedView('contact_totals', {
  schema: 'billing',
  query: sql`SELECT c.name, count(*) AS invoices FROM billing.invoices i JOIN public.contacts c ON c.id = i.contact_id GROUP BY c.name`,
});

export const invoicesOf = rpc('invoices_of', {
  schema: 'billing',
  args: { contact: 'uuid', wanted: { type: currency, default: sql`'EUR'` } },
  returns: 'setof billing.invoices',
  language: 'sql',
  volatility: 'stable',
  body: sql`SELECT * FROM billing.invoices WHERE contact_id = contact AND currency = wanted`,
});
