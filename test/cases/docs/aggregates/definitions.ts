import { aggregate, integer, rpc, sql, table, text } from 'pgform';

export const scores = table('scores', {
  columns: { id: integer().primaryKey(), player: text().notNull(), points: integer().notNull() },
});

export const firstAgg = rpc('first_agg', {
  args: { $1: 'anyelement', $2: 'anyelement' },
  returns: 'anyelement',
  language: 'sql',
  volatility: 'immutable',
  strict: true,
  body: sql`SELECT $1`,
});

export const first = aggregate('first', {
  description: 'The first value in input order',
  note: 'Use with `ORDER BY` inside the call: `public.first(points ORDER BY id)`.',
  args: { $1: 'anyelement' },
  sfunc: firstAgg,
  stype: 'anyelement',
  parallel: 'safe',
});

export const runningTotal = aggregate('running_total', {
  args: { $1: 'integer' },
  sfunc: 'int4pl',
  stype: 'integer',
  initcond: '0',
  msfunc: 'int4pl',
  minvfunc: 'int4mi',
  mstype: 'integer',
  grants: ['authenticated'],
});

export const medianDisc = aggregate('median_disc', {
  args: { fraction: 'double precision' },
  orderBy: { value: 'double precision' },
  sfunc: 'ordered_set_transition',
  stype: 'internal',
  finalfunc: 'percentile_disc_final',
  finalfuncExtra: true,
});
