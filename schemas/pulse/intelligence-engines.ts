import { boolean, date, integer, jsonb, numeric, rpc, sql, table, text, timestamptz, uuid } from 'pgform';
import { adminManagePolicy, adminViewPolicy, createdAt, currentUser, ownerColumn, ownRowPolicies, serviceRolePolicy, timestamps, updatedAtTrigger } from './common.js';

const group = 'Intelligence Engines';

/** Columns every engine snapshot shares. */
function snapshotColumns() {
  return {
    snapshot_date: date().notNull().default(sql`CURRENT_DATE`).describe('Day the snapshot describes'),
    inputs: jsonb().notNull().default({}).describe('Metrics the engine read (activity, pipeline, goals, market...)'),
    results: jsonb().notNull().default({}).describe('Full engine output'),
    recommendations: jsonb().notNull().default([]).describe('Recommended actions derived from the results'),
    engine_version: text().notNull().default('1.0').describe('Engine version that produced the snapshot'),
    computation_ms: integer().check(sql`computation_ms IS NULL OR computation_ms >= 0`).describe('Computation time'),
  };
}

export const calculatePulseScore = rpc('calculate_pulse_score', {
  group,
  description:
    'Computes the Pulse score (0-100) of a user for a day from daily action completion (35%), consistency (25%), goal progress (25%) and role play practice (15%), and upserts it into pulse_scores. Callable by the user for themself, by the service role, or from a backend session without a JWT (cron, SQL editor)',
  args: { p_user_id: 'text', p_score_date: { type: 'date', default: sql`CURRENT_DATE` } },
  returns: 'integer',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_activity integer;
  v_consistency integer;
  v_pipeline integer;
  v_learning integer;
  v_score integer;
  v_previous integer;
BEGIN
  IF coalesce(auth.role(), 'service_role') <> 'service_role'
     AND p_user_id IS DISTINCT FROM public.requesting_user_id() THEN
    RAISE EXCEPTION 'cannot calculate the pulse score of another user' USING ERRCODE = '42501';
  END IF;

  -- Activity: share of planned action units completed over the last 7 days.
  SELECT coalesce(round(100.0 * sum(least(da.completed_count, da.target_count)) / nullif(sum(da.target_count), 0)), 0)
  INTO v_activity
  FROM public.daily_actions da
  WHERE da.user_id = p_user_id
    AND da.action_date BETWEEN p_score_date - 6 AND p_score_date;

  -- Consistency: days of the last 7 with at least one completed action.
  SELECT round(100.0 * count(DISTINCT da.action_date) / 7)
  INTO v_consistency
  FROM public.daily_actions da
  WHERE da.user_id = p_user_id
    AND da.is_completed
    AND da.action_date BETWEEN p_score_date - 6 AND p_score_date;

  -- Pipeline: average progress of active goals, capped at 100% each.
  SELECT coalesce(round(avg(least(g.current_value / nullif(g.target_value, 0), 1) * 100)), 0)
  INTO v_pipeline
  FROM public.goals g
  WHERE g.user_id = p_user_id
    AND g.status IN ('active', 'completed')
    AND g.start_date <= p_score_date
    AND (g.end_date IS NULL OR g.end_date >= p_score_date - 30);

  -- Learning: 20 points per completed role play session in the last 14 days.
  SELECT least(100, 20 * count(*))
  INTO v_learning
  FROM public.role_play_session_logs s
  WHERE s.user_id = p_user_id
    AND s.status = 'completed'
    AND s.started_at::date BETWEEN p_score_date - 13 AND p_score_date;

  v_score := least(100, greatest(0, round(0.35 * v_activity + 0.25 * v_consistency + 0.25 * v_pipeline + 0.15 * v_learning)))::integer;

  SELECT ps.score INTO v_previous
  FROM public.pulse_scores ps
  WHERE ps.user_id = p_user_id
    AND ps.score_date < p_score_date
  ORDER BY ps.score_date DESC
  LIMIT 1;

  INSERT INTO public.pulse_scores AS ps (
    user_id, score_date, score, activity_score, consistency_score, pipeline_score, learning_score,
    previous_score, trend, components
  )
  VALUES (
    p_user_id, p_score_date, v_score, v_activity, v_consistency, v_pipeline, v_learning,
    v_previous,
    CASE
      WHEN v_previous IS NULL OR v_score = v_previous THEN 'flat'
      WHEN v_score > v_previous THEN 'up'
      ELSE 'down'
    END,
    jsonb_build_object(
      'activity', v_activity, 'consistency', v_consistency, 'pipeline', v_pipeline, 'learning', v_learning,
      'weights', jsonb_build_object('activity', 0.35, 'consistency', 0.25, 'pipeline', 0.25, 'learning', 0.15)
    )
  )
  ON CONFLICT (user_id, score_date) DO UPDATE SET
    score = EXCLUDED.score,
    activity_score = EXCLUDED.activity_score,
    consistency_score = EXCLUDED.consistency_score,
    pipeline_score = EXCLUDED.pipeline_score,
    learning_score = EXCLUDED.learning_score,
    previous_score = EXCLUDED.previous_score,
    trend = EXCLUDED.trend,
    components = EXCLUDED.components,
    calculated_at = now();

  RETURN v_score;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const cleanupExpiredGraphCache = rpc('cleanup_expired_graph_cache', {
  group,
  description: 'Deletes expired graph_context_cache entries and returns how many were removed (scheduled by the service role)',
  args: {},
  returns: 'integer',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_deleted integer;
BEGIN
  DELETE FROM public.graph_context_cache c
  WHERE c.expires_at < now();
  GET DIAGNOSTICS v_deleted = ROW_COUNT;
  RETURN v_deleted;
END;
`,
  grants: ['service_role'],
});

export const pulseScores = table('pulse_scores', {
  group,
  description: 'Pulse intelligence scores: one 0-100 score per user and day, with its components (written by calculate_pulse_score())',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    score_date: date().notNull().default(sql`CURRENT_DATE`).describe('Day scored'),
    score: integer().notNull().check(sql`score BETWEEN 0 AND 100`).describe('Overall Pulse score 0-100'),
    activity_score: integer().check(sql`activity_score BETWEEN 0 AND 100`).describe('Daily action completion component'),
    consistency_score: integer().check(sql`consistency_score BETWEEN 0 AND 100`).describe('Consistency component'),
    pipeline_score: integer().check(sql`pipeline_score BETWEEN 0 AND 100`).describe('Goal and pipeline progress component'),
    learning_score: integer().check(sql`learning_score BETWEEN 0 AND 100`).describe('Role play practice component'),
    previous_score: integer().describe('Previous score, for the trend'),
    trend: text().notNull().default('flat').oneOf(['up', 'down', 'flat']).describe('Direction against the previous score'),
    components: jsonb().notNull().default({}).describe('Components and weights as computed'),
    insights: jsonb().notNull().default([]).describe('AI insights explaining the score'),
    calculated_at: timestamptz().notNull().defaultNow().describe('When the score was last computed'),
    ...createdAt(),
  },
  unique: [['user_id', 'score_date']],
  rls: true,
  policies: { ...ownRowPolicies('pulse scores', ['select']), ...adminViewPolicy('pulse scores'), ...serviceRolePolicy('pulse scores') },
});

export const moroEngineSnapshots = table('moro_engine_snapshots', {
  group,
  description: 'MORO engine calculations: snapshots of revenue opportunity analysis per user',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    ...snapshotColumns(),
    opportunities: jsonb().notNull().default([]).describe('Ranked opportunities found'),
    revenue_potential: numeric(14, 2).check(sql`revenue_potential IS NULL OR revenue_potential >= 0`).describe('Estimated revenue potential (USD)'),
    confidence: numeric(4, 3).check(sql`confidence IS NULL OR confidence BETWEEN 0 AND 1`).describe('Engine confidence 0-1'),
    ...createdAt(),
  },
  indexes: { idx_moro_engine_snapshots_user_date: { on: ['user_id', 'snapshot_date DESC'] } },
  rls: true,
  policies: { ...ownRowPolicies('MORO snapshots', ['select']), ...adminViewPolicy('MORO snapshots'), ...serviceRolePolicy('MORO snapshots') },
});

export const ganeEngineSnapshots = table('gane_engine_snapshots', {
  group,
  description: 'GANE engine calculations: snapshots of goal gap analysis (progress, projection, required activity) per user and goal',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    goal_id: uuid().references('goals', 'id', { onDelete: 'set null' }).index().describe('Goal analysed; NULL for the overall plan'),
    ...snapshotColumns(),
    progress_percent: numeric(6, 2).check(sql`progress_percent IS NULL OR progress_percent >= 0`).describe('Progress toward the goal in percent'),
    projected_value: numeric(14, 2).describe('Value projected at the end of the period'),
    gap_value: numeric(14, 2).describe('Target minus projected value'),
    on_track: boolean().describe('Whether the projection meets the target'),
    required_daily_actions: jsonb().notNull().default({}).describe('Actions per day needed to close the gap'),
    ...createdAt(),
  },
  indexes: { idx_gane_engine_snapshots_user_date: { on: ['user_id', 'snapshot_date DESC'] } },
  rls: true,
  policies: { ...ownRowPolicies('GANE snapshots', ['select']), ...adminViewPolicy('GANE snapshots'), ...serviceRolePolicy('GANE snapshots') },
});

export const pulseEngineSnapshots = table('pulse_engine_snapshots', {
  group,
  description: 'Pulse engine snapshots: the signals and recommendations behind a Pulse score run',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    pulse_score_id: uuid().references('pulse_scores', 'id', { onDelete: 'set null' }).index().describe('Score produced by this run'),
    ...snapshotColumns(),
    score: integer().check(sql`score IS NULL OR score BETWEEN 0 AND 100`).describe('Score computed in this run'),
    signals: jsonb().notNull().default([]).describe('Signals detected (streaks, slumps, pipeline changes...)'),
    ...createdAt(),
  },
  indexes: { idx_pulse_engine_snapshots_user_date: { on: ['user_id', 'snapshot_date DESC'] } },
  rls: true,
  policies: { ...ownRowPolicies('Pulse snapshots', ['select']), ...adminViewPolicy('Pulse snapshots'), ...serviceRolePolicy('Pulse snapshots') },
});

export const graphContextCache = table('graph_context_cache', {
  group,
  description: 'Cached graph context data: the assembled user context graph (profile, goals, pipeline, relationships) given to the AI agents, with an expiry',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    cache_key: text().notNull().describe('Key of the cached context (kind plus parameters hash)'),
    context_type: text()
      .notNull()
      .default('full')
      .oneOf(['full', 'profile', 'goals', 'pipeline', 'relationships', 'market', 'conversations'])
      .describe('Part of the graph cached'),
    graph_data: jsonb().notNull().default({}).describe('Nodes and edges'),
    node_count: integer().notNull().default(0).check(sql`node_count >= 0`).describe('Number of nodes'),
    edge_count: integer().notNull().default(0).check(sql`edge_count >= 0`).describe('Number of edges'),
    hit_count: integer().notNull().default(0).check(sql`hit_count >= 0`).describe('Cache hits'),
    expires_at: timestamptz().notNull().default(sql`now() + interval '1 hour'`).index().describe('When the entry goes stale; purged by cleanup_expired_graph_cache()'),
    ...timestamps(),
  },
  unique: [['user_id', 'cache_key']],
  triggers: updatedAtTrigger('graph_context_cache'),
  rls: true,
  policies: { ...ownRowPolicies('graph context', ['select', 'delete']), ...serviceRolePolicy('graph context') },
});

export const marketIntelligence = table('market_intelligence', {
  group,
  description: 'Market data and insights per region and period. Shared market data has user_id NULL; reports requested for a user carry their id',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ nullable: true, description: 'Clerk id of the user the report was built for; NULL for shared market data' }),
    market_config_id: uuid().references('market_config', 'id', { onDelete: 'set null' }).index().describe("User's market this data was fetched for"),
    region_type: text().notNull().default('city').oneOf(['zip', 'city', 'county', 'metro', 'state', 'neighborhood']).describe('Kind of region'),
    region_name: text().notNull().describe('Region name or ZIP code'),
    state: text().describe('State (2-letter code)'),
    period_start: date().notNull().describe('First day of the period'),
    period_end: date().notNull().describe('Last day of the period'),
    median_sale_price: numeric(14, 2).describe('Median sale price (USD)'),
    median_list_price: numeric(14, 2).describe('Median list price (USD)'),
    avg_days_on_market: numeric(7, 1).describe('Average days on market'),
    active_listings: integer().describe('Active listings'),
    new_listings: integer().describe('New listings in the period'),
    pending_sales: integer().describe('Pending sales'),
    closed_sales: integer().describe('Closed sales'),
    months_of_supply: numeric(6, 2).describe('Months of inventory'),
    list_to_sale_ratio: numeric(6, 4).describe('Sale price / list price'),
    price_change_pct: numeric(7, 2).describe('Median price change vs the previous period, percent'),
    insights: jsonb().notNull().default([]).describe('AI insights for agents'),
    raw_data: jsonb().notNull().default({}).describe('Source payload'),
    source: text().describe('Data provider'),
    fetched_at: timestamptz().notNull().defaultNow().describe('When the data was fetched'),
    ...timestamps(),
  },
  checks: { market_intelligence_period_check: sql`period_end >= period_start` },
  indexes: { idx_market_intelligence_region_period: { on: ['region_name', 'period_end DESC'] } },
  triggers: updatedAtTrigger('market_intelligence'),
  rls: true,
  policies: {
    'Users can view shared and their own market intelligence': {
      for: 'select',
      to: 'authenticated',
      using: sql`user_id IS NULL OR user_id = ${currentUser}`,
    },
    ...adminManagePolicy('market intelligence'),
    ...serviceRolePolicy('market intelligence'),
  },
});
