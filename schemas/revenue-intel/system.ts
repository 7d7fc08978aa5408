import { system } from 'pgform';
import { groups } from './common.js';

const note = `
The revenue intelligence database behind the Client Management, Revenue, Marketing, Call
Analytics, Health and Admin dashboards, plus the AI agents that read and act on them. Tables are
grouped by the dashboard that owns them; the **Cross-Group Intelligence** views join several
groups for the Deep Intelligence / Atlas dashboards.

## Data flows

- **HubSpot** is the CRM of record for contacts, owners and deals. Webhooks land in
  \`process_hubspot_webhook\`, which upserts \`contacts\` and audits every property change in
  \`hubspot_contact_changes\`; owner reassignments are logged in \`contact_ownership_history\`
  and \`reassignment_log\`. Owners are HubSpot owner ids (strings) in \`contacts.owner_id\`,
  \`deals.owner_id\` and \`call_records.hubspot_owner_id\`, matched to \`staff.hubspot_owner_id\`.
- **Stripe** webhooks land in \`stripe_events\` and are synced into \`stripe_transactions\`,
  \`stripe_invoices\`, \`stripe_subscriptions\`, refunds and payouts. A payment reaches a deal
  either through \`stripe_transactions.contact_id\` (a foreign key) or, for older rows, through
  the card trail \`deals -> contacts.email -> known_cards -> stripe_transactions.customer_id\`
  (the \`deal_stripe_revenue\` view).
- **Facebook Ads** insights are synced daily per ad into \`facebook_ads_insights\`; pixel / CAPI
  conversions into \`attribution_events\`. Contacts carry their attributed ad, ad set and
  campaign (\`contacts.attributed_*\`), so every funnel view can go from spend to cash.
- **Call tracking** providers post calls into \`call_records\`. Calls carry no contact key: they
  match \`contacts.phone\` by \`caller_number\` (no foreign key), which the \`call_attribution\`
  view pre-joins together with the contact's latest deal and Facebook ad.
- **Health / coaching** data (sessions, coaches) is cached from the AWS source of truth in
  \`aws_truth_cache\` and scored in \`client_health_scores\`, both keyed by email.

## Key joins

Most cross-group joins are by value, not by foreign key: phone for calls, email for health
data, HubSpot owner id for staff. The join list of this document names every one of them.
HubSpot deal stages are kept as HubSpot writes them: \`closedwon\`, \`closedlost\`, and numeric
stage ids such as \`122237508\` (assessment booked).

## Security (RLS)

Every table has row level security. The dashboard pattern: signed-in users (\`authenticated\`)
read the dashboards' tables; admins (\`has_role(auth.uid(), 'admin')\`, roles in \`user_roles\`
with the \`app_role\` enum) correct data by hand; the sync jobs and edge functions write as
\`service_role\`. Raw webhook payloads, Stripe account, payout and fraud data, integration
settings and everything in System/Config are admin only. Views run with the caller's rights
(\`security_invoker\`), so they never show more than the underlying policies allow.

## Embeddings

The AI tables keep embeddings as \`real[]\` instead of pgvector's \`vector(n)\` (pgvector is
not available on every target engine); similarity is computed in plain SQL over the arrays.
`;

export const revenueIntel = system({
  title: 'Revenue Intelligence',
  note,
  groups: {
    [groups.contacts]: {
      description: 'Group 1 - Client Management dashboard: contacts, leads, appointments, journeys and HubSpot sync',
      note: 'Keyed by `contacts.id`; `contacts.phone` matches call records, `contacts.email` matches health data, `contacts.hubspot_contact_id` is the HubSpot sync key and `contacts.owner_id` the HubSpot owner (string). `view_enterprise_truth_genome` (also listed here) is documented with the Cross-Group Intelligence views; `manual_link_deal_contact` with Deal/Revenue Data.',
    },
    [groups.revenue]: {
      description: 'Group 2 - Revenue dashboard: deals, Stripe payments, packages and loss analysis',
      note: '`deals.stage` keeps HubSpot stage ids (`closedwon`, `122237508` = assessment booked); a deal is won when its stage is `closedwon` or its status `closed`. `stripe_transactions.customer_id` links to contacts through `known_cards.email` (a supporting table the seed names only in the `deal_stripe_revenue` path). `vw_active_clients` is shared with the Health dashboard.',
    },
    [groups.marketing]: {
      description: 'Group 3 - Marketing dashboard: Facebook Ads, attribution, conversions and funnel baselines',
      note: '`attribution_events.fb_ad_id` = `facebook_ads_insights.ad_id`; contacts carry `attributed_ad_id`, `attributed_adset_id`, `attributed_campaign_id`. Funnel views build on `dynamic_funnel_view` (booked / held / closed per contact): ROAS = won deal value / spend, CPL = spend / CRM leads, CPO = spend / won deals. `campaign_lead_attribution` (also listed here) is documented with Contact/Lead Data; `funnel_metrics`, `historical_baselines` and `source_discrepancy_matrix` also feed the Cross-Group Intelligence dashboards.',
    },
    [groups.calls]: {
      description: 'Group 4 - Call Analytics dashboard: call records, tracking numbers, transcription',
      note: 'No call-specific RPCs: use the `call_attribution` view, which matches `call_records.caller_number` to `contacts.phone`.',
    },
    [groups.health]: {
      description: 'Group 5 - Health dashboard: client health scores, coaches, interventions and churn',
      note: '`client_health_scores.email` and `aws_truth_cache.email` match `contacts.email`.',
    },
    [groups.ai]: {
      description: 'Group 6 - AI tools: agents, memory, knowledge bases and conversation intelligence',
      note: '`conversation_intelligence.phone` matches `contacts.phone`.',
    },
    [groups.system]: {
      description: 'Group 7 - Admin only: settings, staff, roles, logs, sync and business configuration',
      note: '`staff` is referenced by `deals.closer_id` and `leads.setter_id` / `leads.closer_id`.',
    },
    [groups.crossGroup]: {
      description: 'Views spanning several groups that power the Deep Intelligence / Atlas dashboards',
    },
  },
  joins: [
    // Key joins between groups
    { from: 'deals.contact_id', to: 'contacts.id', description: 'Deal of a contact (FK)' },
    { from: 'call_records.caller_number', to: 'contacts.phone', description: 'No FK; match by phone' },
    { from: 'attribution_events.contact_id', to: 'contacts.id', description: 'Attribution event of a contact (FK)' },
    { from: 'stripe_transactions.contact_id', to: 'contacts.id', description: 'Stripe payment of a contact (FK)' },
    { from: 'attribution_events.fb_ad_id', to: 'facebook_ads_insights.ad_id', description: 'No FK; Facebook ad id' },
    { from: 'contacts.attributed_ad_id', to: 'facebook_ads_insights.ad_id', description: 'No FK; ad the contact is attributed to' },
    { from: 'contacts.email', to: 'known_cards.email', description: 'No FK; deal_stripe_revenue path deals -> contacts -> known_cards -> stripe' },
    { from: 'known_cards.customer_id', to: 'stripe_transactions.customer_id', description: 'No FK; Stripe customer of a known card' },
    { from: 'deal_stripe_revenue.deal_id', to: 'deals.id', description: 'Deals with their Stripe revenue (view)' },
    // Group 1: Contact/Lead
    { from: 'contact_activities.contact_id', to: 'contacts.id', description: 'FK' },
    { from: 'contact_ownership_history.contact_id', to: 'contacts.id', description: 'FK' },
    { from: 'contacts.company_id', to: 'companies.id', description: 'FK' },
    { from: 'leads.contact_id', to: 'contacts.id', description: 'FK; the contact a lead became' },
    { from: 'appointments.lead_id', to: 'leads.id', description: 'FK' },
    { from: 'reassignment_log.contact_id', to: 'contacts.id', description: 'FK' },
    { from: 'hubspot_contact_changes.hubspot_contact_id', to: 'contacts.hubspot_contact_id', description: 'No FK; HubSpot sync key' },
    // Group 2: Deal/Revenue
    { from: 'deals.lead_id', to: 'leads.id', description: 'FK' },
    { from: 'deals.appointment_id', to: 'appointments.id', description: 'FK' },
    { from: 'stripe_transactions.customer_id', to: 'known_cards.customer_id', description: 'No FK; Stripe customer, linked to contacts via known_cards.email' },
    { from: 'account_review_history.event_id', to: 'stripe_events.id', description: 'FK' },
    { from: 'loss_analysis.deal_id', to: 'deals.id', description: 'FK' },
    // Group 3: Marketing/Attribution
    { from: 'attribution_events.fb_adset_id', to: 'facebook_ads_insights.adset_id', description: 'No FK' },
    { from: 'attribution_events.fb_campaign_id', to: 'facebook_ads_insights.campaign_id', description: 'No FK' },
    { from: 'contacts.attributed_adset_id', to: 'facebook_ads_insights.adset_id', description: 'No FK' },
    { from: 'contacts.attributed_campaign_id', to: 'facebook_ads_insights.campaign_id', description: 'No FK' },
    { from: 'facebook_ads_insights.campaign_id', to: 'facebook_campaigns.campaign_id', description: 'No FK; insights may arrive before the campaign sync' },
    // Group 4: Call
    { from: 'call_records.tracking_number_id', to: 'call_tracking_numbers.id', description: 'FK' },
    { from: 'call_transcription_jobs.call_record_id', to: 'call_records.id', description: 'FK' },
    { from: 'call_attribution.call_id', to: 'call_records.id', description: 'Pre-joined view' },
    { from: 'call_attribution.contact_id', to: 'contacts.id', description: 'Pre-joined view' },
    { from: 'call_attribution.deal_id', to: 'deals.id', description: 'Pre-joined view' },
    // Joins into groups 5-7 (health.ts, ai.ts, system-config.ts)
    { from: 'aws_truth_cache.email', to: 'contacts.email', description: 'No FK; match by email' },
    { from: 'client_health_scores.email', to: 'contacts.email', description: 'No FK; match by email' },
    { from: 'client_health_scores.hubspot_contact_id', to: 'contacts.hubspot_contact_id', description: 'No FK; HubSpot sync key' },
    { from: 'client_lifecycle_history.email', to: 'contacts.email', description: 'No FK; health history by email' },
    { from: 'proactive_insights.contact_id', to: 'contacts.id', description: 'FK' },
    { from: 'intervention_outcomes.intervention_id', to: 'intervention_log.id', description: 'FK' },
    { from: 'deals.closer_id', to: 'staff.id', description: 'FK' },
    { from: 'deals.owner_id', to: 'staff.hubspot_owner_id', description: 'No FK; HubSpot owner (string)' },
    { from: 'contacts.owner_id', to: 'staff.hubspot_owner_id', description: 'No FK; HubSpot owner (string)' },
    { from: 'call_records.hubspot_owner_id', to: 'staff.hubspot_owner_id', description: 'No FK; HubSpot owner ID (string)' },
    { from: 'leads.setter_id', to: 'staff.id', description: 'FK' },
    { from: 'leads.closer_id', to: 'staff.id', description: 'FK' },
    { from: 'appointments.setter_id', to: 'staff.id', description: 'FK' },
    { from: 'appointments.closer_id', to: 'staff.id', description: 'FK' },
    { from: 'conversation_intelligence.phone', to: 'contacts.phone', description: 'No FK; Lisa/WhatsApp intel by phone' },
    { from: 'ai_feedback_learning.insight_id', to: 'proactive_insights.id', description: 'FK' },
    { from: 'ai_feedback_learning.intervention_id', to: 'intervention_log.id', description: 'FK' },
    { from: 'memory_chunks.document_id', to: 'memory_documents.id', description: 'FK' },
    { from: 'device_request_logs.device_id', to: 'devices.id', description: 'FK' },
    { from: 'business_calibration.action_id', to: 'prepared_actions.id', description: 'FK' },
  ],
});
