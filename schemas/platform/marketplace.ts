/*
 * 13. Marketplace & Integrations: the catalogue of integrations, the marketplace of templates,
 * agents, integrations and workflows, and the API services the platform meters. Every request to
 * a metered service lands in api_logs; a trigger rolls it up into the daily api_usage counters.
 */
import { bigint, boolean, date, inet, integer, jsonb, numeric, smallint, sql, system, table, text, timestamptz, triggerFunction, uuid } from 'pgform';
import { adminPolicies, areas, publicReadPolicies, rlsSql, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.marketplace;

export const integrations = table('integrations', {
  group,
  note: `\`tenant_integrations.provider\` holds an integration's \`slug\` (a logical join without FK, so tenants can also connect custom webhooks).`,
  description: 'Integration definitions: the catalogue of third-party services a tenant can connect (tenant_integrations.provider = integrations.slug)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique().check(sql`slug ~ '^[a-z0-9][a-z0-9_-]*$'`).describe('Stable key, used as tenant_integrations.provider'),
    name: text().notNull().describe('Display name'),
    provider: text().notNull().describe('Vendor (Google, HubSpot, Slack, ...)'),
    category: text()
      .notNull()
      .oneOf(['crm', 'email', 'calendar', 'messaging', 'payments', 'analytics', 'storage', 'ai', 'productivity', 'other'])
      .index()
      .describe('Catalogue category'),
    description: text().describe('What the integration does'),
    auth_type: text().notNull().oneOf(['oauth2', 'api_key', 'basic', 'webhook', 'none']).describe('How a tenant authenticates'),
    oauth_scopes: text().array().notNull().default([]).describe('OAuth scopes requested'),
    config_schema: jsonb().notNull().default({}).describe('JSON Schema of the settings stored in tenant_integrations.config'),
    webhook_events: text().array().notNull().default([]).describe('Events the integration can push'),
    docs_url: text().describe('Setup documentation'),
    icon_url: text().describe('Logo (public storage bucket)'),
    required_tier: text().oneOf(['free', 'starter', 'pro', 'business', 'enterprise']).describe('Lowest plan tier allowed to connect it (NULL: any)'),
    status: text().notNull().default('active').oneOf(['active', 'beta', 'deprecated', 'disabled']).describe('Availability'),
    ...timestamps(),
  },
  triggers: { ...updatedAtTrigger('integrations') },
  rls: true,
  policies: {
    ...publicReadPolicies('available integrations', "status <> 'disabled'"),
    ...adminPolicies('integrations catalogue'),
    ...servicePolicies('integrations catalogue'),
  },
});

export const marketplaceItems = table('marketplace_items', {
  group,
  description: 'Marketplace items (templates, agents, integrations, workflows) published by authors; admins review before publishing',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    item_type: text().notNull().oneOf(['template', 'agent', 'integration', 'workflow']).describe('Kind of item'),
    slug: text().notNull().unique().check(sql`slug ~ '^[a-z0-9][a-z0-9_-]*$'`).describe('URL key'),
    name: text().notNull().check(sql`char_length(name) BETWEEN 1 AND 200`).describe('Display name'),
    short_description: text().check(sql`char_length(short_description) <= 300`).describe('One-line pitch'),
    description: text().describe('Full description (Markdown)'),
    author_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Publisher'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'set null' }).index().describe('Publishing organisation, if any'),
    integration_id: uuid().references('integrations', 'id', { onDelete: 'set null' }).index().describe('Integration packaged by an item_type = integration item'),
    content: jsonb().notNull().default({}).describe('Installable payload: template body, agent config or workflow definition'),
    category: text().describe('Browsing category'),
    tags: text().array().notNull().default([]).describe('Search tags'),
    pricing_model: text().notNull().default('free').oneOf(['free', 'one_time', 'subscription', 'usage']).describe('How it is charged'),
    price: numeric(10, 2).notNull().default(0).check(sql`price >= 0`).describe('Price (0 for free)'),
    currency: text().notNull().default('USD').check(sql`currency ~ '^[A-Z]{3}$'`).describe('ISO 4217 currency code'),
    version: text().notNull().default('1.0.0').describe('Semantic version of the payload'),
    status: text().notNull().default('draft').oneOf(['draft', 'pending_review', 'published', 'rejected', 'archived']).describe('Review / publishing state'),
    is_featured: boolean().notNull().default(false).describe('Shown on the marketplace front page'),
    install_count: integer().notNull().default(0).check(sql`install_count >= 0`).describe('Installs so far'),
    rating_avg: numeric(3, 2).check(sql`rating_avg BETWEEN 0 AND 5`).describe('Average rating 0-5'),
    rating_count: integer().notNull().default(0).check(sql`rating_count >= 0`).describe('Number of ratings'),
    reviewed_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Admin who reviewed it'),
    published_at: timestamptz().describe('When it was published'),
    ...timestamps(),
  },
  checks: {
    marketplace_items_integration_check: sql`item_type <> 'integration' OR integration_id IS NOT NULL`,
    marketplace_items_free_check: sql`pricing_model <> 'free' OR price = 0`,
  },
  indexes: {
    idx_marketplace_items_browse: { on: ['item_type', 'status', 'install_count DESC'] },
    idx_marketplace_items_tags: { on: ['tags'], using: 'gin' },
    idx_marketplace_items_name_trgm: { on: ['name gin_trgm_ops'], using: 'gin', description: 'Fuzzy marketplace search (pg_trgm)' },
    idx_marketplace_items_created_at: { on: ['created_at DESC'] },
  },
  triggers: { ...updatedAtTrigger('marketplace_items') },
  rls: true,
  policies: {
    ...publicReadPolicies('published marketplace items', "status = 'published'"),
    'Authors view own items': { for: 'select', to: 'authenticated', using: rlsSql.owner('author_id') },
    'Authors create items for review': {
      for: 'insert',
      to: 'authenticated',
      withCheck: sql`(select auth.uid()) = author_id AND status IN ('draft', 'pending_review') AND NOT is_featured`,
    },
    'Authors update own unpublished items': {
      for: 'update',
      to: 'authenticated',
      using: rlsSql.owner('author_id'),
      withCheck: sql`(select auth.uid()) = author_id AND status IN ('draft', 'pending_review', 'archived') AND NOT is_featured`,
      description: 'Authors edit, resubmit or archive; publishing and featuring are admin decisions',
    },
    'Authors delete own drafts': { for: 'delete', to: 'authenticated', using: sql`(select auth.uid()) = author_id AND status IN ('draft', 'rejected')` },
    ...adminPolicies('marketplace items'),
    ...servicePolicies('marketplace items'),
  },
});

export const apiServices = table('api_services', {
  group,
  description: 'API service definitions: internal and third-party APIs the platform exposes or consumes, with rate limits and unit cost',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique().check(sql`slug ~ '^[a-z0-9][a-z0-9_.-]*$'`).describe('Stable key (openai.chat, platform.leads, ...)'),
    name: text().notNull().describe('Display name'),
    description: text().describe('What the service does'),
    base_url: text().check(sql`base_url ~ '^https?://'`).describe('Base URL'),
    version: text().notNull().default('v1').describe('API version'),
    direction: text().notNull().default('outbound').oneOf(['inbound', 'outbound']).describe('inbound = exposed by the platform, outbound = consumed'),
    auth_type: text().notNull().default('api_key').oneOf(['api_key', 'oauth2', 'jwt', 'none']).describe('Authentication'),
    rate_limit_per_minute: integer().check(sql`rate_limit_per_minute > 0`).describe('Requests per minute allowed (NULL: unlimited)'),
    cost_per_unit: numeric(12, 6).notNull().default(0).check(sql`cost_per_unit >= 0`).describe('Cost of one unit'),
    cost_unit: text().notNull().default('request').oneOf(['request', '1k_tokens', 'minute', 'mb']).describe('What a unit is'),
    status: text().notNull().default('active').oneOf(['active', 'degraded', 'deprecated', 'disabled']).describe('Operational state'),
    is_public: boolean().notNull().default(false).describe('Listed in the public API catalogue'),
    health_check_url: text().describe('Endpoint polled by the orchestrator'),
    last_health_check_at: timestamptz().describe('Last poll'),
    metadata: jsonb().notNull().default({}).describe('Extra settings'),
    ...timestamps(),
  },
  triggers: { ...updatedAtTrigger('api_services') },
  rls: true,
  policies: {
    ...publicReadPolicies('public API services', "is_public AND status <> 'disabled'"),
    'Authenticated users view API services': { for: 'select', to: 'authenticated', using: sql`status <> 'disabled'` },
    ...adminPolicies('API services'),
    ...servicePolicies('API services'),
  },
});

export const apiUsage = table('api_usage', {
  group,
  description: 'API usage tracking: daily request, error, unit and cost counters per tenant, user and service (rolled up from api_logs)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant billed; NULL = platform'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Caller; NULL = server-side'),
    service_id: uuid().notNull().references('api_services', 'id', { onDelete: 'cascade' }).index().describe('Service used'),
    usage_date: date().notNull().default(sql`CURRENT_DATE`).describe('Day (UTC)'),
    request_count: bigint().notNull().default(0).check(sql`request_count >= 0`).describe('Requests'),
    error_count: bigint().notNull().default(0).check(sql`error_count >= 0`).describe('Requests with status >= 400'),
    units_used: numeric(18, 4).notNull().default(0).describe('Units consumed (see api_services.cost_unit)'),
    cost: numeric(14, 6).notNull().default(0).describe('Cost of the units'),
    total_duration_ms: bigint().notNull().default(0).describe('Sum of request durations'),
    ...timestamps(),
  },
  unique: [{ columns: ['tenant_id', 'user_id', 'service_id', 'usage_date'], name: 'api_usage_scope_day_key', nullsNotDistinct: true }],
  indexes: { idx_api_usage_date: { on: ['usage_date DESC'] } },
  triggers: { ...updatedAtTrigger('api_usage') },
  rls: true,
  policies: {
    'Users view own API usage': { for: 'select', to: 'authenticated', using: rlsSql.owner() },
    'Tenant members view tenant API usage': { for: 'select', to: 'authenticated', using: rlsSql.tenant() },
    ...adminPolicies('API usage'),
    ...servicePolicies('API usage'),
  },
});

export const apiLogs = table('api_logs', {
  group,
  note: `**Metering.** The API gateway (service role) inserts one \`api_logs\` row per request; \`rollup_api_usage()\` adds it to the \`api_usage\` row of (tenant, user, service, UTC day), pricing units with \`api_services.cost_per_unit\`. NULL tenant / user share one bucket (NULLS NOT DISTINCT). Tenant quotas are tracked separately with \`track_usage(tenant_id, 'api_calls')\`.`,
  description: 'API request logs: one row per request to a metered service (kept for debugging, billing and abuse detection)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).describe('Tenant billed'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Caller'),
    service_id: uuid().references('api_services', 'id', { onDelete: 'set null' }).describe('Service called'),
    request_id: text().describe('Correlation id'),
    method: text().notNull().oneOf(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).describe('HTTP method'),
    endpoint: text().notNull().describe('Path called'),
    status_code: smallint().check(sql`status_code BETWEEN 100 AND 599`).describe('HTTP status returned'),
    duration_ms: integer().check(sql`duration_ms >= 0`).describe('Latency'),
    request_size_bytes: integer().describe('Request body size'),
    response_size_bytes: integer().describe('Response body size'),
    units_used: numeric(18, 4).notNull().default(1).describe('Units consumed (1 per request unless tokens etc.)'),
    ip_address: inet().describe('Client IP'),
    user_agent: text().describe('Client user agent'),
    error_message: text().describe('Error text for failed requests'),
    metadata: jsonb().notNull().default({}).describe('Extra request attributes (never secrets)'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: {
    idx_api_logs_created_at: { on: ['created_at DESC'] },
    idx_api_logs_tenant_created: { on: ['tenant_id', 'created_at DESC'] },
    idx_api_logs_service_created: { on: ['service_id', 'created_at DESC'] },
    idx_api_logs_errors: { on: ['created_at DESC'], where: sql`status_code >= 500` },
  },
  triggers: {
    api_logs_rollup_usage: {
      timing: 'after',
      events: ['insert'],
      function: 'public.rollup_api_usage',
      description: 'Adds each logged request to the daily api_usage counters',
    },
  },
  rls: true,
  policies: {
    'Users view own API logs': { for: 'select', to: 'authenticated', using: rlsSql.owner() },
    'Tenant admins view tenant API logs': { for: 'select', to: 'authenticated', using: rlsSql.tenantAdmin() },
    ...adminPolicies('API logs'),
    ...servicePolicies('API logs'),
  },
});

export const rollupApiUsage = triggerFunction('rollup_api_usage', {
  group,
  description: 'AFTER INSERT on api_logs: upserts the (tenant, user, service, day) row of api_usage with the request, error, units, cost and duration',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_cost_per_unit numeric := 0;
BEGIN
  IF NEW.service_id IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT s.cost_per_unit INTO v_cost_per_unit FROM public.api_services s WHERE s.id = NEW.service_id;

  INSERT INTO public.api_usage AS u (tenant_id, user_id, service_id, usage_date, request_count, error_count, units_used, cost, total_duration_ms)
  VALUES (NEW.tenant_id, NEW.user_id, NEW.service_id, (NEW.created_at AT TIME ZONE 'UTC')::date, 1,
          CASE WHEN NEW.status_code >= 400 THEN 1 ELSE 0 END,
          NEW.units_used, NEW.units_used * coalesce(v_cost_per_unit, 0), coalesce(NEW.duration_ms, 0))
  ON CONFLICT ON CONSTRAINT api_usage_scope_day_key DO UPDATE
  SET request_count = u.request_count + 1,
      error_count = u.error_count + EXCLUDED.error_count,
      units_used = u.units_used + EXCLUDED.units_used,
      cost = u.cost + EXCLUDED.cost,
      total_duration_ms = u.total_duration_ms + EXCLUDED.total_duration_ms;
  RETURN NULL;
END;
`,
});

export const marketplaceJoins = system({
  joins: [{ from: 'tenant_integrations.provider', to: 'integrations.slug', description: 'A connected integration names its catalogue entry by slug (no FK: custom providers allowed)' }],
});

export const marketplaceDocs = system({
  groups: {
    [group]: {
      note: `The integration catalogue and the marketplace are public read; authors (owner pattern) create items as drafts or
for review and may edit them until published; publishing and featuring are admin decisions. API usage is metered
from \`api_logs\` into \`api_usage\` by a trigger.

**RLS:** \`api_usage\`: the caller and tenant members read; \`api_logs\`: the caller and tenant owners / admins read;
both are written by the service role.`,
    },
  },
});
