import { aggregate, integer, rpc, sql, table, text, view } from 'pgform';

export const scores = table('scores', {
  columns: { id: integer().primaryKey(), player: text().notNull(), points: integer().notNull() },
});

export const addPoints = rpc('add_points', {
  args: { $1: 'integer', $2: 'integer' },
  returns: 'integer',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT $1 + $2`,
});

export const total = aggregate('total', { args: { $1: 'integer' }, sfunc: addPoints, stype: 'integer', description: 'Points summed' });

export const product = aggregate('product', { args: { $1: 'numeric' }, sfunc: 'numeric_mul', stype: 'numeric' });

export const totals = view('totals', {
  query: sql`SELECT player, public.total(points) AS total, public.product(points) AS product FROM public.scores GROUP BY player`,
});
