/*
 * 11. Trust & Guardian: the Guardian watches data access, consent changes and threats on a user's
 * behalf and writes guardian_events; every event is hash-chained per user, and periods of events
 * are sealed into trust_ledger_roots so anyone can verify that the history was not rewritten.
 */
import { boolean, integer, jsonb, rpc, sql, system, table, text, timestamptz, triggerFunction, uuid } from 'pgform';
import { adminPolicies, areas, ownerPolicies, publicReadPolicies, rlsSql, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.trust;

const severities = ['info', 'low', 'medium', 'high', 'critical'];

export const trustLedgerRoots = table('trust_ledger_roots', {
  group,
  note: `**Verifying the ledger.** Every \`guardian_events\` row carries \`event_hash = sha256(previous_hash | id | user_id | event_type | severity | source | description | action_taken | metadata | created_at)\`, chained per user by \`hash_guardian_event()\`. \`seal_trust_ledger_root(start, end, tenant)\` (run by the orchestrator with the service role) concatenates the unsealed event hashes of the period in \`(created_at, id)\` order after the previous root hash and stores their SHA-256 as \`root_hash\`, linking the events to the root. Roots are public (public read pattern), so anyone can recompute a root from the events they may read; \`anchor_*\` record an optional external anchor.`,
  description: 'Trust ledger hash roots: one SHA-256 root per sealed period over the event hashes of guardian_events, chained to the previous root',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant whose events were sealed; NULL = platform-wide ledger'),
    period_start: timestamptz().notNull().describe('First instant covered (inclusive)'),
    period_end: timestamptz().notNull().describe('Last instant covered (exclusive)'),
    root_hash: text().notNull().unique().check(sql`root_hash ~ '^[0-9a-f]{64}$'`).describe('Hex SHA-256 over previous_root_hash and the ordered event hashes of the period'),
    previous_root_id: uuid().index().references('trust_ledger_roots', 'id', { onDelete: 'restrict' }).describe('Root sealed just before this one (chain)'),
    previous_root_hash: text().check(sql`previous_root_hash ~ '^[0-9a-f]{64}$'`).describe('Copy of the previous root hash, part of this root'),
    event_count: integer().notNull().default(0).check(sql`event_count >= 0`).describe('Number of guardian_events sealed'),
    algorithm: text().notNull().default('sha256').oneOf(['sha256']).describe('Hash algorithm'),
    signature: text().describe('Optional detached signature of root_hash by the platform key'),
    anchor_type: text().notNull().default('none').oneOf(['none', 'timestamp_authority', 'transparency_log', 'blockchain']).describe('Where the root was anchored externally'),
    anchor_reference: text().describe('Receipt / transaction id of the external anchor'),
    anchored_at: timestamptz().describe('When the anchor was confirmed'),
    metadata: jsonb().notNull().default({}).describe('Extra sealing details'),
    created_at: timestamptz().notNull().defaultNow().describe('When the root was sealed'),
  },
  unique: [{ columns: ['tenant_id', 'period_start', 'period_end'], name: 'trust_ledger_roots_tenant_period_key', nullsNotDistinct: true }],
  checks: { trust_ledger_roots_period_check: sql`period_end > period_start` },
  indexes: { idx_trust_ledger_roots_created_at: { on: ['created_at DESC'] } },
  rls: true,
  policies: {
    ...publicReadPolicies('ledger roots'),
    ...adminPolicies('ledger roots'),
    ...servicePolicies('ledger roots'),
  },
});

export const guardianPreferences = table('guardian_preferences', {
  group,
  description: "Guardian trust preferences: how strictly the Guardian protects one user's data and how it alerts them",
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().unique().references('auth.users', 'id', { onDelete: 'cascade' }).describe('Owner (one row per user)'),
    trust_level: text().notNull().default('balanced').oneOf(['strict', 'balanced', 'relaxed']).describe('Protection level applied to data sharing'),
    auto_block_threats: boolean().notNull().default(true).describe('Block requests the Guardian classifies as threats without asking'),
    alert_min_severity: text().notNull().default('medium').oneOf(severities).describe('Lowest event severity that raises an alert'),
    alert_channels: text().array().notNull().default(['in_app', 'email']).describe('Channels for alerts (in_app, email, push, sms)'),
    allowed_data_categories: text().array().notNull().default([]).describe('Data categories the user allows apps to read (contacts, calendar, ...)'),
    blocked_domains: text().array().notNull().default([]).describe('Domains never allowed to receive data'),
    share_trust_score: boolean().notNull().default(false).describe('Show the trust score / badges on the public profile'),
    data_retention_days: integer().notNull().default(365).check(sql`data_retention_days BETWEEN 1 AND 3650`).describe('How long guardian_events are kept'),
    weekly_summary: boolean().notNull().default(true).describe('Send the weekly get_guardian_summary() digest'),
    ...timestamps(),
  },
  triggers: { ...updatedAtTrigger('guardian_preferences') },
  rls: true,
  policies: {
    ...ownerPolicies('guardian preferences'),
    ...adminPolicies('guardian preferences'),
    ...servicePolicies('guardian preferences'),
  },
});

export const guardianEvents = table('guardian_events', {
  group,
  description: 'Guardian event logs: data access, consent changes, blocked requests and anomalies seen on behalf of a user; hash-chained per user',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('User the event concerns'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'set null' }).index().describe('Tenant context, if any'),
    event_type: text()
      .notNull()
      .oneOf(['data_access', 'consent_change', 'blocked_request', 'anomaly', 'policy_violation', 'trust_score_change', 'login', 'integration_connected'])
      .describe('What happened'),
    severity: text().notNull().default('info').oneOf(severities).describe('Severity'),
    source: text().notNull().describe('Who or what caused it (app name, integration, IP, agent)'),
    description: text().describe('Human-readable explanation'),
    action_taken: text().notNull().default('logged').oneOf(['logged', 'alerted', 'blocked', 'quarantined']).describe('What the Guardian did'),
    metadata: jsonb().notNull().default({}).describe('Event details'),
    previous_hash: text().describe("Event hash of the user's previous event (NULL for the first)"),
    event_hash: text().notNull().check(sql`event_hash ~ '^[0-9a-f]{64}$'`).describe('SHA-256 of the event contents and previous_hash (set by hash_guardian_event())'),
    ledger_root_id: uuid().references('trust_ledger_roots', 'id', { onDelete: 'set null' }).index().describe('Root that sealed this event (NULL until sealed)'),
    acknowledged_at: timestamptz().describe('When the user acknowledged the alert'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: {
    idx_guardian_events_user_created: { on: ['user_id', 'created_at DESC'] },
    idx_guardian_events_unsealed: { on: ['created_at'], where: sql`ledger_root_id IS NULL` },
    idx_guardian_events_severity: { on: ['severity', 'created_at DESC'], where: sql`severity IN ('high', 'critical')` },
  },
  triggers: {
    guardian_events_hash: {
      timing: 'before',
      events: ['insert'],
      function: 'public.hash_guardian_event',
      description: 'Chains the event to the previous one of the user and computes event_hash',
    },
  },
  rls: true,
  policies: {
    'Users view own guardian events': { for: 'select', to: 'authenticated', using: rlsSql.owner() },
    'Users acknowledge own guardian events': { for: 'update', to: 'authenticated', using: rlsSql.owner(), withCheck: rlsSql.owner() },
    ...adminPolicies('guardian events'),
    ...servicePolicies('guardian events'),
  },
});

export const trustBadges = table('trust_badges', {
  group,
  description: 'Trust badge definitions: verification and reputation marks a user, expert or marketplace author can earn',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique().check(sql`slug ~ '^[a-z0-9][a-z0-9_-]*$'`).describe('Stable key (email_verified, mfa_enabled, ...)'),
    name: text().notNull().describe('Display name'),
    description: text().describe('What the badge certifies'),
    badge_type: text().notNull().oneOf(['verification', 'security', 'compliance', 'reputation']).describe('Family of the badge'),
    tier: text().notNull().default('bronze').oneOf(['bronze', 'silver', 'gold', 'platinum']).describe('Tier'),
    icon_url: text().describe('Icon (public storage bucket)'),
    criteria: jsonb().notNull().default({}).describe('Machine-readable award rule: {"mfa_enabled": true, "min_account_age_days": 30}'),
    min_trust_score: integer().check(sql`min_trust_score BETWEEN 0 AND 100`).describe('Trust score needed, if any'),
    is_active: boolean().notNull().default(true).describe('Can still be awarded'),
    display_order: integer().notNull().default(0).describe('Sort order on profiles'),
    ...timestamps(),
  },
  indexes: { idx_trust_badges_type_order: { on: ['badge_type', 'display_order'] } },
  triggers: { ...updatedAtTrigger('trust_badges') },
  rls: true,
  policies: {
    ...publicReadPolicies('active trust badges', 'is_active'),
    ...adminPolicies('trust badges'),
    ...servicePolicies('trust badges'),
  },
});

export const hashGuardianEvent = triggerFunction('hash_guardian_event', {
  group,
  description: "BEFORE INSERT on guardian_events: links the event to the user's previous event and sets event_hash = sha256(previous_hash | contents)",
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  NEW.created_at := coalesce(NEW.created_at, now());
  -- Serialise inserts per user so two events never chain to the same predecessor.
  PERFORM pg_advisory_xact_lock(hashtextextended(NEW.user_id::text, 0));
  SELECT ge.event_hash INTO NEW.previous_hash
  FROM public.guardian_events ge
  WHERE ge.user_id = NEW.user_id
  ORDER BY ge.created_at DESC, ge.id DESC
  LIMIT 1;
  NEW.event_hash := encode(sha256(convert_to(concat_ws('|',
    coalesce(NEW.previous_hash, ''), NEW.id::text, NEW.user_id::text, NEW.event_type, NEW.severity,
    NEW.source, coalesce(NEW.description, ''), NEW.action_taken, NEW.metadata::text,
    to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')), 'UTF8')), 'hex');
  RETURN NEW;
END;
`,
});

export const sealTrustLedgerRoot = rpc('seal_trust_ledger_root', {
  group,
  description:
    'Seals the unsealed guardian_events of a period (and tenant, NULL = all) into a new trust_ledger_roots row chained to the previous root; returns the root id (NULL when nothing to seal). Service role / admins only',
  args: { p_period_start: 'timestamptz', p_period_end: 'timestamptz', p_tenant_id: { type: 'uuid', default: sql`NULL` } },
  returns: 'uuid',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_prev public.trust_ledger_roots%ROWTYPE;
  v_hashes text;
  v_count integer;
  v_root_id uuid;
BEGIN
  IF NOT (coalesce(auth.role(), '') = 'service_role' OR public.is_admin(auth.uid())) THEN
    RAISE EXCEPTION 'seal_trust_ledger_root is restricted to the service role and admins' USING ERRCODE = '42501';
  END IF;
  IF p_period_end <= p_period_start THEN
    RAISE EXCEPTION 'period_end must be after period_start' USING ERRCODE = '22023';
  END IF;

  SELECT string_agg(ge.event_hash, '' ORDER BY ge.created_at, ge.id), count(*)
  INTO v_hashes, v_count
  FROM public.guardian_events ge
  WHERE ge.ledger_root_id IS NULL
    AND ge.created_at >= p_period_start AND ge.created_at < p_period_end
    AND (p_tenant_id IS NULL OR ge.tenant_id = p_tenant_id);
  IF v_count = 0 THEN
    RETURN NULL;
  END IF;

  SELECT r.* INTO v_prev
  FROM public.trust_ledger_roots r
  WHERE r.tenant_id IS NOT DISTINCT FROM p_tenant_id
  ORDER BY r.period_end DESC, r.created_at DESC
  LIMIT 1;

  INSERT INTO public.trust_ledger_roots (tenant_id, period_start, period_end, root_hash, previous_root_id, previous_root_hash, event_count)
  VALUES (p_tenant_id, p_period_start, p_period_end,
          encode(sha256(convert_to(coalesce(v_prev.root_hash, '') || v_hashes, 'UTF8')), 'hex'),
          v_prev.id, v_prev.root_hash, v_count)
  RETURNING id INTO v_root_id;

  UPDATE public.guardian_events ge
  SET ledger_root_id = v_root_id
  WHERE ge.ledger_root_id IS NULL
    AND ge.created_at >= p_period_start AND ge.created_at < p_period_end
    AND (p_tenant_id IS NULL OR ge.tenant_id = p_tenant_id);

  RETURN v_root_id;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const getGuardianSummary = rpc('get_guardian_summary', {
  group,
  description:
    "Get guardian summary: a user's Guardian activity over the last p_days days (counts by severity and type, blocked requests, unacknowledged alerts, preferences, latest ledger root) as JSON",
  args: { p_user_id: 'uuid', p_days: { type: 'integer', default: sql`30` } },
  returns: 'jsonb',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_since timestamptz := now() - make_interval(days => greatest(coalesce(p_days, 30), 1));
  v_result jsonb;
BEGIN
  IF NOT (p_user_id = auth.uid() OR coalesce(auth.role(), '') = 'service_role' OR public.is_admin(auth.uid())) THEN
    RAISE EXCEPTION 'not allowed to read the guardian summary of another user' USING ERRCODE = '42501';
  END IF;

  SELECT jsonb_build_object(
    'user_id', p_user_id,
    'days', greatest(coalesce(p_days, 30), 1),
    'since', v_since,
    'total_events', count(*),
    'blocked_requests', count(*) FILTER (WHERE ge.action_taken IN ('blocked', 'quarantined')),
    'unacknowledged_alerts', count(*) FILTER (WHERE ge.action_taken <> 'logged' AND ge.acknowledged_at IS NULL),
    'by_severity', jsonb_build_object(
      'info', count(*) FILTER (WHERE ge.severity = 'info'),
      'low', count(*) FILTER (WHERE ge.severity = 'low'),
      'medium', count(*) FILTER (WHERE ge.severity = 'medium'),
      'high', count(*) FILTER (WHERE ge.severity = 'high'),
      'critical', count(*) FILTER (WHERE ge.severity = 'critical')),
    'by_type', coalesce((
      SELECT jsonb_object_agg(t.event_type, t.n)
      FROM (SELECT g2.event_type, count(*) AS n FROM public.guardian_events g2
            WHERE g2.user_id = p_user_id AND g2.created_at >= v_since GROUP BY g2.event_type) t), '{}'::jsonb),
    'last_event_at', max(ge.created_at),
    'trust_level', (SELECT gp.trust_level FROM public.guardian_preferences gp WHERE gp.user_id = p_user_id),
    'sealed_events', count(*) FILTER (WHERE ge.ledger_root_id IS NOT NULL),
    'latest_root_hash', (SELECT r.root_hash FROM public.trust_ledger_roots r ORDER BY r.period_end DESC, r.created_at DESC LIMIT 1)
  )
  INTO v_result
  FROM public.guardian_events ge
  WHERE ge.user_id = p_user_id AND ge.created_at >= v_since;

  RETURN v_result;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const trustDocs = system({
  groups: {
    [group]: {
      note: `The Guardian watches data access, consent changes, logins and threats on each user's behalf. Services
(service role) write \`guardian_events\`; each event is hash-chained to the user's previous one, and the
orchestrator periodically seals unsealed events into a public \`trust_ledger_roots\` row (see the table note).

**RLS:** \`guardian_preferences\` owner-only; \`guardian_events\` owner read and acknowledge; \`trust_ledger_roots\`
and active \`trust_badges\` public read; admins and the service role manage all four.`,
    },
  },
});
