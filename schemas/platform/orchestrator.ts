/*
 * 20. Orchestrator & Monitoring: the orchestrator runs periodic cycles (health, dependencies,
 * cost, security) with the service role and writes one orchestrator_reports row per cycle plus
 * the detailed reports that reference it. Only platform admins read them.
 */
import { bigint, date, integer, jsonb, numeric, rpc, sql, system, table, text, timestamptz, uuid } from 'pgform';
import { adminPolicies, areas, rlsSql, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.orchestrator;

const reportLink = () => uuid().references('orchestrator_reports', 'id', { onDelete: 'set null' }).index().describe('Cycle that produced it');

export const orchestratorReports = table('orchestrator_reports', {
  group,
  note: `**Cycle.** The orchestrator (service role) inserts a \`running\` report, runs its tasks, writes \`dependency_reports\`, \`cost_forecasts\` and \`security_audits\` (e.g. \`run_rls_security_audit(report_id)\`, built on \`get_table_rls_status()\`) with \`orchestrator_report_id\`, then completes the report. Admins read the latest one with \`get_latest_orchestrator_report()\`.`,
  description: 'Orchestrator cycle reports: one row per orchestrator cycle with its outcome, findings and actions taken',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    cycle_id: text().notNull().unique().describe('Cycle identifier (e.g. 2025-01-31T06:00Z-daily)'),
    cycle_type: text().notNull().default('scheduled').oneOf(['scheduled', 'manual', 'webhook', 'alert']).describe('What started the cycle'),
    status: text().notNull().default('running').oneOf(['running', 'success', 'partial', 'failed']).describe('Outcome'),
    started_at: timestamptz().notNull().defaultNow().describe('Start of the cycle'),
    completed_at: timestamptz().describe('End of the cycle'),
    duration_ms: bigint()
      .generated(sql`(EXTRACT(epoch FROM (completed_at - started_at)) * 1000)::bigint`)
      .describe('completed_at - started_at in milliseconds'),
    health_score: integer().check(sql`health_score BETWEEN 0 AND 100`).describe('Overall platform health 0-100'),
    tasks_total: integer().notNull().default(0).check(sql`tasks_total >= 0`).describe('Tasks run'),
    tasks_failed: integer().notNull().default(0).check(sql`tasks_failed >= 0`).describe('Tasks that failed'),
    summary: text().describe('Human-readable summary (Markdown)'),
    findings: jsonb().notNull().default([]).describe('Findings: [{"area", "severity", "message"}]'),
    actions_taken: jsonb().notNull().default([]).describe('Automatic actions: [{"action", "target", "result"}]'),
    recommendations: jsonb().notNull().default([]).describe('Suggested follow-ups'),
    metrics: jsonb().notNull().default({}).describe('Key metrics captured in the cycle'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  checks: {
    orchestrator_reports_completion_check: sql`completed_at IS NULL OR completed_at >= started_at`,
    orchestrator_reports_tasks_check: sql`tasks_failed <= tasks_total`,
  },
  indexes: { idx_orchestrator_reports_started_at: { on: ['started_at DESC'] } },
  rls: true,
  policies: {
    ...adminPolicies('orchestrator reports'),
    ...servicePolicies('orchestrator reports'),
  },
});

export const dependencyReports = table('dependency_reports', {
  group,
  description: 'Dependency health reports: outdated, deprecated and vulnerable packages of a repository at scan time',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    orchestrator_report_id: reportLink(),
    repository: text().notNull().describe('Repository / package scanned'),
    ecosystem: text().notNull().default('npm').oneOf(['npm', 'pip', 'go', 'cargo', 'maven', 'other']).describe('Package ecosystem'),
    scanned_at: timestamptz().notNull().defaultNow().describe('Scan time'),
    total_dependencies: integer().notNull().default(0).check(sql`total_dependencies >= 0`).describe('All dependencies (incl. transitive)'),
    direct_dependencies: integer().notNull().default(0).check(sql`direct_dependencies >= 0`).describe('Direct dependencies'),
    outdated_count: integer().notNull().default(0).check(sql`outdated_count >= 0`).describe('Behind their latest version'),
    deprecated_count: integer().notNull().default(0).check(sql`deprecated_count >= 0`).describe('Deprecated packages'),
    critical_count: integer().notNull().default(0).check(sql`critical_count >= 0`).describe('Critical vulnerabilities'),
    high_count: integer().notNull().default(0).check(sql`high_count >= 0`).describe('High vulnerabilities'),
    moderate_count: integer().notNull().default(0).check(sql`moderate_count >= 0`).describe('Moderate vulnerabilities'),
    low_count: integer().notNull().default(0).check(sql`low_count >= 0`).describe('Low vulnerabilities'),
    health_score: integer().check(sql`health_score BETWEEN 0 AND 100`).describe('Dependency health 0-100'),
    vulnerabilities: jsonb().notNull().default([]).describe('[{"package", "version", "severity", "advisory", "fixed_in"}]'),
    outdated: jsonb().notNull().default([]).describe('[{"package", "current", "latest", "type"}]'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_dependency_reports_repo_scanned: { on: ['repository', 'scanned_at DESC'] } },
  rls: true,
  policies: {
    ...adminPolicies('dependency reports'),
    ...servicePolicies('dependency reports'),
  },
});

export const costForecasts = table('cost_forecasts', {
  group,
  description: 'Cost forecasting data: forecast vs actual spend per provider / category and period, platform-wide or per tenant',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    orchestrator_report_id: reportLink(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant forecast; NULL = platform-wide'),
    provider: text().notNull().describe('Cost source (supabase, openai, vercel, twilio, ...)'),
    category: text()
      .notNull()
      .oneOf(['infrastructure', 'ai', 'email', 'sms', 'storage', 'third_party_api', 'other'])
      .describe('Cost category'),
    period_start: date().notNull().describe('First day forecast'),
    period_end: date().notNull().describe('Last day forecast'),
    forecast_amount: numeric(12, 2).notNull().check(sql`forecast_amount >= 0`).describe('Expected spend'),
    lower_bound: numeric(12, 2).describe('Lower bound of the confidence interval'),
    upper_bound: numeric(12, 2).describe('Upper bound of the confidence interval'),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`).describe('Confidence level of the interval (0-1)'),
    actual_amount: numeric(12, 2).describe('Actual spend once the period closed'),
    currency: text().notNull().default('USD').check(sql`currency ~ '^[A-Z]{3}$'`).describe('ISO 4217 currency code'),
    method: text().notNull().default('linear').oneOf(['linear', 'moving_average', 'seasonal', 'ml', 'manual']).describe('Forecasting method'),
    assumptions: jsonb().notNull().default({}).describe('Inputs used (growth rate, usage trend)'),
    ...timestamps(),
  },
  checks: {
    cost_forecasts_period_check: sql`period_end >= period_start`,
    cost_forecasts_bounds_check: sql`lower_bound IS NULL OR upper_bound IS NULL OR lower_bound <= upper_bound`,
  },
  indexes: { idx_cost_forecasts_period: { on: ['period_start', 'provider'] } },
  triggers: { ...updatedAtTrigger('cost_forecasts') },
  rls: true,
  policies: {
    'Tenant admins view tenant cost forecasts': { for: 'select', to: 'authenticated', using: rlsSql.tenantAdmin() },
    ...adminPolicies('cost forecasts'),
    ...servicePolicies('cost forecasts'),
  },
});

export const securityAudits = table('security_audits', {
  group,
  description: 'Security audit reports: RLS coverage, secrets, auth and dependency audits with their findings and remediation',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    orchestrator_report_id: reportLink(),
    audit_type: text()
      .notNull()
      .oneOf(['rls', 'dependencies', 'secrets', 'auth', 'headers', 'penetration', 'compliance', 'full'])
      .describe('What was audited'),
    status: text().notNull().default('running').oneOf(['running', 'passed', 'warnings', 'failed']).describe('Outcome'),
    score: integer().check(sql`score BETWEEN 0 AND 100`).describe('Security score 0-100'),
    critical_count: integer().notNull().default(0).check(sql`critical_count >= 0`).describe('Critical findings'),
    high_count: integer().notNull().default(0).check(sql`high_count >= 0`).describe('High findings'),
    medium_count: integer().notNull().default(0).check(sql`medium_count >= 0`).describe('Medium findings'),
    low_count: integer().notNull().default(0).check(sql`low_count >= 0`).describe('Low findings'),
    findings: jsonb().notNull().default([]).describe('[{"severity", "object", "message", "fix"}]'),
    tables_without_rls: text().array().notNull().default([]).describe('Tables found without RLS (from get_table_rls_status())'),
    remediation: jsonb().notNull().default([]).describe('Remediation steps and their state'),
    auditor: text().notNull().default('orchestrator').describe('Who ran it (orchestrator, external firm)'),
    started_at: timestamptz().notNull().defaultNow().describe('Start'),
    completed_at: timestamptz().describe('End'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_security_audits_type_started: { on: ['audit_type', 'started_at DESC'] } },
  rls: true,
  policies: {
    ...adminPolicies('security audits'),
    ...servicePolicies('security audits'),
  },
});

export const getLatestOrchestratorReport = rpc('get_latest_orchestrator_report', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Get latest report: the most recent orchestrator cycle report (empty for callers who are not admins or the service role, through RLS)',
  returns: 'setof public.orchestrator_reports',
  language: 'plpgsql',
  volatility: 'stable',
  body: sql`
BEGIN
  RETURN QUERY
  SELECT r.*
  FROM public.orchestrator_reports r
  ORDER BY r.started_at DESC, r.created_at DESC
  LIMIT 1;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const getTableRlsStatus = rpc('get_table_rls_status', {
  group,
  description: 'Get RLS status for all tables: every table of the public schema with RLS enabled / forced and its policy count. Admins and the service role only',
  returns: { table: { schema_name: 'text', table_name: 'text', rls_enabled: 'boolean', rls_forced: 'boolean', policy_count: 'integer' } },
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF NOT (coalesce(auth.role(), 'service_role') = 'service_role' OR public.is_admin(auth.uid())) THEN
    RAISE EXCEPTION 'get_table_rls_status is restricted to admins and the service role' USING ERRCODE = '42501';
  END IF;

  RETURN QUERY
  SELECT n.nspname::text, c.relname::text, c.relrowsecurity, c.relforcerowsecurity,
         (SELECT count(*)::integer FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid)
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p')
    AND n.nspname = 'public'
  ORDER BY c.relrowsecurity, c.relname;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const runRlsSecurityAudit = rpc('run_rls_security_audit', {
  group,
  description:
    'Records an RLS security audit: reads get_table_rls_status(), flags tables without RLS (critical) or with RLS but no policy (low), inserts a security_audits row and returns its id',
  args: { p_orchestrator_report_id: { type: 'uuid', default: sql`NULL` } },
  returns: 'uuid',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_without text[];
  v_no_policy text[];
  v_total integer;
  v_id uuid;
BEGIN
  IF NOT (coalesce(auth.role(), 'service_role') = 'service_role' OR public.is_admin(auth.uid())) THEN
    RAISE EXCEPTION 'run_rls_security_audit is restricted to admins and the service role' USING ERRCODE = '42501';
  END IF;

  SELECT coalesce(array_agg(s.table_name ORDER BY s.table_name) FILTER (WHERE NOT s.rls_enabled), '{}'),
         coalesce(array_agg(s.table_name ORDER BY s.table_name) FILTER (WHERE s.rls_enabled AND s.policy_count = 0), '{}'),
         count(*)
  INTO v_without, v_no_policy, v_total
  FROM public.get_table_rls_status() s;

  INSERT INTO public.security_audits (orchestrator_report_id, audit_type, status, score, critical_count, low_count,
                                      findings, tables_without_rls, completed_at)
  VALUES (
    p_orchestrator_report_id, 'rls',
    CASE WHEN cardinality(v_without) > 0 THEN 'failed' WHEN cardinality(v_no_policy) > 0 THEN 'warnings' ELSE 'passed' END,
    CASE WHEN v_total = 0 THEN 100 ELSE round(100.0 * (v_total - cardinality(v_without)) / v_total)::integer END,
    cardinality(v_without), cardinality(v_no_policy),
    (SELECT coalesce(jsonb_agg(f), '[]'::jsonb) FROM (
       SELECT jsonb_build_object('severity', 'critical', 'object', 'public.' || t, 'message', 'row level security is disabled',
                                 'fix', format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t)) AS f
       FROM unnest(v_without) AS t
       UNION ALL
       SELECT jsonb_build_object('severity', 'low', 'object', 'public.' || t, 'message', 'row level security is enabled but no policy exists (only the service role can read it)')
       FROM unnest(v_no_policy) AS t) findings),
    v_without, now())
  RETURNING id INTO v_id;
  RETURN v_id;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const orchestratorDocs = system({
  groups: {
    [group]: {
      note: `Monitoring data is platform-internal. **RLS:** admin access and the service role only; tenant owners / admins
additionally read the cost forecasts of their tenant.`,
    },
  },
});
