import { boolean, date, integer, jsonb, numeric, rpc, sql, table, text, timestamptz, triggerFunction, uuid, view } from 'pgform';
import { adminOnlyPolicies, dashboardPolicies, groups, leadStatus, updatedAtTrigger } from './common.js';

const group = groups.contacts;

export const normalizeContactFields = triggerFunction('normalize_contact_fields', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Trims and lower-cases contacts.email and strips formatting from contacts.phone so email and phone joins match',
  body: sql`
BEGIN
  NEW.email := nullif(lower(btrim(NEW.email)), '');
  NEW.phone := nullif(regexp_replace(btrim(NEW.phone), '[^0-9+]', '', 'g'), '');
  RETURN NEW;
END;
`,
});

export const logContactOwnerChange = triggerFunction('log_contact_owner_change', {
  group,
  description: 'Records every change of contacts.owner_id in contact_ownership_history',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN
    INSERT INTO public.contact_ownership_history (contact_id, previous_owner_id, previous_owner_name, new_owner_id, new_owner_name, changed_by)
    VALUES (NEW.id, OLD.owner_id, OLD.owner_name, NEW.owner_id, NEW.owner_name, coalesce(auth.uid()::text, current_user));
  END IF;
  RETURN NEW;
END;
`,
});

export const trackLeadState = triggerFunction('track_lead_state', {
  group,
  description: 'Moves the lead state machine (lead_states) and logs a lead_events row when leads.status changes',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
    INSERT INTO public.lead_states (lead_id, current_state, previous_state, entered_at, transition_count)
    VALUES (NEW.id, NEW.status, NULL, now(), 0)
    ON CONFLICT (lead_id) DO UPDATE
      SET previous_state = public.lead_states.current_state,
          current_state = EXCLUDED.current_state,
          entered_at = now(),
          transition_count = public.lead_states.transition_count + 1,
          updated_at = now();
    INSERT INTO public.lead_events (lead_id, contact_id, event_type, event_source, payload)
    VALUES (NEW.id, NEW.contact_id, 'status_changed', 'trigger',
            jsonb_build_object('from', CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, 'to', NEW.status));
  END IF;
  RETURN NEW;
END;
`,
});

export const companies = table('companies', {
  group,
  description: 'Companies (HubSpot companies) that contacts belong to',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Company id; contacts.company_id'),
    hubspot_company_id: text().unique().describe('HubSpot company id (sync key)'),
    name: text().notNull().describe('Company name'),
    domain: text().index().describe('Web domain'),
    industry: text(),
    employee_count: integer().check(sql`employee_count >= 0`),
    annual_revenue: numeric(14, 2).check(sql`annual_revenue >= 0`),
    city: text(),
    country: text(),
    owner_id: text().describe('HubSpot owner id (string)'),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('companies'),
  rls: true,
  policies: dashboardPolicies('companies'),
});

export const contacts = table('contacts', {
  group,
  description: 'Every person the business has talked to, synced from HubSpot; the hub every dashboard joins to',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Primary key; referenced by deals, contact_activities, stripe_transactions, attribution_events'),
    hubspot_contact_id: text().unique().describe('HubSpot sync key'),
    first_name: text(),
    last_name: text(),
    email: text().index().describe('Lower-cased email; matches aws_truth_cache.email and client_health_scores.email'),
    phone: text().index().describe('Phone, digits and + only; matches call_records.caller_number and conversation_intelligence.phone'),
    company_id: uuid().references('companies', 'id', { onDelete: 'set null' }).index().describe('Company of the contact'),
    owner_id: text().index().describe('HubSpot owner id (string); matches staff.hubspot_owner_id'),
    owner_name: text().describe('HubSpot owner name at last sync'),
    lifecycle_stage: text().index().describe('HubSpot lifecycle stage: subscriber, lead, marketingqualifiedlead, salesqualifiedlead, opportunity, customer...'),
    lead_status: text().describe('HubSpot lead status property (NEW, OPEN, IN_PROGRESS, ATTEMPTED_TO_CONTACT, CONNECTED, BAD_TIMING, UNQUALIFIED...)'),
    lead_score: integer().notNull().default(0).check(sql`lead_score BETWEEN 0 AND 100`).describe('Score 0-100 from calculate_lead_score'),
    attributed_ad_id: text().index().describe('Facebook ad the contact is attributed to; matches facebook_ads_insights.ad_id'),
    attributed_adset_id: text().describe('Facebook ad set; matches facebook_ads_insights.adset_id'),
    attributed_campaign_id: text().index().describe('Facebook campaign; matches facebook_ads_insights.campaign_id'),
    utm_source: text(),
    utm_medium: text(),
    utm_campaign: text(),
    utm_content: text(),
    utm_term: text(),
    first_touch_source: text().describe('Original source (HubSpot hs_analytics_source)'),
    city: text(),
    country: text(),
    call_attempts: integer().notNull().default(0).check(sql`call_attempts >= 0`).describe('Outbound call attempts by setters'),
    last_contacted_at: timestamptz().describe('Last outbound touch (call, message, email)'),
    last_activity_at: timestamptz().describe('Last activity of any kind'),
    first_booked_at: timestamptz().describe('When the first appointment was booked'),
    became_customer_at: timestamptz(),
    properties: jsonb().notNull().default({}).describe('Remaining HubSpot properties'),
    hubspot_created_at: timestamptz(),
    hubspot_updated_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow().index({ name: 'idx_contacts_created_at', descending: true }),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: {
    idx_contacts_attributed_adset_id: { on: ['attributed_adset_id'] },
    idx_contacts_utm_campaign: { on: ['utm_campaign'] },
  },
  triggers: {
    contacts_normalize_fields: { timing: 'before', events: ['insert', 'update'], function: normalizeContactFields },
    ...updatedAtTrigger('contacts'),
    contacts_log_owner_change: { timing: 'after', events: ['update'], updateOf: ['owner_id'], function: logContactOwnerChange },
  },
  rls: true,
  policies: dashboardPolicies('contacts'),
});

export const contactActivities = table('contact_activities', {
  group,
  description: 'Timeline of calls, emails, meetings, notes and messages per contact (HubSpot engagements and app activity)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().notNull().references('contacts', 'id', { onDelete: 'cascade' }).index().describe('contacts.id'),
    activity_type: text().notNull().oneOf(['call', 'email', 'meeting', 'note', 'task', 'sms', 'whatsapp', 'form_submission', 'page_view', 'stage_change']),
    direction: text().oneOf(['inbound', 'outbound']),
    subject: text(),
    body: text(),
    outcome: text().describe('Call / meeting outcome as logged'),
    performed_by: text().describe('HubSpot owner id of the rep (string)'),
    hubspot_engagement_id: text().unique().describe('HubSpot engagement id (sync key)'),
    occurred_at: timestamptz().notNull().defaultNow(),
    metadata: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_contact_activities_contact_time: { on: ['contact_id', 'occurred_at DESC'] } },
  rls: true,
  policies: dashboardPolicies('contact activities'),
});

export const contactOwnershipHistory = table('contact_ownership_history', {
  group,
  description: 'Every change of a contact\'s HubSpot owner (filled by the log_contact_owner_change trigger)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().notNull().references('contacts', 'id', { onDelete: 'cascade' }).index().describe('contacts.id'),
    previous_owner_id: text().describe('HubSpot owner id before'),
    previous_owner_name: text(),
    new_owner_id: text().describe('HubSpot owner id after'),
    new_owner_name: text(),
    changed_by: text().describe('User id or database role that made the change'),
    change_reason: text(),
    changed_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('ownership history'),
});

export const leads = table('leads', {
  group,
  description: 'Setter/closer pipeline leads: one per inbound opportunity, worked by a setter and a closer',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index().describe('The contact the lead belongs to'),
    full_name: text(),
    email: text(),
    phone: text(),
    source: text().describe('Where the lead came from (facebook, instagram, referral, website...)'),
    campaign_id: text().describe('Facebook campaign id, when known'),
    ad_id: text().describe('Facebook ad id, when known'),
    status: leadStatus.column().notNull().default('new').describe('Funnel status'),
    setter_id: uuid().references('staff', 'id', { onDelete: 'set null' }).index().describe('staff.id of the setter'),
    closer_id: uuid().references('staff', 'id', { onDelete: 'set null' }).index().describe('staff.id of the closer'),
    lead_score: integer().notNull().default(0).check(sql`lead_score BETWEEN 0 AND 100`),
    attempts: integer().notNull().default(0).check(sql`attempts >= 0`).describe('Contact attempts made'),
    last_contact_at: timestamptz(),
    notes: text(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_leads_status: { on: ['status'] } },
  triggers: {
    ...updatedAtTrigger('leads'),
    leads_track_state: { timing: 'after', events: ['insert', 'update'], function: trackLeadState },
  },
  rls: true,
  policies: dashboardPolicies('leads'),
});

export const salesLeads = table('sales_leads', {
  group,
  description: 'Lead / sales pipeline data: expected value and stage of each lead in the sales pipeline',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    lead_id: uuid().references('leads', 'id', { onDelete: 'cascade' }).index(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    name: text(),
    email: text(),
    phone: text(),
    pipeline_stage: text().notNull().default('new').oneOf(['new', 'contacted', 'qualified', 'booked', 'proposal', 'negotiation', 'won', 'lost']),
    expected_value: numeric(12, 2).check(sql`expected_value >= 0`),
    probability: numeric(5, 2).check(sql`probability BETWEEN 0 AND 100`).describe('Win probability in percent'),
    expected_close_date: date(),
    assigned_to: text().describe('HubSpot owner id'),
    source: text(),
    notes: text(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('sales_leads'),
  rls: true,
  policies: dashboardPolicies('sales leads'),
});

export const sparkLeads = table('spark_leads', {
  group,
  description: 'Spark-specific leads received from the Spark lead source before they are synced to HubSpot',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    external_id: text().unique().describe('Lead id in Spark'),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    first_name: text(),
    last_name: text(),
    email: text(),
    phone: text(),
    spark_campaign: text(),
    spark_form_id: text(),
    status: text().notNull().default('received').oneOf(['received', 'synced', 'duplicate', 'failed']),
    error: text(),
    payload: jsonb().notNull().default({}).describe('Raw Spark payload'),
    received_at: timestamptz().notNull().defaultNow(),
    synced_at: timestamptz(),
  },
  rls: true,
  policies: dashboardPolicies('spark leads'),
});

export const enhancedLeads = table('enhanced_leads', {
  group,
  description: 'Enriched lead data: firmographic and intent enrichment per contact',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'cascade' }).index(),
    lead_id: uuid().references('leads', 'id', { onDelete: 'set null' }).index(),
    email: text(),
    enrichment_source: text().notNull().oneOf(['clearbit', 'apollo', 'ai', 'manual', 'other']),
    job_title: text(),
    company_name: text(),
    linkedin_url: text(),
    location: text(),
    fit_score: integer().check(sql`fit_score BETWEEN 0 AND 100`),
    intent_score: integer().check(sql`intent_score BETWEEN 0 AND 100`),
    enrichment: jsonb().notNull().default({}).describe('Full enrichment response'),
    enriched_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('enhanced leads'),
});

export const leadEvents = table('lead_events', {
  group,
  description: 'Lead event tracking: every status change, touch and form event of a lead',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    lead_id: uuid().references('leads', 'id', { onDelete: 'cascade' }).index(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    event_type: text().notNull().describe('status_changed, form_submitted, call_attempt, message_sent...'),
    event_source: text().notNull().default('app'),
    payload: jsonb().notNull().default({}),
    occurred_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('lead events'),
});

export const leadStates = table('lead_states', {
  group,
  description: 'Lead state machine: the current and previous status of each lead (kept by the track_lead_state trigger)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    lead_id: uuid().notNull().unique().references('leads', 'id', { onDelete: 'cascade' }),
    current_state: leadStatus.column().notNull(),
    previous_state: leadStatus.column(),
    entered_at: timestamptz().notNull().defaultNow().describe('When the current state was entered'),
    transition_count: integer().notNull().default(0),
    next_action: text(),
    next_action_due_at: timestamptz(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('lead states'),
});

export const leadAiReplies = table('lead_ai_replies', {
  group,
  description: 'AI reply history: replies the AI setter drafted or sent to leads',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    lead_id: uuid().references('leads', 'id', { onDelete: 'cascade' }).index(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    channel: text().notNull().oneOf(['sms', 'whatsapp', 'email', 'instagram', 'messenger']),
    inbound_message: text(),
    ai_reply: text().notNull(),
    model: text(),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    status: text().notNull().default('draft').oneOf(['draft', 'approved', 'sent', 'rejected']),
    approved_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    sent_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('AI replies'),
});

export const appointments = table('appointments', {
  group,
  description: 'Booked appointments (assessments, consultations, follow-ups) of leads',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    lead_id: uuid().references('leads', 'id', { onDelete: 'cascade' }).index().describe('leads.id'),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index().describe('contacts.id'),
    appointment_type: text().notNull().default('assessment').oneOf(['assessment', 'consultation', 'follow_up', 'onboarding']),
    scheduled_at: timestamptz().notNull().index(),
    duration_minutes: integer().notNull().default(30).check(sql`duration_minutes > 0`),
    status: text().notNull().default('scheduled').oneOf(['scheduled', 'confirmed', 'held', 'no_show', 'cancelled', 'rescheduled']),
    setter_id: uuid().references('staff', 'id', { onDelete: 'set null' }).index().describe('staff.id of the setter who booked it'),
    closer_id: uuid().references('staff', 'id', { onDelete: 'set null' }).index().describe('staff.id of the closer who runs it'),
    location: text(),
    outcome: text(),
    notes: text(),
    hubspot_meeting_id: text().unique(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('appointments'),
  rls: true,
  policies: dashboardPolicies('appointments'),
});

export const customerProfiles = table('customer_profiles', {
  group,
  description: 'Customer profile data: one profile per paying contact (goals, preferences, segment)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().notNull().unique().references('contacts', 'id', { onDelete: 'cascade' }),
    email: text(),
    full_name: text(),
    segment: text(),
    goals: text(),
    preferences: jsonb().notNull().default({}),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    lifetime_value: numeric(12, 2).notNull().default(0),
    first_purchase_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('customer_profiles'),
  rls: true,
  policies: dashboardPolicies('customer profiles'),
});

export const customerJourneys = table('customer_journeys', {
  group,
  description: 'Journey tracking: each stage a contact reaches, with the channel and campaign that got them there',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().notNull().references('contacts', 'id', { onDelete: 'cascade' }).index(),
    stage: text().notNull().describe('lead, engaged, booked, held, closed, onboarded, renewed, churned...'),
    event_name: text(),
    channel: text(),
    source: text(),
    campaign_id: text(),
    metadata: jsonb().notNull().default({}),
    occurred_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_customer_journeys_contact_time: { on: ['contact_id', 'occurred_at'] } },
  rls: true,
  policies: dashboardPolicies('customer journeys'),
});

export const reassignmentLog = table('reassignment_log', {
  group,
  description: 'Lead reassignments between owners (manual or automatic, e.g. underworked leads)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'cascade' }).index().describe('contacts.id'),
    from_owner_id: text().describe('HubSpot owner id before'),
    to_owner_id: text().describe('HubSpot owner id after'),
    reason: text(),
    automatic: boolean().notNull().default(false),
    reassigned_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    reassigned_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('reassignments'),
});

export const hubspotContactChanges = table('hubspot_contact_changes', {
  group,
  description: 'HubSpot sync audit: every contact property change received from HubSpot',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    hubspot_contact_id: text().notNull().index().describe('HubSpot contact id'),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    event_type: text().notNull().describe('contact.creation, contact.propertyChange, contact.deletion...'),
    property_name: text(),
    old_value: text(),
    new_value: text(),
    change_source: text().notNull().default('webhook').oneOf(['webhook', 'sync', 'manual']),
    hubspot_event_id: text(),
    payload: jsonb().notNull().default({}),
    changed_at: timestamptz().notNull().defaultNow(),
    received_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: adminOnlyPolicies('HubSpot changes'),
});

export const hubspotActivityCache = table('hubspot_activity_cache', {
  group,
  description: 'HubSpot activity cache: engagements fetched from HubSpot for the owner dashboards',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    hubspot_activity_id: text().notNull().unique(),
    hubspot_owner_id: text().index(),
    hubspot_contact_id: text().index(),
    activity_type: text().notNull(),
    activity_at: timestamptz().notNull(),
    payload: jsonb().notNull().default({}),
    cached_at: timestamptz().notNull().defaultNow(),
    expires_at: timestamptz().notNull().default(sql`now() + interval '1 day'`),
  },
  rls: true,
  policies: dashboardPolicies('HubSpot activity cache'),
});

export const hubspotUserDailySummary = table('hubspot_user_daily_summary', {
  group,
  description: 'Owner daily stats: calls, meetings and deals per HubSpot owner per day',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    hubspot_owner_id: text().notNull().describe('HubSpot owner id'),
    owner_name: text(),
    summary_date: date().notNull(),
    calls_made: integer().notNull().default(0),
    calls_connected: integer().notNull().default(0),
    talk_time_seconds: integer().notNull().default(0),
    emails_sent: integer().notNull().default(0),
    meetings_booked: integer().notNull().default(0),
    meetings_held: integer().notNull().default(0),
    deals_created: integer().notNull().default(0),
    deals_won: integer().notNull().default(0),
    revenue_won: numeric(12, 2).notNull().default(0),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['hubspot_owner_id', 'summary_date']],
  triggers: updatedAtTrigger('hubspot_user_daily_summary'),
  rls: true,
  policies: dashboardPolicies('owner daily summaries'),
});

// ---------------------------------------------------------------------------------------------
// Views. A deal counts as won when HubSpot says closedwon or its status is closed; stage
// 122237508 is HubSpot's "assessment booked".

export const dynamicFunnelView = view('dynamic_funnel_view', {
  group,
  description: 'Funnel by contact_id: when each contact was booked, held and closed, with attribution; the base of the marketing funnels',
  securityInvoker: true,
  query: sql`
SELECT c.id AS contact_id,
       c.email,
       c.owner_id,
       c.owner_name,
       c.attributed_ad_id,
       c.attributed_adset_id,
       c.attributed_campaign_id,
       c.utm_source,
       c.utm_campaign,
       c.created_at AS lead_at,
       LEAST(a.booked_at, c.first_booked_at, d.assessment_booked_at) AS booked_at,
       a.held_at,
       d.won_at AS closed_at,
       (LEAST(a.booked_at, c.first_booked_at, d.assessment_booked_at) IS NOT NULL OR a.held_at IS NOT NULL OR d.won_at IS NOT NULL) AS is_booked,
       (a.held_at IS NOT NULL OR d.won_at IS NOT NULL) AS is_held,
       (d.won_at IS NOT NULL) AS is_closed_won,
       coalesce(a.no_show_count, 0) AS no_show_count,
       coalesce(d.won_value, 0) AS won_value,
       coalesce(d.won_cash, 0) AS cash_collected,
       CASE
         WHEN d.won_at IS NOT NULL THEN 'closed_won'
         WHEN a.held_at IS NOT NULL THEN 'held'
         WHEN LEAST(a.booked_at, c.first_booked_at, d.assessment_booked_at) IS NOT NULL THEN 'booked'
         ELSE 'lead'
       END AS funnel_stage
FROM public.contacts c
LEFT JOIN LATERAL (
  SELECT min(ap.created_at) AS booked_at,
         min(ap.scheduled_at) FILTER (WHERE ap.status = 'held') AS held_at,
         count(*) FILTER (WHERE ap.status = 'no_show') AS no_show_count
  FROM public.appointments ap
  WHERE ap.contact_id = c.id
) a ON true
LEFT JOIN LATERAL (
  SELECT min(dl.created_at) FILTER (WHERE dl.stage = '122237508') AS assessment_booked_at,
         min(coalesce(dl.closed_at, dl.updated_at)) FILTER (WHERE dl.stage = 'closedwon' OR dl.status = 'closed') AS won_at,
         sum(dl.deal_value) FILTER (WHERE dl.stage = 'closedwon' OR dl.status = 'closed') AS won_value,
         sum(dl.cash_collected) FILTER (WHERE dl.stage = 'closedwon' OR dl.status = 'closed') AS won_cash
  FROM public.deals dl
  WHERE dl.contact_id = c.id
) d ON true
`,
  columns: {
    contact_id: 'contacts.id',
    booked_at: 'First booking: appointment created, contacts.first_booked_at or deal in stage 122237508',
    held_at: 'First appointment held',
    closed_at: 'First won deal',
    funnel_stage: 'lead, booked, held or closed_won',
  },
});

export const coldLeads = view('cold_leads', {
  group,
  description: 'Unworked/cold leads with urgency: open contacts not touched for 3+ days (or never)',
  securityInvoker: true,
  query: sql`
WITH touched AS (
  SELECT c.*,
         GREATEST(c.last_contacted_at, lc.last_call_at) AS last_touch_at,
         coalesce(lc.call_count, 0) AS call_count
  FROM public.contacts c
  LEFT JOIN LATERAL (
    SELECT max(cr.started_at) AS last_call_at, count(*) AS call_count
    FROM public.call_records cr
    WHERE cr.caller_number = c.phone
  ) lc ON true
  WHERE c.lifecycle_stage IS DISTINCT FROM 'customer'
    AND NOT coalesce((c.properties ->> 'hs_archived')::boolean, false)
    AND NOT EXISTS (
      SELECT 1 FROM public.deals d
      WHERE d.contact_id = c.id AND (d.stage IN ('closedwon', 'closedlost') OR d.status IN ('closed', 'lost', 'cancelled'))
    )
)
SELECT t.id AS contact_id,
       nullif(concat_ws(' ', t.first_name, t.last_name), '') AS full_name,
       t.email,
       t.phone,
       t.owner_id,
       t.owner_name,
       t.lifecycle_stage,
       t.lead_status,
       t.lead_score,
       t.attributed_campaign_id,
       t.created_at,
       t.last_touch_at,
       floor(extract(epoch FROM now() - coalesce(t.last_touch_at, t.created_at)) / 86400)::integer AS days_without_touch,
       t.call_attempts,
       t.call_count,
       CASE
         WHEN t.last_touch_at IS NULL AND t.created_at < now() - interval '1 day' THEN 'critical'
         WHEN t.last_touch_at < now() - interval '14 days' THEN 'critical'
         WHEN t.lead_score >= 70 OR t.last_touch_at < now() - interval '7 days' THEN 'high'
         ELSE 'medium'
       END AS urgency
FROM touched t
WHERE t.last_touch_at IS NULL OR t.last_touch_at < now() - interval '3 days'
`,
  columns: { urgency: 'critical (never touched after a day, or 14+ days), high (hot score or 7+ days), medium', days_without_touch: 'Days since the last call or outbound touch (or since creation)' },
});

export const leadFullJourney = view('lead_full_journey', {
  group,
  description: 'Full lead journey with contact_id: setter, closer, appointments, latest deal and calls of each lead',
  securityInvoker: true,
  query: sql`
SELECT l.id AS lead_id,
       coalesce(l.contact_id, c.id) AS contact_id,
       coalesce(l.full_name, nullif(concat_ws(' ', c.first_name, c.last_name), '')) AS full_name,
       coalesce(l.email, c.email) AS email,
       coalesce(l.phone, c.phone) AS phone,
       l.source,
       l.status,
       l.setter_id,
       setter.full_name AS setter_name,
       l.closer_id,
       closer.full_name AS closer_name,
       l.created_at AS lead_created_at,
       ap.first_booked_at,
       ap.next_appointment_at,
       coalesce(ap.appointments, 0) AS appointments,
       coalesce(ap.held, 0) AS appointments_held,
       coalesce(ap.no_shows, 0) AS no_shows,
       d.id AS deal_id,
       d.stage AS deal_stage,
       d.status AS deal_status,
       d.deal_value,
       d.cash_collected,
       d.closed_at,
       coalesce(cl.calls, 0) AS calls,
       cl.last_call_at,
       round(extract(epoch FROM ap.first_booked_at - l.created_at) / 86400, 1) AS days_to_book,
       round(extract(epoch FROM d.closed_at - l.created_at) / 86400, 1) AS days_to_close
FROM public.leads l
LEFT JOIN public.contacts c ON c.id = l.contact_id
LEFT JOIN public.staff setter ON setter.id = l.setter_id
LEFT JOIN public.staff closer ON closer.id = l.closer_id
LEFT JOIN LATERAL (
  SELECT min(a.created_at) AS first_booked_at,
         min(a.scheduled_at) FILTER (WHERE a.scheduled_at >= now() AND a.status IN ('scheduled', 'confirmed')) AS next_appointment_at,
         count(*) AS appointments,
         count(*) FILTER (WHERE a.status = 'held') AS held,
         count(*) FILTER (WHERE a.status = 'no_show') AS no_shows
  FROM public.appointments a
  WHERE a.lead_id = l.id
) ap ON true
LEFT JOIN LATERAL (
  SELECT dl.* FROM public.deals dl
  WHERE dl.lead_id = l.id OR (l.contact_id IS NOT NULL AND dl.contact_id = l.contact_id)
  ORDER BY dl.created_at DESC
  LIMIT 1
) d ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS calls, max(cr.started_at) AS last_call_at
  FROM public.call_records cr
  WHERE cr.caller_number = coalesce(c.phone, l.phone)
) cl ON true
`,
  columns: { deal_id: 'Latest deal of the lead (by lead_id or its contact)' },
});

export const leadLifecycleView = view('lead_lifecycle_view', {
  group,
  description: 'Lifecycle stages: HubSpot lifecycle, lead state machine and funnel stage of every contact',
  securityInvoker: true,
  query: sql`
SELECT c.id AS contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), '') AS full_name,
       c.email,
       c.owner_id,
       c.owner_name,
       c.lifecycle_stage,
       CASE c.lifecycle_stage
         WHEN 'subscriber' THEN 1
         WHEN 'lead' THEN 2
         WHEN 'marketingqualifiedlead' THEN 3
         WHEN 'salesqualifiedlead' THEN 4
         WHEN 'opportunity' THEN 5
         WHEN 'customer' THEN 6
         WHEN 'evangelist' THEN 7
         ELSE 0
       END AS lifecycle_order,
       c.lead_status AS hubspot_lead_status,
       ls.current_state AS lead_state,
       ls.previous_state AS previous_lead_state,
       ls.entered_at AS lead_state_entered_at,
       f.funnel_stage,
       f.booked_at,
       f.held_at,
       f.closed_at,
       c.created_at,
       c.became_customer_at,
       floor(extract(epoch FROM coalesce(f.closed_at, now()) - c.created_at) / 86400)::integer AS days_in_funnel
FROM public.contacts c
JOIN public.dynamic_funnel_view f ON f.contact_id = c.id
LEFT JOIN LATERAL (
  SELECT s.current_state, s.previous_state, s.entered_at
  FROM public.leads l
  JOIN public.lead_states s ON s.lead_id = l.id
  WHERE l.contact_id = c.id
  ORDER BY s.entered_at DESC
  LIMIT 1
) ls ON true
`,
  columns: { lifecycle_order: 'Ordinal of the HubSpot lifecycle stage (0 unknown)', lead_state: 'Current lead_status of the contact\'s latest lead' },
});

export const longCycleProtection = view('long_cycle_protection', {
  group,
  description: 'Long sales cycle alerts: open deals older than 30 days, flagged protected while the contact is still engaged',
  securityInvoker: true,
  query: sql`
SELECT d.id AS deal_id,
       d.contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), '') AS full_name,
       c.email,
       d.owner_id,
       c.owner_name,
       d.stage,
       d.deal_value,
       d.created_at AS deal_created_at,
       floor(extract(epoch FROM now() - d.created_at) / 86400)::integer AS deal_age_days,
       GREATEST(d.last_activity_at, c.last_activity_at, c.last_contacted_at) AS last_engagement_at,
       floor(extract(epoch FROM now() - coalesce(GREATEST(d.last_activity_at, c.last_activity_at, c.last_contacted_at), d.created_at)) / 86400)::integer AS days_since_engagement,
       coalesce(GREATEST(d.last_activity_at, c.last_activity_at, c.last_contacted_at) >= now() - interval '14 days', false) AS protected,
       CASE
         WHEN d.created_at < now() - interval '90 days' THEN 'critical'
         WHEN d.created_at < now() - interval '60 days' THEN 'warning'
         ELSE 'watch'
       END AS alert_level
FROM public.deals d
LEFT JOIN public.contacts c ON c.id = d.contact_id
WHERE d.status = 'pending'
  AND d.stage NOT IN ('closedwon', 'closedlost')
  AND d.created_at < now() - interval '30 days'
`,
  columns: { protected: 'Engaged in the last 14 days: keep the owner, do not reassign', alert_level: 'watch (30+ days), warning (60+), critical (90+)' },
});

export const vwSalesContacts = view('vw_sales_contacts', {
  group,
  description: 'Sales-focused contact view: owner, score, attempts, pipeline and next appointment per contact',
  securityInvoker: true,
  query: sql`
SELECT c.id AS contact_id,
       c.hubspot_contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), '') AS full_name,
       c.email,
       c.phone,
       co.name AS company_name,
       c.owner_id,
       c.owner_name,
       c.lifecycle_stage,
       c.lead_status,
       c.lead_score,
       c.call_attempts,
       c.last_contacted_at,
       coalesce(dl.open_deals, 0) AS open_deals,
       coalesce(dl.open_pipeline_value, 0) AS open_pipeline_value,
       coalesce(dl.won_value, 0) AS won_value,
       ap.next_appointment_at,
       cl.last_call_at,
       c.created_at
FROM public.contacts c
LEFT JOIN public.companies co ON co.id = c.company_id
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE d.status = 'pending' AND d.stage NOT IN ('closedwon', 'closedlost')) AS open_deals,
         sum(d.deal_value) FILTER (WHERE d.status = 'pending' AND d.stage NOT IN ('closedwon', 'closedlost')) AS open_pipeline_value,
         sum(d.deal_value) FILTER (WHERE d.stage = 'closedwon' OR d.status = 'closed') AS won_value
  FROM public.deals d
  WHERE d.contact_id = c.id
) dl ON true
LEFT JOIN LATERAL (
  SELECT min(a.scheduled_at) AS next_appointment_at
  FROM public.appointments a
  WHERE a.contact_id = c.id AND a.scheduled_at >= now() AND a.status IN ('scheduled', 'confirmed')
) ap ON true
LEFT JOIN LATERAL (
  SELECT max(cr.started_at) AS last_call_at FROM public.call_records cr WHERE cr.caller_number = c.phone
) cl ON true
`,
});

export const customerJourneyView = view('customer_journey_view', {
  group,
  description: 'Journey with contact_id: each journey step in order with the time since the previous one',
  securityInvoker: true,
  query: sql`
SELECT j.id AS journey_event_id,
       j.contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), '') AS full_name,
       c.email,
       row_number() OVER (PARTITION BY j.contact_id ORDER BY j.occurred_at, j.id) AS step_number,
       j.stage,
       lag(j.stage) OVER (PARTITION BY j.contact_id ORDER BY j.occurred_at, j.id) AS previous_stage,
       j.event_name,
       j.channel,
       j.source,
       j.campaign_id,
       j.occurred_at,
       round(extract(epoch FROM j.occurred_at - lag(j.occurred_at) OVER (PARTITION BY j.contact_id ORDER BY j.occurred_at, j.id)) / 3600, 1) AS hours_since_previous_step
FROM public.customer_journeys j
JOIN public.contacts c ON c.id = j.contact_id
`,
});

export const upcomingAssessments = view('upcoming_assessments', {
  group,
  description: 'Assessment bookings by contact_id: scheduled or confirmed assessments still ahead',
  securityInvoker: true,
  query: sql`
SELECT a.id AS appointment_id,
       coalesce(a.contact_id, l.contact_id) AS contact_id,
       a.lead_id,
       coalesce(nullif(concat_ws(' ', c.first_name, c.last_name), ''), l.full_name) AS full_name,
       coalesce(c.email, l.email) AS email,
       coalesce(c.phone, l.phone) AS phone,
       a.scheduled_at,
       a.duration_minutes,
       a.status,
       a.location,
       a.setter_id,
       setter.full_name AS setter_name,
       a.closer_id,
       closer.full_name AS closer_name,
       c.owner_name,
       c.attributed_campaign_id,
       round(extract(epoch FROM a.scheduled_at - now()) / 3600, 1) AS hours_until
FROM public.appointments a
LEFT JOIN public.leads l ON l.id = a.lead_id
LEFT JOIN public.contacts c ON c.id = coalesce(a.contact_id, l.contact_id)
LEFT JOIN public.staff setter ON setter.id = a.setter_id
LEFT JOIN public.staff closer ON closer.id = a.closer_id
WHERE a.appointment_type = 'assessment'
  AND a.status IN ('scheduled', 'confirmed')
  AND a.scheduled_at >= now()
`,
});

export const viewAtlasLeadDna = view('view_atlas_lead_dna', {
  group,
  description: 'Atlas lead DNA (contact_id): acquisition, engagement, speed and value signals of each contact, with a segment',
  securityInvoker: true,
  query: sql`
SELECT c.id AS contact_id,
       c.email,
       c.owner_id,
       c.first_touch_source,
       c.utm_source,
       c.utm_campaign,
       c.attributed_ad_id,
       c.attributed_campaign_id,
       c.lead_score,
       f.funnel_stage,
       coalesce(act.activities, 0) AS activities,
       coalesce(tp.touchpoints, 0) AS touchpoints,
       coalesce(cl.calls, 0) AS calls,
       coalesce(cl.connected_calls, 0) AS connected_calls,
       cl.avg_call_score,
       round(extract(epoch FROM cl.first_call_at - c.created_at) / 3600, 1) AS hours_to_first_call,
       round(extract(epoch FROM f.booked_at - c.created_at) / 86400, 1) AS days_to_book,
       round(extract(epoch FROM f.closed_at - c.created_at) / 86400, 1) AS days_to_close,
       f.won_value,
       coalesce(pay.lifetime_revenue, 0) AS lifetime_revenue,
       CASE
         WHEN f.is_closed_won AND f.closed_at - c.created_at <= interval '14 days' THEN 'fast_converter'
         WHEN f.is_closed_won THEN 'slow_converter'
         WHEN f.is_booked OR c.lead_score >= 70 THEN 'high_intent'
         WHEN coalesce(act.activities, 0) + coalesce(cl.calls, 0) > 0 THEN 'nurture'
         ELSE 'cold'
       END AS dna_segment
FROM public.contacts c
JOIN public.dynamic_funnel_view f ON f.contact_id = c.id
LEFT JOIN LATERAL (SELECT count(*) AS activities FROM public.contact_activities a WHERE a.contact_id = c.id) act ON true
LEFT JOIN LATERAL (SELECT count(*) AS touchpoints FROM public.touchpoints t WHERE t.contact_id = c.id) tp ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS calls,
         count(*) FILTER (WHERE cr.call_status = 'completed' AND cr.duration_seconds > 0) AS connected_calls,
         round(avg(cr.call_score), 1) AS avg_call_score,
         min(cr.started_at) AS first_call_at
  FROM public.call_records cr
  WHERE cr.caller_number = c.phone
) cl ON true
LEFT JOIN LATERAL (
  SELECT sum(st.amount - st.amount_refunded) AS lifetime_revenue
  FROM public.stripe_transactions st
  WHERE st.contact_id = c.id AND st.status IN ('succeeded', 'partially_refunded')
) pay ON true
`,
  columns: { dna_segment: 'fast_converter (won within 14 days), slow_converter, high_intent (booked or score 70+), nurture (engaged), cold' },
});

export const viewContact360 = view('view_contact_360', {
  group,
  description: '360° contact view: profile, company, pipeline, payments, calls, attribution, appointments and health in one row',
  securityInvoker: true,
  query: sql`
SELECT c.id AS contact_id,
       c.hubspot_contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), '') AS full_name,
       c.email,
       c.phone,
       co.name AS company_name,
       c.owner_id,
       c.owner_name,
       c.lifecycle_stage,
       c.lead_status,
       c.lead_score,
       c.attributed_ad_id,
       c.attributed_campaign_id,
       c.created_at,
       coalesce(act.activities, 0) AS activities,
       act.last_activity_at,
       coalesce(dl.deals, 0) AS deals,
       coalesce(dl.open_deals, 0) AS open_deals,
       coalesce(dl.won_value, 0) AS won_value,
       coalesce(dl.cash_collected, 0) AS cash_collected,
       coalesce(pay.lifetime_revenue, 0) AS stripe_lifetime_revenue,
       pay.last_payment_at,
       coalesce(sub.active_subscriptions, 0) AS active_subscriptions,
       coalesce(cl.calls, 0) AS calls,
       cl.last_call_at,
       coalesce(ae.attribution_events, 0) AS attribution_events,
       ae.last_event_at,
       ap.next_appointment_at,
       ap.last_appointment_at,
       h.health_score,
       h.health_zone
FROM public.contacts c
LEFT JOIN public.companies co ON co.id = c.company_id
LEFT JOIN LATERAL (
  SELECT count(*) AS activities, max(a.occurred_at) AS last_activity_at FROM public.contact_activities a WHERE a.contact_id = c.id
) act ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS deals,
         count(*) FILTER (WHERE d.status = 'pending' AND d.stage NOT IN ('closedwon', 'closedlost')) AS open_deals,
         sum(d.deal_value) FILTER (WHERE d.stage = 'closedwon' OR d.status = 'closed') AS won_value,
         sum(d.cash_collected) AS cash_collected
  FROM public.deals d WHERE d.contact_id = c.id
) dl ON true
LEFT JOIN LATERAL (
  SELECT sum(st.amount - st.amount_refunded) AS lifetime_revenue, max(st.created_at) AS last_payment_at
  FROM public.stripe_transactions st
  WHERE st.contact_id = c.id AND st.status IN ('succeeded', 'partially_refunded')
) pay ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS active_subscriptions FROM public.stripe_subscriptions s
  WHERE s.contact_id = c.id AND s.status IN ('active', 'trialing', 'past_due')
) sub ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS calls, max(cr.started_at) AS last_call_at FROM public.call_records cr WHERE cr.caller_number = c.phone
) cl ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS attribution_events, max(e.event_time) AS last_event_at FROM public.attribution_events e WHERE e.contact_id = c.id
) ae ON true
LEFT JOIN LATERAL (
  SELECT min(a.scheduled_at) FILTER (WHERE a.scheduled_at >= now() AND a.status IN ('scheduled', 'confirmed')) AS next_appointment_at,
         max(a.scheduled_at) FILTER (WHERE a.scheduled_at < now()) AS last_appointment_at
  FROM public.appointments a WHERE a.contact_id = c.id
) ap ON true
LEFT JOIN LATERAL (
  SELECT hs.health_score, hs.health_zone FROM public.client_health_scores hs
  WHERE hs.email = c.email
  LIMIT 1
) h ON true
`,
  columns: { health_score: 'From client_health_scores (matched by email)', stripe_lifetime_revenue: 'Net succeeded Stripe payments linked by contact_id' },
});

export const campaignLeadAttribution = view('campaign_lead_attribution', {
  group,
  description: 'Contact + UTM + setter (contact_id): the campaign, ad and setter behind every contact',
  securityInvoker: true,
  query: sql`
SELECT c.id AS contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), '') AS full_name,
       c.email,
       c.phone,
       c.created_at,
       c.lifecycle_stage,
       c.lead_status,
       c.first_touch_source,
       c.utm_source,
       c.utm_medium,
       c.utm_campaign,
       c.utm_content,
       c.utm_term,
       c.attributed_campaign_id,
       coalesce(fc.name, ad.campaign_name) AS campaign_name,
       c.attributed_adset_id,
       ad.adset_name,
       c.attributed_ad_id,
       ad.ad_name,
       c.owner_id AS setter_hubspot_owner_id,
       s.id AS setter_id,
       coalesce(s.full_name, c.owner_name) AS setter_name
FROM public.contacts c
LEFT JOIN public.facebook_campaigns fc ON fc.campaign_id = c.attributed_campaign_id
LEFT JOIN LATERAL (
  SELECT i.ad_name, i.adset_name, i.campaign_name
  FROM public.facebook_ads_insights i
  WHERE i.ad_id = c.attributed_ad_id
  ORDER BY i.date DESC
  LIMIT 1
) ad ON true
LEFT JOIN public.staff s ON s.hubspot_owner_id = c.owner_id
`,
  columns: { setter_id: 'staff.id of the contact owner (matched by HubSpot owner id)' },
});

export const journeyTimelineEvents = view('journey_timeline_events', {
  group,
  description: 'Journey timeline by contact: activities, calls, appointments, deals, payments, attribution and journey events in one stream',
  securityInvoker: true,
  query: sql`
SELECT a.contact_id, a.occurred_at AS event_at, 'activity'::text AS source, a.activity_type AS event_type,
       coalesce(a.subject, a.outcome) AS title, NULL::numeric AS amount, a.id::text AS reference_id
FROM public.contact_activities a
UNION ALL
SELECT c.id, cr.started_at, 'call', cr.direction || '_call', coalesce(cr.call_outcome, cr.call_status), NULL::numeric, cr.id::text
FROM public.call_records cr
JOIN public.contacts c ON c.phone = cr.caller_number
UNION ALL
SELECT ap.contact_id, ap.created_at, 'appointment', ap.appointment_type || '_booked', 'Scheduled for ' || to_char(ap.scheduled_at, 'YYYY-MM-DD HH24:MI'), NULL::numeric, ap.id::text
FROM public.appointments ap
WHERE ap.contact_id IS NOT NULL
UNION ALL
SELECT d.contact_id, d.created_at, 'deal', 'deal_created', d.deal_name, d.deal_value, d.id::text
FROM public.deals d
WHERE d.contact_id IS NOT NULL
UNION ALL
SELECT d.contact_id, coalesce(d.closed_at, d.updated_at), 'deal', 'deal_won', d.deal_name, d.deal_value, d.id::text
FROM public.deals d
WHERE d.contact_id IS NOT NULL AND (d.stage = 'closedwon' OR d.status = 'closed')
UNION ALL
SELECT st.contact_id, st.created_at, 'payment', 'payment_' || st.status, st.description, st.amount, st.id
FROM public.stripe_transactions st
WHERE st.contact_id IS NOT NULL
UNION ALL
SELECT e.contact_id, e.event_time, 'attribution', e.event_name, e.fb_campaign_id, e.value, e.id::text
FROM public.attribution_events e
WHERE e.contact_id IS NOT NULL
UNION ALL
SELECT j.contact_id, j.occurred_at, 'journey', j.stage, j.event_name, NULL::numeric, j.id::text
FROM public.customer_journeys j
`,
  columns: { source: 'activity, call, appointment, deal, payment, attribution or journey', reference_id: 'Id of the source row' },
});

// ---------------------------------------------------------------------------------------------
// Functions

export const calculateLeadScore = rpc('calculate_lead_score', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Compute lead score (0-100) from lifecycle stage, calls, appointment, engagement, recency and ad attribution',
  args: {
    p_lifecycle_stage: { type: 'text', default: sql`NULL` },
    p_call_attempts: { type: 'integer', default: sql`0` },
    p_connected_calls: { type: 'integer', default: sql`0` },
    p_has_appointment: { type: 'boolean', default: sql`false` },
    p_engagement_count: { type: 'integer', default: sql`0` },
    p_days_since_last_activity: { type: 'integer', default: sql`NULL` },
    p_has_ad_attribution: { type: 'boolean', default: sql`false` },
  },
  returns: 'integer',
  language: 'sql',
  volatility: 'immutable',
  body: sql`
SELECT GREATEST(0, LEAST(100,
    CASE lower(coalesce(p_lifecycle_stage, ''))
      WHEN 'opportunity' THEN 30
      WHEN 'salesqualifiedlead' THEN 25
      WHEN 'marketingqualifiedlead' THEN 15
      WHEN 'lead' THEN 10
      WHEN 'customer' THEN 30
      ELSE 5
    END
    + LEAST(coalesce(p_connected_calls, 0) * 10, 20)
    + CASE WHEN p_has_appointment THEN 25 ELSE 0 END
    + LEAST(coalesce(p_engagement_count, 0) * 2, 15)
    + CASE WHEN p_has_ad_attribution THEN 5 ELSE 0 END
    - CASE
        WHEN p_days_since_last_activity IS NULL THEN 0
        WHEN p_days_since_last_activity > 30 THEN 20
        WHEN p_days_since_last_activity > 14 THEN 10
        WHEN p_days_since_last_activity > 7 THEN 5
        ELSE 0
      END
    - CASE WHEN coalesce(p_call_attempts, 0) >= 6 AND coalesce(p_connected_calls, 0) = 0 THEN 10 ELSE 0 END
))::integer
`,
  grants: ['authenticated', 'service_role'],
});

export const getUnderworkedLeads = rpc('get_underworked_leads', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Leads with fewer than min_attempts call attempts: open contacts created in the last p_days_back days',
  args: {
    min_attempts: { type: 'integer', default: sql`6` },
    p_days_back: { type: 'integer', default: sql`30` },
  },
  returns: {
    table: {
      contact_id: 'uuid',
      full_name: 'text',
      email: 'text',
      phone: 'text',
      owner_id: 'text',
      owner_name: 'text',
      lead_score: 'integer',
      created_at: 'timestamp with time zone',
      attempts: 'integer',
      last_attempt_at: 'timestamp with time zone',
    },
  },
  language: 'sql',
  volatility: 'stable',
  body: sql`
SELECT c.id,
       nullif(concat_ws(' ', c.first_name, c.last_name), ''),
       c.email,
       c.phone,
       c.owner_id,
       c.owner_name,
       c.lead_score,
       c.created_at,
       GREATEST(c.call_attempts, coalesce(cl.outbound_calls, 0)::integer) AS attempts,
       GREATEST(c.last_contacted_at, cl.last_call_at)
FROM public.contacts c
LEFT JOIN LATERAL (
  SELECT count(*) AS outbound_calls, max(cr.started_at) AS last_call_at
  FROM public.call_records cr
  WHERE cr.caller_number = c.phone AND cr.direction = 'outbound'
) cl ON true
WHERE c.created_at >= now() - make_interval(days => p_days_back)
  AND c.lifecycle_stage IS DISTINCT FROM 'customer'
  AND NOT coalesce((c.properties ->> 'hs_archived')::boolean, false)
  AND GREATEST(c.call_attempts, coalesce(cl.outbound_calls, 0)::integer) < min_attempts
  AND NOT EXISTS (
    SELECT 1 FROM public.deals d
    WHERE d.contact_id = c.id AND (d.stage IN ('closedwon', 'closedlost') OR d.status IN ('closed', 'lost', 'cancelled'))
  )
ORDER BY 9, c.lead_score DESC, c.created_at
`,
  grants: ['authenticated', 'service_role'],
});

export const processHubspotWebhook = rpc('process_hubspot_webhook', {
  group,
  description: 'HubSpot webhook processing: applies contact.creation / propertyChange / deletion events to contacts and audits them',
  note: 'Takes the webhook body as sent by HubSpot (an array of events, or one event). Mapped properties update their column; any other property lands in `contacts.properties`. Deletions archive the contact (`properties.hs_archived`) instead of deleting it, so deals and payments keep their link.',
  args: { payload: 'jsonb' },
  returns: 'jsonb',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_event jsonb;
  v_type text;
  v_object_id text;
  v_property text;
  v_value text;
  v_old text;
  v_contact_id uuid;
  v_at timestamptz;
  v_created integer := 0;
  v_updated integer := 0;
  v_archived integer := 0;
  v_skipped integer := 0;
BEGIN
  FOR v_event IN
    SELECT e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(payload) = 'array' THEN payload ELSE jsonb_build_array(payload) END) AS e
  LOOP
    v_type := v_event ->> 'subscriptionType';
    v_object_id := v_event ->> 'objectId';
    v_property := v_event ->> 'propertyName';
    v_value := v_event ->> 'propertyValue';
    v_at := CASE WHEN v_event ? 'occurredAt' THEN to_timestamp((v_event ->> 'occurredAt')::double precision / 1000) ELSE now() END;

    IF v_object_id IS NULL OR v_type NOT IN ('contact.creation', 'contact.propertyChange', 'contact.deletion') THEN
      v_skipped := v_skipped + 1;
      CONTINUE;
    END IF;

    INSERT INTO public.contacts (hubspot_contact_id, hubspot_created_at)
    VALUES (v_object_id, CASE WHEN v_type = 'contact.creation' THEN v_at END)
    ON CONFLICT (hubspot_contact_id) DO NOTHING
    RETURNING id INTO v_contact_id;
    IF v_contact_id IS NOT NULL THEN
      v_created := v_created + 1;
    ELSE
      SELECT c.id INTO v_contact_id FROM public.contacts c WHERE c.hubspot_contact_id = v_object_id;
    END IF;

    IF v_type = 'contact.propertyChange' AND v_property IS NOT NULL THEN
      SELECT CASE v_property
               WHEN 'email' THEN c.email
               WHEN 'phone' THEN c.phone
               WHEN 'firstname' THEN c.first_name
               WHEN 'lastname' THEN c.last_name
               WHEN 'lifecyclestage' THEN c.lifecycle_stage
               WHEN 'hs_lead_status' THEN c.lead_status
               WHEN 'hubspot_owner_id' THEN c.owner_id
               WHEN 'hs_analytics_source' THEN c.first_touch_source
               ELSE c.properties ->> v_property
             END
        INTO v_old
        FROM public.contacts c WHERE c.id = v_contact_id;

      UPDATE public.contacts c SET
        email = CASE WHEN v_property = 'email' THEN v_value ELSE c.email END,
        phone = CASE WHEN v_property = 'phone' THEN v_value ELSE c.phone END,
        first_name = CASE WHEN v_property = 'firstname' THEN v_value ELSE c.first_name END,
        last_name = CASE WHEN v_property = 'lastname' THEN v_value ELSE c.last_name END,
        lifecycle_stage = CASE WHEN v_property = 'lifecyclestage' THEN v_value ELSE c.lifecycle_stage END,
        lead_status = CASE WHEN v_property = 'hs_lead_status' THEN v_value ELSE c.lead_status END,
        owner_id = CASE WHEN v_property = 'hubspot_owner_id' THEN v_value ELSE c.owner_id END,
        owner_name = CASE WHEN v_property = 'hubspot_owner_id' THEN (SELECT s.full_name FROM public.staff s WHERE s.hubspot_owner_id = v_value) ELSE c.owner_name END,
        first_touch_source = CASE WHEN v_property = 'hs_analytics_source' THEN v_value ELSE c.first_touch_source END,
        became_customer_at = CASE WHEN v_property = 'lifecyclestage' AND v_value = 'customer' THEN coalesce(c.became_customer_at, v_at) ELSE c.became_customer_at END,
        properties = CASE
          WHEN v_property IN ('email', 'phone', 'firstname', 'lastname', 'lifecyclestage', 'hs_lead_status', 'hubspot_owner_id', 'hs_analytics_source') THEN c.properties
          ELSE c.properties || jsonb_build_object(v_property, v_value)
        END,
        hubspot_updated_at = v_at
      WHERE c.id = v_contact_id;
      v_updated := v_updated + 1;
    ELSIF v_type = 'contact.deletion' THEN
      UPDATE public.contacts c
         SET properties = c.properties || jsonb_build_object('hs_archived', true), hubspot_updated_at = v_at
       WHERE c.id = v_contact_id;
      v_archived := v_archived + 1;
    END IF;

    INSERT INTO public.hubspot_contact_changes
      (hubspot_contact_id, contact_id, event_type, property_name, old_value, new_value, change_source, hubspot_event_id, payload, changed_at)
    VALUES
      (v_object_id, v_contact_id, v_type, v_property, v_old, v_value, 'webhook', v_event ->> 'eventId', v_event, v_at);
    v_old := NULL;
  END LOOP;

  RETURN jsonb_build_object('created', v_created, 'updated', v_updated, 'archived', v_archived, 'skipped', v_skipped);
END;
`,
  grants: ['service_role'],
});
