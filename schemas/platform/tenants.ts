import { bigint, boolean, date, jsonb, rpc, sql, table, text, timestamptz, uuid } from 'pgform';
import { adminPolicies, areas, rlsSql, servicePolicies, tenantPolicies, tenantRole, timestamps, updatedAtTrigger } from './common.js';

const group = areas.tenants;

export const tenants = table('tenants', {
  group,
  description: 'Tenant/organization records: every tenant-scoped row in the platform carries a tenant_id pointing here',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull().check(sql`char_length(name) BETWEEN 1 AND 200`).describe('Organization name'),
    subdomain: text()
      .notNull()
      .unique()
      .check(sql`subdomain ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'`)
      .describe('Unique subdomain (<subdomain>.app): lower-case DNS label'),
    custom_domain: text().unique().describe('Optional custom domain'),
    plan_id: uuid().references('subscription_plans', 'id', { onDelete: 'set null' }).index().describe('Subscription plan (subscription_plans)'),
    status: text().notNull().default('active').oneOf(['trial', 'active', 'suspended', 'cancelled']).index().describe('Lifecycle state'),
    owner_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('User who created the tenant'),
    settings: jsonb().notNull().default({}).describe('Tenant-wide settings'),
    branding: jsonb().notNull().default({}).describe('Logo, colours and other white-label settings'),
    limits: jsonb().notNull().default({}).describe('Per-metric usage limits overriding the plan: {"api_calls": 10000}'),
    trial_ends_at: timestamptz().describe('End of the trial period'),
    ...timestamps(),
  },
  triggers: { ...updatedAtTrigger('tenants') },
  rls: true,
  policies: {
    'Tenant members view tenant': { for: 'select', to: 'authenticated', using: rlsSql.tenant('id') },
    'Users create tenants they own': { for: 'insert', to: 'authenticated', withCheck: rlsSql.owner('owner_id') },
    'Tenant admins update tenant': { for: 'update', to: 'authenticated', using: rlsSql.tenantAdmin('id'), withCheck: rlsSql.tenantAdmin('id') },
    'Tenant owners delete tenant': { for: 'delete', to: 'authenticated', using: sql`public.get_tenant_member_role(id, (select auth.uid())) = 'owner'` },
    ...adminPolicies('tenants'),
    ...servicePolicies('tenants'),
  },
});

export const tenantMembers = table('tenant_members', {
  group,
  description: 'User-tenant relationships with roles (owner, admin, member, viewer); the basis of tenant isolation',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().notNull().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Member'),
    role: tenantRole.column().notNull().default('member').describe('Role inside the tenant'),
    status: text().notNull().default('active').oneOf(['invited', 'active', 'suspended']).describe('Only active members pass is_tenant_member()'),
    invited_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Who sent the invitation'),
    invited_email: text().describe('Email the invitation went to'),
    joined_at: timestamptz().describe('When the invitation was accepted'),
    ...timestamps(),
  },
  unique: [['tenant_id', 'user_id']],
  indexes: { idx_tenant_members_user_status: { on: ['user_id', 'status'] } },
  triggers: {
    ...updatedAtTrigger('tenant_members'),
    tenant_members_audit: { timing: 'after', events: ['insert', 'update', 'delete'], function: 'public.audit_trigger', description: 'Membership changes go to audit_logs' },
  },
  rls: true,
  policies: {
    'Users view own memberships': { for: 'select', to: 'authenticated', using: rlsSql.owner() },
    ...tenantPolicies('members'),
    ...adminPolicies('members'),
    ...servicePolicies('members'),
  },
});

export const tenantUsage = table('tenant_usage', {
  group,
  description: 'Usage tracking per tenant: one counter per metric and monthly period, written by track_usage()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().notNull().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    metric_type: text().notNull().describe('What is counted: api_calls, ai_tokens, storage_mb, seats, workflow_runs...'),
    period_start: date().notNull().describe('First day of the (monthly) period'),
    period_end: date().notNull().describe('Last day of the period'),
    usage_count: bigint().notNull().default(0).check(sql`usage_count >= 0`).describe('Usage so far in the period'),
    limit_value: bigint().describe('Limit in force when last tracked (NULL: unlimited)'),
    last_tracked_at: timestamptz().notNull().defaultNow().describe('Last increment'),
    ...timestamps(),
  },
  unique: [['tenant_id', 'metric_type', 'period_start']],
  checks: { tenant_usage_period_check: sql`period_end >= period_start` },
  triggers: { ...updatedAtTrigger('tenant_usage') },
  rls: true,
  policies: {
    'Tenant members view usage': { for: 'select', to: 'authenticated', using: rlsSql.tenant() },
    ...adminPolicies('usage'),
    ...servicePolicies('usage'),
  },
});

export const tenantIntegrations = table('tenant_integrations', {
  group,
  description: 'Tenant-specific integration configs (CRM, email, calendar, webhooks); secrets live in a vault and are referenced, not stored',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().notNull().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    provider: text().notNull().describe('Integration provider (hubspot, salesforce, slack, google_calendar, webhook...)'),
    name: text().notNull().default('default').describe('Label when a tenant connects the same provider twice'),
    config: jsonb().notNull().default({}).describe('Non-secret settings (field mappings, sync options)'),
    credentials_ref: text().describe('Reference to the secret in the vault'),
    is_enabled: boolean().notNull().default(true).describe('Integration active'),
    status: text().notNull().default('pending').oneOf(['pending', 'connected', 'error', 'disconnected']).describe('Connection health'),
    last_synced_at: timestamptz().describe('Last successful sync'),
    last_error: text().describe('Last error message'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Who connected it'),
    ...timestamps(),
  },
  unique: [['tenant_id', 'provider', 'name']],
  triggers: { ...updatedAtTrigger('tenant_integrations') },
  rls: true,
  policies: {
    ...tenantPolicies('integrations'),
    ...adminPolicies('integrations'),
    ...servicePolicies('integrations'),
  },
});

export const createTenant = rpc('create_tenant', {
  group,
  description: 'Create new tenant: inserts the tenant and makes the caller its owner; returns the tenant id',
  args: { p_name: 'text', p_subdomain: 'text', p_plan_id: { type: 'uuid', default: sql`NULL` } },
  returns: 'uuid',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_user_id uuid := auth.uid();
  v_tenant_id uuid;
BEGIN
  IF v_user_id IS NULL AND coalesce(auth.role(), '') <> 'service_role' THEN
    RAISE EXCEPTION 'create_tenant requires a signed-in user' USING ERRCODE = '42501';
  END IF;
  IF EXISTS (SELECT 1 FROM public.tenants t WHERE t.subdomain = lower(p_subdomain)) THEN
    RAISE EXCEPTION 'subdomain "%" is taken', lower(p_subdomain) USING ERRCODE = '23505';
  END IF;

  INSERT INTO public.tenants (name, subdomain, plan_id, owner_id, status, trial_ends_at)
  VALUES (p_name, lower(p_subdomain), p_plan_id, v_user_id,
          CASE WHEN p_plan_id IS NULL THEN 'trial' ELSE 'active' END,
          CASE WHEN p_plan_id IS NULL THEN now() + interval '14 days' END)
  RETURNING id INTO v_tenant_id;

  IF v_user_id IS NOT NULL THEN
    INSERT INTO public.tenant_members (tenant_id, user_id, role, status, joined_at)
    VALUES (v_tenant_id, v_user_id, 'owner'::public.tenant_role, 'active', now());
    UPDATE public.profiles SET default_tenant_id = v_tenant_id WHERE id = v_user_id AND default_tenant_id IS NULL;
  END IF;

  RETURN v_tenant_id;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const trackUsage = rpc('track_usage', {
  group,
  description: "Track usage: adds p_increment to the tenant's counter for the metric in the current month; returns the new total",
  args: { p_tenant_id: 'uuid', p_metric_type: 'text', p_increment: { type: 'bigint', default: sql`1` } },
  returns: 'bigint',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_start date := date_trunc('month', now())::date;
  v_total bigint;
BEGIN
  IF NOT (public.is_tenant_member(p_tenant_id, auth.uid()) OR coalesce(auth.role(), '') = 'service_role' OR public.is_admin(auth.uid())) THEN
    RAISE EXCEPTION 'not a member of tenant %', p_tenant_id USING ERRCODE = '42501';
  END IF;
  INSERT INTO public.tenant_usage (tenant_id, metric_type, period_start, period_end, usage_count, last_tracked_at)
  VALUES (p_tenant_id, p_metric_type, v_start, (v_start + interval '1 month' - interval '1 day')::date, greatest(p_increment, 0), now())
  ON CONFLICT (tenant_id, metric_type, period_start)
  DO UPDATE SET usage_count = greatest(public.tenant_usage.usage_count + p_increment, 0), last_tracked_at = now()
  RETURNING usage_count INTO v_total;
  RETURN v_total;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const checkTenantLimit = rpc('check_tenant_limit', {
  group,
  description:
    "Check usage limits: true while the tenant's usage of the metric this month is below its limit (tenants.limits, else the plan's subscription_plans.limits; no limit = true)",
  args: { p_tenant_id: 'uuid', p_metric_type: 'text' },
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_limit bigint;
  v_used bigint;
BEGIN
  SELECT coalesce((t.limits ->> p_metric_type)::bigint, (sp.limits ->> p_metric_type)::bigint)
  INTO v_limit
  FROM public.tenants t
  LEFT JOIN public.subscription_plans sp ON sp.id = t.plan_id
  WHERE t.id = p_tenant_id;

  IF v_limit IS NULL OR v_limit < 0 THEN
    RETURN true;
  END IF;

  SELECT tu.usage_count INTO v_used
  FROM public.tenant_usage tu
  WHERE tu.tenant_id = p_tenant_id
    AND tu.metric_type = p_metric_type
    AND tu.period_start = date_trunc('month', now())::date;

  RETURN coalesce(v_used, 0) < v_limit;
END;
`,
  grants: ['authenticated', 'service_role'],
});
