import { column, domain, rangeType, rpc, table, text, uuid } from 'pgform';

export const positive = domain('positive_count', 'integer', { checks: { positive: 'VALUE > 0' } });

export const timeSubtypeDiff = rpc('time_subtype_diff', {
  args: { x: 'time', y: 'time' },
  returns: 'float8',
  language: 'sql',
  volatility: 'immutable',
  strict: true,
  body: 'SELECT EXTRACT(EPOCH FROM (x - y))',
});

export const timerange = rangeType('timerange', { description: 'Opening hours', subtype: 'time', subtypeDiff: timeSubtypeDiff });

// Options spelled out as PostgreSQL's defaults compare equal to leaving them out.
export const floatrange = rangeType('floatrange', { subtype: 'double precision', subtypeDiff: 'pg_catalog.float8mi', subtypeOpclass: 'float8_ops', multirange: 'floatmultirange' });

export const shelf = rangeType('shelf_range', { subtype: 'text', collation: 'C', multirange: 'shelves' });

export const stock = rangeType('stock', { subtype: positive, subtypeOpclass: 'int4_ops' });

export const shops = table('shops', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    hours: timerange.column(),
    breaks: column(timerange.multirange),
    shelves: shelf.column().array(),
    stock: stock.column(),
  },
});

export const widen = rpc('widen', {
  args: { r: floatrange, by: 'float8' },
  returns: floatrange,
  language: 'sql',
  volatility: 'immutable',
  body: 'SELECT public.floatrange(lower(r) - by, upper(r) + by)',
});

export const allShelves = rpc('all_shelves', {
  args: { s: shelf.multirange },
  returns: { setof: shelf },
  language: 'sql',
  volatility: 'immutable',
  body: 'SELECT unnest(s)',
});
