import { integer, table, text } from 'pgform';

export const addresses = table('addresses', {
  columns: { id: integer().primaryKey(), city: text() },
  statistics: { addresses_city: { on: ['city'] } },
});
