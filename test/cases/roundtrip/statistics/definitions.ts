import { integer, schema, sql, table, text } from 'pgform';

export const planner = schema('planner');

export const addresses = table('addresses', {
  columns: {
    id: integer().primaryKey(),
    city: text().notNull(),
    zip: text().notNull(),
    country: text(),
    'Street Name': text(),
  },
  statistics: {
    addresses_city_zip: { on: ['city', 'zip'], kinds: ['dependencies'], description: 'zip follows city' },
    addresses_all: { on: ['city', 'zip', 'country'], target: 500 },
    addresses_lower_city: { on: [sql`lower(city)`] },
    addresses_street: { on: ['Street Name', sql`left(zip, 2)`, sql`length(city) + 1`], kinds: ['mcv', 'ndistinct'] },
    addresses_planner: { schema: 'planner', on: ['country', 'city'], kinds: ['ndistinct'] },
  },
});
