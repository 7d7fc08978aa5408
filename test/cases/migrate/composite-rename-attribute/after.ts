import { compositeType, integer, rpc, table, text, varchar } from 'pgform';

// postcode is renamed in place: the column storing the type and the function taking it stay.
export const address = compositeType('address', {
  attributes: { street: text().describe('Street and number'), zip: varchar(10).renamedFrom('postcode').describe('Postal code'), city: text() },
});

export const cityOf = rpc('city_of', {
  args: { a: address },
  returns: 'text',
  language: 'sql',
  volatility: 'immutable',
  body: 'SELECT a.city',
});

export const customers = table('customers', { columns: { id: integer().primaryKey(), home: address.column() } });
