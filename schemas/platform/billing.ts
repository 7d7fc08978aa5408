/*
 * 12. Billing & Subscriptions: plans (subscription_plans, read by tenants.plan_id and
 * check_tenant_limit()), the subscription each user or tenant holds (subscription_tiers, written
 * by the payment-provider webhooks through the service role) and recognised revenue
 * (revenue_streams).
 */
import { boolean, date, integer, jsonb, numeric, sql, system, table, text, timestamptz, triggerFunction, uuid } from 'pgform';
import { adminPolicies, areas, publicReadPolicies, rlsSql, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.billing;

const currency = () => text().notNull().default('USD').check(sql`currency ~ '^[A-Z]{3}$'`).describe('ISO 4217 currency code');

export const subscriptionPlans = table('subscription_plans', {
  group,
  description: 'Subscription plan definitions: price, trial and per-metric limits (limits feed check_tenant_limit())',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique().check(sql`slug ~ '^[a-z0-9][a-z0-9_-]*$'`).describe('Stable key (free, starter, pro, enterprise)'),
    name: text().notNull().describe('Display name'),
    description: text().describe('Marketing description'),
    tier: text().notNull().oneOf(['free', 'starter', 'pro', 'business', 'enterprise']).describe('Tier level the plan grants'),
    price_monthly: numeric(10, 2).notNull().default(0).check(sql`price_monthly >= 0`).describe('Price per month'),
    price_yearly: numeric(10, 2).check(sql`price_yearly >= 0`).describe('Price per year (NULL: no yearly billing)'),
    currency: currency(),
    trial_days: integer().notNull().default(0).check(sql`trial_days >= 0`).describe('Free trial length'),
    limits: jsonb()
      .notNull()
      .default({})
      .describe('Per-metric limits by tenant_usage.metric_type: {"api_calls": 10000, "members": 5, "ai_tokens": 1000000}; -1 or absent = unlimited'),
    features: text().array().notNull().default([]).describe('Feature flags the plan unlocks'),
    stripe_product_id: text().unique().describe('Payment provider product id'),
    stripe_price_monthly_id: text().describe('Provider price id for monthly billing'),
    stripe_price_yearly_id: text().describe('Provider price id for yearly billing'),
    is_active: boolean().notNull().default(true).describe('Can be subscribed to'),
    is_public: boolean().notNull().default(true).describe('Listed on the pricing page (custom enterprise plans are not)'),
    sort_order: integer().notNull().default(0).describe('Order on the pricing page'),
    ...timestamps(),
  },
  checks: { subscription_plans_limits_object: sql`jsonb_typeof(limits) = 'object'` },
  indexes: { idx_subscription_plans_listing: { on: ['sort_order'], where: sql`is_active AND is_public` } },
  triggers: { ...updatedAtTrigger('subscription_plans') },
  rls: true,
  policies: {
    ...publicReadPolicies('active plans', 'is_active AND is_public'),
    'Tenant members view their plan': {
      for: 'select',
      to: 'authenticated',
      using: sql`EXISTS (SELECT 1 FROM public.tenants t WHERE t.plan_id = subscription_plans.id AND public.is_tenant_member(t.id, (select auth.uid())))`,
    },
    ...adminPolicies('plans'),
    ...servicePolicies('plans'),
  },
});

export const subscriptionTiers = table('subscription_tiers', {
  group,
  note: `**Data flow.** Payment-provider webhooks (service role) upsert \`subscription_tiers\` by \`provider_subscription_id\`. \`sync_tenant_plan()\` copies the plan of a live tenant subscription to \`tenants.plan_id\`; \`check_tenant_limit()\` then reads that plan's \`subscription_plans.limits\` (unless \`tenants.limits\` overrides a metric). Recognised payments land in \`revenue_streams\`.`,
  description: "User subscription tiers: the plan a user (or, with tenant_id, a tenant paid for by that user) is subscribed to, mirrored from the payment provider",
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Subscriber / billing owner'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant the subscription pays for; NULL = personal subscription'),
    plan_id: uuid().notNull().references('subscription_plans', 'id', { onDelete: 'restrict' }).index().describe('Subscribed plan'),
    tier: text().notNull().oneOf(['free', 'starter', 'pro', 'business', 'enterprise']).describe('Tier at subscription time (copy of subscription_plans.tier)'),
    status: text().notNull().default('active').oneOf(['trialing', 'active', 'past_due', 'canceled', 'expired', 'paused']).describe('Provider subscription state'),
    billing_interval: text().notNull().default('monthly').oneOf(['monthly', 'yearly']).describe('Billing cycle'),
    seats: integer().notNull().default(1).check(sql`seats >= 1`).describe('Paid seats'),
    current_period_start: timestamptz().notNull().defaultNow().describe('Start of the paid period'),
    current_period_end: timestamptz().describe('End of the paid period'),
    trial_ends_at: timestamptz().describe('End of the trial'),
    cancel_at_period_end: boolean().notNull().default(false).describe('Cancels when the period ends'),
    canceled_at: timestamptz().describe('When it was cancelled'),
    provider: text().notNull().default('stripe').oneOf(['stripe', 'paddle', 'app_store', 'play_store', 'manual']).describe('Payment provider'),
    provider_customer_id: text().index().describe('Customer id at the provider'),
    provider_subscription_id: text().unique().describe('Subscription id at the provider (webhook key)'),
    metadata: jsonb().notNull().default({}).describe('Provider payload extras'),
    ...timestamps(),
  },
  checks: { subscription_tiers_period_check: sql`current_period_end IS NULL OR current_period_end > current_period_start` },
  indexes: {
    idx_subscription_tiers_one_live: {
      on: ['user_id', 'tenant_id'],
      unique: true,
      nullsNotDistinct: true,
      where: sql`status IN ('trialing', 'active', 'past_due', 'paused')`,
      description: 'At most one live subscription per user and tenant (or personal)',
    },
    idx_subscription_tiers_period_end: { on: ['current_period_end'], where: sql`status IN ('trialing', 'active', 'past_due')` },
  },
  triggers: {
    ...updatedAtTrigger('subscription_tiers'),
    subscription_tiers_sync_tenant_plan: {
      timing: 'after',
      events: ['insert', 'update'],
      updateOf: ['plan_id', 'status'],
      function: 'public.sync_tenant_plan',
      description: 'A live tenant subscription sets tenants.plan_id',
    },
  },
  rls: true,
  policies: {
    'Users view own subscriptions': { for: 'select', to: 'authenticated', using: rlsSql.owner() },
    'Tenant admins view tenant subscriptions': { for: 'select', to: 'authenticated', using: rlsSql.tenantAdmin() },
    ...adminPolicies('subscriptions'),
    ...servicePolicies('subscriptions'),
  },
});

export const revenueStreams = table('revenue_streams', {
  group,
  description: 'Revenue stream tracking: recognised revenue by stream (subscriptions, marketplace, API usage, services) and period',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'set null' }).index().describe('Paying tenant; NULL = not tenant-bound (e.g. personal plans)'),
    stream_type: text()
      .notNull()
      .oneOf(['subscription', 'marketplace', 'api_usage', 'services', 'one_time', 'affiliate', 'other'])
      .describe('Kind of revenue'),
    name: text().notNull().describe('Stream label (e.g. "Pro plan - monthly", "Template sales")'),
    subscription_tier_id: uuid().references('subscription_tiers', 'id', { onDelete: 'set null' }).index().describe('Subscription the revenue comes from'),
    marketplace_item_id: uuid().references('marketplace_items', 'id', { onDelete: 'set null' }).index().describe('Marketplace item sold'),
    api_service_id: uuid().index().references('api_services', 'id', { onDelete: 'set null' }).describe('API service billed'),
    amount: numeric(12, 2).notNull().describe('Gross amount (negative for refunds)'),
    fees: numeric(12, 2).notNull().default(0).check(sql`fees >= 0`).describe('Provider / marketplace fees'),
    net_amount: numeric(12, 2).generated(sql`amount - fees`).describe('amount - fees'),
    currency: currency(),
    is_recurring: boolean().notNull().default(false).describe('Counts towards MRR'),
    mrr_contribution: numeric(12, 2).notNull().default(0).describe('Monthly recurring revenue this row adds'),
    period_start: date().notNull().describe('First day of the service period'),
    period_end: date().notNull().describe('Last day of the service period'),
    status: text().notNull().default('pending').oneOf(['pending', 'recognized', 'refunded', 'failed']).describe('Recognition state'),
    recognized_at: timestamptz().describe('When it was recognised'),
    external_reference: text().describe('Invoice / charge id at the provider'),
    metadata: jsonb().notNull().default({}).describe('Extra attributes'),
    ...timestamps(),
  },
  checks: { revenue_streams_period_check: sql`period_end >= period_start` },
  indexes: {
    idx_revenue_streams_type_period: { on: ['stream_type', 'period_start'] },
    idx_revenue_streams_created_at: { on: ['created_at DESC'] },
  },
  triggers: { ...updatedAtTrigger('revenue_streams') },
  rls: true,
  policies: {
    'Tenant admins view tenant revenue': { for: 'select', to: 'authenticated', using: rlsSql.tenantAdmin() },
    ...adminPolicies('revenue streams'),
    ...servicePolicies('revenue streams'),
  },
});

export const syncTenantPlan = triggerFunction('sync_tenant_plan', {
  group,
  description: "AFTER INSERT/UPDATE on subscription_tiers: a live subscription for a tenant becomes the tenant's plan (tenants.plan_id); an active one ends the tenant's trial",
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF NEW.tenant_id IS NOT NULL AND NEW.status IN ('trialing', 'active', 'past_due') THEN
    UPDATE public.tenants t
    SET plan_id = NEW.plan_id,
        status = CASE WHEN t.status = 'trial' AND NEW.status = 'active' THEN 'active' ELSE t.status END
    WHERE t.id = NEW.tenant_id
      AND (t.plan_id IS DISTINCT FROM NEW.plan_id OR (t.status = 'trial' AND NEW.status = 'active'));
  END IF;
  RETURN NULL;
END;
`,
});

export const billingJoins = system({
  joins: [{ from: 'subscription_tiers.tier', to: 'subscription_plans.tier', description: 'Tier copied from the plan at subscription time' }],
});

export const billingDocs = system({
  groups: {
    [group]: {
      note: `Plans carry per-metric \`limits\` used by the tenant usage checks; subscriptions mirror the payment provider
and keep \`tenants.plan_id\` in step (\`sync_tenant_plan()\`); \`revenue_streams\` records recognised revenue per stream.

**RLS:** active public plans are public read, and tenant members also see their own tenant's plan; a subscription is
visible to its subscriber (owner) and to the tenant's owners / admins; revenue to tenant admins. Writes come from the
service role (webhooks) and platform admins.`,
    },
  },
});
