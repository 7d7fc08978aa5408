import { compositeType, integer, rpc, table, text, varchar } from 'pgform';

export const address = compositeType('address', { attributes: { street: text().describe('Street and number'), postcode: varchar(10), city: text() } });

export const cityOf = rpc('city_of', {
  args: { a: address },
  returns: 'text',
  language: 'sql',
  volatility: 'immutable',
  body: 'SELECT a.city',
});

export const customers = table('customers', { columns: { id: integer().primaryKey(), home: address.column() } });
