import { compositeType, domain, enumType, integer, jsonb, rpc, table, text, uuid, varchar } from 'pgform';

export const mood = enumType('mood', ['calm', 'busy']);

export const email = domain('email', 'text');

export const address = compositeType('address', {
  description: 'A postal address',
  attributes: { street: text(), zip: varchar(10), floor: integer(), tags: 'text[]', mood, contact: email, extra: jsonb(), 'Line 2': text() },
});

export const route = compositeType('route', { attributes: { start: address, stops: 'public.address[]' } });

export const customers = table('customers', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    home: address.column(),
    past: address.column().array(),
    usual: route.column().notNull(),
  },
});

export const addresses = rpc('addresses', {
  returns: { setof: address },
  language: 'sql',
  volatility: 'stable',
  body: `SELECT home FROM public.customers`,
});

export const routeLength = rpc('route_length', {
  args: { r: route },
  returns: 'integer',
  language: 'sql',
  volatility: 'immutable',
  body: `SELECT coalesce(array_length(r.stops, 1), 0)`,
});
