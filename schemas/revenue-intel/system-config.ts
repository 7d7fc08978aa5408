/*
 * Group 7: SYSTEM/CONFIG data (Admin only). Settings, integrations, staff and user access,
 * logs and telemetry, business planning tables, and the admin RPCs (introspection, cleanup,
 * refresh, sync triggers).
 *
 * Provides what the other groups rely on: `staff` (deals.closer_id, leads.setter_id),
 * `user_roles` + `has_role()` / `is_admin()` (every admin policy), `normalize_phone()` (the
 * call_records.caller_number = contacts.phone match) and the refresh RPCs of the materialized
 * views daily_analytics (health.ts) and mv_enterprise_truth_genome (cross-group.ts).
 *
 * RLS: every table is admin-only (adminOnlyPolicies) unless noted: staff is readable by every
 * dashboard user, user_* tables are per user, tokens is service-role only.
 */
import { bigint, boolean, date, inet, integer, jsonb, numeric, rpc, smallint, sql, table, text, timestamptz, uuid, view, type PolicyInput } from 'pgform';
import { adminOnlyPolicies, appRole, groups, updatedAtTrigger } from './common.js';

const group = groups.system;

/**
 * The guard of the admin RPCs: service_role (edge functions), admins, and direct database
 * sessions without a JWT (cron, psql) pass; anon and other signed-in users get an error.
 */
const requireAdmin = sql`
  IF coalesce(auth.role(), 'service_role') <> 'service_role' AND NOT public.is_admin() THEN
    RAISE EXCEPTION 'admin role required' USING ERRCODE = '42501';
  END IF;`;

/** Per-user rows: the owner reads and writes them, admins read and correct all of them. */
function ownRowsPolicies(what: string, ownerColumn = 'user_id'): Record<string, PolicyInput> {
  const own = sql`${ownerColumn} = (select auth.uid())`;
  return {
    [`Users view own ${what}`]: { for: 'select', to: 'authenticated', using: own },
    [`Users insert own ${what}`]: { for: 'insert', to: 'authenticated', withCheck: own },
    [`Users update own ${what}`]: { for: 'update', to: 'authenticated', using: own, withCheck: own },
    ...adminOnlyPolicies(what),
  };
}

// ---------------------------------------------------------------------------------------------
// Settings and integrations

export const appSettings = table('app_settings', {
  group,
  description: 'Application configuration: one JSON value per key (feature flags, thresholds, URLs)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull().unique().describe('Setting key, e.g. supabase_url, health.red_threshold'),
    value: jsonb().notNull().default({}).describe('Setting value as JSON'),
    category: text().notNull().default('general').index().describe('Grouping in the settings screen'),
    description: text().describe('What the setting controls'),
    is_secret: boolean().notNull().default(false).describe('Secret values are only returned by SECURITY DEFINER RPCs (get_service_role_key)'),
    updated_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Admin who last changed it'),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('app_settings'),
  rls: true,
  policies: adminOnlyPolicies('app settings'),
});

export const systemSettings = table('system_settings', {
  group,
  description: 'System configuration read by sync jobs and agents (schedules, limits, integration switches)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    setting_key: text().notNull().unique().describe('Setting key'),
    setting_value: jsonb().notNull().default({}).describe('Setting value as JSON'),
    setting_type: text().notNull().default('json').oneOf(['string', 'number', 'boolean', 'json']).describe('How the value is interpreted'),
    scope: text().notNull().default('global').oneOf(['global', 'integration', 'agent', 'dashboard']).index().describe('What the setting applies to'),
    is_active: boolean().notNull().default(true).describe('Inactive settings fall back to defaults'),
    description: text(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('system_settings'),
  rls: true,
  policies: adminOnlyPolicies('system settings'),
});

export const systemPreferences = table('system_preferences', {
  group,
  description: 'Organisation-wide preferences (currency, week start, business hours, report recipients)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    preference_key: text().notNull().unique().describe('Preference key'),
    preference_value: jsonb().notNull().default({}).describe('Preference value as JSON'),
    category: text().notNull().default('general').describe('Grouping in the admin screen'),
    description: text(),
    updated_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('system_preferences'),
  rls: true,
  policies: adminOnlyPolicies('system preferences'),
});

export const systemMetrics = table('system_metrics', {
  group,
  description: 'Time series of system metrics (queue depth, sync lag, error counts, DB size)',
  columns: {
    id: bigint().identity().primaryKey(),
    metric_name: text().notNull().describe('Metric, e.g. sync_queue_depth'),
    metric_value: numeric().notNull().describe('Measured value'),
    unit: text().describe('Unit: count, ms, bytes, percent'),
    source: text().describe('Component that reported it'),
    tags: jsonb().notNull().default({}).describe('Extra dimensions'),
    recorded_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_system_metrics_name_recorded: { on: ['metric_name', 'recorded_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('system metrics'),
});

export const platformConnections = table('platform_connections', {
  group,
  description: 'Integration connections (HubSpot, Stripe, Facebook, PostHog, AWS, WhatsApp...) and their state',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    platform: text().notNull().describe('Integration: hubspot, stripe, facebook, posthog, aws, whatsapp, callgear...'),
    account_id: text().notNull().default('default').describe('Account on the platform (portal id, Stripe account, ad account)'),
    account_name: text(),
    status: text().notNull().default('pending').oneOf(['connected', 'disconnected', 'error', 'pending']).index().describe('Connection state'),
    scopes: text().array().notNull().default([]).describe('Granted OAuth scopes'),
    config: jsonb().notNull().default({}).describe('Non-secret settings (sync window, pipelines)'),
    credentials_ref: text().describe('Name of the secret holding credentials (tokens table or vault); never the secret itself'),
    last_sync_at: timestamptz().describe('Last successful sync'),
    last_error: text(),
    connected_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['platform', 'account_id']],
  triggers: updatedAtTrigger('platform_connections'),
  rls: true,
  policies: adminOnlyPolicies('platform connections'),
});

export const platformMetrics = table('platform_metrics', {
  group,
  description: 'Daily metrics per platform (records synced, API calls, errors), filled by refresh_platform_metrics',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    platform: text().notNull().describe('Integration name, as in platform_connections.platform'),
    connection_id: uuid().references('platform_connections', 'id', { onDelete: 'set null' }).index(),
    metric_date: date().notNull().default(sql`CURRENT_DATE`),
    metric_name: text().notNull().describe('Metric, e.g. records_synced, sync_errors, webhooks_received'),
    metric_value: numeric().notNull().default(0),
    metadata: jsonb().notNull().default({}),
    captured_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['platform', 'metric_date', 'metric_name']],
  indexes: { idx_platform_metrics_date: { on: ['metric_date DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('platform metrics'),
});

// ---------------------------------------------------------------------------------------------
// Staff and users

export const staff = table('staff', {
  group,
  description: 'Staff members: setters, closers, coaches and managers (deals.closer_id, leads.setter_id)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().unique().references('auth.users', 'id', { onDelete: 'set null' }).describe('Login of the staff member, if any'),
    full_name: text().notNull().describe('Display name; coach names in client_health_scores.assigned_coach match it'),
    email: text().unique(),
    phone: text(),
    role: text().notNull().oneOf(['setter', 'closer', 'coach', 'manager', 'admin', 'ops']).index().describe('Sales or delivery role'),
    team: text().describe('Team or squad'),
    hubspot_owner_id: text().unique().describe('HubSpot owner id (string): contacts.owner_id, deals.owner_id, call_records.hubspot_owner_id'),
    max_client_capacity: integer().notNull().default(0).check(sql`max_client_capacity >= 0`).describe('Coaches: active clients they can carry (view_coach_capacity_load)'),
    commission_rate: numeric(5, 4).check(sql`commission_rate BETWEEN 0 AND 1`).describe('Share of cash collected paid as commission'),
    is_active: boolean().notNull().default(true).index(),
    hired_on: date(),
    left_on: date(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  checks: { staff_tenure_order: sql`left_on IS NULL OR hired_on IS NULL OR left_on >= hired_on` },
  indexes: { idx_staff_full_name_lower: { on: ['lower(full_name)'] } },
  triggers: updatedAtTrigger('staff'),
  rls: true,
  policies: {
    'Authenticated users can view staff': { for: 'select', to: 'authenticated', using: sql`true` },
    ...adminOnlyPolicies('staff'),
  },
});

export const userProfiles = table('user_profiles', {
  group,
  description: 'Profile of each dashboard user (one row per auth.users row)',
  columns: {
    id: uuid().primaryKey().references('auth.users', 'id', { onDelete: 'cascade' }).describe('Same id as auth.users'),
    email: text().describe('Copy of auth.users.email for display'),
    full_name: text(),
    avatar_url: text(),
    job_title: text(),
    staff_id: uuid().references('staff', 'id', { onDelete: 'set null' }).index().describe('The staff record of this user, if any'),
    timezone: text().notNull().default('UTC'),
    last_seen_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('user_profiles'),
  rls: true,
  policies: ownRowsPolicies('profile', 'id'),
});

export const userRoles = table('user_roles', {
  group,
  description: 'Role assignments (app_role); read through has_role() so policies never recurse',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).describe('The user'),
    role: appRole.column().notNull().default('user').describe('Granted role'),
    granted_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['user_id', 'role']],
  rls: true,
  policies: {
    'Users view own roles': { for: 'select', to: 'authenticated', using: sql`user_id = (select auth.uid())` },
    ...adminOnlyPolicies('roles'),
  },
});

export const userPreferences = table('user_preferences', {
  group,
  description: 'Per-user dashboard preferences (theme, default dashboard, notification settings)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().unique().references('auth.users', 'id', { onDelete: 'cascade' }),
    theme: text().notNull().default('system').oneOf(['light', 'dark', 'system']),
    default_dashboard: text().describe('Dashboard opened after sign-in'),
    dashboard_layout: jsonb().notNull().default({}).describe('Widget layout per dashboard'),
    notifications: jsonb().notNull().default({}).describe('Notification channels and thresholds'),
    timezone: text(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('user_preferences'),
  rls: true,
  policies: ownRowsPolicies('preferences'),
});

export const devices = table('devices', {
  group,
  description: 'Device registry: phones, tablets and kiosks that call the APIs',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index(),
    device_name: text().notNull(),
    device_type: text().notNull().default('other').oneOf(['mobile', 'tablet', 'desktop', 'kiosk', 'server', 'other']),
    platform: text().describe('ios, android, web...'),
    os_version: text(),
    app_version: text(),
    device_fingerprint: text().unique().describe('Stable identifier reported by the device'),
    push_token: text(),
    is_trusted: boolean().notNull().default(false),
    last_ip: inet(),
    last_seen_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('devices'),
  rls: true,
  policies: {
    'Users view own devices': { for: 'select', to: 'authenticated', using: sql`user_id = (select auth.uid())` },
    ...adminOnlyPolicies('devices'),
  },
});

export const deviceRequestLogs = table('device_request_logs', {
  group,
  description: 'API requests made by each device',
  columns: {
    id: bigint().identity().primaryKey(),
    device_id: uuid().notNull().references('devices', 'id', { onDelete: 'cascade' }).describe('Links to devices'),
    endpoint: text().notNull(),
    method: text().notNull().default('GET'),
    status_code: smallint(),
    latency_ms: integer().check(sql`latency_ms >= 0`),
    ip_address: inet(),
    user_agent: text(),
    requested_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_device_request_logs_device_time: { on: ['device_id', 'requested_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('device request logs'),
});

// ---------------------------------------------------------------------------------------------
// Logs and telemetry

export const edgeFunctionLogs = table('edge_function_logs', {
  group,
  description: 'Log lines written by the edge functions (sync jobs, webhooks, agents)',
  columns: {
    id: bigint().identity().primaryKey(),
    function_name: text().notNull().describe('Edge function that logged'),
    level: text().notNull().default('info').oneOf(['debug', 'info', 'warn', 'error']),
    message: text().notNull(),
    status_code: smallint(),
    duration_ms: integer(),
    request_id: text().describe('Correlates the lines of one invocation'),
    metadata: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: {
    idx_edge_function_logs_fn_created: { on: ['function_name', 'created_at DESC'] },
    idx_edge_function_logs_errors: { on: ['created_at DESC'], where: sql`level = 'error'` },
  },
  rls: true,
  policies: adminOnlyPolicies('edge function logs'),
});

export const webhookLogs = table('webhook_logs', {
  group,
  description: 'Inbound webhooks (HubSpot, Stripe, Facebook, call tracking) and their processing result',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    source: text().notNull().describe('Sender: hubspot, stripe, facebook, callgear...'),
    event_type: text().describe('Event name as sent'),
    external_event_id: text().describe('Event id of the sender, for deduplication'),
    payload: jsonb().notNull().default({}),
    headers: jsonb().notNull().default({}),
    status: text().notNull().default('received').oneOf(['received', 'processed', 'failed', 'ignored']).index(),
    error_message: text(),
    processing_ms: integer(),
    received_at: timestamptz().notNull().defaultNow(),
    processed_at: timestamptz(),
  },
  indexes: {
    idx_webhook_logs_source_received: { on: ['source', 'received_at DESC'] },
    idx_webhook_logs_external_event: { on: ['source', 'external_event_id'] },
  },
  rls: true,
  policies: adminOnlyPolicies('webhook logs'),
});

export const syncErrors = table('sync_errors', {
  group,
  description: 'Errors raised while syncing records from an external source',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    source: text().notNull().describe('hubspot, stripe, facebook, aws, posthog...'),
    entity_type: text().describe('contact, deal, call, payment...'),
    entity_id: text().describe('Id of the record in the source'),
    error_type: text().notNull().default('unknown').describe('validation, rate_limit, auth, network, mapping...'),
    error_message: text().notNull(),
    error_details: jsonb().notNull().default({}),
    retry_count: integer().notNull().default(0).check(sql`retry_count >= 0`),
    resolved_at: timestamptz(),
    resolved_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: {
    idx_sync_errors_source_created: { on: ['source', 'created_at DESC'] },
    idx_sync_errors_unresolved: { on: ['source'], where: sql`resolved_at IS NULL` },
  },
  rls: true,
  policies: adminOnlyPolicies('sync errors'),
});

export const syncLog = table('sync_log', {
  group,
  description: 'Per-record sync log: one row for each record written by a sync',
  columns: {
    id: bigint().identity().primaryKey(),
    source: text().notNull().describe('Where the record came from'),
    target_table: text().notNull().describe('Table written'),
    entity_id: text().notNull().describe('Id of the record in the source'),
    action: text().notNull().oneOf(['insert', 'update', 'delete', 'skip']),
    changes: jsonb().notNull().default({}).describe('Changed fields: old and new values'),
    synced_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_sync_log_target_entity: { on: ['target_table', 'entity_id'] }, idx_sync_log_synced_at: { on: ['synced_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('sync log'),
});

export const syncLogs = table('sync_logs', {
  group,
  description: 'One row per sync run: source, counts and outcome (check_sync_health reads it)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    source: text().notNull().describe('hubspot, stripe, facebook, aws, posthog...'),
    sync_type: text().notNull().default('incremental').oneOf(['full', 'incremental', 'webhook', 'manual']),
    status: text().notNull().default('running').oneOf(['running', 'success', 'partial', 'failed']),
    records_processed: integer().notNull().default(0),
    records_created: integer().notNull().default(0),
    records_updated: integer().notNull().default(0),
    records_failed: integer().notNull().default(0),
    error_message: text(),
    metadata: jsonb().notNull().default({}),
    started_at: timestamptz().notNull().defaultNow(),
    completed_at: timestamptz(),
  },
  checks: { sync_logs_completed_after_start: sql`completed_at IS NULL OR completed_at >= started_at` },
  indexes: { idx_sync_logs_source_started: { on: ['source', 'started_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('sync logs'),
});

export const syncQueue = table('sync_queue', {
  group,
  description: 'Queue of pending sync jobs, worked by the sync edge functions (trigger_immediate_truth_sync enqueues)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    source: text().notNull().describe('Source to sync, or all'),
    entity_type: text().describe('Record kind, NULL = everything'),
    entity_id: text().describe('Single record, NULL = all changed records'),
    operation: text().notNull().default('sync').oneOf(['sync', 'create', 'update', 'delete', 'full_sync']),
    payload: jsonb().notNull().default({}),
    priority: smallint().notNull().default(5).check(sql`priority BETWEEN 1 AND 10`).describe('1 = most urgent'),
    status: text().notNull().default('pending').oneOf(['pending', 'processing', 'completed', 'failed', 'cancelled']).index(),
    attempts: integer().notNull().default(0),
    max_attempts: integer().notNull().default(5),
    scheduled_for: timestamptz().notNull().defaultNow(),
    locked_at: timestamptz(),
    locked_by: text().describe('Worker that holds the job'),
    last_error: text(),
    requested_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
    completed_at: timestamptz(),
  },
  checks: { sync_queue_attempts_le_max: sql`attempts <= max_attempts` },
  indexes: { idx_sync_queue_pending: { on: ['priority', 'scheduled_for'], where: sql`status = 'pending'` } },
  triggers: updatedAtTrigger('sync_queue'),
  rls: true,
  policies: adminOnlyPolicies('sync queue'),
});

export const excelSyncLogs = table('excel_sync_logs', {
  group,
  description: 'Imports from and exports to Excel / Google Sheets workbooks',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    file_name: text().notNull(),
    sheet_name: text(),
    direction: text().notNull().default('import').oneOf(['import', 'export']),
    target_table: text().describe('Table read or written'),
    rows_total: integer().notNull().default(0),
    rows_inserted: integer().notNull().default(0),
    rows_updated: integer().notNull().default(0),
    rows_failed: integer().notNull().default(0),
    status: text().notNull().default('running').oneOf(['running', 'success', 'partial', 'failed']),
    error_details: jsonb().notNull().default([]),
    triggered_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    started_at: timestamptz().notNull().defaultNow(),
    completed_at: timestamptz(),
  },
  indexes: { idx_excel_sync_logs_started: { on: ['started_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('excel sync logs'),
});

export const requestTelemetry = table('request_telemetry', {
  group,
  description: 'Per-request telemetry of the dashboard APIs and edge functions',
  columns: {
    id: bigint().identity().primaryKey(),
    request_id: text(),
    route: text().notNull(),
    method: text().notNull().default('GET'),
    status_code: smallint(),
    duration_ms: integer(),
    user_id: uuid().describe('Caller (no FK: telemetry outlives users)'),
    ip_address: inet(),
    user_agent: text(),
    region: text(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_request_telemetry_route_created: { on: ['route', 'created_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('request telemetry'),
});

export const responseSafetyLog = table('response_safety_log', {
  group,
  description: 'Safety checks on AI agent responses: what was flagged and what was done',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    agent_name: text().notNull(),
    session_id: text().describe('agent_conversations.session_id'),
    user_id: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    prompt_excerpt: text(),
    response_excerpt: text(),
    safety_category: text().describe('pii, financial_advice, medical, hallucination, tone...'),
    risk_level: text().notNull().default('low').oneOf(['low', 'medium', 'high', 'critical']).index(),
    action_taken: text().notNull().default('allowed').oneOf(['allowed', 'redacted', 'blocked', 'escalated']),
    flagged_terms: text().array().notNull().default([]),
    model: text(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_response_safety_log_created: { on: ['created_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('response safety log'),
});

export const diagnostics = table('diagnostics', {
  group,
  description: 'Results of health checks run against integrations and the database',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    run_id: uuid().notNull().default(sql`gen_random_uuid()`).index().describe('Groups the checks of one run'),
    component: text().notNull().describe('hubspot_sync, stripe_webhooks, database...'),
    check_name: text().notNull(),
    status: text().notNull().oneOf(['pass', 'warn', 'fail']),
    details: jsonb().notNull().default({}),
    duration_ms: integer(),
    checked_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_diagnostics_component_checked: { on: ['component', 'checked_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('diagnostics'),
});

export const schemaIntrospectionAudit = table('schema_introspection_audit', {
  group,
  description: 'Audit of schema introspection and admin SQL calls (who looked at what)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    requested_by: uuid().describe('auth.uid() of the caller; NULL for service_role'),
    function_name: text().notNull().describe('RPC called: introspect_schema_verbose, execute_sql_query...'),
    target_schema: text().notNull().default('public'),
    query_text: text().describe('execute_sql_query: the statement run'),
    object_count: integer(),
    execution_ms: integer(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_schema_introspection_audit_created: { on: ['created_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('schema introspection audit'),
});

export const tokenUsageMetrics = table('token_usage_metrics', {
  group,
  description: 'LLM token usage and cost per agent call',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    agent_name: text().notNull(),
    run_id: uuid().references('agent_runs', 'id', { onDelete: 'set null' }).index().describe('Links to agent_runs'),
    provider: text().notNull().default('openai'),
    model: text().notNull(),
    prompt_tokens: integer().notNull().default(0).check(sql`prompt_tokens >= 0`),
    completion_tokens: integer().notNull().default(0).check(sql`completion_tokens >= 0`),
    total_tokens: integer().generated(sql`prompt_tokens + completion_tokens`),
    cost_usd: numeric(12, 6).notNull().default(0),
    session_id: text(),
    user_id: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    recorded_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_token_usage_metrics_model_recorded: { on: ['model', 'recorded_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('token usage metrics'),
});

export const tokens = table('tokens', {
  group,
  description: 'OAuth and API tokens of the integrations; readable by service_role only',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    connection_id: uuid().references('platform_connections', 'id', { onDelete: 'cascade' }).index(),
    provider: text().notNull().describe('hubspot, facebook, google...'),
    token_type: text().notNull().default('access').oneOf(['access', 'refresh', 'api_key', 'webhook_secret']),
    token_value: text().notNull().describe('The secret; no dashboard role can read it'),
    scopes: text().array().notNull().default([]),
    expires_at: timestamptz(),
    last_refreshed_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['provider', 'token_type', 'connection_id']],
  triggers: updatedAtTrigger('tokens'),
  rls: true,
  policies: { 'Service role manages tokens': { for: 'all', to: 'service_role', using: sql`true`, withCheck: sql`true` } },
});

export const managementActivityAudit = table('management_activity_audit', {
  group,
  description: 'Audit trail of manual changes made by managers and admins (reassignments, overrides, settings)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    actor_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index(),
    actor_email: text(),
    action: text().notNull().describe('e.g. reassign_owner, override_health_zone, update_setting'),
    entity_type: text().notNull(),
    entity_id: text(),
    before_state: jsonb(),
    after_state: jsonb(),
    reason: text(),
    ip_address: inet(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_management_activity_audit_entity: { on: ['entity_type', 'entity_id'] }, idx_management_activity_audit_created: { on: ['created_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('management activity audit'),
});

export const managementDailyReports = table('management_daily_reports', {
  group,
  description: 'Daily management report generated by the agents: KPIs, highlights and discrepancies',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    report_date: date().notNull().unique(),
    summary: text().describe('Narrative summary'),
    metrics: jsonb().notNull().default({}).describe('KPI snapshot (revenue, calls, bookings, health zones)'),
    highlights: jsonb().notNull().default([]),
    discrepancies: jsonb().notNull().default([]).describe('Rows of vw_management_discrepancies at report time'),
    generated_by: text().notNull().default('agent'),
    sent_to: text().array().notNull().default([]),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('management_daily_reports'),
  rls: true,
  policies: adminOnlyPolicies('management daily reports'),
});

// ---------------------------------------------------------------------------------------------
// Business planning and calibration

export const businessCalibration = table('business_calibration', {
  group,
  description: 'Human review of AI prepared actions: was the AI right, and why not (get_calibration_examples reads it)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    action_id: uuid().references('prepared_actions', 'id', { onDelete: 'set null' }).index().describe('Links to prepared_actions'),
    action_type: text().notNull().describe('Kind of action reviewed, copied from prepared_actions.action_type'),
    ai_decision: jsonb().notNull().default({}).describe('What the AI proposed'),
    human_decision: text().notNull().oneOf(['approved', 'rejected', 'modified']),
    was_correct: boolean().notNull(),
    correction: jsonb().describe('The corrected action, if modified'),
    correction_reason: text(),
    ai_confidence: numeric(4, 3).check(sql`ai_confidence BETWEEN 0 AND 1`),
    reviewed_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_business_calibration_type_created: { on: ['action_type', 'created_at DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('business calibration'),
});

export const businessForecasts = table('business_forecasts', {
  group,
  description: 'Forecasts of business metrics (revenue, new clients, churn) with bounds and later actuals',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    metric: text().notNull().describe('revenue, new_clients, churned_clients, cash_collected...'),
    period: text().notNull().default('monthly').oneOf(['daily', 'weekly', 'monthly', 'quarterly']),
    forecast_date: date().notNull().describe('Start of the forecast period'),
    forecast_value: numeric(14, 2).notNull(),
    lower_bound: numeric(14, 2),
    upper_bound: numeric(14, 2),
    actual_value: numeric(14, 2).describe('Filled when the period closes'),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    model: text().describe('Forecasting method'),
    assumptions: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['metric', 'period', 'forecast_date']],
  checks: { business_forecasts_bounds: sql`lower_bound IS NULL OR upper_bound IS NULL OR lower_bound <= upper_bound` },
  rls: true,
  policies: adminOnlyPolicies('business forecasts'),
});

export const businessGoals = table('business_goals', {
  group,
  description: 'Business goals per period with owner and progress',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    goal_name: text().notNull(),
    metric: text().notNull().describe('Metric the goal is measured on'),
    target_value: numeric(14, 2).notNull(),
    current_value: numeric(14, 2).notNull().default(0),
    period_start: date().notNull(),
    period_end: date().notNull(),
    owner_id: uuid().references('staff', 'id', { onDelete: 'set null' }).index().describe('Responsible staff member'),
    status: text().notNull().default('on_track').oneOf(['on_track', 'at_risk', 'off_track', 'achieved', 'missed']),
    notes: text(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  checks: { business_goals_period_order: sql`period_end >= period_start` },
  indexes: { idx_business_goals_period: { on: ['period_start', 'period_end'] } },
  triggers: updatedAtTrigger('business_goals'),
  rls: true,
  policies: adminOnlyPolicies('business goals'),
});

export const businessReports = table('business_reports', {
  group,
  description: 'Generated business reports (weekly, monthly, ad hoc)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    report_type: text().notNull().oneOf(['daily', 'weekly', 'monthly', 'quarterly', 'adhoc']),
    title: text().notNull(),
    period_start: date(),
    period_end: date(),
    summary: text(),
    content: jsonb().notNull().default({}).describe('Sections, tables and charts of the report'),
    generated_by: text().notNull().default('agent'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_business_reports_type_period: { on: ['report_type', 'period_start DESC'] } },
  rls: true,
  policies: adminOnlyPolicies('business reports'),
});

export const businessRules = table('business_rules', {
  group,
  description: 'Business rules the agents apply (thresholds, routing, escalation), as condition and action JSON',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    rule_name: text().notNull().unique(),
    category: text().notNull().describe('health, sales, billing, routing...'),
    condition: jsonb().notNull().default({}),
    action: jsonb().notNull().default({}),
    priority: integer().notNull().default(100).describe('Lower runs first'),
    is_active: boolean().notNull().default(true),
    description: text(),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_business_rules_active: { on: ['category', 'priority'], where: sql`is_active` } },
  triggers: updatedAtTrigger('business_rules'),
  rls: true,
  policies: adminOnlyPolicies('business rules'),
});

export const updateSourceLog = table('update_source_log', {
  group,
  description: 'Which source last changed which record (hubspot, stripe, manual, agent); kept 30 days',
  columns: {
    id: bigint().identity().primaryKey(),
    table_name: text().notNull(),
    record_id: text().notNull(),
    source: text().notNull().describe('hubspot, stripe, aws, manual, agent...'),
    fields_changed: text().array().notNull().default([]),
    changed_by: text().describe('User, job or agent'),
    changed_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_update_source_log_record: { on: ['table_name', 'record_id'] }, idx_update_source_log_changed_at: { on: ['changed_at'] } },
  rls: true,
  policies: adminOnlyPolicies('update source log'),
});

export const forensicSignatures = table('forensic_signatures', {
  group,
  description: 'Hashes of record snapshots, to prove what a record looked like at a point in time',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    entity_type: text().notNull(),
    entity_id: text().notNull(),
    signature_hash: text().notNull().describe('Hex digest of payload_snapshot'),
    algorithm: text().notNull().default('sha256').oneOf(['sha256', 'sha512', 'md5']),
    payload_snapshot: jsonb().notNull(),
    source: text(),
    signed_at: timestamptz().notNull().defaultNow(),
    verified_at: timestamptz(),
    is_valid: boolean(),
  },
  unique: [['entity_type', 'entity_id', 'signature_hash']],
  rls: true,
  policies: adminOnlyPolicies('forensic signatures'),
});

export const ultimateTruthEvents = table('ultimate_truth_events', {
  group,
  description: 'Cross-source truth events (HubSpot, Stripe, PostHog), reconciled against each other',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    source: text().notNull().oneOf(['hubspot', 'stripe', 'posthog', 'facebook', 'aws', 'manual']).describe('Source system'),
    source_event_id: text().notNull().describe('Event id in the source'),
    event_type: text().notNull().describe('lead_created, booking, deal_won, payment, refund, pageview...'),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index().describe('Links to contacts'),
    email: text().describe('Email as the source reported it (lower case)'),
    phone: text().describe('Phone as the source reported it'),
    amount: numeric(12, 2).describe('Money amount for payment-like events'),
    currency: text(),
    event_time: timestamptz().notNull(),
    payload: jsonb().notNull().default({}),
    reconciliation_status: text().notNull().default('pending').oneOf(['pending', 'matched', 'mismatch', 'orphan']).index(),
    matched_event_ids: uuid().array().notNull().default([]).describe('Events of other sources judged the same fact'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['source', 'source_event_id']],
  indexes: {
    idx_ultimate_truth_events_email: { on: ['lower(email)'] },
    idx_ultimate_truth_events_type_time: { on: ['event_type', 'event_time DESC'] },
  },
  rls: true,
  policies: adminOnlyPolicies('ultimate truth events'),
});

// ---------------------------------------------------------------------------------------------
// Access checks (every admin policy of the system calls has_role)

export const hasRole = rpc('has_role', {
  group,
  description: 'Role check: does the user hold the role in user_roles? SECURITY DEFINER so policies on user_roles never recurse',
  args: { _user_id: 'uuid', _role: appRole },
  returns: 'boolean',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM public.user_roles ur
    WHERE ur.user_id = _user_id AND ur.role = _role
  );
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const isAdmin = rpc('is_admin', {
  group,
  description: 'Admin check: does the user (default the caller) hold the admin role?',
  args: { p_user_id: { type: 'uuid', default: sql`auth.uid()` } },
  returns: 'boolean',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  RETURN p_user_id IS NOT NULL AND public.has_role(p_user_id, 'admin'::public.app_role);
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const normalizePhone = rpc('normalize_phone', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Phone normalization to E.164 (+<digits>), so call_records.caller_number and contacts.phone compare equal',
  note: 'Keeps digits only; a leading `+` or `00` marks an international number. A national number with a leading 0 takes `p_default_country_code` (e.g. `971`) when given; otherwise the digits are returned as they are after a `+`. Returns NULL for empty input.',
  args: { p_phone: 'text', p_default_country_code: { type: 'text', default: sql`NULL` } },
  returns: 'text',
  volatility: 'immutable',
  parallel: 'safe',
  body: sql`
DECLARE
  v_digits text;
BEGIN
  IF p_phone IS NULL THEN
    RETURN NULL;
  END IF;
  v_digits := regexp_replace(p_phone, '[^0-9]', '', 'g');
  IF v_digits = '' THEN
    RETURN NULL;
  END IF;
  IF btrim(p_phone) LIKE '+%' THEN
    RETURN '+' || v_digits;
  END IF;
  IF v_digits LIKE '00%' THEN
    RETURN '+' || substr(v_digits, 3);
  END IF;
  IF p_default_country_code IS NOT NULL AND v_digits LIKE '0%' THEN
    RETURN '+' || regexp_replace(p_default_country_code, '[^0-9]', '', 'g') || substr(v_digits, 2);
  END IF;
  RETURN '+' || v_digits;
END;
`,
});

// ---------------------------------------------------------------------------------------------
// Settings and sync health

export const checkSettings = rpc('check_settings', {
  group,
  description: 'Settings check: which of the required settings are configured (never returns values)',
  args: {
    p_keys: {
      type: 'text[]',
      default: sql`ARRAY['supabase_url', 'service_role_key', 'hubspot_portal_id', 'stripe_account_id', 'facebook_ad_account_id', 'posthog_project_id']::text[]`,
    },
  },
  returns: { table: { key_name: 'text', is_configured: 'boolean', found_in: 'text', last_updated_at: 'timestamp with time zone' } },
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  RETURN QUERY
  SELECT
    k.k,
    (a.id IS NOT NULL AND a.value NOT IN ('null'::jsonb, '""'::jsonb)) OR s.id IS NOT NULL,
    CASE WHEN a.id IS NOT NULL THEN 'app_settings' WHEN s.id IS NOT NULL THEN 'system_settings' ELSE 'missing' END,
    coalesce(a.updated_at, s.updated_at)
  FROM unnest(p_keys) AS k(k)
  LEFT JOIN public.app_settings a ON a.key = k.k
  LEFT JOIN public.system_settings s ON s.setting_key = k.k AND s.is_active
  ORDER BY k.k;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const checkSyncHealth = rpc('check_sync_health', {
  group,
  description: 'Sync health status per source: last runs, failures, open errors and queued jobs',
  note: '`health_status`: **critical** when no success for 24 h or most runs of the last 24 h failed; **warning** when no success for 6 h, the last run failed, or unresolved errors exist; **unknown** when the source never synced.',
  returns: {
    table: {
      source: 'text',
      last_run_at: 'timestamp with time zone',
      last_success_at: 'timestamp with time zone',
      last_status: 'text',
      runs_24h: 'integer',
      failed_runs_24h: 'integer',
      open_errors: 'integer',
      pending_jobs: 'integer',
      health_status: 'text',
    },
  },
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH sources AS (
    SELECT l.source AS src FROM public.sync_logs l
    UNION SELECT e.source FROM public.sync_errors e WHERE e.resolved_at IS NULL
    UNION SELECT q.source FROM public.sync_queue q WHERE q.status IN ('pending', 'processing')
    UNION SELECT c.platform FROM public.platform_connections c
  ), runs AS (
    SELECT
      l.source AS src,
      max(l.started_at) AS last_run,
      max(l.completed_at) FILTER (WHERE l.status = 'success') AS last_success,
      (array_agg(l.status ORDER BY l.started_at DESC))[1] AS last_state,
      count(*) FILTER (WHERE l.started_at > now() - interval '24 hours')::integer AS runs,
      count(*) FILTER (WHERE l.started_at > now() - interval '24 hours' AND l.status = 'failed')::integer AS failures
    FROM public.sync_logs l
    GROUP BY l.source
  ), errs AS (
    SELECT e.source AS src, count(*)::integer AS n FROM public.sync_errors e WHERE e.resolved_at IS NULL GROUP BY e.source
  ), queued AS (
    SELECT q.source AS src, count(*)::integer AS n FROM public.sync_queue q WHERE q.status IN ('pending', 'processing') GROUP BY q.source
  )
  SELECT
    s.src,
    r.last_run,
    r.last_success,
    r.last_state,
    coalesce(r.runs, 0),
    coalesce(r.failures, 0),
    coalesce(e.n, 0),
    coalesce(q.n, 0),
    CASE
      WHEN r.last_success IS NULL THEN 'unknown'
      WHEN r.last_success < now() - interval '24 hours' OR r.failures * 2 > r.runs THEN 'critical'
      WHEN r.last_success < now() - interval '6 hours' OR r.last_state = 'failed' OR coalesce(e.n, 0) > 0 THEN 'warning'
      ELSE 'healthy'
    END
  FROM sources s
  LEFT JOIN runs r ON r.src = s.src
  LEFT JOIN errs e ON e.src = s.src
  LEFT JOIN queued q ON q.src = s.src
  ORDER BY s.src;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const getDataFreshness = rpc('get_data_freshness', {
  group,
  description: 'Data freshness: latest write and staleness of each synced table',
  note: 'Tables and their timestamp columns are listed in the body; a table missing in the database is skipped. Row counts are the planner estimate (pg_class.reltuples), so the call stays cheap.',
  returns: { table: { source_table: 'text', last_updated_at: 'timestamp with time zone', row_estimate: 'bigint', hours_since_update: 'numeric', stale_after_hours: 'integer', is_stale: 'boolean' } },
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_item record;
  v_last timestamptz;
BEGIN
  FOR v_item IN
    SELECT * FROM (VALUES
      ('contacts', 'updated_at', 24),
      ('deals', 'updated_at', 24),
      ('call_records', 'created_at', 12),
      ('stripe_transactions', 'created_at', 24),
      ('attribution_events', 'event_time', 24),
      ('facebook_ads_insights', 'date', 48),
      ('client_health_scores', 'calculated_at', 24),
      ('aws_truth_cache', 'synced_at', 24),
      ('ultimate_truth_events', 'event_time', 24),
      ('sync_logs', 'started_at', 6)
    ) AS t(tbl, col, stale_hours)
  LOOP
    CONTINUE WHEN to_regclass('public.' || quote_ident(v_item.tbl)) IS NULL;
    EXECUTE format('SELECT max(%I)::timestamptz FROM public.%I', v_item.col, v_item.tbl) INTO v_last;
    source_table := v_item.tbl;
    last_updated_at := v_last;
    row_estimate := (SELECT greatest(c.reltuples, 0)::bigint FROM pg_catalog.pg_class c WHERE c.oid = to_regclass('public.' || quote_ident(v_item.tbl)));
    hours_since_update := round((extract(epoch FROM now() - v_last) / 3600)::numeric, 2);
    stale_after_hours := v_item.stale_hours;
    is_stale := v_last IS NULL OR now() - v_last > make_interval(hours => v_item.stale_hours);
    RETURN NEXT;
  END LOOP;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const getSupabaseUrl = rpc('get_supabase_url', {
  group,
  description: 'Supabase URL: app_settings.supabase_url, else the app.settings.supabase_url database setting',
  returns: 'text',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  RETURN coalesce(
    (SELECT a.value #>> '{}' FROM public.app_settings a WHERE a.key = 'supabase_url'),
    nullif(current_setting('app.settings.supabase_url', true), '')
  );
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const getServiceRoleKey = rpc('get_service_role_key', {
  group,
  description: 'Service role key (admin): the secret app_settings.service_role_key, else the app.settings.service_role_key database setting',
  note: 'For pg_net / cron jobs that call edge functions. Only service_role and admins get a value; everyone else gets an error.',
  returns: 'text',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN${requireAdmin}
  RETURN coalesce(
    (SELECT a.value #>> '{}' FROM public.app_settings a WHERE a.key = 'service_role_key' AND a.is_secret),
    nullif(current_setting('app.settings.service_role_key', true), '')
  );
END;
`,
  grants: ['authenticated', 'service_role'],
});

// ---------------------------------------------------------------------------------------------
// Introspection (admin)

export const getAllTables = rpc('get_all_tables', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'List tables of a schema with size, estimated rows and RLS state',
  args: { p_schema: { type: 'text', default: sql`'public'` } },
  returns: { table: { table_name: 'text', schema_name: 'text', row_estimate: 'bigint', total_bytes: 'bigint', total_size: 'text', rls_enabled: 'boolean', description: 'text' } },
  language: 'sql',
  volatility: 'stable',
  body: sql`
SELECT
  c.relname::text,
  n.nspname::text,
  greatest(c.reltuples, 0)::bigint,
  pg_total_relation_size(c.oid),
  pg_size_pretty(pg_total_relation_size(c.oid)),
  c.relrowsecurity,
  obj_description(c.oid, 'pg_class')
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname = p_schema
ORDER BY c.relname
`,
  grants: ['authenticated', 'service_role'],
});

export const getAllFunctions = rpc('get_all_functions', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'List functions of a schema with arguments, result, language and security',
  args: { p_schema: { type: 'text', default: sql`'public'` } },
  returns: {
    table: { function_name: 'text', schema_name: 'text', arguments: 'text', return_type: 'text', language: 'text', volatility: 'text', security_definer: 'boolean', description: 'text' },
  },
  language: 'sql',
  volatility: 'stable',
  body: sql`
SELECT
  p.proname::text,
  n.nspname::text,
  pg_get_function_identity_arguments(p.oid),
  pg_get_function_result(p.oid),
  l.lanname::text,
  CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END,
  p.prosecdef,
  obj_description(p.oid, 'pg_proc')
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE n.nspname = p_schema AND p.prokind = 'f'
ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)
`,
  grants: ['authenticated', 'service_role'],
});

export const getTableColumns = rpc('get_table_columns', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Table column metadata: name, type, nullability, default and comment, in column order',
  args: { p_table_name: 'text', p_schema: { type: 'text', default: sql`'public'` } },
  returns: { table: { column_name: 'text', data_type: 'text', is_nullable: 'boolean', column_default: 'text', ordinal_position: 'integer', description: 'text' } },
  language: 'sql',
  volatility: 'stable',
  body: sql`
SELECT
  a.attname::text,
  format_type(a.atttypid, a.atttypmod),
  NOT a.attnotnull,
  pg_get_expr(d.adbin, d.adrelid),
  a.attnum::integer,
  col_description(c.oid, a.attnum)
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = p_schema AND c.relname = p_table_name AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
`,
  grants: ['authenticated', 'service_role'],
});

export const getDatabaseSize = rpc('get_database_size', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'DB size of the current database, in bytes and human-readable',
  returns: { table: { database_name: 'text', size_bytes: 'bigint', size_pretty: 'text' } },
  language: 'sql',
  volatility: 'stable',
  body: sql`
SELECT current_database()::text, pg_database_size(current_database()), pg_size_pretty(pg_database_size(current_database()))
`,
  grants: ['authenticated', 'service_role'],
});

export const introspectSchemaVerbose = rpc('introspect_schema_verbose', {
  group,
  description: 'Full schema introspection as JSON: tables (columns, constraints, indexes, policies), views, functions and enums',
  note: 'Admin only; each call is recorded in schema_introspection_audit.',
  args: { p_schema: { type: 'text', default: sql`'public'` } },
  returns: 'jsonb',
  volatility: 'volatile',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_started timestamptz := clock_timestamp();
  v_result jsonb;
BEGIN${requireAdmin}
  SELECT jsonb_build_object(
    'schema', p_schema,
    'generated_at', now(),
    'tables', coalesce((
      SELECT jsonb_agg(jsonb_build_object(
        'name', c.relname,
        'description', obj_description(c.oid, 'pg_class'),
        'rls_enabled', c.relrowsecurity,
        'row_estimate', greatest(c.reltuples, 0)::bigint,
        'columns', (
          SELECT coalesce(jsonb_agg(jsonb_build_object(
            'name', a.attname,
            'type', format_type(a.atttypid, a.atttypmod),
            'nullable', NOT a.attnotnull,
            'default', pg_get_expr(d.adbin, d.adrelid),
            'description', col_description(c.oid, a.attnum)
          ) ORDER BY a.attnum), '[]'::jsonb)
          FROM pg_catalog.pg_attribute a
          LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        ),
        'constraints', (
          SELECT coalesce(jsonb_agg(jsonb_build_object('name', k.conname, 'type', k.contype, 'definition', pg_get_constraintdef(k.oid)) ORDER BY k.conname), '[]'::jsonb)
          FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid
        ),
        'indexes', (
          SELECT coalesce(jsonb_agg(jsonb_build_object('name', ic.relname, 'definition', pg_get_indexdef(i.indexrelid)) ORDER BY ic.relname), '[]'::jsonb)
          FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid
        ),
        'policies', (
          SELECT coalesce(jsonb_agg(jsonb_build_object('name', p.polname, 'command', p.polcmd, 'using', pg_get_expr(p.polqual, p.polrelid), 'with_check', pg_get_expr(p.polwithcheck, p.polrelid)) ORDER BY p.polname), '[]'::jsonb)
          FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid
        )
      ) ORDER BY c.relname)
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = p_schema AND c.relkind IN ('r', 'p')
    ), '[]'::jsonb),
    'views', coalesce((
      SELECT jsonb_agg(jsonb_build_object('name', c.relname, 'materialized', c.relkind = 'm', 'definition', pg_get_viewdef(c.oid), 'description', obj_description(c.oid, 'pg_class')) ORDER BY c.relname)
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = p_schema AND c.relkind IN ('v', 'm')
    ), '[]'::jsonb),
    'functions', coalesce((
      SELECT jsonb_agg(jsonb_build_object('name', p.proname, 'arguments', pg_get_function_identity_arguments(p.oid), 'returns', pg_get_function_result(p.oid), 'security_definer', p.prosecdef, 'description', obj_description(p.oid, 'pg_proc')) ORDER BY p.proname)
      FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = p_schema AND p.prokind = 'f'
    ), '[]'::jsonb),
    'enums', coalesce((
      SELECT jsonb_agg(jsonb_build_object('name', t.typname, 'values', (SELECT jsonb_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)) ORDER BY t.typname)
      FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = p_schema AND t.typtype = 'e'
    ), '[]'::jsonb)
  ) INTO v_result;

  INSERT INTO public.schema_introspection_audit (requested_by, function_name, target_schema, object_count, execution_ms)
  VALUES (auth.uid(), 'introspect_schema_verbose', p_schema,
    jsonb_array_length(v_result -> 'tables') + jsonb_array_length(v_result -> 'views') + jsonb_array_length(v_result -> 'functions'),
    (extract(epoch FROM clock_timestamp() - v_started) * 1000)::integer);
  RETURN v_result;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const executeSqlQuery = rpc('execute_sql_query', {
  group,
  description: 'Admin SQL execution: runs one read-only SELECT and returns its rows as a JSON array',
  note: 'Admin only. Accepts a single `SELECT` or `WITH` statement; statements containing data-changing or DDL keywords are refused, and the call times out after 15 s. Unqualified names resolve in `public`. Every call is recorded in schema_introspection_audit.',
  args: { query: 'text' },
  returns: 'jsonb',
  volatility: 'volatile',
  security: 'definer',
  set: { search_path: '', statement_timeout: '15s' },
  body: sql`
DECLARE
  v_sql text := regexp_replace(btrim(coalesce(query, '')), ';[[:space:]]*$', '');
  v_started timestamptz := clock_timestamp();
  v_result jsonb;
BEGIN${requireAdmin}
  IF v_sql !~* '^(select|with)[[:space:]]' THEN
    RAISE EXCEPTION 'only SELECT statements are allowed' USING ERRCODE = '42501';
  END IF;
  IF position(';' IN v_sql) > 0
     OR v_sql ~* '\m(insert|update|delete|merge|truncate|drop|alter|create|grant|revoke|copy|call|do|vacuum|refresh|lock|reindex|cluster|comment|security|set_config|pg_read_file|pg_terminate_backend)\M' THEN
    RAISE EXCEPTION 'the statement contains a forbidden keyword' USING ERRCODE = '42501';
  END IF;
  PERFORM pg_catalog.set_config('search_path', 'public', true);
  EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(q)), ''[]''::jsonb) FROM (%s) AS q', v_sql) INTO v_result;
  PERFORM pg_catalog.set_config('search_path', '', true);
  INSERT INTO public.schema_introspection_audit (requested_by, function_name, target_schema, query_text, object_count, execution_ms)
  VALUES (auth.uid(), 'execute_sql_query', 'public', v_sql, jsonb_array_length(v_result), (extract(epoch FROM clock_timestamp() - v_started) * 1000)::integer);
  RETURN v_result;
END;
`,
  grants: ['authenticated', 'service_role'],
});

// ---------------------------------------------------------------------------------------------
// Maintenance: cleanup, refresh, sync triggers

export const cleanupOldLogs = rpc('cleanup_old_logs', {
  group,
  description: 'Log cleanup: deletes log rows older than the retention period, per table',
  args: { p_retention_days: { type: 'integer', default: sql`30` } },
  returns: { table: { table_name: 'text', rows_deleted: 'bigint' } },
  volatility: 'volatile',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_item record;
  v_count bigint;
  v_cutoff timestamptz;
BEGIN${requireAdmin}
  IF p_retention_days IS NULL OR p_retention_days < 1 THEN
    RAISE EXCEPTION 'p_retention_days must be at least 1' USING ERRCODE = '22023';
  END IF;
  v_cutoff := now() - make_interval(days => p_retention_days);
  FOR v_item IN
    SELECT * FROM (VALUES
      ('edge_function_logs', 'created_at'),
      ('webhook_logs', 'received_at'),
      ('sync_log', 'synced_at'),
      ('sync_logs', 'started_at'),
      ('excel_sync_logs', 'started_at'),
      ('request_telemetry', 'created_at'),
      ('device_request_logs', 'requested_at'),
      ('diagnostics', 'checked_at'),
      ('system_metrics', 'recorded_at')
    ) AS t(tbl, col)
  LOOP
    EXECUTE format('DELETE FROM public.%I WHERE %I < $1', v_item.tbl, v_item.col) USING v_cutoff;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    table_name := v_item.tbl;
    rows_deleted := v_count;
    RETURN NEXT;
  END LOOP;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const cleanupUpdateSourceLog = rpc('cleanup_update_source_log', {
  group,
  description: 'Update source log cleanup: deletes update_source_log rows older than the retention period',
  args: { p_retention_days: { type: 'integer', default: sql`30` } },
  returns: 'integer',
  volatility: 'volatile',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_count integer;
BEGIN${requireAdmin}
  DELETE FROM public.update_source_log u WHERE u.changed_at < now() - make_interval(days => greatest(p_retention_days, 1));
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END;
`,
  grants: ['authenticated', 'service_role'],
});

/** Refreshes a materialized view, concurrently once it holds data (it needs a unique index). */
function refreshMaterialized(name: string) {
  return sql`
BEGIN${requireAdmin}
  IF (SELECT c.relispopulated FROM pg_catalog.pg_class c WHERE c.oid = 'public.${name}'::regclass) THEN
    REFRESH MATERIALIZED VIEW CONCURRENTLY public.${name};
  ELSE
    REFRESH MATERIALIZED VIEW public.${name};
  END IF;
END;
`;
}

export const refreshDailyAnalytics = rpc('refresh_daily_analytics', {
  group,
  description: 'Refresh materialized data: the daily_analytics materialized view',
  returns: 'void',
  security: 'definer',
  set: { search_path: '' },
  body: refreshMaterialized('daily_analytics'),
  grants: ['authenticated', 'service_role'],
});

export const refreshRevenueGenome = rpc('refresh_revenue_genome', {
  group,
  description: 'Refresh revenue genome: the mv_enterprise_truth_genome materialized view',
  returns: 'void',
  security: 'definer',
  set: { search_path: '' },
  body: refreshMaterialized('mv_enterprise_truth_genome'),
  grants: ['authenticated', 'service_role'],
});

export const refreshPlatformMetrics = rpc('refresh_platform_metrics', {
  group,
  description: 'Refresh platform metrics: recomputes one day of platform_metrics from sync_logs, sync_errors and webhook_logs',
  args: { p_date: { type: 'date', default: sql`CURRENT_DATE` } },
  returns: 'integer',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_count integer;
BEGIN${requireAdmin}
  INSERT INTO public.platform_metrics AS pm (platform, connection_id, metric_date, metric_name, metric_value, captured_at)
  SELECT m.platform,
         (SELECT c.id FROM public.platform_connections c WHERE c.platform = m.platform ORDER BY c.created_at LIMIT 1),
         p_date, m.metric_name, m.metric_value, now()
  FROM (
    SELECT l.source AS platform, 'sync_runs' AS metric_name, count(*)::numeric AS metric_value
    FROM public.sync_logs l WHERE l.started_at::date = p_date GROUP BY l.source
    UNION ALL
    SELECT l.source, 'sync_failures', count(*) FILTER (WHERE l.status = 'failed')::numeric
    FROM public.sync_logs l WHERE l.started_at::date = p_date GROUP BY l.source
    UNION ALL
    SELECT l.source, 'records_synced', sum(l.records_processed)::numeric
    FROM public.sync_logs l WHERE l.started_at::date = p_date GROUP BY l.source
    UNION ALL
    SELECT e.source, 'sync_errors', count(*)::numeric
    FROM public.sync_errors e WHERE e.created_at::date = p_date GROUP BY e.source
    UNION ALL
    SELECT w.source, 'webhooks_received', count(*)::numeric
    FROM public.webhook_logs w WHERE w.received_at::date = p_date GROUP BY w.source
    UNION ALL
    SELECT w.source, 'webhooks_failed', count(*) FILTER (WHERE w.status = 'failed')::numeric
    FROM public.webhook_logs w WHERE w.received_at::date = p_date GROUP BY w.source
  ) AS m
  ON CONFLICT (platform, metric_date, metric_name)
  DO UPDATE SET metric_value = EXCLUDED.metric_value, connection_id = EXCLUDED.connection_id, captured_at = EXCLUDED.captured_at;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const triggerImmediateTruthSync = rpc('trigger_immediate_truth_sync', {
  group,
  description: 'Trigger truth sync: queues an urgent sync job and notifies the sync workers (NOTIFY truth_sync)',
  args: {
    p_source: { type: 'text', default: sql`'all'` },
    p_entity_type: { type: 'text', default: sql`NULL` },
    p_entity_id: { type: 'text', default: sql`NULL` },
  },
  returns: 'uuid',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_job_id uuid;
BEGIN${requireAdmin}
  IF p_source NOT IN ('all', 'hubspot', 'stripe', 'posthog', 'facebook', 'aws') THEN
    RAISE EXCEPTION 'unknown source "%"', p_source USING ERRCODE = '22023';
  END IF;
  INSERT INTO public.sync_queue (source, entity_type, entity_id, operation, priority, payload, requested_by)
  VALUES (p_source, p_entity_type, p_entity_id,
          CASE WHEN p_entity_id IS NULL THEN 'full_sync' ELSE 'sync' END,
          1, jsonb_build_object('trigger', 'trigger_immediate_truth_sync'), auth.uid())
  RETURNING id INTO v_job_id;
  PERFORM pg_notify('truth_sync', jsonb_build_object('job_id', v_job_id, 'source', p_source, 'entity_type', p_entity_type, 'entity_id', p_entity_id)::text);
  RETURN v_job_id;
END;
`,
  grants: ['authenticated', 'service_role'],
});

// ---------------------------------------------------------------------------------------------
// Views

export const vwManagementDiscrepancies = view('vw_management_discrepancies', {
  group,
  description: 'Management discrepancies: records on which two sources disagree (health vs AWS truth, coaches and owners vs staff, reconciled truth events)',
  note: 'One row per discrepancy. `value_a` comes from `source_a`, `value_b` from `source_b`. The management daily report copies the open rows into `management_daily_reports.discrepancies`.',
  securityInvoker: true,
  query: sql`
SELECT 'coach_mismatch' AS discrepancy_type, 'medium' AS severity, 'client' AS entity_type, chs.email AS entity_key,
       'client_health_scores.assigned_coach' AS source_a, chs.assigned_coach AS value_a,
       'aws_truth_cache.coach_name' AS source_b, atc.coach_name AS value_b,
       greatest(chs.updated_at, atc.synced_at) AS observed_at
FROM public.client_health_scores chs
JOIN public.aws_truth_cache atc ON lower(atc.email) = lower(chs.email)
WHERE chs.assigned_coach IS NOT NULL AND atc.coach_name IS NOT NULL AND lower(chs.assigned_coach) <> lower(atc.coach_name)
UNION ALL
SELECT 'outstanding_sessions_mismatch', CASE WHEN abs(chs.outstanding_sessions - atc.outstanding_sessions) > 3 THEN 'high' ELSE 'low' END, 'client', chs.email,
       'client_health_scores.outstanding_sessions', chs.outstanding_sessions::text,
       'aws_truth_cache.outstanding_sessions', atc.outstanding_sessions::text,
       greatest(chs.updated_at, atc.synced_at)
FROM public.client_health_scores chs
JOIN public.aws_truth_cache atc ON lower(atc.email) = lower(chs.email)
WHERE chs.outstanding_sessions <> atc.outstanding_sessions
UNION ALL
SELECT 'active_client_without_health_score', 'high', 'client', atc.email,
       'aws_truth_cache.membership_status', atc.membership_status,
       'client_health_scores', NULL,
       atc.synced_at
FROM public.aws_truth_cache atc
WHERE atc.membership_status = 'active'
  AND NOT EXISTS (SELECT 1 FROM public.client_health_scores chs WHERE lower(chs.email) = lower(atc.email))
UNION ALL
SELECT 'health_score_without_aws_record', 'low', 'client', chs.email,
       'client_health_scores', chs.health_zone,
       'aws_truth_cache', NULL,
       chs.updated_at
FROM public.client_health_scores chs
WHERE NOT EXISTS (SELECT 1 FROM public.aws_truth_cache atc WHERE lower(atc.email) = lower(chs.email))
UNION ALL
SELECT 'coach_not_in_staff', 'medium', 'coach', u.assigned_coach,
       'client_health_scores.assigned_coach', u.assigned_coach,
       'staff.full_name', NULL,
       u.last_seen
FROM (
  SELECT chs.assigned_coach, max(chs.updated_at) AS last_seen
  FROM public.client_health_scores chs
  WHERE chs.assigned_coach IS NOT NULL
  GROUP BY chs.assigned_coach
) u
WHERE NOT EXISTS (SELECT 1 FROM public.staff s WHERE lower(s.full_name) = lower(u.assigned_coach))
UNION ALL
SELECT 'owner_not_in_staff', 'medium', 'hubspot_owner', o.owner_id,
       'contacts.owner_id', o.owner_id || ' (' || o.contacts || ' contacts)',
       'staff.hubspot_owner_id', NULL,
       o.last_seen
FROM (
  SELECT c.owner_id, count(*) AS contacts, max(c.updated_at) AS last_seen
  FROM public.contacts c
  WHERE c.owner_id IS NOT NULL
  GROUP BY c.owner_id
) o
WHERE NOT EXISTS (SELECT 1 FROM public.staff s WHERE s.hubspot_owner_id = o.owner_id)
UNION ALL
SELECT 'truth_event_mismatch', CASE WHEN e.amount IS NOT NULL THEN 'high' ELSE 'medium' END, e.event_type, coalesce(e.email, e.source_event_id),
       e.source || '.' || e.event_type, coalesce(e.amount::text, e.source_event_id),
       'ultimate_truth_events (matched)', (SELECT string_agg(m.source || ':' || coalesce(m.amount::text, m.source_event_id), ', ' ORDER BY m.source)
                                           FROM public.ultimate_truth_events m WHERE m.id = ANY (e.matched_event_ids)),
       e.event_time
FROM public.ultimate_truth_events e
WHERE e.reconciliation_status = 'mismatch'
`,
  columns: {
    discrepancy_type: 'What disagrees',
    severity: 'high, medium or low',
    entity_key: 'Email, coach name, HubSpot owner id or event key',
    observed_at: 'Latest change of the rows compared',
  },
});
