import { date, doublePrecision, integer, jsonb, numeric, rpc, sql, table, text, timestamptz, uuid, view } from 'pgform';
import { adminPolicies, areas, ownerReadPolicies, rlsSql, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.analytics;

const tenantRead = (noun: string) => ({
  [`Tenant members view ${noun}`]: { for: 'select' as const, to: 'authenticated', using: rlsSql.tenant() },
});

export const metricsDaily = table('metrics_daily', {
  group,
  description: 'Daily aggregated metrics: one value per day, scope (tenant or platform-wide), source and metric; rebuilt by recompute_metrics_daily()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    metric_date: date().notNull().describe('Day'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant; NULL = platform-wide'),
    source: text().notNull().default('events').describe('Producer (events, billing, ai, manual...)'),
    metric_name: text().notNull().describe('daily_active_users, events_total, signups, sessions_total, conversions...'),
    metric_value: numeric().notNull().default(0).describe('Value of the day'),
    dimensions: jsonb().notNull().default({}).describe('Breakdown keys, if any'),
    ...timestamps(),
  },
  unique: [{ columns: ['metric_date', 'tenant_id', 'source', 'metric_name'], name: 'metrics_daily_scope_key', nullsNotDistinct: true }],
  indexes: { idx_metrics_daily_name_date: { on: ['metric_name', 'metric_date DESC'] } },
  triggers: { ...updatedAtTrigger('metrics_daily') },
  rls: true,
  policies: { ...tenantRead('daily metrics'), ...adminPolicies('daily metrics'), ...servicePolicies('daily metrics') },
});

export const metricsLog = table('metrics_log', {
  group,
  description: 'Performance metrics log: raw samples reported by services, read by get_latest_metrics_per_source()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    source: text().notNull().describe('Reporting service or job'),
    metric_name: text().notNull().describe('Metric'),
    metric_value: doublePrecision().notNull().describe('Sample value'),
    unit: text().describe('Unit (ms, count, percent, bytes...)'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant, if the sample is tenant-specific'),
    tags: jsonb().notNull().default({}).describe('Labels'),
    recorded_at: timestamptz().notNull().defaultNow().describe('Sample time'),
  },
  indexes: { idx_metrics_log_source_recorded: { on: ['source', 'recorded_at DESC'] } },
  rls: true,
  policies: { ...tenantRead('metrics log'), ...adminPolicies('metrics log'), ...servicePolicies('metrics log') },
});

export const performanceMetrics = table('performance_metrics', {
  group,
  description: 'Application performance metrics: web vitals, API and database latencies',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('User whose client reported it'),
    session_id: uuid().index().references('sessions', 'id', { onDelete: 'set null' }).describe('Session'),
    route: text().notNull().describe('Page route or API endpoint'),
    metric_type: text().notNull().oneOf(['lcp', 'fid', 'inp', 'cls', 'ttfb', 'fcp', 'api_latency', 'db_query', 'render']).describe('Metric'),
    value: doublePrecision().notNull().check(sql`value >= 0`).describe('Measured value'),
    unit: text().notNull().default('ms').describe('Unit'),
    rating: text().oneOf(['good', 'needs_improvement', 'poor']).describe('Web-vitals rating'),
    device_type: text().describe('Device class'),
    app_version: text().describe('Client version'),
    recorded_at: timestamptz().notNull().defaultNow().describe('When it was measured'),
  },
  indexes: { idx_performance_metrics_route_type: { on: ['route', 'metric_type', 'recorded_at DESC'] } },
  rls: true,
  policies: {
    ...tenantRead('performance metrics'),
    'Users record own performance metrics': { for: 'insert', to: 'authenticated', withCheck: rlsSql.owner() },
    ...adminPolicies('performance metrics'),
    ...servicePolicies('performance metrics'),
  },
});

export const businessMetrics = table('business_metrics', {
  group,
  description: 'Business intelligence metrics: revenue, growth, engagement per period',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant; NULL = platform'),
    metric_name: text().notNull().describe('mrr, arr, churn_rate, arpu, cac, ltv...'),
    metric_category: text().notNull().oneOf(['revenue', 'growth', 'engagement', 'retention', 'acquisition', 'cost']).describe('Category'),
    period: text().notNull().oneOf(['daily', 'weekly', 'monthly', 'quarterly', 'yearly']).describe('Granularity'),
    period_start: date().notNull().describe('Period start'),
    period_end: date().notNull().describe('Period end'),
    value: numeric(18, 4).notNull().describe('Value'),
    target_value: numeric(18, 4).describe('Target for the period'),
    dimensions: jsonb().notNull().default({}).describe('Breakdown'),
    computed_at: timestamptz().notNull().defaultNow().describe('When computed'),
  },
  unique: [{ columns: ['tenant_id', 'metric_name', 'period', 'period_start'], name: 'business_metrics_scope_key', nullsNotDistinct: true }],
  checks: { business_metrics_period_range_check: sql`period_end >= period_start` },
  rls: true,
  policies: { ...tenantRead('business metrics'), ...adminPolicies('business metrics'), ...servicePolicies('business metrics') },
});

export const systemMetrics = table('system_metrics', {
  group,
  description: 'System health metrics: CPU, memory, queue depth, error rates per component',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    component: text().notNull().describe('Service or component (api, worker, database, realtime...)'),
    host: text().describe('Host or instance'),
    metric_name: text().notNull().describe('cpu_percent, memory_mb, queue_depth, error_rate...'),
    value: doublePrecision().notNull().describe('Value'),
    unit: text().describe('Unit'),
    status: text().notNull().default('healthy').oneOf(['healthy', 'degraded', 'down']).describe('Health derived from thresholds'),
    tags: jsonb().notNull().default({}).describe('Labels'),
    recorded_at: timestamptz().notNull().defaultNow().describe('Sample time'),
  },
  indexes: { idx_system_metrics_component_recorded: { on: ['component', 'metric_name', 'recorded_at DESC'] } },
  rls: true,
  policies: { ...adminPolicies('system metrics'), ...servicePolicies('system metrics') },
});

export const pmfMetricsSnapshots = table('pmf_metrics_snapshots', {
  group,
  description: 'Product-market-fit snapshots: activation, retention and NPS on a day, written by update_pmf_metrics_snapshot()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant; NULL = platform'),
    snapshot_date: date().notNull().default(sql`CURRENT_DATE`).describe('Day of the snapshot'),
    activation_rate: numeric(5, 2).describe('Percent of new users activated (30 days)'),
    retention_d7: numeric(5, 2).describe('Percent retained after 7 days'),
    retention_d30: numeric(5, 2).describe('Percent retained after 30 days'),
    nps: numeric(5, 2).check(sql`nps BETWEEN -100 AND 100`).describe('Net promoter score (90 days)'),
    total_users: integer().describe('Users at snapshot time'),
    new_users_30d: integer().describe('Sign-ups in the last 30 days'),
    active_users_30d: integer().describe('Users with a session in the last 30 days'),
    metrics: jsonb().notNull().default({}).describe('Further PMF indicators'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [{ columns: ['tenant_id', 'snapshot_date'], name: 'pmf_metrics_snapshots_scope_key', nullsNotDistinct: true }],
  rls: true,
  policies: { ...tenantRead('PMF snapshots'), ...adminPolicies('PMF snapshots'), ...servicePolicies('PMF snapshots') },
});

export const userActivations = table('user_activations', {
  group,
  description: 'User activation tracking: sign-up, onboarding steps and the moment a user reached the activation event',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().unique().references('auth.users', 'id', { onDelete: 'cascade' }).describe('User'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'set null' }).index().describe('Tenant the user joined first'),
    signed_up_at: timestamptz().notNull().defaultNow().index({ name: 'idx_user_activations_signed_up_at', descending: true }).describe('Sign-up time'),
    activated_at: timestamptz().describe('When the activation event happened (NULL: not yet)'),
    activation_event: text().describe('Which event counted as activation'),
    onboarding_steps: jsonb().notNull().default({}).describe('Completed onboarding steps by key'),
    acquisition_channel: text().describe('Channel the user came from'),
    ...timestamps(),
  },
  checks: { user_activations_order_check: sql`activated_at IS NULL OR activated_at >= signed_up_at` },
  triggers: { ...updatedAtTrigger('user_activations') },
  rls: true,
  policies: {
    ...ownerReadPolicies('activation'),
    ...tenantRead('activations'),
    ...adminPolicies('activations'),
    ...servicePolicies('activations'),
  },
});

export const getLatestMetricsPerSource = rpc('get_latest_metrics_per_source', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Get latest metrics: the newest p_limit samples of each source in metrics_log',
  args: { p_limit: { type: 'integer', default: sql`10` } },
  returns: { table: { source: 'text', metric_name: 'text', metric_value: 'double precision', unit: 'text', recorded_at: 'timestamptz' } },
  language: 'plpgsql',
  volatility: 'stable',
  body: sql`
BEGIN
  RETURN QUERY
  SELECT ranked.source, ranked.metric_name, ranked.metric_value, ranked.unit, ranked.recorded_at
  FROM (
    SELECT m.source, m.metric_name, m.metric_value, m.unit, m.recorded_at,
           row_number() OVER (PARTITION BY m.source ORDER BY m.recorded_at DESC) AS rn
    FROM public.metrics_log m
  ) ranked
  WHERE ranked.rn <= greatest(p_limit, 1)
  ORDER BY ranked.source, ranked.recorded_at DESC;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const getMetricsTrends = rpc('get_metrics_trends', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Calculate trends: platform-wide totals of each metrics_daily metric over the last p_days_back days (today included) against the window before, with the change in percent',
  args: { p_days_back: { type: 'integer', default: sql`7` } },
  returns: { table: { metric_name: 'text', current_value: 'numeric', previous_value: 'numeric', change_pct: 'numeric' } },
  language: 'plpgsql',
  volatility: 'stable',
  body: sql`
DECLARE
  v_current_start date := CURRENT_DATE - p_days_back + 1;
  v_previous_start date := CURRENT_DATE - 2 * p_days_back + 1;
BEGIN
  RETURN QUERY
  SELECT m.metric_name,
         coalesce(sum(m.metric_value) FILTER (WHERE m.metric_date >= v_current_start), 0) AS current_value,
         coalesce(sum(m.metric_value) FILTER (WHERE m.metric_date < v_current_start), 0) AS previous_value,
         round(100 * (coalesce(sum(m.metric_value) FILTER (WHERE m.metric_date >= v_current_start), 0)
                      - sum(m.metric_value) FILTER (WHERE m.metric_date < v_current_start))
               / nullif(sum(m.metric_value) FILTER (WHERE m.metric_date < v_current_start), 0), 2) AS change_pct
  FROM public.metrics_daily m
  WHERE m.tenant_id IS NULL
    AND m.metric_date >= v_previous_start
    AND m.metric_date <= CURRENT_DATE
  GROUP BY m.metric_name
  ORDER BY m.metric_name;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const calculateActivationRate = rpc('calculate_activation_rate', {
  group,
  description: 'Calculate activation rate: percent of users who signed up in the last p_days_back days and have activated',
  args: { p_days_back: { type: 'integer', default: sql`30` } },
  returns: 'numeric',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_total bigint;
  v_activated bigint;
BEGIN
  SELECT count(*), count(*) FILTER (WHERE ua.activated_at IS NOT NULL)
  INTO v_total, v_activated
  FROM public.user_activations ua
  WHERE ua.signed_up_at >= now() - make_interval(days => p_days_back);
  IF v_total = 0 THEN
    RETURN 0;
  END IF;
  RETURN round(100.0 * v_activated / v_total, 2);
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const calculateRetentionRate = rpc('calculate_retention_rate', {
  group,
  description:
    'Calculate retention: of users who signed up in the last p_days_back days (and at least p_days_after days ago), the percent with a session p_days_after days or more after sign-up',
  args: { p_days_after: { type: 'integer', default: sql`7` }, p_days_back: { type: 'integer', default: sql`30` } },
  returns: 'numeric',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_cohort bigint;
  v_retained bigint;
BEGIN
  SELECT count(*),
         count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM public.sessions s
           WHERE s.user_id = ua.user_id
             AND s.started_at >= ua.signed_up_at + make_interval(days => p_days_after)
         ))
  INTO v_cohort, v_retained
  FROM public.user_activations ua
  WHERE ua.signed_up_at >= now() - make_interval(days => p_days_back)
    AND ua.signed_up_at <= now() - make_interval(days => p_days_after);
  IF v_cohort = 0 THEN
    RETURN 0;
  END IF;
  RETURN round(100.0 * v_retained / v_cohort, 2);
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const calculateNps = rpc('calculate_nps', {
  group,
  description:
    "Calculate NPS: from each user's latest app_events nps_response (payload.score 0-10) in the last p_days_back days, percent promoters (9-10) minus percent detractors (0-6); NULL without answers",
  args: { p_days_back: { type: 'integer', default: sql`90` } },
  returns: 'numeric',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_total bigint;
  v_promoters bigint;
  v_detractors bigint;
BEGIN
  WITH latest AS (
    SELECT DISTINCT ON (coalesce(e.user_id::text, e.id::text)) (e.payload ->> 'score')::int AS score
    FROM public.app_events e
    WHERE e.event_name = 'nps_response'
      AND e.occurred_at >= now() - make_interval(days => p_days_back)
      AND (e.payload ->> 'score') ~ '^([0-9]|10)$'
    ORDER BY coalesce(e.user_id::text, e.id::text), e.occurred_at DESC
  )
  SELECT count(*), count(*) FILTER (WHERE score >= 9), count(*) FILTER (WHERE score <= 6)
  INTO v_total, v_promoters, v_detractors
  FROM latest;
  IF v_total = 0 THEN
    RETURN NULL;
  END IF;
  RETURN round(100.0 * (v_promoters - v_detractors) / v_total, 2);
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const updatePmfMetricsSnapshot = rpc('update_pmf_metrics_snapshot', {
  group,
  description: "Update PMF snapshot: computes today's platform-wide activation, retention and NPS and upserts pmf_metrics_snapshots; returns the snapshot id",
  returns: 'uuid',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_id uuid;
BEGIN
  INSERT INTO public.pmf_metrics_snapshots AS p (
    tenant_id, snapshot_date, activation_rate, retention_d7, retention_d30, nps,
    total_users, new_users_30d, active_users_30d, metrics
  )
  VALUES (
    NULL,
    CURRENT_DATE,
    public.calculate_activation_rate(30),
    public.calculate_retention_rate(7, 60),
    public.calculate_retention_rate(30, 90),
    public.calculate_nps(90),
    (SELECT count(*) FROM public.profiles),
    (SELECT count(*) FROM public.profiles pr WHERE pr.created_at >= now() - interval '30 days'),
    (SELECT count(DISTINCT s.user_id) FROM public.sessions s WHERE s.started_at >= now() - interval '30 days' AND s.user_id IS NOT NULL),
    jsonb_build_object('computed_at', now())
  )
  ON CONFLICT ON CONSTRAINT pmf_metrics_snapshots_scope_key DO UPDATE
  SET activation_rate = EXCLUDED.activation_rate,
      retention_d7 = EXCLUDED.retention_d7,
      retention_d30 = EXCLUDED.retention_d30,
      nps = EXCLUDED.nps,
      total_users = EXCLUDED.total_users,
      new_users_30d = EXCLUDED.new_users_30d,
      active_users_30d = EXCLUDED.active_users_30d,
      metrics = EXCLUDED.metrics
  RETURNING p.id INTO v_id;
  RETURN v_id;
END;
`,
  grants: ['service_role'],
});

export const metricsDashboard = view('metrics_dashboard', {
  group,
  description: 'Aggregated metrics view: platform-wide daily metrics of the last 90 days side by side, with the PMF snapshot of the day',
  securityInvoker: true,
  query: sql`
SELECT d.metric_date,
       sum(d.metric_value) FILTER (WHERE d.metric_name = 'daily_active_users') AS daily_active_users,
       sum(d.metric_value) FILTER (WHERE d.metric_name = 'events_total') AS events_total,
       sum(d.metric_value) FILTER (WHERE d.metric_name = 'sessions_total') AS sessions_total,
       sum(d.metric_value) FILTER (WHERE d.metric_name = 'signups') AS signups,
       sum(d.metric_value) FILTER (WHERE d.metric_name = 'conversions') AS conversions,
       max(p.activation_rate) AS activation_rate,
       max(p.retention_d7) AS retention_d7,
       max(p.retention_d30) AS retention_d30,
       max(p.nps) AS nps
FROM public.metrics_daily d
LEFT JOIN public.pmf_metrics_snapshots p ON p.snapshot_date = d.metric_date AND p.tenant_id IS NULL
WHERE d.tenant_id IS NULL
  AND d.metric_date >= CURRENT_DATE - 90
GROUP BY d.metric_date
`,
  columns: {
    metric_date: 'Day',
    daily_active_users: 'Distinct users with an event',
    events_total: 'Events recorded',
    sessions_total: 'Sessions started',
    signups: 'signup events',
    conversions: 'Conversion funnel steps reached',
    activation_rate: 'PMF snapshot: activation rate (percent)',
    retention_d7: 'PMF snapshot: 7-day retention (percent)',
    retention_d30: 'PMF snapshot: 30-day retention (percent)',
    nps: 'PMF snapshot: net promoter score',
  },
});
