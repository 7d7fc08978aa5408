import { boolean, date, integer, jsonb, numeric, rpc, sql, table, text, timestamptz, uuid } from 'pgform';
import { adminManagePolicy, adminViewPolicy, ownerColumn, ownRowPolicies, timestamps, updatedAtTrigger } from './common.js';

const group = 'System Configuration';

export const isFeatureEnabled = rpc('is_feature_enabled', {
  group,
  description:
    'True when a feature flag is on for the calling user: enabled, and the user is targeted by id, or matches the targeted tiers and falls inside the rollout percentage (stable hash of flag key and user id)',
  args: { p_flag_key: 'text' },
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_enabled boolean;
  v_rollout integer;
  v_target_users text[];
  v_target_tiers text[];
  v_user text := public.requesting_user_id();
  v_tier text;
BEGIN
  SELECT f.is_enabled, f.rollout_percentage, f.target_user_ids, f.target_tiers
  INTO v_enabled, v_rollout, v_target_users, v_target_tiers
  FROM public.feature_flags f
  WHERE f.flag_key = p_flag_key;

  IF NOT FOUND OR NOT v_enabled THEN
    RETURN false;
  END IF;

  IF v_user IS NOT NULL AND v_user = ANY (v_target_users) THEN
    RETURN true;
  END IF;

  IF cardinality(v_target_tiers) > 0 THEN
    SELECT p.subscription_tier INTO v_tier
    FROM public.profiles p
    WHERE p.id = v_user;
    IF v_tier IS NULL OR NOT (v_tier = ANY (v_target_tiers)) THEN
      RETURN false;
    END IF;
  END IF;

  IF v_rollout >= 100 THEN
    RETURN true;
  END IF;
  IF v_user IS NULL OR v_rollout <= 0 THEN
    RETURN false;
  END IF;
  RETURN mod(abs(hashtext(p_flag_key || ':' || v_user)::bigint), 100) < v_rollout;
END;
`,
  grants: ['anon', 'authenticated', 'service_role'],
});

export const businessPlans = table('business_plans', {
  group,
  description: "Business plan tracking: the agent's yearly plan (GCI goal, averages, conversion rates) from which goals and required activity are derived",
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    plan_year: integer().notNull().check(sql`plan_year BETWEEN 2000 AND 2100`).describe('Year of the plan'),
    name: text().notNull().default('Business plan').describe('Plan name'),
    status: text().notNull().default('draft').oneOf(['draft', 'active', 'archived']).describe('Plan state'),
    gci_goal: numeric(14, 2).check(sql`gci_goal IS NULL OR gci_goal >= 0`).describe('Gross commission income goal (USD)'),
    average_sale_price: numeric(14, 2).check(sql`average_sale_price IS NULL OR average_sale_price >= 0`).describe('Expected average sale price (USD)'),
    average_commission_rate: numeric(6, 4)
      .check(sql`average_commission_rate IS NULL OR average_commission_rate BETWEEN 0 AND 1`)
      .describe('Expected commission rate as a fraction'),
    brokerage_split: numeric(5, 2).check(sql`brokerage_split IS NULL OR brokerage_split BETWEEN 0 AND 100`).describe("Agent's share of the commission in percent"),
    transactions_goal: integer().check(sql`transactions_goal IS NULL OR transactions_goal >= 0`).describe('Closed transactions needed'),
    listings_goal: integer().check(sql`listings_goal IS NULL OR listings_goal >= 0`).describe('Listings to take'),
    buyers_goal: integer().check(sql`buyers_goal IS NULL OR buyers_goal >= 0`).describe('Buyer deals to close'),
    conversion_rates: jsonb().notNull().default({}).describe('Lead to appointment, appointment to contract, contract to close'),
    required_activity: jsonb().notNull().default({}).describe('Leads, conversations and appointments needed per week/day'),
    lead_sources: jsonb().notNull().default([]).describe('Planned lead sources and budgets'),
    expenses: jsonb().notNull().default({}).describe('Planned expenses'),
    notes: text().describe('Notes'),
    ...timestamps(),
  },
  unique: [['user_id', 'plan_year', 'name']],
  triggers: updatedAtTrigger('business_plans'),
  rls: true,
  policies: { ...ownRowPolicies('business plans'), ...adminViewPolicy('business plans') },
});

export const marketConfig = table('market_config', {
  group,
  description: "Market configuration settings: the areas (cities, ZIP codes, counties) and segments an agent works, used to fetch market_intelligence",
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn(),
    market_name: text().notNull().describe('Name of the market'),
    city: text().describe('City'),
    state: text().describe('State (2-letter code)'),
    zip_codes: text().array().notNull().default(sql`'{}'::text[]`).describe('ZIP codes covered'),
    counties: text().array().notNull().default(sql`'{}'::text[]`).describe('Counties covered'),
    mls_name: text().describe('MLS serving the market'),
    property_types: text().array().notNull().default(sql`'{}'::text[]`).describe('Property types (single_family, condo...)'),
    price_range_min: numeric(14, 2).describe('Lowest price served (USD)'),
    price_range_max: numeric(14, 2).describe('Highest price served (USD)'),
    is_primary: boolean().notNull().default(false).describe('Primary market'),
    settings: jsonb().notNull().default({}).describe('Refresh frequency, data sources'),
    ...timestamps(),
  },
  checks: { market_config_price_range_check: sql`price_range_min IS NULL OR price_range_max IS NULL OR price_range_max >= price_range_min` },
  indexes: { market_config_one_primary: { on: ['user_id'], unique: true, where: sql`is_primary`, description: 'At most one primary market per user' } },
  triggers: updatedAtTrigger('market_config'),
  rls: true,
  policies: ownRowPolicies('market config'),
});

export const featureFlags = table('feature_flags', {
  group,
  description: 'Feature toggle system: flags with user, tier and percentage targeting, evaluated by is_feature_enabled()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    flag_key: text().notNull().unique().check(sql`flag_key ~ '^[a-z0-9_.-]+$'`).describe('Key used by the app'),
    name: text().notNull().describe('Display name'),
    description: text().describe('What the flag gates'),
    is_enabled: boolean().notNull().default(false).describe('Master switch'),
    rollout_percentage: integer().notNull().default(100).check(sql`rollout_percentage BETWEEN 0 AND 100`).describe('Share of users who get it'),
    target_user_ids: text().array().notNull().default(sql`'{}'::text[]`).describe('Clerk user ids that always get it'),
    target_tiers: text().array().notNull().default(sql`'{}'::text[]`).describe('Subscription tiers it is limited to (empty: all)'),
    metadata: jsonb().notNull().default({}).describe('Other data'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('feature_flags'),
  rls: true,
  policies: {
    'Authenticated users can view feature flags': { for: 'select', to: 'authenticated', using: sql`true` },
    ...adminManagePolicy('feature flags'),
  },
});

export const legalDocuments = table('legal_documents', {
  group,
  description: 'Legal document storage: versioned terms of service, privacy policy and other documents; one current version per type',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    document_type: text()
      .notNull()
      .oneOf(['terms_of_service', 'privacy_policy', 'cookie_policy', 'acceptable_use', 'data_processing', 'disclaimer', 'sms_terms'])
      .describe('Kind of document'),
    version: text().notNull().describe("Version label, e.g. '2025-11-01'"),
    title: text().notNull().describe('Title'),
    content: text().notNull().describe('Document text (Markdown)'),
    effective_date: date().notNull().describe('Date it takes effect'),
    is_current: boolean().notNull().default(false).describe('The version shown to users'),
    published_at: timestamptz().describe('When it was published; unpublished drafts are visible to admins only'),
    created_by: text().references('profiles', 'id', { onDelete: 'set null' }).index().describe('Admin who wrote it'),
    ...timestamps(),
  },
  unique: [['document_type', 'version']],
  indexes: { legal_documents_one_current: { on: ['document_type'], unique: true, where: sql`is_current`, description: 'One current version per document type' } },
  triggers: updatedAtTrigger('legal_documents'),
  rls: true,
  policies: {
    'Anyone can view published legal documents': { for: 'select', to: ['anon', 'authenticated'], using: sql`published_at IS NOT NULL AND published_at <= now()` },
    ...adminManagePolicy('legal documents'),
  },
});
