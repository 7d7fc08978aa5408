import { bigint, boolean, date, integer, jsonb, numeric, rpc, sql, table, text, timestamptz, uuid, view } from 'pgform';
import { adminOnlyPolicies, dashboardPolicies, groups, updatedAtTrigger } from './common.js';

const group = groups.marketing;

export const attributionModels = table('attribution_models', {
  group,
  description: 'Attribution model configuration used by calculate_attribution_weights',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull().unique(),
    model_type: text().notNull().oneOf(['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based']),
    lookback_days: integer().notNull().default(90).check(sql`lookback_days > 0`),
    decay_half_life_days: numeric(6, 2).notNull().default(7).check(sql`decay_half_life_days > 0`).describe('time_decay: days for a touch to lose half its weight'),
    first_touch_weight: numeric(4, 3).notNull().default(0.4).check(sql`first_touch_weight BETWEEN 0 AND 1`).describe('position_based: share of the first touch'),
    last_touch_weight: numeric(4, 3).notNull().default(0.4).check(sql`last_touch_weight BETWEEN 0 AND 1`).describe('position_based: share of the last touch'),
    is_default: boolean().notNull().default(false),
    config: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  checks: { attribution_models_position_weights: sql`first_touch_weight + last_touch_weight <= 1` },
  indexes: { idx_attribution_models_one_default: { on: ['is_default'], unique: true, where: sql`is_default` } },
  triggers: updatedAtTrigger('attribution_models'),
  rls: true,
  policies: dashboardPolicies('attribution models'),
});

export const attributionEvents = table('attribution_events', {
  group,
  description: 'Conversion events (pixel, CAPI, forms, payments) attributed to a contact and a Facebook ad',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index().describe('contacts.id'),
    email: text(),
    event_name: text().notNull().index().describe('Lead, Schedule, CompleteRegistration, Purchase...'),
    event_source: text().notNull().default('facebook_pixel').oneOf(['facebook_pixel', 'facebook_capi', 'hubspot_form', 'stripe', 'calendly', 'manual']),
    event_id: text().unique().describe('Deduplication id shared with the pixel'),
    fb_ad_id: text().index().describe('= facebook_ads_insights.ad_id'),
    fb_adset_id: text().describe('= facebook_ads_insights.adset_id'),
    fb_campaign_id: text().index().describe('= facebook_ads_insights.campaign_id'),
    fbclid: text(),
    utm_source: text(),
    utm_medium: text(),
    utm_campaign: text(),
    value: numeric(12, 2).notNull().default(0).describe('Conversion value'),
    currency: text().notNull().default('usd'),
    event_time: timestamptz().notNull().defaultNow().index({ name: 'idx_attribution_events_event_time', descending: true }),
    metadata: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('attribution events'),
});

export const facebookCampaigns = table('facebook_campaigns', {
  group,
  description: 'Facebook campaign metadata',
  columns: {
    campaign_id: text().primaryKey().describe('Facebook campaign id'),
    account_id: text().notNull(),
    name: text().notNull(),
    objective: text(),
    status: text().notNull().default('ACTIVE').oneOf(['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED']),
    daily_budget: numeric(12, 2),
    lifetime_budget: numeric(12, 2),
    start_time: timestamptz(),
    stop_time: timestamptz(),
    created_time: timestamptz(),
    synced_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('Facebook campaigns'),
});

export const facebookAdsInsights = table('facebook_ads_insights', {
  group,
  description: 'Daily Facebook Ads insights per ad: spend, leads, impressions, clicks',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    date: date().notNull().describe('Day of the insight'),
    account_id: text(),
    ad_id: text().notNull().describe('Facebook ad id'),
    ad_name: text(),
    adset_id: text().notNull().index(),
    adset_name: text(),
    campaign_id: text().notNull().index(),
    campaign_name: text(),
    spend: numeric(12, 2).notNull().default(0).check(sql`spend >= 0`),
    impressions: bigint().notNull().default(0).check(sql`impressions >= 0`),
    reach: bigint().notNull().default(0),
    clicks: bigint().notNull().default(0).check(sql`clicks >= 0`),
    leads: integer().notNull().default(0).check(sql`leads >= 0`).describe('Leads Facebook reports'),
    purchases: integer().notNull().default(0),
    purchase_value: numeric(12, 2).notNull().default(0),
    synced_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['ad_id', 'date']],
  indexes: { idx_facebook_ads_insights_date: { on: ['date DESC'] } },
  rls: true,
  policies: dashboardPolicies('Facebook insights'),
});

export const facebookCreatives = table('facebook_creatives', {
  group,
  description: 'Creative metadata: copy, media and hook of each ad',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    creative_id: text().notNull().unique(),
    ad_id: text().index().describe('facebook_ads_insights.ad_id using the creative'),
    campaign_id: text(),
    name: text(),
    format: text().oneOf(['image', 'video', 'carousel', 'collection', 'dynamic']),
    title: text(),
    body: text(),
    call_to_action: text(),
    image_url: text(),
    video_url: text(),
    thumbnail_url: text(),
    created_time: timestamptz(),
    synced_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('Facebook creatives'),
});

export const facebookLeads = table('facebook_leads', {
  group,
  description: 'Facebook lead form submissions',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    leadgen_id: text().notNull().unique().describe('Facebook lead id'),
    form_id: text(),
    ad_id: text().index(),
    adset_id: text(),
    campaign_id: text().index(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    full_name: text(),
    email: text(),
    phone: text(),
    field_data: jsonb().notNull().default({}).describe('All form answers'),
    created_time: timestamptz().notNull(),
    synced_to_hubspot: boolean().notNull().default(false),
    synced_at: timestamptz(),
  },
  rls: true,
  policies: dashboardPolicies('Facebook leads'),
});

export const marketingCosts = table('marketing_costs', {
  group,
  description: 'Cost tracking for spend outside Facebook insights (agencies, tools, other channels)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    cost_date: date().notNull().index(),
    channel: text().notNull().oneOf(['facebook', 'google', 'tiktok', 'youtube', 'agency', 'content', 'tools', 'other']),
    campaign_id: text(),
    vendor: text(),
    description: text(),
    amount: numeric(12, 2).notNull().check(sql`amount >= 0`),
    currency: text().notNull().default('usd'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('marketing costs'),
});

export const conversionTracking = table('conversion_tracking', {
  group,
  description: 'Conversion tracking configuration: which CRM event is sent to which platform',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull().unique(),
    event_name: text().notNull(),
    platform: text().notNull().oneOf(['facebook_capi', 'google_ads', 'posthog', 'hubspot']),
    pixel_id: text(),
    trigger_condition: text().describe('e.g. deal stage = 122237508'),
    value_source: text().describe('Where the conversion value comes from (deal_value, cash_collected, fixed)'),
    is_active: boolean().notNull().default(true),
    config: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('conversion_tracking'),
  rls: true,
  policies: adminOnlyPolicies('conversion tracking'),
});

export const conversionEvents = table('conversion_events', {
  group,
  description: 'Conversions sent to ad platforms (Facebook CAPI...) and their responses',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tracking_id: uuid().references('conversion_tracking', 'id', { onDelete: 'set null' }).index(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    deal_id: uuid().references('deals', 'id', { onDelete: 'set null' }).index(),
    event_name: text().notNull(),
    event_source: text().notNull(),
    conversion_value: numeric(12, 2).notNull().default(0),
    currency: text().notNull().default('usd'),
    platform_event_id: text().describe('Event id sent to the platform (dedup)'),
    status: text().notNull().default('pending').oneOf(['pending', 'sent', 'failed', 'skipped']),
    response: jsonb(),
    event_time: timestamptz().notNull().defaultNow(),
    sent_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('conversion events'),
});

export const touchpoints = table('touchpoints', {
  group,
  description: 'Touchpoint sequence of each contact: every marketing touch in order, with its attribution weight',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().notNull().references('contacts', 'id', { onDelete: 'cascade' }),
    sequence_number: integer().notNull().check(sql`sequence_number > 0`),
    channel: text().notNull().describe('facebook, instagram, google, email, organic, referral, call...'),
    source: text(),
    medium: text(),
    campaign: text(),
    fb_ad_id: text(),
    touched_at: timestamptz().notNull(),
    attribution_weight: numeric(6, 5).check(sql`attribution_weight BETWEEN 0 AND 1`).describe('Last weight from calculate_attribution_weights'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['contact_id', 'sequence_number']],
  rls: true,
  policies: dashboardPolicies('touchpoints'),
});

export const audienceDefinitions = table('audience_definitions', {
  group,
  description: 'Audience configuration: CRM segments pushed to ad platforms as custom audiences',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull().unique(),
    description: text(),
    platform: text().notNull().default('facebook').oneOf(['facebook', 'google', 'tiktok']),
    criteria: jsonb().notNull().default({}).describe('Segment rules over contacts'),
    platform_audience_id: text(),
    audience_size: integer(),
    is_active: boolean().notNull().default(true),
    last_synced_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('audience_definitions'),
  rls: true,
  policies: dashboardPolicies('audiences'),
});

export const analyticsEvents = table('analytics_events', {
  group,
  description: 'Analytics event log (PostHog / site analytics)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    event_name: text().notNull().index(),
    distinct_id: text().index().describe('Analytics visitor id'),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    session_id: text(),
    page_url: text(),
    referrer: text(),
    properties: jsonb().notNull().default({}),
    occurred_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_analytics_events_occurred_at: { on: ['occurred_at DESC'] } },
  rls: true,
  policies: dashboardPolicies('analytics events'),
});

export const events = table('events', {
  group,
  description: 'Event tracking: normalised business events (from events_raw) about any entity',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    event_type: text().notNull().index(),
    entity_type: text().notNull().describe('contact, deal, call, payment...'),
    entity_id: text(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    source: text().notNull(),
    data: jsonb().notNull().default({}),
    occurred_at: timestamptz().notNull().defaultNow(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('events'),
});

export const eventsRaw = table('events_raw', {
  group,
  description: 'Raw event stream: payloads exactly as received, before normalisation into events',
  columns: {
    id: bigint().identity().primaryKey(),
    source: text().notNull(),
    payload: jsonb().notNull(),
    processed: boolean().notNull().default(false),
    processed_at: timestamptz(),
    error: text(),
    received_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_events_raw_unprocessed: { on: ['received_at'], where: sql`NOT processed` } },
  rls: true,
  policies: adminOnlyPolicies('raw events'),
});

export const funnelMetrics = table('funnel_metrics', {
  group,
  description: 'Funnel stage metrics (booked, held, closed, ghost rate...) per day and dimension',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    metric_date: date().notNull(),
    period: text().notNull().default('day').oneOf(['day', 'week', 'month']),
    dimension_type: text().notNull().default('overall').oneOf(['overall', 'campaign', 'adset', 'ad', 'setter', 'closer']),
    dimension_value: text().notNull().default('all').describe('Campaign / ad id or HubSpot owner id; all for overall'),
    leads: integer().notNull().default(0),
    booked: integer().notNull().default(0),
    held: integer().notNull().default(0),
    no_shows: integer().notNull().default(0),
    closed: integer().notNull().default(0),
    revenue: numeric(12, 2).notNull().default(0),
    cash_collected: numeric(12, 2).notNull().default(0),
    booking_rate: numeric(6, 4).describe('booked / leads'),
    show_rate: numeric(6, 4).describe('held / booked'),
    close_rate: numeric(6, 4).describe('closed / held'),
    ghost_rate: numeric(6, 4).describe('no_shows / booked'),
    computed_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['metric_date', 'period', 'dimension_type', 'dimension_value']],
  rls: true,
  policies: dashboardPolicies('funnel metrics'),
});

export const historicalBaselines = table('historical_baselines', {
  group,
  description: '90d ROAS, CPL baselines by period_days',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    baseline_date: date().notNull().default(sql`CURRENT_DATE`),
    period_days: integer().notNull().check(sql`period_days IN (7, 14, 30, 60, 90, 180, 365)`).describe('Window length in days'),
    scope: text().notNull().default('overall').oneOf(['overall', 'campaign']),
    campaign_id: text().notNull().default('all'),
    spend: numeric(14, 2).notNull().default(0),
    leads: integer().notNull().default(0),
    closed: integer().notNull().default(0),
    revenue: numeric(14, 2).notNull().default(0),
    roas: numeric(10, 4).describe('revenue / spend'),
    cpl: numeric(12, 2).describe('spend / leads'),
    cpo: numeric(12, 2).describe('spend / closed'),
    close_rate: numeric(6, 4),
    computed_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['baseline_date', 'period_days', 'scope', 'campaign_id']],
  rls: true,
  policies: dashboardPolicies('baselines'),
});

// ---------------------------------------------------------------------------------------------
// Views. Funnels join Facebook spend (facebook_ads_insights) to the contacts attributed to an
// ad, ad set or campaign and their outcomes (dynamic_funnel_view). ROAS = won deal value /
// spend; CPL = spend / CRM leads.

export const adCreativeFunnel = view('ad_creative_funnel', {
  group,
  description: 'Ad-level funnel (spend, leads, booked, closed_won, ROAS, CPL) with the ad\'s creative',
  securityInvoker: true,
  query: sql`
WITH spend AS (
  SELECT i.ad_id,
         (array_agg(i.ad_name ORDER BY i.date DESC))[1] AS ad_name,
         (array_agg(i.adset_id ORDER BY i.date DESC))[1] AS adset_id,
         (array_agg(i.campaign_id ORDER BY i.date DESC))[1] AS campaign_id,
         (array_agg(i.campaign_name ORDER BY i.date DESC))[1] AS campaign_name,
         sum(i.spend) AS spend,
         sum(i.impressions) AS impressions,
         sum(i.clicks) AS clicks,
         sum(i.leads) AS fb_leads
  FROM public.facebook_ads_insights i
  GROUP BY i.ad_id
),
outcomes AS (
  SELECT f.attributed_ad_id AS ad_id,
         count(*) AS leads,
         count(*) FILTER (WHERE f.is_booked) AS booked,
         count(*) FILTER (WHERE f.is_held) AS held,
         count(*) FILTER (WHERE f.is_closed_won) AS closed_won,
         sum(f.won_value) AS revenue,
         sum(f.cash_collected) AS cash_collected
  FROM public.dynamic_funnel_view f
  WHERE f.attributed_ad_id IS NOT NULL
  GROUP BY f.attributed_ad_id
)
SELECT s.ad_id,
       s.ad_name,
       cr.creative_id,
       cr.name AS creative_name,
       cr.format AS creative_format,
       cr.thumbnail_url,
       s.adset_id,
       s.campaign_id,
       s.campaign_name,
       s.spend,
       s.impressions,
       s.clicks,
       s.fb_leads,
       coalesce(o.leads, 0) AS leads,
       coalesce(o.booked, 0) AS booked,
       coalesce(o.held, 0) AS held,
       coalesce(o.closed_won, 0) AS closed_won,
       coalesce(o.revenue, 0) AS revenue,
       coalesce(o.cash_collected, 0) AS cash_collected,
       round(s.spend / nullif(o.leads, 0), 2) AS cpl,
       round(s.spend / nullif(o.booked, 0), 2) AS cost_per_booking,
       round(coalesce(o.revenue, 0) / nullif(s.spend, 0), 4) AS roas
FROM spend s
LEFT JOIN outcomes o ON o.ad_id = s.ad_id
LEFT JOIN LATERAL (
  SELECT fc.creative_id, fc.name, fc.format, fc.thumbnail_url
  FROM public.facebook_creatives fc
  WHERE fc.ad_id = s.ad_id
  ORDER BY fc.created_time DESC NULLS LAST
  LIMIT 1
) cr ON true
`,
  columns: { leads: 'Contacts attributed to the ad', roas: 'revenue / spend', cpl: 'spend / leads' },
});

export const adsetFullFunnel = view('adset_full_funnel', {
  group,
  description: 'Adset-level funnel: spend, leads, booked, held, closed_won, revenue, ROAS and CPL per ad set',
  securityInvoker: true,
  query: sql`
WITH spend AS (
  SELECT i.adset_id,
         (array_agg(i.adset_name ORDER BY i.date DESC))[1] AS adset_name,
         (array_agg(i.campaign_id ORDER BY i.date DESC))[1] AS campaign_id,
         (array_agg(i.campaign_name ORDER BY i.date DESC))[1] AS campaign_name,
         count(DISTINCT i.ad_id) AS ads,
         sum(i.spend) AS spend,
         sum(i.impressions) AS impressions,
         sum(i.clicks) AS clicks,
         sum(i.leads) AS fb_leads
  FROM public.facebook_ads_insights i
  GROUP BY i.adset_id
),
outcomes AS (
  SELECT f.attributed_adset_id AS adset_id,
         count(*) AS leads,
         count(*) FILTER (WHERE f.is_booked) AS booked,
         count(*) FILTER (WHERE f.is_held) AS held,
         count(*) FILTER (WHERE f.is_closed_won) AS closed_won,
         sum(f.won_value) AS revenue
  FROM public.dynamic_funnel_view f
  WHERE f.attributed_adset_id IS NOT NULL
  GROUP BY f.attributed_adset_id
)
SELECT s.adset_id,
       s.adset_name,
       s.campaign_id,
       s.campaign_name,
       s.ads,
       s.spend,
       s.impressions,
       s.clicks,
       s.fb_leads,
       coalesce(o.leads, 0) AS leads,
       coalesce(o.booked, 0) AS booked,
       coalesce(o.held, 0) AS held,
       coalesce(o.closed_won, 0) AS closed_won,
       coalesce(o.revenue, 0) AS revenue,
       round(s.spend / nullif(o.leads, 0), 2) AS cpl,
       round(s.spend / nullif(o.closed_won, 0), 2) AS cost_per_close,
       round(coalesce(o.revenue, 0) / nullif(s.spend, 0), 4) AS roas
FROM spend s
LEFT JOIN outcomes o ON o.adset_id = s.adset_id
`,
});

export const campaignFullFunnel = view('campaign_full_funnel', {
  group,
  description: 'Campaign-level funnel: spend, leads, booked, held, closed_won, revenue, ROAS and CPL per campaign',
  securityInvoker: true,
  query: sql`
WITH spend AS (
  SELECT i.campaign_id,
         (array_agg(i.campaign_name ORDER BY i.date DESC))[1] AS campaign_name,
         count(DISTINCT i.adset_id) AS adsets,
         count(DISTINCT i.ad_id) AS ads,
         sum(i.spend) AS spend,
         sum(i.impressions) AS impressions,
         sum(i.clicks) AS clicks,
         sum(i.leads) AS fb_leads
  FROM public.facebook_ads_insights i
  GROUP BY i.campaign_id
),
outcomes AS (
  SELECT f.attributed_campaign_id AS campaign_id,
         count(*) AS leads,
         count(*) FILTER (WHERE f.is_booked) AS booked,
         count(*) FILTER (WHERE f.is_held) AS held,
         count(*) FILTER (WHERE f.is_closed_won) AS closed_won,
         sum(f.no_show_count) AS no_shows,
         sum(f.won_value) AS revenue,
         sum(f.cash_collected) AS cash_collected
  FROM public.dynamic_funnel_view f
  WHERE f.attributed_campaign_id IS NOT NULL
  GROUP BY f.attributed_campaign_id
)
SELECT coalesce(s.campaign_id, o.campaign_id) AS campaign_id,
       coalesce(fc.name, s.campaign_name) AS campaign_name,
       fc.status AS campaign_status,
       coalesce(s.adsets, 0) AS adsets,
       coalesce(s.ads, 0) AS ads,
       coalesce(s.spend, 0) AS spend,
       coalesce(s.impressions, 0) AS impressions,
       coalesce(s.clicks, 0) AS clicks,
       coalesce(s.fb_leads, 0) AS fb_leads,
       coalesce(o.leads, 0) AS leads,
       coalesce(o.booked, 0) AS booked,
       coalesce(o.held, 0) AS held,
       coalesce(o.no_shows, 0) AS no_shows,
       coalesce(o.closed_won, 0) AS closed_won,
       coalesce(o.revenue, 0) AS revenue,
       coalesce(o.cash_collected, 0) AS cash_collected,
       round(s.spend / nullif(o.leads, 0), 2) AS cpl,
       round(s.spend / nullif(o.closed_won, 0), 2) AS cost_per_close,
       round(coalesce(o.revenue, 0) / nullif(s.spend, 0), 4) AS roas,
       round(100.0 * o.held / nullif(o.booked, 0), 2) AS show_rate_pct,
       round(100.0 * o.closed_won / nullif(o.held, 0), 2) AS close_rate_pct
FROM spend s
FULL JOIN outcomes o ON o.campaign_id = s.campaign_id
LEFT JOIN public.facebook_campaigns fc ON fc.campaign_id = coalesce(s.campaign_id, o.campaign_id)
`,
  columns: { campaign_id: 'Facebook campaign id (campaigns with attributed contacts but no spend rows are kept)' },
});

export const campaignIntelligence = view('campaign_intelligence', {
  group,
  description: 'Campaign health, cold/hot leads, setter metrics: lead quality and setter follow-up per campaign',
  securityInvoker: true,
  query: sql`
WITH leads AS (
  SELECT c.attributed_campaign_id AS campaign_id,
         c.id,
         c.owner_id,
         c.owner_name,
         c.lead_score,
         c.call_attempts,
         GREATEST(c.last_contacted_at, c.last_activity_at) AS last_touch_at,
         f.is_booked,
         f.is_held,
         f.is_closed_won,
         f.won_value
  FROM public.contacts c
  JOIN public.dynamic_funnel_view f ON f.contact_id = c.id
  WHERE c.attributed_campaign_id IS NOT NULL
),
setters AS (
  SELECT l.campaign_id,
         jsonb_agg(jsonb_build_object(
           'owner_id', l.owner_id, 'owner_name', l.owner_name, 'leads', l.leads, 'booked', l.booked,
           'closed_won', l.closed_won, 'avg_attempts', l.avg_attempts
         ) ORDER BY l.leads DESC) AS setter_metrics
  FROM (
    SELECT campaign_id, owner_id, max(owner_name) AS owner_name, count(*) AS leads,
           count(*) FILTER (WHERE is_booked) AS booked, count(*) FILTER (WHERE is_closed_won) AS closed_won,
           round(avg(call_attempts), 1) AS avg_attempts
    FROM leads
    GROUP BY campaign_id, owner_id
  ) l
  GROUP BY l.campaign_id
),
spend AS (
  SELECT i.campaign_id, sum(i.spend) AS spend FROM public.facebook_ads_insights i GROUP BY i.campaign_id
)
SELECT l.campaign_id,
       max(fc.name) AS campaign_name,
       count(*) AS leads,
       count(*) FILTER (WHERE l.lead_score >= 70 AND NOT l.is_closed_won) AS hot_leads,
       count(*) FILTER (WHERE NOT l.is_booked AND (l.last_touch_at IS NULL OR l.last_touch_at < now() - interval '7 days')) AS cold_leads,
       count(*) FILTER (WHERE l.is_booked) AS booked,
       count(*) FILTER (WHERE l.is_closed_won) AS closed_won,
       round(avg(l.lead_score), 1) AS avg_lead_score,
       round(avg(l.call_attempts), 1) AS avg_call_attempts,
       count(DISTINCT l.owner_id) AS setters,
       coalesce(max(sp.spend), 0) AS spend,
       coalesce(sum(l.won_value), 0) AS revenue,
       round(coalesce(sum(l.won_value), 0) / nullif(max(sp.spend), 0), 4) AS roas,
       CASE
         WHEN coalesce(sum(l.won_value), 0) >= 2 * coalesce(max(sp.spend), 0) THEN 'healthy'
         WHEN coalesce(sum(l.won_value), 0) >= coalesce(max(sp.spend), 0) THEN 'watch'
         ELSE 'at_risk'
       END AS campaign_health,
       max(st.setter_metrics::text)::jsonb AS setter_metrics
FROM leads l
LEFT JOIN public.facebook_campaigns fc ON fc.campaign_id = l.campaign_id
LEFT JOIN spend sp ON sp.campaign_id = l.campaign_id
LEFT JOIN setters st ON st.campaign_id = l.campaign_id
GROUP BY l.campaign_id
`,
  columns: {
    hot_leads: 'Score 70+ and not yet won',
    cold_leads: 'Not booked and untouched for 7+ days',
    campaign_health: 'healthy (ROAS >= 2), watch (>= 1), at_risk',
    setter_metrics: 'Per setter (HubSpot owner): leads, booked, closed_won, avg_attempts',
  },
});

export const campaignPerformance = view('campaign_performance', {
  group,
  description: 'Campaign performance summary: delivery (CTR, CPC, CPM), other costs, leads, closes and ROAS per campaign',
  securityInvoker: true,
  query: sql`
WITH delivery AS (
  SELECT i.campaign_id,
         (array_agg(i.campaign_name ORDER BY i.date DESC))[1] AS campaign_name,
         min(i.date) AS first_date,
         max(i.date) AS last_date,
         sum(i.spend) AS ad_spend,
         sum(i.impressions) AS impressions,
         sum(i.clicks) AS clicks,
         sum(i.leads) AS fb_leads
  FROM public.facebook_ads_insights i
  GROUP BY i.campaign_id
),
other_costs AS (
  SELECT m.campaign_id, sum(m.amount) AS other_costs
  FROM public.marketing_costs m
  WHERE m.campaign_id IS NOT NULL
  GROUP BY m.campaign_id
),
outcomes AS (
  SELECT f.attributed_campaign_id AS campaign_id, count(*) AS leads,
         count(*) FILTER (WHERE f.is_closed_won) AS closed_won, sum(f.won_value) AS revenue
  FROM public.dynamic_funnel_view f
  WHERE f.attributed_campaign_id IS NOT NULL
  GROUP BY f.attributed_campaign_id
)
SELECT d.campaign_id,
       coalesce(fc.name, d.campaign_name) AS campaign_name,
       fc.objective,
       d.first_date,
       d.last_date,
       d.ad_spend,
       coalesce(oc.other_costs, 0) AS other_costs,
       d.ad_spend + coalesce(oc.other_costs, 0) AS total_cost,
       d.impressions,
       d.clicks,
       round(100.0 * d.clicks / nullif(d.impressions, 0), 3) AS ctr_pct,
       round(d.ad_spend / nullif(d.clicks, 0), 2) AS cpc,
       round(1000 * d.ad_spend / nullif(d.impressions, 0), 2) AS cpm,
       d.fb_leads,
       coalesce(o.leads, 0) AS leads,
       coalesce(o.closed_won, 0) AS closed_won,
       coalesce(o.revenue, 0) AS revenue,
       round((d.ad_spend + coalesce(oc.other_costs, 0)) / nullif(o.leads, 0), 2) AS cpl,
       round(coalesce(o.revenue, 0) / nullif(d.ad_spend + coalesce(oc.other_costs, 0), 0), 4) AS roas
FROM delivery d
LEFT JOIN public.facebook_campaigns fc ON fc.campaign_id = d.campaign_id
LEFT JOIN other_costs oc ON oc.campaign_id = d.campaign_id
LEFT JOIN outcomes o ON o.campaign_id = d.campaign_id
`,
});

export const creativePerformance = view('creative_performance', {
  group,
  description: 'Creative-level metrics: delivery, leads and revenue of each Facebook creative',
  securityInvoker: true,
  query: sql`
SELECT fc.creative_id,
       fc.name AS creative_name,
       fc.format,
       fc.title,
       fc.body,
       fc.call_to_action,
       fc.thumbnail_url,
       fc.ad_id,
       fc.campaign_id,
       coalesce(i.spend, 0) AS spend,
       coalesce(i.impressions, 0) AS impressions,
       coalesce(i.clicks, 0) AS clicks,
       round(100.0 * i.clicks / nullif(i.impressions, 0), 3) AS ctr_pct,
       coalesce(i.fb_leads, 0) AS fb_leads,
       coalesce(o.leads, 0) AS leads,
       coalesce(o.closed_won, 0) AS closed_won,
       coalesce(o.revenue, 0) AS revenue,
       round(i.spend / nullif(o.leads, 0), 2) AS cpl,
       round(coalesce(o.revenue, 0) / nullif(i.spend, 0), 4) AS roas
FROM public.facebook_creatives fc
LEFT JOIN LATERAL (
  SELECT sum(x.spend) AS spend, sum(x.impressions) AS impressions, sum(x.clicks) AS clicks, sum(x.leads) AS fb_leads
  FROM public.facebook_ads_insights x
  WHERE x.ad_id = fc.ad_id
) i ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS leads, count(*) FILTER (WHERE f.is_closed_won) AS closed_won, sum(f.won_value) AS revenue
  FROM public.dynamic_funnel_view f
  WHERE f.attributed_ad_id = fc.ad_id
) o ON true
`,
});

export const facebookCampaignPerformance = view('facebook_campaign_performance', {
  group,
  description: 'FB campaign perf: Facebook-reported delivery, leads, purchases and cost metrics per campaign',
  securityInvoker: true,
  query: sql`
SELECT fc.campaign_id,
       fc.name AS campaign_name,
       fc.objective,
       fc.status,
       fc.daily_budget,
       min(i.date) AS first_date,
       max(i.date) AS last_date,
       coalesce(sum(i.spend), 0) AS spend,
       coalesce(sum(i.spend) FILTER (WHERE i.date >= CURRENT_DATE - 7), 0) AS spend_last_7d,
       coalesce(sum(i.impressions), 0) AS impressions,
       coalesce(sum(i.reach), 0) AS reach,
       coalesce(sum(i.clicks), 0) AS clicks,
       coalesce(sum(i.leads), 0) AS leads,
       coalesce(sum(i.purchases), 0) AS purchases,
       coalesce(sum(i.purchase_value), 0) AS purchase_value,
       round(100.0 * sum(i.clicks) / nullif(sum(i.impressions), 0), 3) AS ctr_pct,
       round(sum(i.spend) / nullif(sum(i.clicks), 0), 2) AS cpc,
       round(1000 * sum(i.spend) / nullif(sum(i.impressions), 0), 2) AS cpm,
       round(sum(i.spend) / nullif(sum(i.leads), 0), 2) AS cost_per_lead,
       round(sum(i.purchase_value) / nullif(sum(i.spend), 0), 4) AS reported_roas
FROM public.facebook_campaigns fc
LEFT JOIN public.facebook_ads_insights i ON i.campaign_id = fc.campaign_id
GROUP BY fc.campaign_id, fc.name, fc.objective, fc.status, fc.daily_budget
`,
  columns: { reported_roas: 'Facebook-reported purchase value / spend (not CRM revenue)' },
});

export const facebookHubspotCrosscheck = view('facebook_hubspot_crosscheck', {
  group,
  description: 'FB vs HubSpot cross-check: leads Facebook reports vs form leads vs HubSpot contacts, per campaign and day',
  securityInvoker: true,
  query: sql`
WITH fb AS (
  SELECT i.campaign_id, i.date AS day, sum(i.leads) AS fb_leads, sum(i.spend) AS spend
  FROM public.facebook_ads_insights i
  GROUP BY 1, 2
),
forms AS (
  SELECT l.campaign_id, l.created_time::date AS day, count(*) AS form_leads
  FROM public.facebook_leads l
  WHERE l.campaign_id IS NOT NULL
  GROUP BY 1, 2
),
hs AS (
  SELECT c.attributed_campaign_id AS campaign_id, c.created_at::date AS day, count(*) AS hubspot_contacts
  FROM public.contacts c
  WHERE c.attributed_campaign_id IS NOT NULL
  GROUP BY 1, 2
),
keys AS (
  SELECT campaign_id, day FROM fb
  UNION
  SELECT campaign_id, day FROM forms
  UNION
  SELECT campaign_id, day FROM hs
)
SELECT k.campaign_id,
       k.day,
       coalesce(fb.spend, 0) AS spend,
       coalesce(fb.fb_leads, 0) AS fb_leads,
       coalesce(forms.form_leads, 0) AS form_leads,
       coalesce(hs.hubspot_contacts, 0) AS hubspot_contacts,
       coalesce(fb.fb_leads, 0) - coalesce(hs.hubspot_contacts, 0) AS lead_gap,
       round(100.0 * (coalesce(fb.fb_leads, 0) - coalesce(hs.hubspot_contacts, 0)) / nullif(fb.fb_leads, 0), 2) AS lead_gap_pct,
       CASE
         WHEN coalesce(fb.fb_leads, 0) = coalesce(hs.hubspot_contacts, 0) THEN 'match'
         WHEN coalesce(fb.fb_leads, 0) > coalesce(hs.hubspot_contacts, 0) THEN 'missing_in_hubspot'
         ELSE 'missing_in_facebook'
       END AS status
FROM keys k
LEFT JOIN fb ON fb.campaign_id = k.campaign_id AND fb.day = k.day
LEFT JOIN forms ON forms.campaign_id = k.campaign_id AND forms.day = k.day
LEFT JOIN hs ON hs.campaign_id = k.campaign_id AND hs.day = k.day
`,
  columns: { lead_gap: 'Facebook leads - HubSpot contacts', status: 'match, missing_in_hubspot or missing_in_facebook' },
});

export const hubspotCampaignPerformance = view('hubspot_campaign_performance', {
  group,
  description: 'HubSpot campaign perf: contacts, qualified leads, customers, deals and revenue per UTM campaign as HubSpot sees it',
  securityInvoker: true,
  query: sql`
SELECT coalesce(c.utm_campaign, c.attributed_campaign_id, '(none)') AS campaign,
       coalesce(c.utm_source, c.first_touch_source, '(unknown)') AS source,
       count(*) AS contacts,
       count(*) FILTER (WHERE c.lifecycle_stage IN ('marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer')) AS qualified_leads,
       count(*) FILTER (WHERE c.lifecycle_stage = 'customer') AS customers,
       coalesce(sum(d.deals), 0) AS deals,
       coalesce(sum(d.won_deals), 0) AS won_deals,
       coalesce(sum(d.won_value), 0) AS won_value,
       coalesce(sum(d.cash_collected), 0) AS cash_collected,
       round(coalesce(sum(d.won_value), 0) / nullif(sum(d.won_deals), 0), 2) AS avg_won_deal_value,
       round(100.0 * count(*) FILTER (WHERE c.lifecycle_stage = 'customer') / nullif(count(*), 0), 2) AS customer_rate_pct
FROM public.contacts c
LEFT JOIN LATERAL (
  SELECT count(*) AS deals,
         count(*) FILTER (WHERE dl.stage = 'closedwon' OR dl.status = 'closed') AS won_deals,
         sum(dl.deal_value) FILTER (WHERE dl.stage = 'closedwon' OR dl.status = 'closed') AS won_value,
         sum(dl.cash_collected) AS cash_collected
  FROM public.deals dl
  WHERE dl.contact_id = c.id
) d ON true
GROUP BY 1, 2
`,
});

export const sourceDiscrepancyMatrix = view('source_discrepancy_matrix', {
  group,
  description: 'Source truth comparison: revenue and conversions per month as HubSpot, Stripe, Facebook and attribution events report them',
  securityInvoker: true,
  query: sql`
WITH hubspot AS (
  SELECT date_trunc('month', coalesce(d.closed_at, d.updated_at))::date AS month,
         count(*) AS won_deals, sum(d.deal_value) AS won_value, sum(d.cash_collected) AS cash_collected
  FROM public.deals d
  WHERE d.stage = 'closedwon' OR d.status = 'closed'
  GROUP BY 1
),
stripe AS (
  SELECT date_trunc('month', t.created_at)::date AS month, count(*) AS payments, sum(t.amount - t.amount_refunded) AS net_revenue
  FROM public.stripe_transactions t
  WHERE t.status IN ('succeeded', 'partially_refunded')
  GROUP BY 1
),
facebook AS (
  SELECT date_trunc('month', i.date)::date AS month, sum(i.purchases) AS purchases, sum(i.purchase_value) AS purchase_value, sum(i.spend) AS spend
  FROM public.facebook_ads_insights i
  GROUP BY 1
),
attribution AS (
  SELECT date_trunc('month', e.event_time)::date AS month, count(*) AS purchases, sum(e.value) AS purchase_value
  FROM public.attribution_events e
  WHERE e.event_name = 'Purchase'
  GROUP BY 1
),
months AS (
  SELECT month FROM hubspot UNION SELECT month FROM stripe UNION SELECT month FROM facebook UNION SELECT month FROM attribution
)
SELECT m.month,
       coalesce(h.won_deals, 0) AS hubspot_won_deals,
       coalesce(h.won_value, 0) AS hubspot_won_value,
       coalesce(h.cash_collected, 0) AS hubspot_cash_collected,
       coalesce(s.payments, 0) AS stripe_payments,
       coalesce(s.net_revenue, 0) AS stripe_net_revenue,
       coalesce(f.purchases, 0) AS facebook_purchases,
       coalesce(f.purchase_value, 0) AS facebook_purchase_value,
       coalesce(a.purchases, 0) AS attribution_purchases,
       coalesce(a.purchase_value, 0) AS attribution_purchase_value,
       coalesce(s.net_revenue, 0) - coalesce(h.cash_collected, 0) AS stripe_vs_hubspot_cash,
       coalesce(f.purchase_value, 0) - coalesce(s.net_revenue, 0) AS facebook_vs_stripe,
       round(100.0 * abs(coalesce(s.net_revenue, 0) - coalesce(h.cash_collected, 0)) / nullif(GREATEST(s.net_revenue, h.cash_collected), 0), 2) AS stripe_hubspot_gap_pct
FROM months m
LEFT JOIN hubspot h ON h.month = m.month
LEFT JOIN stripe s ON s.month = m.month
LEFT JOIN facebook f ON f.month = m.month
LEFT JOIN attribution a ON a.month = m.month
`,
  columns: { stripe_vs_hubspot_cash: 'Stripe net revenue - HubSpot cash collected', facebook_vs_stripe: 'Facebook-reported purchase value - Stripe net revenue' },
});

export const viewMarketingAttribution = view('view_marketing_attribution', {
  group,
  description: 'Marketing attribution view: every attribution event with its contact, ad names and position in the contact\'s path',
  securityInvoker: true,
  query: sql`
SELECT e.id AS attribution_event_id,
       e.contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), '') AS full_name,
       coalesce(c.email, e.email) AS email,
       c.owner_id,
       e.event_name,
       e.event_source,
       e.event_time,
       e.value,
       e.currency,
       e.fb_ad_id,
       ad.ad_name,
       e.fb_adset_id,
       ad.adset_name,
       e.fb_campaign_id,
       coalesce(fc.name, ad.campaign_name) AS campaign_name,
       e.utm_source,
       e.utm_medium,
       e.utm_campaign,
       row_number() OVER (PARTITION BY e.contact_id ORDER BY e.event_time, e.id) AS touch_index,
       count(*) OVER (PARTITION BY e.contact_id) AS touches,
       round(1.0 / count(*) OVER (PARTITION BY e.contact_id), 5) AS linear_share,
       (row_number() OVER (PARTITION BY e.contact_id ORDER BY e.event_time, e.id) = 1) AS is_first_touch
FROM public.attribution_events e
LEFT JOIN public.contacts c ON c.id = e.contact_id
LEFT JOIN public.facebook_campaigns fc ON fc.campaign_id = e.fb_campaign_id
LEFT JOIN LATERAL (
  SELECT i.ad_name, i.adset_name, i.campaign_name
  FROM public.facebook_ads_insights i
  WHERE i.ad_id = e.fb_ad_id
  ORDER BY i.date DESC
  LIMIT 1
) ad ON true
`,
  columns: { linear_share: 'Equal share of credit across the contact\'s attribution events' },
});

// ---------------------------------------------------------------------------------------------
// Functions

export const calculateAttributionWeights = rpc('calculate_attribution_weights', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Attribution weight calculation: weights a contact\'s touchpoints with an attribution model and stores them in touchpoints.attribution_weight',
  note: 'Uses the named model from `attribution_models`, else the default one, else linear. Only touchpoints within the model\'s lookback window before the last touch get credit; the weights of a contact sum to 1.',
  args: { p_contact_id: 'uuid', p_model_name: { type: 'text', default: sql`NULL` } },
  returns: { table: { touchpoint_id: 'uuid', sequence_number: 'integer', channel: 'text', campaign: 'text', touched_at: 'timestamp with time zone', weight: 'numeric' } },
  language: 'plpgsql',
  body: sql`
DECLARE
  v_model public.attribution_models;
  v_type text := 'linear';
  v_lookback integer := 90;
  v_half_life numeric := 7;
  v_first numeric := 0.4;
  v_last numeric := 0.4;
BEGIN
  SELECT m.* INTO v_model
  FROM public.attribution_models m
  WHERE (p_model_name IS NOT NULL AND m.name = p_model_name) OR (p_model_name IS NULL AND m.is_default)
  LIMIT 1;
  IF p_model_name IS NOT NULL AND v_model.id IS NULL THEN
    RAISE EXCEPTION 'attribution model % does not exist', p_model_name USING ERRCODE = 'P0002';
  END IF;
  IF v_model.id IS NOT NULL THEN
    v_type := v_model.model_type;
    v_lookback := v_model.lookback_days;
    v_half_life := v_model.decay_half_life_days;
    v_first := v_model.first_touch_weight;
    v_last := v_model.last_touch_weight;
  END IF;

  RETURN QUERY
  WITH window_tp AS (
    SELECT t.*,
           max(t.touched_at) OVER () AS last_at
    FROM public.touchpoints t
    WHERE t.contact_id = p_contact_id
  ),
  eligible AS (
    SELECT w.*,
           row_number() OVER (ORDER BY w.touched_at, w.sequence_number) AS pos,
           count(*) OVER () AS n
    FROM window_tp w
    WHERE w.touched_at >= w.last_at - make_interval(days => v_lookback)
  ),
  raw AS (
    SELECT e.id, e.sequence_number, e.channel, e.campaign, e.touched_at,
           CASE v_type
             WHEN 'first_touch' THEN CASE WHEN e.pos = 1 THEN 1 ELSE 0 END
             WHEN 'last_touch' THEN CASE WHEN e.pos = e.n THEN 1 ELSE 0 END
             WHEN 'time_decay' THEN power(2::numeric, -(extract(epoch FROM e.last_at - e.touched_at) / 86400)::numeric / v_half_life)
             WHEN 'position_based' THEN
               CASE
                 WHEN e.n = 1 THEN 1
                 WHEN e.n = 2 THEN CASE WHEN e.pos = 1 THEN v_first ELSE v_last END / nullif(v_first + v_last, 0)
                 WHEN e.pos = 1 THEN v_first
                 WHEN e.pos = e.n THEN v_last
                 ELSE (1 - v_first - v_last) / (e.n - 2)
               END
             ELSE 1::numeric / e.n
           END::numeric AS raw_weight
    FROM eligible e
  ),
  normalised AS (
    SELECT r.*, round(r.raw_weight / nullif(sum(r.raw_weight) OVER (), 0), 5) AS w
    FROM raw r
  ),
  stored AS (
    UPDATE public.touchpoints t
       SET attribution_weight = coalesce(n.w, 0)
      FROM normalised n
     WHERE t.id = n.id
    RETURNING t.id
  )
  SELECT n.id, n.sequence_number, n.channel, n.campaign, n.touched_at, coalesce(n.w, 0)
  FROM normalised n
  ORDER BY n.touched_at, n.sequence_number;

  UPDATE public.touchpoints t
     SET attribution_weight = 0
   WHERE t.contact_id = p_contact_id
     AND t.touched_at < (SELECT max(x.touched_at) FROM public.touchpoints x WHERE x.contact_id = p_contact_id) - make_interval(days => v_lookback);
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const getCampaignMoneyMap = rpc('get_campaign_money_map', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'CPL, CPO, ROAS per campaign: spend in a date range against the leads created and deals won from it',
  args: {
    p_start_date: { type: 'date', default: sql`(CURRENT_DATE - 30)` },
    p_end_date: { type: 'date', default: sql`CURRENT_DATE` },
  },
  returns: {
    table: {
      campaign_id: 'text',
      campaign_name: 'text',
      spend: 'numeric',
      leads: 'bigint',
      booked: 'bigint',
      orders: 'bigint',
      revenue: 'numeric',
      cash_collected: 'numeric',
      cpl: 'numeric',
      cpo: 'numeric',
      roas: 'numeric',
    },
  },
  language: 'sql',
  volatility: 'stable',
  body: sql`
WITH spend AS (
  SELECT i.campaign_id, (array_agg(i.campaign_name ORDER BY i.date DESC))[1] AS campaign_name, sum(i.spend) AS spend
  FROM public.facebook_ads_insights i
  WHERE i.date BETWEEN p_start_date AND p_end_date
  GROUP BY i.campaign_id
),
outcomes AS (
  SELECT f.attributed_campaign_id AS campaign_id,
         count(*) AS leads,
         count(*) FILTER (WHERE f.is_booked) AS booked,
         count(*) FILTER (WHERE f.is_closed_won) AS orders,
         sum(f.won_value) AS revenue,
         sum(f.cash_collected) AS cash_collected
  FROM public.dynamic_funnel_view f
  WHERE f.attributed_campaign_id IS NOT NULL
    AND f.lead_at >= p_start_date AND f.lead_at < p_end_date + 1
  GROUP BY f.attributed_campaign_id
)
SELECT coalesce(s.campaign_id, o.campaign_id),
       coalesce(fc.name, s.campaign_name),
       coalesce(s.spend, 0),
       coalesce(o.leads, 0),
       coalesce(o.booked, 0),
       coalesce(o.orders, 0),
       coalesce(o.revenue, 0),
       coalesce(o.cash_collected, 0),
       round(s.spend / nullif(o.leads, 0), 2),
       round(s.spend / nullif(o.orders, 0), 2),
       round(coalesce(o.revenue, 0) / nullif(s.spend, 0), 4)
FROM spend s
FULL JOIN outcomes o ON o.campaign_id = s.campaign_id
LEFT JOIN public.facebook_campaigns fc ON fc.campaign_id = coalesce(s.campaign_id, o.campaign_id)
ORDER BY coalesce(s.spend, 0) DESC
`,
  grants: ['authenticated', 'service_role'],
});
