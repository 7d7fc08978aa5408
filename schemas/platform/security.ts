import { bigint, boolean, inet, integer, jsonb, numeric, rpc, sql, table, text, timestamptz, triggerFunction, uuid } from 'pgform';
import { adminPolicies, areas, ownerReadPolicies, rlsSql, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.security;
const severity = ['low', 'medium', 'high', 'critical'] as const;

export const auditLog = table('audit_log', {
  group,
  description: 'Audit log (legacy): row-change history kept from the first migrations; new code writes audit_logs',
  columns: {
    id: bigint().identity().primaryKey(),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Who made the change'),
    action: text().notNull().oneOf(['INSERT', 'UPDATE', 'DELETE']).describe('Operation'),
    table_name: text().notNull().describe('Table changed'),
    record_id: text().describe('Primary key of the row'),
    old_data: jsonb().describe('Row before'),
    new_data: jsonb().describe('Row after'),
    created_at: timestamptz().notNull().defaultNow().index({ name: 'idx_audit_log_created_at', descending: true }),
  },
  rls: true,
  policies: {
    'Admins view legacy audit log': { for: 'select', to: 'authenticated', using: rlsSql.admin() },
    ...servicePolicies('legacy audit log'),
  },
});

export const auditLogs = table('audit_logs', {
  group,
  description: 'Comprehensive audit logs: who did what to which resource, written by log_audit_event() and the audit triggers; append-only',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'set null' }).index().describe('Tenant of the resource'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Actor (NULL: system)'),
    actor_role: text().describe('Database/API role of the actor (authenticated, service_role, system)'),
    action: text().notNull().describe('Action (INSERT/UPDATE/DELETE for triggers, or a verb such as login, export, workflow.run)'),
    resource_type: text().notNull().describe('Table or resource kind'),
    resource_id: text().describe('Id of the resource'),
    old_values: jsonb().describe('State before'),
    new_values: jsonb().describe('State after'),
    metadata: jsonb().notNull().default({}).describe('Context'),
    ip_address: inet().describe('Client IP, if known'),
    user_agent: text().describe('Client, if known'),
    severity: text().notNull().default('info').oneOf(['info', 'warning', 'critical']).describe('Importance'),
    created_at: timestamptz().notNull().defaultNow().index({ name: 'idx_audit_logs_created_at', descending: true }),
  },
  indexes: { idx_audit_logs_resource: { on: ['resource_type', 'resource_id'] } },
  rls: true,
  policies: {
    ...ownerReadPolicies('audit logs'),
    'Tenant admins view tenant audit logs': { for: 'select', to: 'authenticated', using: rlsSql.tenantAdmin() },
    'Admins view all audit logs': { for: 'select', to: 'authenticated', using: rlsSql.admin() },
    'Service role writes audit logs': { for: 'insert', to: 'service_role', withCheck: rlsSql.service() },
    'Service role reads audit logs': { for: 'select', to: 'service_role', using: rlsSql.service() },
  },
});

export const securityEvents = table('security_events', {
  group,
  description: 'Security event logging: logins, failures, MFA, permission denials and suspicious activity',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'set null' }).index().describe('Tenant'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('User concerned'),
    event_type: text()
      .notNull()
      .oneOf(['login_success', 'login_failed', 'logout', 'password_change', 'mfa_enabled', 'mfa_failed', 'account_locked', 'permission_denied', 'token_revoked', 'suspicious_activity', 'rate_limited'])
      .describe('Kind'),
    severity: text().notNull().default('low').oneOf(severity).describe('Severity'),
    ip_address: inet().describe('Client IP'),
    user_agent: text().describe('Client'),
    details: jsonb().notNull().default({}).describe('Details'),
    resolved: boolean().notNull().default(false).describe('Handled'),
    resolved_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Who handled it'),
    resolved_at: timestamptz().describe('When handled'),
    created_at: timestamptz().notNull().defaultNow().index({ name: 'idx_security_events_created_at', descending: true }),
  },
  indexes: { idx_security_events_type_severity: { on: ['event_type', 'severity'], where: sql`NOT resolved` } },
  rls: true,
  policies: {
    ...ownerReadPolicies('security events'),
    ...adminPolicies('security events'),
    ...servicePolicies('security events'),
  },
});

export const threatDetections = table('threat_detections', {
  group,
  description: 'Threat detection records: detected attacks and anomalies with their mitigation',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'set null' }).index().describe('Tenant targeted'),
    security_event_id: uuid().references('security_events', 'id', { onDelete: 'set null' }).index().describe('Event that raised it'),
    threat_type: text()
      .notNull()
      .oneOf(['brute_force', 'credential_stuffing', 'sql_injection', 'xss', 'anomalous_access', 'rate_abuse', 'account_takeover', 'data_exfiltration'])
      .describe('Kind of threat'),
    severity: text().notNull().default('medium').oneOf(severity).describe('Severity'),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`).describe('Detector confidence 0-1'),
    source_ip: inet().index().describe('Attacker IP'),
    target_user_id: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('User targeted'),
    indicators: jsonb().notNull().default({}).describe('Indicators of compromise'),
    status: text().notNull().default('open').oneOf(['open', 'investigating', 'mitigated', 'false_positive']).describe('Handling state'),
    mitigation: text().describe('What was done'),
    detected_at: timestamptz().notNull().defaultNow().describe('Detected'),
    resolved_at: timestamptz().describe('Closed'),
  },
  indexes: { idx_threat_detections_open: { on: ['severity', 'detected_at DESC'], where: sql`status IN ('open', 'investigating')` } },
  rls: true,
  policies: { ...adminPolicies('threats'), ...servicePolicies('threats') },
});

export const failedAttempts = table('failed_attempts', {
  group,
  description: 'Failed login attempts (generic): failed logins, MFA codes, password resets and API keys by identifier',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    identifier: text().notNull().describe('Email, username or key id'),
    attempt_type: text().notNull().default('login').oneOf(['login', 'mfa', 'password_reset', 'api_key']).describe('What failed'),
    ip_address: inet().describe('Client IP'),
    user_agent: text().describe('Client'),
    reason: text().describe('Failure reason'),
    attempted_at: timestamptz().notNull().defaultNow().describe('When'),
  },
  indexes: { idx_failed_attempts_identifier: { on: ['identifier', 'attempt_type', 'attempted_at DESC'] } },
  rls: true,
  policies: { ...adminPolicies('failed attempts'), ...servicePolicies('failed attempts') },
});

export const failedLoginAttempts = table('failed_login_attempts', {
  group,
  description: 'Alternative failed login table: read by check_failed_login_attempts(), written by record_failed_login_attempt(), cleared on success',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().describe('Email tried (lower-case)'),
    ip_address: inet().describe('Client IP'),
    user_agent: text().describe('Client'),
    attempted_at: timestamptz().notNull().defaultNow().describe('When'),
  },
  indexes: {
    idx_failed_login_attempts_email: { on: ['email', 'attempted_at DESC'] },
    idx_failed_login_attempts_ip: { on: ['ip_address', 'attempted_at DESC'] },
  },
  rls: true,
  policies: { ...adminPolicies('failed logins'), ...servicePolicies('failed logins') },
});

export const securityPolicies = table('security_policies', {
  group,
  description: 'Security policy definitions (password, session, MFA, lockout, IP allow-list, rate limits); tenant rows override platform defaults',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant; NULL = platform default'),
    policy_type: text().notNull().oneOf(['password', 'session', 'mfa', 'lockout', 'ip_allowlist', 'rate_limit', 'data_retention']).describe('Kind'),
    name: text().notNull().default('default').describe('Name'),
    config: jsonb().notNull().default({}).describe('Settings, e.g. lockout: {"max_attempts": 5, "window_minutes": 15}'),
    is_enabled: boolean().notNull().default(true).describe('In force'),
    priority: integer().notNull().default(100).describe('Lower wins when several apply'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Author'),
    ...timestamps(),
  },
  unique: [{ columns: ['tenant_id', 'policy_type', 'name'], name: 'security_policies_scope_key', nullsNotDistinct: true }],
  triggers: {
    ...updatedAtTrigger('security_policies'),
    security_policies_audit: { timing: 'after', events: ['insert', 'update', 'delete'], function: 'public.audit_trigger', description: 'Changes go to audit_logs' },
  },
  rls: true,
  policies: {
    'Tenant members view security policies': { for: 'select', to: 'authenticated', using: sql`tenant_id IS NULL OR public.is_tenant_member(tenant_id, (select auth.uid()))` },
    'Tenant admins manage security policies': { for: 'all', to: 'authenticated', using: rlsSql.tenantAdmin(), withCheck: rlsSql.tenantAdmin() },
    ...adminPolicies('security policies'),
    ...servicePolicies('security policies'),
  },
});

export const rateLimits = table('rate_limits', {
  group,
  description: 'Rate limiting records: a fixed-window counter per identifier and endpoint, kept by check_rate_limit()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    identifier: text().notNull().describe('User id, API key or IP'),
    endpoint: text().notNull().describe('Endpoint or action'),
    request_count: integer().notNull().default(0).check(sql`request_count >= 0`).describe('Requests in the current window'),
    window_start: timestamptz().notNull().defaultNow().describe('Start of the current window'),
    window_seconds: integer().notNull().default(60).check(sql`window_seconds > 0`).describe('Window length'),
    blocked_until: timestamptz().describe('Rejected until'),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['identifier', 'endpoint']],
  indexes: { idx_rate_limits_window_start: { on: ['window_start'] } },
  rls: true,
  policies: { ...adminPolicies('rate limits'), ...servicePolicies('rate limits') },
});

const lockoutSettings = sql`
  SELECT coalesce((sp.config ->> 'max_attempts')::int, 5), coalesce((sp.config ->> 'window_minutes')::int, 15)
  INTO v_max, v_window
  FROM public.security_policies sp
  WHERE sp.tenant_id IS NULL AND sp.policy_type = 'lockout' AND sp.is_enabled
  ORDER BY sp.priority
  LIMIT 1;
  v_max := coalesce(v_max, 5);
  v_window := coalesce(v_window, 15);`;

export const checkFailedLoginAttempts = rpc('check_failed_login_attempts', {
  group,
  description:
    'Check login attempts: whether the email (or, at 4x the limit, the IP) is locked out by recent failures; limits come from the platform lockout security policy (default 5 in 15 minutes)',
  args: { p_email: 'text', p_ip_address: { type: 'inet', default: sql`NULL` } },
  returns: { table: { is_locked: 'boolean', attempt_count: 'integer', locked_until: 'timestamptz' } },
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_max integer;
  v_window integer;
  v_email_count integer;
  v_ip_count integer;
  v_last timestamptz;
BEGIN
${lockoutSettings}

  SELECT count(*), max(f.attempted_at) INTO v_email_count, v_last
  FROM public.failed_login_attempts f
  WHERE f.email = lower(p_email) AND f.attempted_at > now() - make_interval(mins => v_window);

  SELECT count(*) INTO v_ip_count
  FROM public.failed_login_attempts f
  WHERE p_ip_address IS NOT NULL AND f.ip_address = p_ip_address AND f.attempted_at > now() - make_interval(mins => v_window);

  IF v_ip_count >= v_max * 4 THEN
    SELECT max(f.attempted_at) INTO v_last FROM public.failed_login_attempts f WHERE f.ip_address = p_ip_address;
  END IF;

  is_locked := v_email_count >= v_max OR v_ip_count >= v_max * 4;
  attempt_count := greatest(v_email_count, v_ip_count);
  locked_until := CASE WHEN is_locked THEN v_last + make_interval(mins => v_window) END;
  RETURN NEXT;
END;
`,
  grants: ['anon', 'authenticated', 'service_role'],
});

export const recordFailedLoginAttempt = rpc('record_failed_login_attempt', {
  group,
  description:
    'Record attempt: stores a failed login for the email and IP; when it reaches the lockout limit also logs an account_locked security event. Returns the recent attempt count for the email',
  args: { p_email: 'text', p_ip_address: { type: 'inet', default: sql`NULL` }, p_user_agent: { type: 'text', default: sql`NULL` } },
  returns: 'integer',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_max integer;
  v_window integer;
  v_count integer;
BEGIN
${lockoutSettings}

  INSERT INTO public.failed_login_attempts (email, ip_address, user_agent)
  VALUES (lower(p_email), p_ip_address, p_user_agent);

  INSERT INTO public.failed_attempts (identifier, attempt_type, ip_address, user_agent, reason)
  VALUES (lower(p_email), 'login', p_ip_address, p_user_agent, 'invalid_credentials');

  SELECT count(*) INTO v_count
  FROM public.failed_login_attempts f
  WHERE f.email = lower(p_email) AND f.attempted_at > now() - make_interval(mins => v_window);

  IF v_count = v_max THEN
    INSERT INTO public.security_events (user_id, event_type, severity, ip_address, user_agent, details)
    VALUES (
      (SELECT u.id FROM auth.users u WHERE lower(u.email) = lower(p_email) LIMIT 1),
      'account_locked', 'high', p_ip_address, p_user_agent,
      jsonb_build_object('email', lower(p_email), 'attempts', v_count, 'window_minutes', v_window)
    );
  END IF;
  RETURN v_count;
END;
`,
  grants: ['anon', 'authenticated', 'service_role'],
});

export const clearFailedLoginAttempts = rpc('clear_failed_login_attempts', {
  group,
  description: 'Clear on success: deletes the failed attempts of the email (and of the IP, when given); returns the number removed',
  args: { p_email: 'text', p_ip_address: { type: 'inet', default: sql`NULL` } },
  returns: 'integer',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_count integer;
BEGIN
  IF NOT (coalesce(auth.role(), 'service_role') = 'service_role' OR lower(auth.email()) = lower(p_email)) THEN
    RAISE EXCEPTION 'only the signed-in user or the service role can clear attempts' USING ERRCODE = '42501';
  END IF;
  DELETE FROM public.failed_login_attempts f
  WHERE f.email = lower(p_email) OR (p_ip_address IS NOT NULL AND f.ip_address = p_ip_address);
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const logAuditEvent = rpc('log_audit_event', {
  group,
  description: "Log audit event: appends an audit_logs row for the actor; metadata may carry tenant_id, ip_address, user_agent and severity. Returns the row id",
  args: {
    p_user_id: 'uuid',
    p_action: 'text',
    p_resource_type: 'text',
    p_resource_id: { type: 'text', default: sql`NULL` },
    p_metadata: { type: 'jsonb', default: sql`'{}'::jsonb` },
  },
  returns: 'uuid',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_id uuid;
  v_meta jsonb := coalesce(p_metadata, '{}'::jsonb);
BEGIN
  IF p_user_id IS DISTINCT FROM auth.uid() AND coalesce(auth.role(), 'service_role') <> 'service_role' THEN
    RAISE EXCEPTION 'users can only log their own audit events' USING ERRCODE = '42501';
  END IF;
  INSERT INTO public.audit_logs (tenant_id, user_id, actor_role, action, resource_type, resource_id, metadata, ip_address, user_agent, severity)
  VALUES (
    CASE WHEN v_meta ->> 'tenant_id' ~* '^[0-9a-f-]{36}$' THEN (v_meta ->> 'tenant_id')::uuid END,
    p_user_id,
    coalesce(auth.role(), 'system'),
    p_action,
    p_resource_type,
    p_resource_id,
    v_meta - 'ip_address' - 'user_agent' - 'severity',
    CASE WHEN v_meta ->> 'ip_address' ~ '^[0-9a-fA-F:.]+$' THEN (v_meta ->> 'ip_address')::inet END,
    v_meta ->> 'user_agent',
    CASE WHEN v_meta ->> 'severity' IN ('info', 'warning', 'critical') THEN v_meta ->> 'severity' ELSE 'info' END
  )
  RETURNING id INTO v_id;
  RETURN v_id;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const checkRateLimit = rpc('check_rate_limit', {
  group,
  description:
    'Check rate limit: counts a request of the identifier on the endpoint in a fixed window; true when allowed, false when over p_max_requests in p_window_seconds',
  args: {
    p_identifier: 'text',
    p_endpoint: 'text',
    p_max_requests: { type: 'integer', default: sql`60` },
    p_window_seconds: { type: 'integer', default: sql`60` },
  },
  returns: 'boolean',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_count integer;
BEGIN
  INSERT INTO public.rate_limits AS r (identifier, endpoint, request_count, window_start, window_seconds, updated_at)
  VALUES (p_identifier, p_endpoint, 1, now(), p_window_seconds, now())
  ON CONFLICT (identifier, endpoint) DO UPDATE
  SET request_count = CASE WHEN r.window_start + make_interval(secs => r.window_seconds) <= now() THEN 1 ELSE r.request_count + 1 END,
      window_start = CASE WHEN r.window_start + make_interval(secs => r.window_seconds) <= now() THEN now() ELSE r.window_start END,
      window_seconds = EXCLUDED.window_seconds,
      updated_at = now()
  RETURNING r.request_count INTO v_count;

  IF v_count > p_max_requests THEN
    UPDATE public.rate_limits r
    SET blocked_until = r.window_start + make_interval(secs => r.window_seconds)
    WHERE r.identifier = p_identifier AND r.endpoint = p_endpoint;
    RETURN false;
  END IF;
  RETURN true;
END;
`,
  grants: ['anon', 'authenticated', 'service_role'],
});

export const auditTrigger = triggerFunction('audit_trigger', {
  group,
  description:
    'Audit trigger on critical tables (data_subjects, consent_records, privacy_consents, data_subject_requests, user_roles, tenant_members, security_policies): writes each change to audit_logs',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_old jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
  v_new jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
  v_row jsonb := coalesce(v_new, v_old);
  v_tenant uuid;
BEGIN
  IF TG_TABLE_NAME = 'tenants' THEN
    v_tenant := (v_row ->> 'id')::uuid;
  ELSIF v_row ? 'tenant_id' THEN
    v_tenant := (v_row ->> 'tenant_id')::uuid;
  END IF;

  INSERT INTO public.audit_logs (tenant_id, user_id, actor_role, action, resource_type, resource_id, old_values, new_values, metadata, severity)
  VALUES (
    CASE WHEN EXISTS (SELECT 1 FROM public.tenants t WHERE t.id = v_tenant) THEN v_tenant END,
    auth.uid(),
    coalesce(auth.role(), 'system'),
    TG_OP,
    TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
    v_row ->> 'id',
    v_old,
    v_new,
    jsonb_build_object('trigger', TG_NAME),
    CASE WHEN TG_OP = 'DELETE' THEN 'warning' ELSE 'info' END
  );
  RETURN coalesce(NEW, OLD);
END;
`,
});
