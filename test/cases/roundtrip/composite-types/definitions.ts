import { column, compositeType, enumType, numeric, rpc, table, text, uuid, varchar } from 'pgform';

export const status = enumType('address_status', ['current', 'former']);

export const address = compositeType('address', {
  description: 'A postal address',
  attributes: { street: text().describe('Street and number'), zip: varchar(10), city: text().collate('C').describe('City or town'), state: status, "Line 2": 'text' },
});

export const money = compositeType('money_amount', { attributes: { amount: numeric(12, 2), currency: column('char(3)').describe('ISO 4217 code') } });

export const customers = table('customers', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    home: address.column(),
    past: address.column().array(),
  },
});

export const balance = rpc('balance', {
  returns: { setof: money },
  language: 'sql',
  volatility: 'stable',
  body: `SELECT ROW(0, 'EUR')::public.money_amount`,
});
