import { bigint, boolean, char, date, inet, integer, jsonb, numeric, rpc, smallint, sql, table, text, timestamptz, uuid, type PolicyInput } from 'pgform';
import { adminPolicies, areas, rlsSql, servicePolicies, tenantPolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.crm;

/** Every CRM table is tenant data: members read and write, platform admins and the service role manage all. */
const crmPolicies = (noun: string, options: { adminsWrite?: boolean } = {}): Record<string, PolicyInput> => ({
  ...tenantPolicies(noun, 'tenant_id', { membersWrite: !options.adminsWrite }),
  ...adminPolicies(noun),
  ...servicePolicies(noun),
});

const tenantId = () => uuid().notNull().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant');
const leadRef = () => uuid().references('leads', 'id', { onDelete: 'cascade' }).index();
const money = () => numeric(14, 2);
const currency = () => char(3).notNull().default('USD').describe('ISO 4217 currency');

export const leadSources = table('lead_sources', {
  group,
  description: 'Lead source definitions: where leads come from and what a lead costs there',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    name: text().notNull().describe('Name (Google Ads, Webinar, Partner X...)'),
    source_type: text().notNull().default('other').oneOf(['organic', 'paid', 'referral', 'social', 'email', 'event', 'partner', 'direct', 'other']).describe('Kind of source'),
    channel: text().describe('Channel (search, linkedin, newsletter...)'),
    utm_source: text().describe('utm_source that maps to it'),
    utm_medium: text().describe('utm_medium that maps to it'),
    cost_per_lead: numeric(12, 2).check(sql`cost_per_lead >= 0`).describe('Expected cost per lead'),
    is_active: boolean().notNull().default(true).describe('In use'),
    ...timestamps(),
  },
  unique: [['tenant_id', 'name']],
  triggers: { ...updatedAtTrigger('lead_sources') },
  rls: true,
  policies: crmPolicies('lead sources', { adminsWrite: true }),
});

export const leads = table('leads', {
  group,
  description: 'Lead records: one row per prospect of a tenant, scored by calculate_lead_score()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    email: text().check(sql`email ~* '^[^@\s]+@[^@\s]+$'`).describe('Email'),
    first_name: text().describe('First name'),
    last_name: text().describe('Last name'),
    phone: text().describe('Phone'),
    company: text().describe('Company'),
    job_title: text().describe('Job title'),
    website: text().describe('Company website'),
    source_id: uuid().references('lead_sources', 'id', { onDelete: 'set null' }).index().describe('Lead source'),
    status: text().notNull().default('new').oneOf(['new', 'contacted', 'qualified', 'unqualified', 'nurturing', 'converted', 'lost']).describe('Pipeline status'),
    lead_score: integer().notNull().default(0).check(sql`lead_score BETWEEN 0 AND 100`).describe('Score 0-100 (calculate_lead_score())'),
    score_updated_at: timestamptz().describe('When the score was last computed'),
    owner_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Assigned sales rep'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Platform user the lead became, if any'),
    utm_source: text().describe('First-touch utm_source'),
    utm_medium: text().describe('First-touch utm_medium'),
    utm_campaign: text().describe('First-touch utm_campaign'),
    tags: text().array().notNull().default([]).describe('Tags'),
    custom_fields: jsonb().notNull().default({}).describe('Tenant-defined fields'),
    last_activity_at: timestamptz().describe('Latest lead_activities row'),
    converted_at: timestamptz().describe('When it converted'),
    ...timestamps(),
  },
  unique: [['tenant_id', 'email']],
  indexes: {
    idx_leads_tenant_status: { on: ['tenant_id', 'status'] },
    idx_leads_tenant_score: { on: ['tenant_id', 'lead_score DESC'] },
    idx_leads_created_at: { on: ['created_at DESC'] },
    idx_leads_company_trgm: { on: ['company gin_trgm_ops'], using: 'gin' },
  },
  triggers: { ...updatedAtTrigger('leads') },
  rls: true,
  policies: crmPolicies('leads'),
});

export const leadActivities = table('lead_activities', {
  group,
  description: 'Lead activity tracking: what a lead did and what the team did with it; feeds the lead score',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    lead_id: leadRef().notNull().describe('Lead'),
    user_id: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Team member who logged it (NULL: automatic)'),
    activity_type: text()
      .notNull()
      .oneOf(['page_view', 'form_submit', 'email_open', 'email_click', 'download', 'webinar', 'demo_request', 'call', 'meeting', 'note', 'status_change'])
      .describe('Kind of activity'),
    description: text().describe('Details'),
    score_delta: integer().notNull().default(0).describe('Points this activity adds to the lead score'),
    metadata: jsonb().notNull().default({}).describe('Extra data'),
    occurred_at: timestamptz().notNull().defaultNow().describe('When it happened'),
  },
  indexes: { idx_lead_activities_lead_occurred: { on: ['lead_id', 'occurred_at DESC'] } },
  rls: true,
  policies: crmPolicies('lead activities'),
});

export const leadSessions = table('lead_sessions', {
  group,
  description: 'Lead session tracking: website sessions attributed to a lead',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    lead_id: leadRef().notNull().describe('Lead'),
    session_id: uuid().references('sessions', 'id', { onDelete: 'set null' }).index().describe('Session in sessions'),
    started_at: timestamptz().notNull().defaultNow().describe('Start'),
    ended_at: timestamptz().describe('End'),
    page_views: integer().notNull().default(0).check(sql`page_views >= 0`).describe('Pages seen'),
    pages: jsonb().notNull().default([]).describe('Visited pages with timestamps'),
    referrer: text().describe('Referrer'),
    utm: jsonb().notNull().default({}).describe('UTM parameters'),
  },
  checks: { lead_sessions_end_check: sql`ended_at IS NULL OR ended_at >= started_at` },
  rls: true,
  policies: crmPolicies('lead sessions'),
});

export const leadTouchpoints = table('lead_touchpoints', {
  group,
  description: 'Lead touchpoint tracking: marketing touches in order, with attribution weights',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    lead_id: leadRef().notNull().describe('Lead'),
    source_id: uuid().references('lead_sources', 'id', { onDelete: 'set null' }).index().describe('Lead source'),
    channel: text().notNull().describe('Channel'),
    touchpoint_type: text().notNull().describe('ad_click, email, webinar, social, direct...'),
    campaign: text().describe('Campaign'),
    position: integer().notNull().check(sql`position >= 1`).describe('Order among the lead touches'),
    attribution_weight: numeric(5, 4).check(sql`attribution_weight BETWEEN 0 AND 1`).describe('Share of credit'),
    metadata: jsonb().notNull().default({}).describe('Extra data'),
    occurred_at: timestamptz().notNull().defaultNow().describe('When'),
  },
  unique: [['lead_id', 'position']],
  rls: true,
  policies: crmPolicies('touchpoints'),
});

export const emailTemplates = table('email_templates', {
  group,
  description: 'Email templates with {{variable}} placeholders',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    name: text().notNull().describe('Name'),
    category: text().notNull().default('marketing').oneOf(['marketing', 'transactional', 'nurturing', 'notification']).describe('Category'),
    subject: text().notNull().describe('Subject line'),
    body_html: text().notNull().describe('HTML body'),
    body_text: text().describe('Plain-text body'),
    variables: text().array().notNull().default([]).describe('Variables the template uses'),
    is_active: boolean().notNull().default(true).describe('Usable'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Author'),
    ...timestamps(),
  },
  unique: [['tenant_id', 'name']],
  triggers: { ...updatedAtTrigger('email_templates') },
  rls: true,
  policies: crmPolicies('email templates'),
});

export const emailQueue = table('email_queue', {
  group,
  description: 'Email sending queue: messages waiting for, in or done with delivery',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    lead_id: uuid().references('leads', 'id', { onDelete: 'set null' }).index().describe('Lead addressed, if any'),
    template_id: uuid().index().references('email_templates', 'id', { onDelete: 'set null' }).describe('Template'),
    to_email: text().notNull().describe('Recipient'),
    from_email: text().describe('Sender'),
    subject: text().notNull().describe('Subject'),
    body_html: text().describe('Rendered HTML'),
    template_data: jsonb().notNull().default({}).describe('Values for the template variables'),
    status: text().notNull().default('queued').oneOf(['queued', 'sending', 'sent', 'failed', 'cancelled']).describe('Delivery state'),
    priority: smallint().notNull().default(5).check(sql`priority BETWEEN 1 AND 10`).describe('1 = most urgent'),
    scheduled_for: timestamptz().notNull().defaultNow().describe('Do not send before'),
    attempts: smallint().notNull().default(0).describe('Send attempts'),
    max_attempts: smallint().notNull().default(3).describe('Give up after'),
    last_error: text().describe('Last error'),
    provider_message_id: text().describe('Id at the email provider'),
    sent_at: timestamptz().describe('Sent'),
    ...timestamps(),
  },
  indexes: { idx_email_queue_pending: { on: ['priority', 'scheduled_for'], where: sql`status = 'queued'` } },
  triggers: { ...updatedAtTrigger('email_queue') },
  rls: true,
  policies: crmPolicies('email queue'),
});

export const emailInteractions = table('email_interactions', {
  group,
  description: 'Email interaction tracking: delivery, opens, clicks, bounces, replies',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    lead_id: leadRef().describe('Lead'),
    email_queue_id: uuid().references('email_queue', 'id', { onDelete: 'set null' }).index().describe('Message'),
    interaction_type: text().notNull().oneOf(['delivered', 'opened', 'clicked', 'bounced', 'complained', 'unsubscribed', 'replied']).describe('What happened'),
    link_url: text().describe('Clicked link'),
    ip_address: inet().describe('Client IP'),
    user_agent: text().describe('Client'),
    metadata: jsonb().notNull().default({}).describe('Provider payload'),
    occurred_at: timestamptz().notNull().defaultNow().describe('When'),
  },
  indexes: { idx_email_interactions_lead_occurred: { on: ['lead_id', 'occurred_at DESC'] } },
  rls: true,
  policies: crmPolicies('email interactions'),
});

export const nurturingSequences = table('nurturing_sequences', {
  group,
  description: 'Email nurturing sequences: ordered emails with delays, started by a trigger event',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    name: text().notNull().describe('Name'),
    description: text().describe('Purpose'),
    trigger_event: text().describe('Event that enrolls a lead (form_submit, status:qualified...)'),
    steps: jsonb().notNull().default([]).describe('[{step, template_id, delay_hours}]'),
    exit_criteria: jsonb().notNull().default({}).describe('When a lead leaves the sequence'),
    is_active: boolean().notNull().default(true).describe('Enrolling'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Author'),
    ...timestamps(),
  },
  unique: [['tenant_id', 'name']],
  triggers: { ...updatedAtTrigger('nurturing_sequences') },
  rls: true,
  policies: crmPolicies('sequences'),
});

export const nurturingEnrollments = table('nurturing_enrollments', {
  group,
  description: 'Lead nurturing enrollments: a lead going through a sequence',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    sequence_id: uuid().notNull().references('nurturing_sequences', 'id', { onDelete: 'cascade' }).index().describe('Sequence'),
    lead_id: leadRef().notNull().describe('Lead'),
    status: text().notNull().default('active').oneOf(['active', 'paused', 'completed', 'exited']).describe('State'),
    current_step: integer().notNull().default(0).check(sql`current_step >= 0`).describe('Last step sent'),
    enrolled_at: timestamptz().notNull().defaultNow().describe('Enrolled'),
    completed_at: timestamptz().describe('Finished'),
    exit_reason: text().describe('Why it left early'),
  },
  unique: [['sequence_id', 'lead_id']],
  rls: true,
  policies: crmPolicies('enrollments'),
});

export const nurturingSchedule = table('nurturing_schedule', {
  group,
  description: 'Nurturing schedule: the planned send of each step of an enrollment',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    enrollment_id: uuid().notNull().references('nurturing_enrollments', 'id', { onDelete: 'cascade' }).index().describe('Enrollment'),
    step_number: integer().notNull().check(sql`step_number >= 1`).describe('Step of the sequence'),
    template_id: uuid().index().references('email_templates', 'id', { onDelete: 'set null' }).describe('Template to send'),
    scheduled_for: timestamptz().notNull().describe('When to send'),
    status: text().notNull().default('scheduled').oneOf(['scheduled', 'queued', 'sent', 'skipped', 'failed']).describe('State'),
    email_queue_id: uuid().index().references('email_queue', 'id', { onDelete: 'set null' }).describe('Queued message'),
    sent_at: timestamptz().describe('Sent'),
  },
  unique: [['enrollment_id', 'step_number']],
  indexes: { idx_nurturing_schedule_due: { on: ['scheduled_for'], where: sql`status = 'scheduled'` } },
  rls: true,
  policies: crmPolicies('nurturing schedule'),
});

export const crmSyncLog = table('crm_sync_log', {
  group,
  description: 'CRM synchronization log: each push/pull of a record with an external CRM',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    integration_id: uuid().references('tenant_integrations', 'id', { onDelete: 'set null' }).index().describe('Tenant integration used'),
    provider: text().notNull().describe('salesforce, hubspot, pipedrive...'),
    direction: text().notNull().oneOf(['push', 'pull']).describe('Direction'),
    entity_type: text().notNull().describe('lead, contact, deal, activity...'),
    entity_id: uuid().describe('Local row id'),
    external_id: text().describe('Id in the CRM'),
    status: text().notNull().oneOf(['success', 'failed', 'skipped']).describe('Outcome'),
    records_processed: integer().notNull().default(1).describe('Records in the batch'),
    error_message: text().describe('Error'),
    payload: jsonb().describe('Data sent or received'),
    synced_at: timestamptz().notNull().defaultNow().describe('When'),
  },
  indexes: { idx_crm_sync_log_entity: { on: ['entity_type', 'entity_id'] }, idx_crm_sync_log_synced_at: { on: ['synced_at DESC'] } },
  rls: true,
  policies: crmPolicies('CRM sync log', { adminsWrite: true }),
});

export const conversions = table('conversions', {
  group,
  description: 'Conversion tracking: signups, trials, purchases and upgrades, with their attribution',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    lead_id: uuid().references('leads', 'id', { onDelete: 'set null' }).index().describe('Lead that converted'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('User that converted'),
    conversion_type: text().notNull().oneOf(['signup', 'trial', 'purchase', 'upgrade', 'demo_booked', 'other']).describe('Kind'),
    value: money().notNull().default(0).check(sql`value >= 0`).describe('Value'),
    currency: currency(),
    source_id: uuid().index().references('lead_sources', 'id', { onDelete: 'set null' }).describe('Attributed source'),
    touchpoint_id: uuid().index().references('lead_touchpoints', 'id', { onDelete: 'set null' }).describe('Attributed touchpoint'),
    campaign: text().describe('Attributed campaign'),
    attribution_model: text().notNull().default('last_touch').oneOf(['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based']).describe('Attribution model'),
    metadata: jsonb().notNull().default({}).describe('Extra data'),
    converted_at: timestamptz().notNull().defaultNow().index({ name: 'idx_conversions_converted_at', descending: true }).describe('When'),
  },
  rls: true,
  policies: crmPolicies('conversions'),
});

export const marketingCosts = table('marketing_costs', {
  group,
  description: 'Marketing cost tracking: spend per channel and day',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    channel: text().notNull().describe('Channel'),
    source_id: uuid().references('lead_sources', 'id', { onDelete: 'set null' }).index().describe('Lead source'),
    cost_date: date().notNull().describe('Day'),
    amount: money().notNull().check(sql`amount >= 0`).describe('Spend'),
    currency: currency(),
    description: text().describe('Note'),
    ...timestamps(),
  },
  indexes: { idx_marketing_costs_tenant_date: { on: ['tenant_id', 'cost_date DESC'] } },
  triggers: { ...updatedAtTrigger('marketing_costs') },
  rls: true,
  policies: crmPolicies('marketing costs', { adminsWrite: true }),
});

export const campaignCosts = table('campaign_costs', {
  group,
  description: 'Campaign cost tracking: budget, spend and reach per campaign and period',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    campaign_name: text().notNull().describe('Campaign'),
    channel: text().notNull().describe('Channel'),
    period_start: date().notNull().describe('Start'),
    period_end: date().notNull().describe('End'),
    budget: money().check(sql`budget >= 0`).describe('Budget'),
    spend: money().notNull().default(0).check(sql`spend >= 0`).describe('Spend'),
    currency: currency(),
    impressions: bigint().notNull().default(0).describe('Impressions'),
    clicks: bigint().notNull().default(0).describe('Clicks'),
    ...timestamps(),
  },
  unique: [['tenant_id', 'campaign_name', 'channel', 'period_start']],
  checks: { campaign_costs_period_check: sql`period_end >= period_start` },
  triggers: { ...updatedAtTrigger('campaign_costs') },
  rls: true,
  policies: crmPolicies('campaign costs', { adminsWrite: true }),
});

export const roiTracking = table('roi_tracking', {
  group,
  description: 'ROI tracking: cost against attributed revenue per campaign and period',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    campaign_name: text().notNull().describe('Campaign'),
    channel: text().describe('Channel'),
    period_start: date().notNull().describe('Start'),
    period_end: date().notNull().describe('End'),
    total_cost: money().notNull().default(0).describe('Cost'),
    total_revenue: money().notNull().default(0).describe('Attributed revenue'),
    conversions: integer().notNull().default(0).describe('Conversions'),
    roi: numeric(12, 4).generated(sql`CASE WHEN total_cost > 0 THEN (total_revenue - total_cost) / total_cost END`).describe('(revenue - cost) / cost (generated)'),
    cost_per_conversion: money().generated(sql`CASE WHEN conversions > 0 THEN round(total_cost / conversions, 2) END`).describe('cost / conversions (generated)'),
    computed_at: timestamptz().notNull().defaultNow().describe('When computed'),
  },
  unique: [{ columns: ['tenant_id', 'campaign_name', 'channel', 'period_start'], name: 'roi_tracking_scope_key', nullsNotDistinct: true }],
  checks: { roi_tracking_period_check: sql`period_end >= period_start` },
  rls: true,
  policies: crmPolicies('ROI', { adminsWrite: true }),
});

export const revenueEvents = table('revenue_events', {
  group,
  description: 'Revenue event tracking: new business, expansion, churn and refunds',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    lead_id: uuid().references('leads', 'id', { onDelete: 'set null' }).index().describe('Lead'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Customer user'),
    conversion_id: uuid().index().references('conversions', 'id', { onDelete: 'set null' }).describe('Conversion it came from'),
    event_type: text().notNull().oneOf(['new', 'expansion', 'contraction', 'churn', 'refund', 'renewal', 'one_time']).describe('Kind'),
    amount: money().notNull().describe('Amount (negative for refunds and churn)'),
    mrr_delta: money().notNull().default(0).describe('Change in monthly recurring revenue'),
    currency: currency(),
    external_ref: text().describe('Invoice or payment id'),
    metadata: jsonb().notNull().default({}).describe('Extra data'),
    occurred_at: timestamptz().notNull().defaultNow().index({ name: 'idx_revenue_events_occurred_at', descending: true }).describe('When'),
  },
  rls: true,
  policies: crmPolicies('revenue events', { adminsWrite: true }),
});

export const abTests = table('ab_tests', {
  group,
  description: 'A/B test definitions: variants, traffic split and the metric that decides',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    name: text().notNull().describe('Name'),
    hypothesis: text().describe('Hypothesis'),
    status: text().notNull().default('draft').oneOf(['draft', 'running', 'paused', 'completed']).describe('State'),
    variants: jsonb().notNull().default([{ key: 'control', weight: 50 }, { key: 'variant_a', weight: 50 }]).describe('[{key, weight}]'),
    primary_metric: text().notNull().describe('Metric that decides'),
    traffic_allocation: numeric(5, 4).notNull().default(1).check(sql`traffic_allocation > 0 AND traffic_allocation <= 1`).describe('Share of traffic in the test'),
    started_at: timestamptz().describe('Start'),
    ended_at: timestamptz().describe('End'),
    winner_variant: text().describe('Winning variant key'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Author'),
    ...timestamps(),
  },
  unique: [['tenant_id', 'name']],
  checks: { ab_tests_variants_array: sql`jsonb_typeof(variants) = 'array'` },
  triggers: { ...updatedAtTrigger('ab_tests') },
  rls: true,
  policies: crmPolicies('A/B tests'),
});

export const abTestAssignments = table('ab_test_assignments', {
  group,
  description: 'A/B test assignments: which variant a user or visitor sees',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    test_id: uuid().notNull().references('ab_tests', 'id', { onDelete: 'cascade' }).index().describe('Test'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('User'),
    anonymous_id: text().describe('Visitor id when not signed in'),
    lead_id: uuid().index().references('leads', 'id', { onDelete: 'set null' }).describe('Lead'),
    variant: text().notNull().describe('Variant key'),
    assigned_at: timestamptz().notNull().defaultNow().describe('When'),
  },
  unique: [['test_id', 'user_id'], ['test_id', 'anonymous_id']],
  checks: { ab_test_assignments_subject_check: sql`user_id IS NOT NULL OR anonymous_id IS NOT NULL` },
  rls: true,
  policies: {
    ...crmPolicies('assignments'),
    'Users view own assignments': { for: 'select', to: 'authenticated', using: rlsSql.owner() },
  },
});

export const abTestConversions = table('ab_test_conversions', {
  group,
  description: 'A/B test conversions: metric events of assigned users or visitors',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: tenantId(),
    test_id: uuid().notNull().references('ab_tests', 'id', { onDelete: 'cascade' }).index().describe('Test'),
    assignment_id: uuid().notNull().references('ab_test_assignments', 'id', { onDelete: 'cascade' }).index().describe('Assignment'),
    variant: text().notNull().describe('Variant (copied from the assignment)'),
    metric_name: text().notNull().describe('Metric'),
    value: numeric(14, 4).notNull().default(1).describe('Value'),
    converted_at: timestamptz().notNull().defaultNow().describe('When'),
  },
  indexes: { idx_ab_test_conversions_test_variant: { on: ['test_id', 'variant', 'metric_name'] } },
  rls: true,
  policies: crmPolicies('A/B conversions'),
});

export const calculateLeadScore = rpc('calculate_lead_score', {
  group,
  description:
    'Calculate lead score: profile completeness (up to 20), activities of the last 90 days (score_delta or a default per type), email engagement and conversions, capped to 0-100; stores it on the lead and returns it',
  args: { p_lead_id: 'uuid' },
  returns: 'integer',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_lead public.leads%ROWTYPE;
  v_profile integer;
  v_activity integer;
  v_email integer;
  v_conversion integer;
  v_score integer;
BEGIN
  SELECT * INTO v_lead FROM public.leads WHERE id = p_lead_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'lead % not found', p_lead_id USING ERRCODE = 'P0002';
  END IF;
  IF NOT (public.is_tenant_member(v_lead.tenant_id, auth.uid()) OR coalesce(auth.role(), 'service_role') = 'service_role' OR public.is_admin(auth.uid())) THEN
    RAISE EXCEPTION 'not a member of the lead''s tenant' USING ERRCODE = '42501';
  END IF;

  v_profile := (CASE WHEN v_lead.email IS NOT NULL THEN 5 ELSE 0 END)
             + (CASE WHEN v_lead.phone IS NOT NULL THEN 5 ELSE 0 END)
             + (CASE WHEN v_lead.company IS NOT NULL THEN 5 ELSE 0 END)
             + (CASE WHEN v_lead.job_title IS NOT NULL THEN 5 ELSE 0 END);

  SELECT coalesce(sum(CASE WHEN a.score_delta <> 0 THEN a.score_delta ELSE
           CASE a.activity_type
             WHEN 'demo_request' THEN 20 WHEN 'meeting' THEN 15 WHEN 'form_submit' THEN 10 WHEN 'webinar' THEN 10
             WHEN 'download' THEN 8 WHEN 'call' THEN 8 WHEN 'email_click' THEN 4 WHEN 'email_open' THEN 1
             WHEN 'page_view' THEN 1 ELSE 0 END END), 0)
  INTO v_activity
  FROM public.lead_activities a
  WHERE a.lead_id = p_lead_id AND a.occurred_at >= now() - interval '90 days';

  SELECT coalesce(sum(CASE i.interaction_type
           WHEN 'replied' THEN 10 WHEN 'clicked' THEN 3 WHEN 'opened' THEN 1
           WHEN 'unsubscribed' THEN -20 WHEN 'complained' THEN -30 WHEN 'bounced' THEN -10 ELSE 0 END), 0)
  INTO v_email
  FROM public.email_interactions i
  WHERE i.lead_id = p_lead_id AND i.occurred_at >= now() - interval '90 days';

  SELECT least(count(*) * 25, 50) INTO v_conversion FROM public.conversions c WHERE c.lead_id = p_lead_id;

  v_score := greatest(0, least(100, v_profile + least(v_activity, 50) + v_email + v_conversion));

  UPDATE public.leads
  SET lead_score = v_score, score_updated_at = now()
  WHERE id = p_lead_id;

  RETURN v_score;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const checkAppointmentConflicts = rpc('check_appointment_conflicts', {
  group,
  description:
    "Check conflicts: the organizer's appointments (not cancelled) that overlap [p_start_time, p_end_time); an empty result means the slot is free",
  args: { p_start_time: 'timestamptz', p_end_time: 'timestamptz', p_organizer_id: 'uuid' },
  returns: { table: { appointment_id: 'uuid', start_time: 'timestamptz', end_time: 'timestamptz', status: 'text' } },
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF p_end_time <= p_start_time THEN
    RAISE EXCEPTION 'end time must be after start time' USING ERRCODE = '22023';
  END IF;
  RETURN QUERY
  SELECT a.id, a.start_time, a.end_time, a.status::text
  FROM public.appointments a
  WHERE a.organizer_id = p_organizer_id
    AND a.status::text <> 'cancelled'
    AND a.start_time < p_end_time
    AND a.end_time > p_start_time
  ORDER BY a.start_time;
END;
`,
  grants: ['authenticated', 'service_role'],
});
