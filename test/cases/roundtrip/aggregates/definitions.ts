import { aggregate, integer, rpc, schema, sql, table, text, view } from 'pgform';

export const stats = schema('stats');

export const scores = table('scores', {
  columns: { id: integer().primaryKey(), player: text().notNull(), points: integer().notNull() },
});

export const firstAgg = rpc('first_agg', {
  args: { $1: 'anyelement', $2: 'anyelement' },
  returns: 'anyelement',
  language: 'sql',
  volatility: 'immutable',
  strict: true,
  parallel: 'safe',
  body: sql`SELECT $1`,
});

export const first = aggregate('first', {
  description: 'The first value in input order',
  args: { $1: 'anyelement' },
  sfunc: firstAgg,
  stype: 'anyelement',
  parallel: 'safe',
  grants: ['authenticated'],
});

export const avgStep = rpc('avg_step', {
  schema: 'stats',
  args: { state: 'numeric[]', value: 'numeric', weight: 'numeric' },
  returns: 'numeric[]',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT ARRAY[state[1] + value * weight, state[2] + weight]`,
});

export const avgFinal = rpc('avg_final', {
  schema: 'stats',
  args: { state: 'numeric[]' },
  returns: 'numeric',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT CASE WHEN state[2] = 0 THEN NULL ELSE state[1] / state[2] END`,
});

export const weightedAvg = aggregate('weighted_avg', {
  schema: 'stats',
  args: { value: 'numeric', weight: 'numeric' },
  sfunc: avgStep,
  stype: 'numeric[]',
  finalfunc: avgFinal,
  initcond: '{0,0}',
  sspace: 64,
});

// Overloads: one name, three argument types; built-in state functions.
export const totalInt = aggregate('total', { args: { $1: 'int' }, sfunc: 'int4pl', stype: 'int4', initcond: '0', combinefunc: 'pg_catalog.int4pl', parallel: 'safe' });
export const totalBig = aggregate('total', { args: { $1: 'bigint' }, sfunc: 'int8pl', stype: 'bigint' });
export const totalNumeric = aggregate('total', { args: { $1: 'numeric' }, sfunc: 'numeric_add', stype: 'numeric', initcond: '0' });

export const product = aggregate('product', { args: { $1: 'numeric' }, sfunc: 'numeric_mul', stype: 'numeric', initcond: '1', combinefunc: 'numeric_mul', parallel: 'safe' });

export const arrayConcat = aggregate('array_concat_agg', { args: { $1: 'anycompatiblearray' }, sfunc: 'array_cat', stype: 'anycompatiblearray' });

export const runningTotal = aggregate('running_total', {
  args: { $1: 'integer' },
  sfunc: 'int4pl',
  stype: 'integer',
  initcond: '0',
  msfunc: 'int4pl',
  minvfunc: 'int4mi',
  mstype: 'integer',
  minitcond: '0',
  mfinalfuncModify: 'read_only',
});

export const highest = aggregate('highest', { args: { $1: 'integer' }, sfunc: 'int4larger', stype: 'integer', sortop: '>', combinefunc: 'int4larger' });

export const medianDisc = aggregate('median_disc', {
  args: { fraction: 'float8' },
  orderBy: { value: 'double precision' },
  sfunc: 'ordered_set_transition',
  stype: 'internal',
  finalfunc: 'percentile_disc_final',
  finalfuncExtra: true,
  finalfuncModify: 'read_write',
});

export const rankOf = aggregate('rank_of', {
  args: { $1: { type: '"any"', mode: 'variadic' } },
  orderBy: { $2: { type: '"any"', mode: 'variadic' } },
  hypothetical: true,
  sfunc: 'ordered_set_transition_multi',
  stype: 'internal',
  finalfunc: 'rank_final',
  finalfuncExtra: true,
});

export const firstScores = view('first_scores', {
  query: sql`SELECT player, public.first(points ORDER BY id) AS first_points, public.total(points) AS total FROM public.scores GROUP BY player`,
});

// Names that need quoting everywhere: the aggregate's, its schema's and its state function's.
export const oddStep = rpc('Odd "step".v2', {
  schema: 'stats',
  args: { $1: 'integer', $2: 'integer' },
  returns: 'integer',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT $1 + $2`,
});

export const oddTotal = aggregate('Total, "odd"', { schema: 'stats', args: { 'the points': 'integer' }, sfunc: oddStep, stype: 'integer', description: "it's odd" });
