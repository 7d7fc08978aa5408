/*
 * Cross-Group Intelligence views: they join the tables of several dashboard groups and power
 * the Deep Intelligence / Atlas dashboards. Every join follows the seed's key joins:
 * calls by call_records.caller_number = contacts.phone, health by email, Stripe by
 * stripe_transactions.contact_id or the known_cards email trail, owners by HubSpot owner id.
 *
 * The seed also lists funnel_metrics, historical_baselines (marketing.ts), loss_analysis
 * (revenue.ts) and source_discrepancy_matrix (marketing.ts) here; their groups' files own them.
 */
import { materializedView, sql, system, view } from 'pgform';
import { groups } from './common.js';

const group = groups.crossGroup;

/** Columns of the truth genome, documented once for the view and the materialized view. */
const genomeColumns: Record<string, string> = {
  contact_id: 'contacts.id',
  owner_staff_id: 'staff.id of the HubSpot owner (staff.hubspot_owner_id = contacts.owner_id)',
  funnel_stage: 'client (health or AWS record), closed_won, engaged (calls or deals) or lead',
  calls_total: 'Calls whose caller_number equals contacts.phone',
  hubspot_cash_collected: 'Sum of deals.cash_collected',
  stripe_net_revenue: 'Stripe amount - refunds, by contact_id or by the known_cards email trail',
  aws_lifetime_revenue: 'aws_truth_cache.lifetime_revenue',
  revenue_gap_stripe_vs_hubspot: 'stripe_net_revenue - hubspot_cash_collected',
  truth_status: 'no_revenue, consistent, stripe_only, hubspot_only or amount_mismatch (HubSpot vs Stripe, 1.00 tolerance)',
};

/**
 * One row per contact: identity and owner (group 1), attribution (3), calls (4), deals and
 * Stripe (2), health and AWS truth (5), and whether HubSpot and Stripe agree on the money.
 */
const genomeQuery = sql`
SELECT c.id AS contact_id,
       c.hubspot_contact_id,
       c.email,
       c.phone,
       concat_ws(' ', c.first_name, c.last_name) AS full_name,
       c.owner_id,
       c.owner_name,
       own.id AS owner_staff_id,
       c.lifecycle_stage,
       c.lead_status,
       c.created_at AS contact_created_at,
       c.attributed_ad_id,
       c.attributed_adset_id,
       c.attributed_campaign_id,
       c.utm_source,
       c.utm_campaign,
       ad.ad_name,
       ad.campaign_name,
       coalesce(att.attribution_events, 0) AS attribution_events,
       att.first_attribution_at,
       coalesce(cl.calls_total, 0) AS calls_total,
       coalesce(cl.calls_connected, 0) AS calls_connected,
       coalesce(cl.talk_seconds, 0) AS talk_seconds,
       cl.avg_call_score,
       coalesce(cl.calls_with_appointment, 0) AS calls_with_appointment,
       cl.first_call_at,
       cl.last_call_at,
       coalesce(dl.deals_total, 0) AS deals_total,
       coalesce(dl.deals_open, 0) AS deals_open,
       coalesce(dl.deals_won, 0) AS deals_won,
       coalesce(dl.won_value, 0) AS won_value,
       coalesce(dl.hubspot_cash_collected, 0) AS hubspot_cash_collected,
       dl.latest_deal_stage,
       dl.first_won_at,
       coalesce(st.payments, 0) AS stripe_payments,
       coalesce(st.net_revenue, 0) AS stripe_net_revenue,
       st.last_payment_at,
       chs.health_score,
       chs.health_zone,
       chs.assigned_coach,
       chs.sessions_last_30d,
       atc.total_sessions_attended,
       atc.outstanding_sessions,
       atc.lifetime_revenue AS aws_lifetime_revenue,
       atc.membership_status,
       CASE
         WHEN chs.id IS NOT NULL OR atc.id IS NOT NULL THEN 'client'
         WHEN coalesce(dl.deals_won, 0) > 0 THEN 'closed_won'
         WHEN coalesce(cl.calls_total, 0) > 0 OR coalesce(dl.deals_total, 0) > 0 THEN 'engaged'
         ELSE 'lead'
       END AS funnel_stage,
       coalesce(st.net_revenue, 0) - coalesce(dl.hubspot_cash_collected, 0) AS revenue_gap_stripe_vs_hubspot,
       CASE
         WHEN coalesce(st.net_revenue, 0) = 0 AND coalesce(dl.hubspot_cash_collected, 0) = 0 THEN 'no_revenue'
         WHEN abs(coalesce(st.net_revenue, 0) - coalesce(dl.hubspot_cash_collected, 0)) <= 1 THEN 'consistent'
         WHEN coalesce(dl.hubspot_cash_collected, 0) = 0 THEN 'stripe_only'
         WHEN coalesce(st.net_revenue, 0) = 0 THEN 'hubspot_only'
         ELSE 'amount_mismatch'
       END AS truth_status
FROM public.contacts c
LEFT JOIN public.staff own ON own.hubspot_owner_id = c.owner_id
LEFT JOIN LATERAL (
  SELECT i.ad_name, i.campaign_name
  FROM public.facebook_ads_insights i
  WHERE i.ad_id = c.attributed_ad_id
  ORDER BY i.date DESC
  LIMIT 1
) ad ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS attribution_events, min(e.event_time) AS first_attribution_at
  FROM public.attribution_events e
  WHERE e.contact_id = c.id
) att ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS calls_total,
         count(*) FILTER (WHERE cr.call_status = 'completed' AND cr.duration_seconds > 0) AS calls_connected,
         sum(cr.duration_seconds) AS talk_seconds,
         round(avg(cr.call_score), 1) AS avg_call_score,
         count(*) FILTER (WHERE cr.appointment_set) AS calls_with_appointment,
         min(cr.started_at) AS first_call_at,
         max(cr.started_at) AS last_call_at
  FROM public.call_records cr
  WHERE cr.caller_number = c.phone
) cl ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS deals_total,
         count(*) FILTER (WHERE d.status = 'pending' AND d.stage NOT IN ('closedwon', 'closedlost')) AS deals_open,
         count(*) FILTER (WHERE d.stage = 'closedwon' OR d.status = 'closed') AS deals_won,
         sum(d.deal_value) FILTER (WHERE d.stage = 'closedwon' OR d.status = 'closed') AS won_value,
         sum(d.cash_collected) AS hubspot_cash_collected,
         (array_agg(d.stage ORDER BY d.created_at DESC))[1] AS latest_deal_stage,
         min(coalesce(d.closed_at, d.updated_at)) FILTER (WHERE d.stage = 'closedwon' OR d.status = 'closed') AS first_won_at
  FROM public.deals d
  WHERE d.contact_id = c.id
) dl ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS payments, sum(t.amount - t.amount_refunded) AS net_revenue, max(t.created_at) AS last_payment_at
  FROM public.stripe_transactions t
  WHERE t.status IN ('succeeded', 'partially_refunded', 'refunded')
    AND (t.contact_id = c.id
         OR t.customer_id IN (SELECT kc.customer_id FROM public.known_cards kc WHERE kc.email = c.email AND kc.customer_id IS NOT NULL))
) st ON true
LEFT JOIN public.client_health_scores chs ON chs.email = c.email
LEFT JOIN public.aws_truth_cache atc ON atc.email = c.email
`;

export const viewEnterpriseTruthGenome = view('view_enterprise_truth_genome', {
  group,
  description: 'Truth genome by contact_id (groups 1-5): contact, owner, attribution, calls, deals, Stripe, health and AWS truth in one row',
  note: 'Live version of `mv_enterprise_truth_genome`; use the materialized view for dashboards and this one when the numbers must be current.',
  securityInvoker: true,
  query: genomeQuery,
  columns: genomeColumns,
});

export const mvEnterpriseTruthGenome = materializedView('mv_enterprise_truth_genome', {
  group,
  description: 'Materialized: contact + deal + call + attribution truth (groups 1-5), refreshed by refresh_revenue_genome',
  note: 'Same query as `view_enterprise_truth_genome`. Refresh with `select public.refresh_revenue_genome()` (concurrently, thanks to the unique index on `contact_id`). A materialized view has no RLS: only authenticated and service_role may read it.',
  query: genomeQuery,
  columns: genomeColumns,
  indexes: {
    mv_enterprise_truth_genome_contact_key: { on: ['contact_id'], unique: true, description: 'Lets refresh_revenue_genome refresh concurrently' },
    idx_mv_enterprise_truth_genome_email: { on: ['email'] },
    idx_mv_enterprise_truth_genome_owner: { on: ['owner_id'] },
    idx_mv_enterprise_truth_genome_truth: { on: ['truth_status'] },
  },
  grants: [
    { to: 'authenticated', privileges: ['select'] },
    { to: 'service_role', privileges: ['select'] },
  ],
});

export const ultimateTruthDashboard = view('ultimate_truth_dashboard', {
  group,
  description: 'Ultimate truth metrics per month (groups 2, 3, 5): HubSpot vs Stripe revenue, ad spend and true ROAS, client health, reconciled truth events',
  note: 'Truth-event counts come from `ultimate_truth_events`, which only admins can read; other users see zeros there.',
  securityInvoker: true,
  query: sql`
WITH hubspot AS (
  SELECT date_trunc('month', coalesce(d.closed_at, d.updated_at))::date AS month,
         count(*) AS won_deals, sum(d.deal_value) AS won_value, sum(d.cash_collected) AS cash_collected
  FROM public.deals d
  WHERE d.stage = 'closedwon' OR d.status = 'closed'
  GROUP BY 1
), stripe AS (
  SELECT date_trunc('month', t.created_at)::date AS month,
         count(*) FILTER (WHERE t.status IN ('succeeded', 'partially_refunded')) AS payments,
         sum(t.amount - t.amount_refunded) FILTER (WHERE t.status IN ('succeeded', 'partially_refunded', 'refunded')) AS net_revenue,
         sum(t.amount_refunded) AS refunded
  FROM public.stripe_transactions t
  GROUP BY 1
), ads AS (
  SELECT date_trunc('month', i.date)::date AS month, sum(i.spend) AS spend, sum(i.leads) AS fb_leads
  FROM public.facebook_ads_insights i
  GROUP BY 1
), contacts_m AS (
  SELECT date_trunc('month', c.created_at)::date AS month, count(*) AS new_contacts
  FROM public.contacts c
  GROUP BY 1
), health AS (
  SELECT date_trunc('month', h.snapshot_date)::date AS month,
         count(DISTINCT h.email) AS scored_clients,
         round(avg(h.health_score), 2) AS avg_health_score,
         count(DISTINCT h.email) FILTER (WHERE h.health_zone = 'red') AS red_clients,
         count(DISTINCT h.email) FILTER (WHERE h.lifecycle_stage = 'churned') AS churned_clients
  FROM public.client_lifecycle_history h
  GROUP BY 1
), truth AS (
  SELECT date_trunc('month', e.event_time)::date AS month,
         count(*) AS truth_events,
         count(*) FILTER (WHERE e.reconciliation_status = 'matched') AS matched_events,
         count(*) FILTER (WHERE e.reconciliation_status = 'mismatch') AS mismatched_events,
         count(*) FILTER (WHERE e.reconciliation_status = 'orphan') AS orphan_events
  FROM public.ultimate_truth_events e
  GROUP BY 1
), months AS (
  SELECT month FROM hubspot UNION SELECT month FROM stripe UNION SELECT month FROM ads
  UNION SELECT month FROM contacts_m UNION SELECT month FROM health UNION SELECT month FROM truth
)
SELECT m.month,
       coalesce(cm.new_contacts, 0) AS new_contacts,
       coalesce(a.fb_leads, 0) AS fb_leads,
       coalesce(a.spend, 0) AS ad_spend,
       round(a.spend / nullif(cm.new_contacts, 0), 2) AS cost_per_lead,
       coalesce(h.won_deals, 0) AS hubspot_won_deals,
       coalesce(h.won_value, 0) AS hubspot_won_value,
       coalesce(h.cash_collected, 0) AS hubspot_cash_collected,
       coalesce(s.payments, 0) AS stripe_payments,
       coalesce(s.net_revenue, 0) AS stripe_net_revenue,
       coalesce(s.refunded, 0) AS stripe_refunded,
       coalesce(s.net_revenue, 0) - coalesce(h.cash_collected, 0) AS stripe_vs_hubspot_gap,
       round(s.net_revenue / nullif(a.spend, 0), 3) AS true_roas,
       round(h.won_value / nullif(a.spend, 0), 3) AS hubspot_roas,
       round(a.spend / nullif(h.won_deals, 0), 2) AS cost_per_acquisition,
       coalesce(hl.scored_clients, 0) AS scored_clients,
       hl.avg_health_score,
       coalesce(hl.red_clients, 0) AS red_clients,
       coalesce(hl.churned_clients, 0) AS churned_clients,
       coalesce(tr.truth_events, 0) AS truth_events,
       coalesce(tr.matched_events, 0) AS matched_truth_events,
       coalesce(tr.mismatched_events, 0) AS mismatched_truth_events,
       coalesce(tr.orphan_events, 0) AS orphan_truth_events,
       round(100.0 * tr.matched_events / nullif(tr.truth_events, 0), 2) AS truth_match_rate_pct
FROM months m
LEFT JOIN hubspot h ON h.month = m.month
LEFT JOIN stripe s ON s.month = m.month
LEFT JOIN ads a ON a.month = m.month
LEFT JOIN contacts_m cm ON cm.month = m.month
LEFT JOIN health hl ON hl.month = m.month
LEFT JOIN truth tr ON tr.month = m.month
`,
  columns: {
    month: 'First day of the month',
    true_roas: 'Stripe net revenue / ad spend',
    hubspot_roas: 'HubSpot won value / ad spend',
    stripe_vs_hubspot_gap: 'Stripe net revenue - HubSpot cash collected',
    truth_match_rate_pct: 'Share of truth events matched across sources',
  },
});

export const viewTruthTriangle = view('view_truth_triangle', {
  group,
  description: 'HubSpot vs Stripe vs PostHog: per contact, the money each source reports and whether they agree',
  note: 'PostHog purchases are `analytics_events` named purchase / payment_completed / checkout_completed, valued by the numeric `revenue` or `value` property. Amounts agree within 1.00. Only contacts with a signal in at least one source appear.',
  securityInvoker: true,
  query: sql`
WITH triangle AS (
  SELECT c.id AS contact_id,
         c.email,
         c.owner_id,
         coalesce(h.won_deals, 0) AS hubspot_won_deals,
         coalesce(h.cash_collected, 0) AS hubspot_cash_collected,
         coalesce(s.payments, 0) AS stripe_payments,
         coalesce(s.net_revenue, 0) AS stripe_net_revenue,
         coalesce(p.purchases, 0) AS posthog_purchases,
         coalesce(p.purchase_value, 0) AS posthog_purchase_value
  FROM public.contacts c
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE d.stage = 'closedwon' OR d.status = 'closed') AS won_deals, sum(d.cash_collected) AS cash_collected
    FROM public.deals d
    WHERE d.contact_id = c.id
  ) h ON true
  LEFT JOIN LATERAL (
    SELECT count(*) AS payments, sum(t.amount - t.amount_refunded) AS net_revenue
    FROM public.stripe_transactions t
    WHERE t.status IN ('succeeded', 'partially_refunded', 'refunded')
      AND (t.contact_id = c.id
           OR t.customer_id IN (SELECT kc.customer_id FROM public.known_cards kc WHERE kc.email = c.email AND kc.customer_id IS NOT NULL))
  ) s ON true
  LEFT JOIN LATERAL (
    SELECT count(*) AS purchases,
           sum(CASE WHEN coalesce(ae.properties ->> 'revenue', ae.properties ->> 'value') ~ '^-?[0-9]+([.][0-9]+)?$'
                    THEN coalesce(ae.properties ->> 'revenue', ae.properties ->> 'value')::numeric END) AS purchase_value
    FROM public.analytics_events ae
    WHERE ae.contact_id = c.id AND lower(ae.event_name) IN ('purchase', 'payment_completed', 'checkout_completed')
  ) p ON true
)
SELECT t.*,
       (t.hubspot_won_deals > 0 OR t.hubspot_cash_collected > 0)::integer
         + (t.stripe_payments > 0)::integer
         + (t.posthog_purchases > 0)::integer AS sources_reporting,
       abs(t.hubspot_cash_collected - t.stripe_net_revenue) <= 1 AS hubspot_matches_stripe,
       abs(t.posthog_purchase_value - t.stripe_net_revenue) <= 1 AS posthog_matches_stripe,
       abs(t.hubspot_cash_collected - t.posthog_purchase_value) <= 1 AS hubspot_matches_posthog,
       CASE
         WHEN abs(t.hubspot_cash_collected - t.stripe_net_revenue) <= 1 AND abs(t.posthog_purchase_value - t.stripe_net_revenue) <= 1 THEN 'all_agree'
         WHEN t.stripe_payments = 0 THEN 'missing_in_stripe'
         WHEN t.hubspot_won_deals = 0 AND t.hubspot_cash_collected = 0 THEN 'missing_in_hubspot'
         WHEN t.posthog_purchases = 0 THEN 'missing_in_posthog'
         ELSE 'amount_mismatch'
       END AS triangle_status,
       t.stripe_net_revenue AS truth_revenue
FROM triangle t
WHERE t.hubspot_won_deals > 0 OR t.hubspot_cash_collected > 0 OR t.stripe_payments > 0 OR t.posthog_purchases > 0
`,
  columns: {
    sources_reporting: 'How many of HubSpot, Stripe and PostHog report a sale (0-3)',
    triangle_status: 'all_agree, missing_in_stripe, missing_in_hubspot, missing_in_posthog or amount_mismatch',
    truth_revenue: 'Stripe net revenue: the money actually received',
  },
});

export const setterFunnelMatrix = view('setter_funnel_matrix', {
  group,
  description: 'Setter funnel by hubspot_owner_id (groups 1, 2, 4), per month: contacts owned, calls, appointments, shows, closes and cash',
  note: 'Owners are HubSpot owner ids: contacts.owner_id, call_records.hubspot_owner_id and deals.owner_id; appointments count for the owner whose staff row set them (appointments.setter_id = staff.id).',
  securityInvoker: true,
  query: sql`
WITH contacts_m AS (
  SELECT c.owner_id AS hubspot_owner_id, date_trunc('month', c.created_at)::date AS month, count(*) AS contacts_owned
  FROM public.contacts c
  WHERE c.owner_id IS NOT NULL
  GROUP BY 1, 2
), calls_m AS (
  SELECT cr.hubspot_owner_id, date_trunc('month', cr.started_at)::date AS month,
         count(*) AS calls,
         count(*) FILTER (WHERE cr.call_status = 'completed' AND cr.duration_seconds > 0) AS connected_calls,
         sum(cr.duration_seconds) AS talk_seconds,
         count(*) FILTER (WHERE cr.appointment_set) AS calls_with_appointment,
         count(DISTINCT cr.caller_number) AS unique_numbers
  FROM public.call_records cr
  WHERE cr.hubspot_owner_id IS NOT NULL
  GROUP BY 1, 2
), appointments_m AS (
  SELECT s.hubspot_owner_id, date_trunc('month', a.scheduled_at)::date AS month,
         count(*) AS appointments_set,
         count(*) FILTER (WHERE a.status = 'held') AS appointments_held,
         count(*) FILTER (WHERE a.status = 'no_show') AS no_shows
  FROM public.appointments a
  JOIN public.staff s ON s.id = a.setter_id
  WHERE s.hubspot_owner_id IS NOT NULL
  GROUP BY 1, 2
), deals_m AS (
  SELECT d.owner_id AS hubspot_owner_id, date_trunc('month', coalesce(d.closed_at, d.updated_at))::date AS month,
         count(*) AS deals_won, sum(d.deal_value) AS won_value, sum(d.cash_collected) AS cash_collected
  FROM public.deals d
  WHERE d.owner_id IS NOT NULL AND (d.stage = 'closedwon' OR d.status = 'closed')
  GROUP BY 1, 2
), keys AS (
  SELECT hubspot_owner_id, month FROM contacts_m
  UNION SELECT hubspot_owner_id, month FROM calls_m
  UNION SELECT hubspot_owner_id, month FROM appointments_m
  UNION SELECT hubspot_owner_id, month FROM deals_m
)
SELECT k.hubspot_owner_id,
       s.id AS staff_id,
       s.full_name AS setter_name,
       s.role AS staff_role,
       k.month,
       coalesce(cm.contacts_owned, 0) AS contacts_owned,
       coalesce(cl.calls, 0) AS calls,
       coalesce(cl.connected_calls, 0) AS connected_calls,
       coalesce(cl.talk_seconds, 0) AS talk_seconds,
       coalesce(cl.unique_numbers, 0) AS unique_numbers_called,
       coalesce(cl.calls_with_appointment, 0) AS calls_with_appointment,
       coalesce(ap.appointments_set, 0) AS appointments_set,
       coalesce(ap.appointments_held, 0) AS appointments_held,
       coalesce(ap.no_shows, 0) AS no_shows,
       coalesce(dm.deals_won, 0) AS deals_won,
       coalesce(dm.won_value, 0) AS won_value,
       coalesce(dm.cash_collected, 0) AS cash_collected,
       round(100.0 * cl.connected_calls / nullif(cl.calls, 0), 2) AS connect_rate_pct,
       round(100.0 * ap.appointments_set / nullif(cl.connected_calls, 0), 2) AS booking_rate_pct,
       round(100.0 * ap.appointments_held / nullif(ap.appointments_held + ap.no_shows, 0), 2) AS show_rate_pct,
       round(100.0 * dm.deals_won / nullif(ap.appointments_held, 0), 2) AS close_rate_pct
FROM keys k
LEFT JOIN public.staff s ON s.hubspot_owner_id = k.hubspot_owner_id
LEFT JOIN contacts_m cm ON cm.hubspot_owner_id = k.hubspot_owner_id AND cm.month = k.month
LEFT JOIN calls_m cl ON cl.hubspot_owner_id = k.hubspot_owner_id AND cl.month = k.month
LEFT JOIN appointments_m ap ON ap.hubspot_owner_id = k.hubspot_owner_id AND ap.month = k.month
LEFT JOIN deals_m dm ON dm.hubspot_owner_id = k.hubspot_owner_id AND dm.month = k.month
`,
  columns: {
    hubspot_owner_id: 'HubSpot owner id (= staff.hubspot_owner_id)',
    month: 'First day of the month of the activity',
    booking_rate_pct: 'appointments_set / connected_calls',
    show_rate_pct: 'appointments_held / (held + no-shows)',
    close_rate_pct: 'deals_won / appointments_held',
  },
});

export const vFollowupQueue = view('v_followup_queue', {
  group,
  description: 'Follow-up queue (groups 1, 4): contacts to call back (follow-up / no-show / rescheduled leads, missed or unanswered calls), most urgent first',
  note: 'Contacts with a won deal are left out. `priority`: **urgent** when the next action is overdue or a no-show happened in the last 48 h, **high** for missed calls in the last 24 h, otherwise **normal**.',
  securityInvoker: true,
  query: sql`
SELECT c.id AS contact_id,
       concat_ws(' ', c.first_name, c.last_name) AS full_name,
       c.phone,
       c.email,
       c.owner_id,
       c.owner_name,
       ld.lead_id,
       ld.status AS lead_status,
       ld.setter_id,
       st.next_action,
       st.next_action_due_at,
       coalesce(cl.calls, 0) AS call_attempts,
       cl.last_call_at,
       cl.last_call_status,
       cl.last_call_outcome,
       CASE
         WHEN ld.status = 'no_show' THEN 'no_show'
         WHEN ld.status = 'rescheduled' THEN 'rescheduled'
         WHEN ld.status = 'follow_up' THEN 'follow_up'
         WHEN cl.last_call_outcome = 'callback' THEN 'callback_requested'
         ELSE 'missed_call'
       END AS reason,
       CASE
         WHEN st.next_action_due_at < now() THEN 'urgent'
         WHEN ld.status = 'no_show' AND ld.updated_at > now() - interval '48 hours' THEN 'urgent'
         WHEN cl.last_call_status IN ('no_answer', 'busy', 'voicemail', 'failed', 'canceled') AND cl.last_call_at > now() - interval '24 hours' THEN 'high'
         ELSE 'normal'
       END AS priority,
       round((extract(epoch FROM now() - GREATEST(cl.last_call_at, ld.last_contact_at, c.last_contacted_at)) / 3600)::numeric, 1) AS hours_since_last_touch
FROM public.contacts c
LEFT JOIN LATERAL (
  SELECT l.id AS lead_id, l.status, l.setter_id, l.last_contact_at, l.updated_at
  FROM public.leads l
  WHERE l.contact_id = c.id
  ORDER BY l.updated_at DESC
  LIMIT 1
) ld ON true
LEFT JOIN LATERAL (
  SELECT s.next_action, s.next_action_due_at
  FROM public.lead_states s
  WHERE s.lead_id = ld.lead_id
  ORDER BY s.entered_at DESC
  LIMIT 1
) st ON true
LEFT JOIN LATERAL (
  SELECT count(*) AS calls,
         max(cr.started_at) AS last_call_at,
         (array_agg(cr.call_status ORDER BY cr.started_at DESC))[1] AS last_call_status,
         (array_agg(cr.call_outcome ORDER BY cr.started_at DESC))[1] AS last_call_outcome
  FROM public.call_records cr
  WHERE cr.caller_number = c.phone
) cl ON true
WHERE NOT EXISTS (
        SELECT 1 FROM public.deals d
        WHERE d.contact_id = c.id AND (d.stage = 'closedwon' OR d.status = 'closed')
      )
  AND (ld.status IN ('follow_up', 'no_show', 'rescheduled')
       OR cl.last_call_status IN ('no_answer', 'busy', 'voicemail', 'failed', 'canceled')
       OR cl.last_call_outcome = 'callback')
`,
  columns: {
    reason: 'no_show, rescheduled, follow_up, callback_requested or missed_call',
    priority: 'urgent, high or normal',
    call_attempts: 'Calls from the contact\'s phone (call_records.caller_number = contacts.phone)',
  },
});

/** Joins of groups 5-7 and the cross-group views, added to the system's join list. */
export const partTwoJoins = system({
  joins: [
    // Staff (group 7) is referenced by the sales groups.
    { from: 'deals.closer_id', to: 'staff.id', description: 'FK; the closer of the deal' },
    { from: 'deals.owner_id', to: 'staff.hubspot_owner_id', description: 'No FK; HubSpot owner id (string)' },
    { from: 'leads.setter_id', to: 'staff.id', description: 'FK; the setter of the lead' },
    { from: 'leads.closer_id', to: 'staff.id', description: 'FK; the closer of the lead' },
    { from: 'contacts.owner_id', to: 'staff.hubspot_owner_id', description: 'No FK; HubSpot owner id (string)' },
    { from: 'call_records.hubspot_owner_id', to: 'staff.hubspot_owner_id', description: 'No FK; HubSpot owner id (string)' },
    // Group 5: Health/Coaching
    { from: 'client_health_scores.email', to: 'contacts.email', description: 'No FK; match by email' },
    { from: 'client_health_scores.hubspot_contact_id', to: 'contacts.hubspot_contact_id', description: 'No FK; HubSpot sync key' },
    { from: 'aws_truth_cache.email', to: 'contacts.email', description: 'No FK; match by email' },
    { from: 'client_lifecycle_history.email', to: 'client_health_scores.email', description: 'No FK; health history of a client' },
    { from: 'client_health_scores.assigned_coach', to: 'staff.full_name', description: 'No FK; coach by name (case-insensitive)' },
    { from: 'proactive_insights.contact_id', to: 'contacts.id', description: 'FK' },
    { from: 'intervention_log.insight_id', to: 'proactive_insights.id', description: 'FK; insight that prompted the intervention' },
    { from: 'intervention_outcomes.intervention_id', to: 'intervention_log.id', description: 'FK' },
    // Group 6: AI/Agent
    { from: 'conversation_intelligence.phone', to: 'contacts.phone', description: 'No FK; Lisa/WhatsApp intel by phone' },
    { from: 'whatsapp_interactions.phone', to: 'contacts.phone', description: 'No FK; match by phone' },
    { from: 'ai_feedback_learning.insight_id', to: 'proactive_insights.id', description: 'FK' },
    { from: 'ai_feedback_learning.intervention_id', to: 'intervention_log.id', description: 'FK' },
    { from: 'memory_chunks.document_id', to: 'memory_documents.id', description: 'FK' },
    { from: 'prepared_actions.contact_id', to: 'contacts.id', description: 'FK' },
    // Group 7: System/Config
    { from: 'business_calibration.action_id', to: 'prepared_actions.id', description: 'FK' },
    { from: 'device_request_logs.device_id', to: 'devices.id', description: 'FK' },
    { from: 'ultimate_truth_events.contact_id', to: 'contacts.id', description: 'FK' },
    // Cross-group views
    { from: 'view_enterprise_truth_genome.contact_id', to: 'contacts.id', description: 'One row per contact' },
    { from: 'mv_enterprise_truth_genome.contact_id', to: 'contacts.id', description: 'One row per contact (materialized)' },
    { from: 'setter_funnel_matrix.hubspot_owner_id', to: 'staff.hubspot_owner_id', description: 'Owner of the funnel row' },
    { from: 'v_followup_queue.contact_id', to: 'contacts.id', description: 'Contact to follow up' },
    { from: 'view_truth_triangle.contact_id', to: 'contacts.id', description: 'Contact whose money is compared' },
  ],
});
