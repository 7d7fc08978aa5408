import { boolean, char, inet, integer, jsonb, numeric, rpc, smallint, sql, table, text, timestamptz, uuid } from 'pgform';
import { adminPolicies, areas, ownerReadPolicies, rlsSql, servicePolicies, tenantPolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.events;

/** Tenant members read their tenant's rows; users read their own. */
const tenantOrOwnerRead = (noun: string) => ({
  [`Tenant members view ${noun}`]: { for: 'select' as const, to: 'authenticated', using: rlsSql.tenant() },
  ...ownerReadPolicies(noun),
});

/** Signed-in users may record rows about themselves only. */
const ownerInsert = (noun: string) => ({
  [`Users record own ${noun}`]: { for: 'insert' as const, to: 'authenticated', withCheck: sql`(select auth.uid()) = user_id AND (tenant_id IS NULL OR public.is_tenant_member(tenant_id, (select auth.uid())))` },
});

export const sessions = table('sessions', {
  group,
  description: 'User session tracking: one row per visit, signed-in or anonymous',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Signed-in user (NULL: anonymous)'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant the session belongs to'),
    anonymous_id: text().index().describe('Client-side visitor id'),
    started_at: timestamptz().notNull().defaultNow().describe('First hit'),
    last_seen_at: timestamptz().notNull().defaultNow().describe('Latest hit'),
    ended_at: timestamptz().describe('Session end'),
    duration_seconds: integer().generated(sql`(EXTRACT(epoch FROM (ended_at - started_at)))::integer`).describe('ended_at - started_at (generated)'),
    page_views: integer().notNull().default(0).check(sql`page_views >= 0`).describe('Pages seen'),
    is_bounce: boolean().notNull().default(false).describe('Single-page session'),
    ip_address: inet().describe('Client IP'),
    user_agent: text().describe('User agent'),
    device_type: text().oneOf(['desktop', 'mobile', 'tablet', 'bot', 'other']).describe('Device class'),
    browser: text().describe('Browser'),
    os: text().describe('Operating system'),
    country: char(2).describe('ISO 3166 country code'),
    referrer: text().describe('Referring URL'),
    landing_page: text().describe('First page'),
    utm: jsonb().notNull().default({}).describe('utm_source, utm_medium, utm_campaign...'),
  },
  checks: { sessions_end_after_start: sql`ended_at IS NULL OR ended_at >= started_at` },
  indexes: { idx_sessions_started_at: { on: ['started_at DESC'] } },
  rls: true,
  policies: {
    ...tenantOrOwnerRead('sessions'),
    ...ownerInsert('sessions'),
    'Users update own sessions': { for: 'update', to: 'authenticated', using: rlsSql.owner(), withCheck: rlsSql.owner() },
    ...adminPolicies('sessions'),
    ...servicePolicies('sessions'),
  },
});

export const events = table('events', {
  group,
  description: 'Core event tracking (legacy); written in bulk by upsert_events() and aggregated by recompute_metrics_daily()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    event_key: text().notNull().unique().describe('Idempotency key from the client; upsert_events() conflicts on it'),
    event_name: text().notNull().describe('Event name (page_view, signup, feature_used...)'),
    event_type: text().notNull().default('track').oneOf(['track', 'page', 'identify', 'screen', 'system']).describe('Event kind'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('User (NULL: anonymous)'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    session_id: uuid().references('sessions', 'id', { onDelete: 'set null' }).index().describe('Session'),
    anonymous_id: text().describe('Client-side visitor id'),
    source: text().notNull().default('web').describe('Where it came from (web, ios, android, server...)'),
    properties: jsonb().notNull().default({}).describe('Event properties'),
    page_url: text().describe('Page URL'),
    occurred_at: timestamptz().notNull().defaultNow().describe('When it happened (client time)'),
    created_at: timestamptz().notNull().defaultNow().describe('When it was stored'),
  },
  indexes: {
    idx_events_name_occurred: { on: ['event_name', 'occurred_at DESC'] },
    idx_events_occurred_at: { on: ['occurred_at DESC'] },
  },
  rls: true,
  policies: {
    ...tenantOrOwnerRead('events'),
    ...ownerInsert('events'),
    'Users update own events': { for: 'update', to: 'authenticated', using: rlsSql.owner(), withCheck: rlsSql.owner() },
    ...adminPolicies('events'),
    ...servicePolicies('events'),
  },
});

export const telemetryEvents = table('telemetry_events', {
  group,
  description: 'Telemetry events: client and server instrumentation (performance, errors, feature usage)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('User, if known'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    session_id: uuid().index().references('sessions', 'id', { onDelete: 'set null' }).describe('Session'),
    event_type: text().notNull().describe('Category (error, perf, feature, lifecycle...)'),
    event_name: text().notNull().describe('Event name'),
    platform: text().notNull().default('web').oneOf(['web', 'ios', 'android', 'desktop', 'server']).describe('Emitting platform'),
    app_version: text().describe('Client version'),
    properties: jsonb().notNull().default({}).describe('Event properties'),
    context: jsonb().notNull().default({}).describe('Device, OS, locale, network'),
    occurred_at: timestamptz().notNull().defaultNow().describe('When it happened'),
    received_at: timestamptz().notNull().defaultNow().describe('When the server received it'),
  },
  indexes: { idx_telemetry_events_type_occurred: { on: ['event_type', 'occurred_at DESC'] } },
  rls: true,
  policies: {
    ...tenantOrOwnerRead('telemetry'),
    ...ownerInsert('telemetry'),
    ...adminPolicies('telemetry'),
    ...servicePolicies('telemetry'),
  },
});

export const appEvents = table('app_events', {
  group,
  description: 'Application events (published to supabase_realtime); also carries NPS survey answers (event_name = nps_response)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('User'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    event_type: text().notNull().describe('Category (user, billing, workflow, survey...)'),
    event_name: text().notNull().describe('Event name (nps_response carries payload.score 0-10)'),
    payload: jsonb().notNull().default({}).describe('Event data'),
    severity: text().notNull().default('info').oneOf(['debug', 'info', 'warning', 'error']).describe('Severity'),
    occurred_at: timestamptz().notNull().defaultNow().describe('When it happened'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: {
    idx_app_events_name_occurred: { on: ['event_name', 'occurred_at DESC'] },
    idx_app_events_created_at: { on: ['created_at DESC'] },
  },
  rls: true,
  policies: {
    ...tenantOrOwnerRead('app events'),
    ...ownerInsert('app events'),
    ...adminPolicies('app events'),
    ...servicePolicies('app events'),
  },
});

export const conversionEvents = table('conversion_events', {
  group,
  description: 'Conversion funnel events: ordered steps of named funnels',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('User, if signed in'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    session_id: uuid().index().references('sessions', 'id', { onDelete: 'set null' }).describe('Session'),
    lead_id: uuid().references('leads', 'id', { onDelete: 'set null' }).index().describe('Lead, when the visitor is a known lead'),
    anonymous_id: text().describe('Client-side visitor id'),
    funnel_name: text().notNull().describe('Funnel (signup, checkout, onboarding...)'),
    step: text().notNull().describe('Step name'),
    step_order: smallint().notNull().check(sql`step_order >= 1`).describe('Position of the step in the funnel'),
    value: numeric(12, 2).describe('Monetary value, if any'),
    currency: char(3).default('USD').describe('ISO 4217 currency'),
    utm_source: text().describe('UTM source'),
    utm_medium: text().describe('UTM medium'),
    utm_campaign: text().describe('UTM campaign'),
    occurred_at: timestamptz().notNull().defaultNow().describe('When the step was reached'),
  },
  indexes: { idx_conversion_events_funnel: { on: ['funnel_name', 'step_order', 'occurred_at DESC'] } },
  rls: true,
  policies: {
    ...tenantOrOwnerRead('conversion events'),
    ...ownerInsert('conversion events'),
    ...adminPolicies('conversion events'),
    ...servicePolicies('conversion events'),
  },
});

export const signals = table('signals', {
  group,
  description: 'Feature snapshots/heuristics computed per user (engagement, churn risk, intent...)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('User the signal is about'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    signal_type: text().notNull().describe('Family (engagement, churn_risk, intent, activation...)'),
    signal_key: text().notNull().describe('Specific heuristic or feature name'),
    value: numeric().describe('Numeric value'),
    score: numeric(5, 4).check(sql`score BETWEEN 0 AND 1`).describe('Normalised score 0-1'),
    features: jsonb().notNull().default({}).describe('Feature snapshot the value was computed from'),
    source: text().notNull().default('heuristic').oneOf(['heuristic', 'model', 'manual']).describe('How it was computed'),
    computed_at: timestamptz().notNull().defaultNow().describe('When it was computed'),
    expires_at: timestamptz().describe('Recompute after'),
  },
  indexes: { idx_signals_user_type_computed: { on: ['user_id', 'signal_type', 'computed_at DESC'] } },
  rls: true,
  policies: {
    ...tenantOrOwnerRead('signals'),
    ...adminPolicies('signals'),
    ...servicePolicies('signals'),
  },
});

export const segments = table('segments', {
  group,
  description: 'User segments/cohorts: static lists, rule-based segments and signup cohorts',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant; NULL = platform segment'),
    name: text().notNull().describe('Name'),
    slug: text().notNull().check(sql`slug ~ '^[a-z0-9_-]+$'`).describe('Key'),
    description: text().describe('What the segment means'),
    segment_type: text().notNull().default('dynamic').oneOf(['static', 'dynamic', 'cohort']).describe('How membership is decided'),
    rules: jsonb().notNull().default({}).describe('Rules for dynamic segments'),
    cohort_date: timestamptz().describe('Cohort anchor (signup week/month)'),
    member_count: integer().notNull().default(0).describe('Members at last refresh'),
    is_active: boolean().notNull().default(true).describe('Refreshed and usable'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Creator'),
    last_computed_at: timestamptz().describe('Last refresh'),
    ...timestamps(),
  },
  unique: [{ columns: ['tenant_id', 'slug'], name: 'segments_tenant_id_slug_key', nullsNotDistinct: true }],
  triggers: { ...updatedAtTrigger('segments') },
  rls: true,
  policies: {
    ...tenantPolicies('segments'),
    ...adminPolicies('segments'),
    ...servicePolicies('segments'),
  },
});

export const userSegments = table('user_segments', {
  group,
  description: 'User-segment assignments',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('User'),
    segment_id: uuid().notNull().references('segments', 'id', { onDelete: 'cascade' }).index().describe('Segment'),
    assigned_by: text().notNull().default('rule').oneOf(['rule', 'manual', 'import']).describe('How the user got in'),
    score: numeric(5, 4).describe('Fit score for dynamic segments'),
    assigned_at: timestamptz().notNull().defaultNow().describe('When assigned'),
    expires_at: timestamptz().describe('Leaves the segment after'),
  },
  unique: [['user_id', 'segment_id']],
  rls: true,
  policies: {
    'Tenant members view segment members': {
      for: 'select',
      to: 'authenticated',
      using: sql`EXISTS (SELECT 1 FROM public.segments s WHERE s.id = user_segments.segment_id AND public.is_tenant_member(s.tenant_id, (select auth.uid())))`,
    },
    ...ownerReadPolicies('segments'),
    ...adminPolicies('segment members'),
    ...servicePolicies('segment members'),
  },
});

export const upsertEvents = rpc('upsert_events', {
  set: { search_path: 'public, extensions' },
  group,
  description:
    "Bulk upsert events: takes a JSON array of events (event_key, event_name, ...) and inserts or updates them by event_key; user_id defaults to the caller. Returns the number of rows written. Runs with the caller's rights, so RLS applies",
  args: { rows: 'jsonb' },
  returns: 'integer',
  language: 'plpgsql',
  security: 'invoker',
  body: sql`
DECLARE
  v_count integer;
BEGIN
  IF jsonb_typeof(rows) <> 'array' THEN
    RAISE EXCEPTION 'upsert_events expects a JSON array' USING ERRCODE = '22023';
  END IF;

  INSERT INTO public.events AS e (event_key, event_name, event_type, user_id, tenant_id, session_id, anonymous_id, source, properties, page_url, occurred_at)
  SELECT r.event_key,
         r.event_name,
         coalesce(r.event_type, 'track'),
         coalesce(r.user_id, auth.uid()),
         r.tenant_id,
         r.session_id,
         r.anonymous_id,
         coalesce(r.source, 'web'),
         coalesce(r.properties, '{}'::jsonb),
         r.page_url,
         coalesce(r.occurred_at, now())
  FROM jsonb_to_recordset(rows) AS r(
    event_key text, event_name text, event_type text, user_id uuid, tenant_id uuid, session_id uuid,
    anonymous_id text, source text, properties jsonb, page_url text, occurred_at timestamptz
  )
  ON CONFLICT (event_key) DO UPDATE
  SET event_name = EXCLUDED.event_name,
      event_type = EXCLUDED.event_type,
      properties = e.properties || EXCLUDED.properties,
      page_url = coalesce(EXCLUDED.page_url, e.page_url),
      occurred_at = EXCLUDED.occurred_at;

  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const recomputeMetricsDaily = rpc('recompute_metrics_daily', {
  group,
  description:
    'Recompute daily metrics: rebuilds the metrics_daily rows of source "events" for each day in [p_start, p_end] (platform-wide and per tenant); returns the rows written',
  args: { p_start: 'date', p_end: 'date' },
  returns: 'integer',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_count integer;
BEGIN
  IF p_end < p_start THEN
    RAISE EXCEPTION 'p_end (%) is before p_start (%)', p_end, p_start USING ERRCODE = '22023';
  END IF;
  -- auth.role() is NULL outside API requests (cron jobs, psql)
  IF coalesce(auth.role(), 'service_role') <> 'service_role' AND NOT public.is_admin(auth.uid()) THEN
    RAISE EXCEPTION 'only admins and the service role recompute metrics' USING ERRCODE = '42501';
  END IF;

  DELETE FROM public.metrics_daily md
  WHERE md.source = 'events' AND md.metric_date BETWEEN p_start AND p_end;

  WITH days AS (
    SELECT d::date AS day FROM generate_series(p_start::timestamp, p_end::timestamp, interval '1 day') AS d
  ),
  ev AS (
    SELECT e.occurred_at::date AS day, e.tenant_id, e.user_id, e.event_name
    FROM public.events e
    WHERE e.occurred_at >= p_start AND e.occurred_at < p_end + 1
  ),
  per_scope AS (
    SELECT day, tenant_id, GROUPING(tenant_id) AS is_platform_total,
           count(*)::numeric AS events_total,
           count(DISTINCT user_id)::numeric AS daily_active_users,
           count(*) FILTER (WHERE event_name = 'signup')::numeric AS signups
    FROM ev
    GROUP BY GROUPING SETS ((day), (day, tenant_id))
  ),
  scoped AS (
    -- platform-wide rows (tenant_id NULL) plus one row per real tenant
    SELECT * FROM per_scope WHERE is_platform_total = 1 OR tenant_id IS NOT NULL
  ),
  sess AS (
    SELECT s.started_at::date AS day, count(*)::numeric AS sessions_total
    FROM public.sessions s
    WHERE s.started_at >= p_start AND s.started_at < p_end + 1
    GROUP BY 1
  ),
  conv AS (
    SELECT c.occurred_at::date AS day, count(*)::numeric AS conversions
    FROM public.conversion_events c
    WHERE c.occurred_at >= p_start AND c.occurred_at < p_end + 1
    GROUP BY 1
  ),
  metrics AS (
    SELECT s.day, s.tenant_id, m.metric_name, m.metric_value
    FROM scoped s
    CROSS JOIN LATERAL (VALUES ('events_total', s.events_total), ('daily_active_users', s.daily_active_users), ('signups', s.signups)) AS m(metric_name, metric_value)
    UNION ALL
    SELECT d.day, NULL::uuid, 'sessions_total', coalesce(x.sessions_total, 0) FROM days d LEFT JOIN sess x ON x.day = d.day
    UNION ALL
    SELECT d.day, NULL::uuid, 'conversions', coalesce(x.conversions, 0) FROM days d LEFT JOIN conv x ON x.day = d.day
  )
  INSERT INTO public.metrics_daily (metric_date, tenant_id, source, metric_name, metric_value)
  SELECT day, tenant_id, 'events', metric_name, metric_value FROM metrics;

  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END;
`,
  grants: ['service_role'],
});
