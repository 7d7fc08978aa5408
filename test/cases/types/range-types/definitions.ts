import { column, domain, integer, rangeType, rpc, table, uuid } from 'pgform';

export const positive = domain('positive_count', 'integer', { notNull: true });

export const floatrange = rangeType('floatrange', { description: 'A range of double precision values', subtype: 'double precision', subtypeDiff: 'float8mi' });

export const seats = rangeType('seats', { subtype: positive, multirange: 'seat_sets' });

export const bookings = table('bookings', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    room: integer().notNull(),
    seats: seats.column().notNull(),
    free: column(seats.multirange),
    history: floatrange.column().array(),
  },
});

export const widen = rpc('widen', {
  args: { r: floatrange, by: 'double precision' },
  returns: floatrange,
  language: 'sql',
  volatility: 'immutable',
  body: 'SELECT public.floatrange(lower(r) - by, upper(r) + by)',
});

export const freeSeats = rpc('free_seats', {
  args: { room: 'integer' },
  returns: 'public.seat_sets',
  language: 'sql',
  volatility: 'stable',
  body: 'SELECT free FROM public.bookings WHERE room = free_seats.room LIMIT 1',
});
