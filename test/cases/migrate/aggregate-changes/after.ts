import { aggregate, integer, rpc, sql, table, text, view } from 'pgform';

export const scores = table('scores', {
  columns: { id: integer().primaryKey(), player: text().notNull(), points: integer().notNull() },
});

// Named arguments: the function is dropped and created again, and so are the aggregate and the view on it.
export const addPoints = rpc('add_points', {
  args: { sum: 'integer', points: 'integer' },
  returns: 'integer',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT sum + points`,
});

export const total = aggregate('total', { args: { $1: 'integer' }, sfunc: addPoints, stype: 'integer', initcond: '0', description: 'Points summed, 0 for none' });

// Initial state and parallel safety only: replaced in place, the view stays.
export const product = aggregate('product', { args: { $1: 'numeric' }, sfunc: 'numeric_mul', stype: 'numeric', initcond: '1', combinefunc: 'numeric_mul', parallel: 'safe', grants: ['authenticated'] });

export const totals = view('totals', {
  query: sql`SELECT player, public.total(points) AS total, public.product(points) AS product FROM public.scores GROUP BY player`,
});
