/*
 * Group 5: HEALTH/COACHING data (Health dashboard). Client health scores and their history,
 * the AWS back-office truth cache (sessions, coach, lifetime revenue), coach and trainer
 * performance, churn patterns, interventions and their outcomes, proactive insights.
 *
 * Joins to Group 1 (no FK where the seed matches by value):
 * client_health_scores.email = contacts.email, aws_truth_cache.email = contacts.email,
 * client_health_scores.hubspot_contact_id = contacts.hubspot_contact_id,
 * proactive_insights.contact_id -> contacts.id (FK).
 *
 * RLS: the dashboard pattern (dashboardPolicies): signed-in users read, admins correct,
 * the health calculators and sync jobs write as service_role.
 */
import { boolean, date, integer, jsonb, materializedView, numeric, rpc, smallint, sql, table, text, timestamptz, uuid, view } from 'pgform';
import { dashboardPolicies, groups, updatedAtTrigger } from './common.js';

const group = groups.health;

/** Health zones, best first: purple (thriving) > green (healthy) > yellow (watch) > red (at risk). */
export const healthZones = ['purple', 'green', 'yellow', 'red'] as const;
const priorities = ['critical', 'high', 'medium', 'low'] as const;

export const clientHealthScores = table('client_health_scores', {
  group,
  description: 'Current health score of each client (one row per email), recomputed by the health calculator',
  note: 'Zones: **purple** 85-100 (thriving), **green** 70-84, **yellow** 50-69, **red** below 50 (at risk). Joins contacts by `email` and by `hubspot_contact_id`.',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique().describe('Client email; = contacts.email'),
    hubspot_contact_id: text().index().describe('= contacts.hubspot_contact_id'),
    firstname: text(),
    lastname: text(),
    health_score: numeric(5, 2).notNull().default(0).check(sql`health_score BETWEEN 0 AND 100`).describe('Health score 0-100'),
    health_zone: text().notNull().default('yellow').oneOf(healthZones).index().describe('purple, green, yellow or red'),
    health_trend: text().notNull().default('stable').oneOf(['improving', 'stable', 'declining']).describe('Direction versus the previous calculation'),
    engagement_score: numeric(5, 2).check(sql`engagement_score BETWEEN 0 AND 100`).describe('Attendance and responsiveness component'),
    churn_risk_score: numeric(5, 2).check(sql`churn_risk_score BETWEEN 0 AND 100`).describe('Estimated churn risk 0-100'),
    assigned_coach: text().index().describe('Coach name (staff.full_name)'),
    package_type: text().describe('Current package'),
    package_value: numeric(12, 2).describe('Value of the current package'),
    sessions_last_7d: integer().notNull().default(0).check(sql`sessions_last_7d >= 0`).describe('Sessions attended in the last 7 days'),
    sessions_last_30d: integer().notNull().default(0).check(sql`sessions_last_30d >= 0`).describe('Sessions attended in the last 30 days'),
    sessions_last_90d: integer().notNull().default(0).check(sql`sessions_last_90d >= 0`).describe('Sessions attended in the last 90 days'),
    outstanding_sessions: integer().notNull().default(0).describe('Paid sessions not yet used'),
    last_session_date: date(),
    days_since_last_session: integer(),
    intervention_priority: text().notNull().default('none').oneOf([...priorities, 'none']).describe('Urgency of an intervention'),
    calculation_version: text().describe('Version of the scoring formula'),
    calculated_at: timestamptz().notNull().defaultNow().describe('When the score was computed'),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  checks: { client_health_scores_session_windows: sql`sessions_last_7d <= sessions_last_30d AND sessions_last_30d <= sessions_last_90d` },
  indexes: { idx_client_health_scores_email_lower: { on: ['lower(email)'] } },
  triggers: updatedAtTrigger('client_health_scores'),
  rls: true,
  policies: dashboardPolicies('client health scores'),
});

export const awsTruthCache = table('aws_truth_cache', {
  group,
  description: 'Cache of the AWS back office (bookings and packages): the truth for sessions, coach and lifetime revenue',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique().describe('Client email; = contacts.email'),
    full_name: text(),
    phone: text(),
    source_record_id: text().describe('Client id in the AWS back office'),
    coach_name: text().index().describe('Coach of record in the back office'),
    package_name: text(),
    membership_status: text().notNull().default('unknown').oneOf(['active', 'paused', 'expired', 'cancelled', 'unknown']),
    total_sessions_purchased: integer().notNull().default(0).check(sql`total_sessions_purchased >= 0`),
    total_sessions_attended: integer().notNull().default(0).check(sql`total_sessions_attended >= 0`).describe('Sessions attended over the whole relationship'),
    outstanding_sessions: integer().notNull().default(0).describe('Paid sessions not yet used'),
    lifetime_revenue: numeric(12, 2).notNull().default(0).describe('Everything the client paid'),
    first_session_date: date(),
    last_session_date: date(),
    raw: jsonb().notNull().default({}).describe('Back-office record as fetched'),
    synced_at: timestamptz().notNull().defaultNow().describe('When the cache row was refreshed'),
  },
  indexes: { idx_aws_truth_cache_email_lower: { on: ['lower(email)'] } },
  rls: true,
  policies: dashboardPolicies('AWS truth cache'),
});

export const coachPerformance = table('coach_performance', {
  group,
  description: 'Coach metrics per period: client load, zone mix, retention, sessions and revenue',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    coach_name: text().notNull().describe('= client_health_scores.assigned_coach'),
    staff_id: uuid().references('staff', 'id', { onDelete: 'set null' }).index(),
    period_start: date().notNull(),
    period_end: date().notNull(),
    total_clients: integer().notNull().default(0),
    active_clients: integer().notNull().default(0),
    clients_purple: integer().notNull().default(0),
    clients_green: integer().notNull().default(0),
    clients_yellow: integer().notNull().default(0),
    clients_red: integer().notNull().default(0),
    avg_health_score: numeric(5, 2),
    sessions_delivered: integer().notNull().default(0),
    retention_rate: numeric(5, 4).check(sql`retention_rate BETWEEN 0 AND 1`).describe('Share of clients kept over the period'),
    churned_clients: integer().notNull().default(0),
    revenue_generated: numeric(12, 2).notNull().default(0),
    performance_score: numeric(5, 2).check(sql`performance_score BETWEEN 0 AND 100`),
    calculated_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['coach_name', 'period_start', 'period_end']],
  checks: { coach_performance_period_order: sql`period_end >= period_start` },
  rls: true,
  policies: dashboardPolicies('coach performance'),
});

export const coachReviews = table('coach_reviews', {
  group,
  description: 'Client reviews of coaches (surveys, Google, WhatsApp feedback)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    coach_name: text().notNull().index(),
    staff_id: uuid().references('staff', 'id', { onDelete: 'set null' }).index(),
    client_email: text().index().describe('= contacts.email'),
    hubspot_contact_id: text(),
    rating: smallint().notNull().check(sql`rating BETWEEN 1 AND 5`),
    review_text: text(),
    review_source: text().notNull().default('internal_survey').oneOf(['internal_survey', 'google', 'trustpilot', 'whatsapp', 'other']),
    sentiment: text().oneOf(['positive', 'neutral', 'negative']),
    reviewed_at: timestamptz().notNull().defaultNow(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('coach reviews'),
});

export const trainerPerformance = table('trainer_performance', {
  group,
  description: 'Trainer metrics per day from the back office: sessions scheduled, delivered, cancelled, utilization',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    trainer_name: text().notNull(),
    staff_id: uuid().references('staff', 'id', { onDelete: 'set null' }).index(),
    metric_date: date().notNull(),
    sessions_scheduled: integer().notNull().default(0),
    sessions_completed: integer().notNull().default(0),
    sessions_cancelled: integer().notNull().default(0),
    no_shows: integer().notNull().default(0),
    unique_clients: integer().notNull().default(0),
    avg_session_rating: numeric(3, 2).check(sql`avg_session_rating BETWEEN 1 AND 5`),
    utilization_rate: numeric(5, 4).check(sql`utilization_rate BETWEEN 0 AND 1`).describe('Booked hours / available hours'),
    revenue_delivered: numeric(12, 2).notNull().default(0).describe('Value of the sessions delivered'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['trainer_name', 'metric_date']],
  checks: { trainer_performance_completed_le_scheduled: sql`sessions_completed <= sessions_scheduled` },
  rls: true,
  policies: dashboardPolicies('trainer performance'),
});

export const dailySummary = table('daily_summary', {
  group,
  description: 'Daily health summary: zone counts, movements and interventions of the day',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    summary_date: date().notNull().unique(),
    total_clients: integer().notNull().default(0),
    avg_health_score: numeric(5, 2),
    clients_purple: integer().notNull().default(0),
    clients_green: integer().notNull().default(0),
    clients_yellow: integer().notNull().default(0),
    clients_red: integer().notNull().default(0),
    clients_improved: integer().notNull().default(0).describe('Moved to a better zone since yesterday'),
    clients_declined: integer().notNull().default(0).describe('Moved to a worse zone since yesterday'),
    interventions_created: integer().notNull().default(0),
    interventions_completed: integer().notNull().default(0),
    sessions_total: integer().notNull().default(0),
    summary_text: text().describe('Narrative written by the health agent'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('daily summary'),
});

export const dailyBusinessMetrics = table('daily_business_metrics', {
  group,
  description: 'Business metrics per day: leads, calls, bookings, deals, revenue, spend and client base',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    metric_date: date().notNull().unique(),
    new_leads: integer().notNull().default(0),
    calls_made: integer().notNull().default(0),
    appointments_booked: integer().notNull().default(0),
    appointments_held: integer().notNull().default(0),
    deals_closed: integer().notNull().default(0),
    revenue: numeric(14, 2).notNull().default(0).describe('Closed-won deal value'),
    cash_collected: numeric(14, 2).notNull().default(0).describe('Successful Stripe payments'),
    ad_spend: numeric(14, 2).notNull().default(0),
    cost_per_lead: numeric(12, 2),
    roas: numeric(8, 3).describe('cash_collected / ad_spend'),
    active_clients: integer().notNull().default(0),
    churned_clients: integer().notNull().default(0),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('daily_business_metrics'),
  rls: true,
  policies: dashboardPolicies('daily business metrics'),
});

export const clientLifecycleHistory = table('client_lifecycle_history', {
  group,
  description: 'Health history: one snapshot per client per day (score, zone, lifecycle stage)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().describe('= contacts.email'),
    hubspot_contact_id: text(),
    snapshot_date: date().notNull().default(sql`CURRENT_DATE`),
    health_score: numeric(5, 2).check(sql`health_score BETWEEN 0 AND 100`),
    health_zone: text().oneOf(healthZones),
    previous_zone: text().oneOf(healthZones),
    lifecycle_stage: text().describe('onboarding, active, at_risk, renewal, churned...'),
    assigned_coach: text(),
    sessions_last_30d: integer(),
    change_reason: text().describe('Why the zone changed'),
    recorded_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['email', 'snapshot_date']],
  indexes: { idx_client_lifecycle_history_date: { on: ['snapshot_date DESC'] } },
  rls: true,
  policies: dashboardPolicies('client lifecycle history'),
});

export const churnPatterns = table('churn_patterns', {
  group,
  description: 'Churn analysis: recurring signal combinations that precede churn',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    pattern_name: text().notNull().unique(),
    description: text(),
    signals: jsonb().notNull().default({}).describe('Signal conditions, e.g. {"sessions_last_30d": "<2", "zone_drop": true}'),
    affected_clients: integer().notNull().default(0),
    churn_rate: numeric(5, 4).check(sql`churn_rate BETWEEN 0 AND 1`).describe('Share of matching clients that churned'),
    avg_days_to_churn: numeric(6, 1),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    sample_emails: text().array().notNull().default([]),
    is_active: boolean().notNull().default(true),
    first_detected_at: timestamptz().notNull().defaultNow(),
    last_detected_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('churn patterns'),
});

export const proactiveInsights = table('proactive_insights', {
  group,
  description: 'Insights raised by the agents about a contact (churn risk, upsell, payment issue) with a recommended action',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'cascade' }).index().describe('Links to contacts'),
    email: text().describe('Client email at the time of the insight'),
    insight_type: text().notNull().describe('churn_risk, upsell, payment_failed, no_show_pattern, reengagement...'),
    title: text().notNull(),
    description: text(),
    priority: text().notNull().default('medium').oneOf(priorities),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    recommended_action: text(),
    action_payload: jsonb().notNull().default({}),
    source_agent: text().describe('Agent that raised it'),
    status: text().notNull().default('new').oneOf(['new', 'acknowledged', 'actioned', 'dismissed', 'expired']),
    actioned_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    actioned_at: timestamptz(),
    expires_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_proactive_insights_open: { on: ['priority', 'created_at DESC'], where: sql`status IN ('new', 'acknowledged')` } },
  triggers: updatedAtTrigger('proactive_insights'),
  rls: true,
  policies: dashboardPolicies('proactive insights'),
});

export const interventionLog = table('intervention_log', {
  group,
  description: 'Intervention tracking: actions taken to save or grow a client, from trigger to completion',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().index().describe('Client email; = contacts.email'),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    hubspot_contact_id: text(),
    insight_id: uuid().references('proactive_insights', 'id', { onDelete: 'set null' }).index().describe('Insight that prompted it'),
    intervention_type: text().notNull().oneOf(['call', 'whatsapp', 'email', 'coach_change', 'session_offer', 'manager_escalation', 'discount', 'other']),
    trigger_reason: text().describe('Why it was started (zone drop, missed sessions...)'),
    health_zone_at_trigger: text().oneOf(healthZones),
    health_score_at_trigger: numeric(5, 2),
    assigned_to: text().describe('Coach or staff name'),
    assigned_staff_id: uuid().references('staff', 'id', { onDelete: 'set null' }).index(),
    priority: text().notNull().default('medium').oneOf(priorities),
    status: text().notNull().default('pending').oneOf(['pending', 'in_progress', 'completed', 'cancelled', 'failed']),
    ai_generated: boolean().notNull().default(false),
    message_draft: text().describe('Suggested message for the client'),
    notes: text(),
    due_at: timestamptz(),
    completed_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_intervention_log_open: { on: ['priority', 'due_at'], where: sql`status IN ('pending', 'in_progress')` } },
  triggers: updatedAtTrigger('intervention_log'),
  rls: true,
  policies: dashboardPolicies('interventions'),
});

export const interventionOutcomes = table('intervention_outcomes', {
  group,
  description: 'Measured outcome of an intervention: score before and after, retention, revenue impact',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    intervention_id: uuid().notNull().references('intervention_log', 'id', { onDelete: 'cascade' }).index().describe('Links to intervention_log'),
    outcome: text().notNull().default('pending').oneOf(['pending', 'retained', 'renewed', 'upgraded', 'no_response', 'churned']),
    health_score_before: numeric(5, 2),
    health_score_after: numeric(5, 2),
    score_delta: numeric(6, 2).generated(sql`health_score_after - health_score_before`).describe('After minus before'),
    sessions_booked_after: integer().notNull().default(0),
    revenue_impact: numeric(12, 2).notNull().default(0),
    days_after_intervention: integer().describe('When the outcome was measured, in days after the intervention'),
    notes: text(),
    measured_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('intervention outcomes'),
});

export const memberAnalytics = table('member_analytics', {
  group,
  description: 'Member analytics per month: attendance, cancellations, spend and engagement of each client',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().describe('= contacts.email'),
    hubspot_contact_id: text(),
    period_month: date().notNull().check(sql`period_month = date_trunc('month', period_month)::date`).describe('First day of the month'),
    sessions_booked: integer().notNull().default(0),
    sessions_attended: integer().notNull().default(0),
    cancellations: integer().notNull().default(0),
    no_shows: integer().notNull().default(0),
    attendance_rate: numeric(5, 4).check(sql`attendance_rate BETWEEN 0 AND 1`),
    avg_days_between_sessions: numeric(6, 2),
    spend: numeric(12, 2).notNull().default(0),
    engagement_score: numeric(5, 2).check(sql`engagement_score BETWEEN 0 AND 100`),
    tenure_days: integer(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['email', 'period_month']],
  rls: true,
  policies: dashboardPolicies('member analytics'),
});

// ---------------------------------------------------------------------------------------------
// Views

/** Zone order for comparisons: purple 4 (best) ... red 1. */
const zoneRank = (column: string) => `CASE ${column} WHEN 'purple' THEN 4 WHEN 'green' THEN 3 WHEN 'yellow' THEN 2 WHEN 'red' THEN 1 END`;

export const weeklyHealthSummary = view('weekly_health_summary', {
  group,
  description: 'Weekly health summary: zone mix, average score, zone moves and interventions per ISO week',
  note: 'Each client counts once per week, with the last snapshot of that week in client_lifecycle_history. A move compares that zone with the client\'s zone in the previous week they had a snapshot.',
  securityInvoker: true,
  query: sql`
WITH weekly AS (
  SELECT DISTINCT ON (h.email, date_trunc('week', h.snapshot_date))
         date_trunc('week', h.snapshot_date)::date AS week_start,
         h.email,
         h.health_score,
         h.health_zone,
         h.sessions_last_30d,
         ${zoneRank('h.health_zone')} AS zone_rank
  FROM public.client_lifecycle_history h
  ORDER BY h.email, date_trunc('week', h.snapshot_date), h.snapshot_date DESC
), moves AS (
  SELECT w.*, lag(w.zone_rank) OVER (PARTITION BY w.email ORDER BY w.week_start) AS previous_rank
  FROM weekly w
), summary AS (
  SELECT m.week_start,
         count(*) AS total_clients,
         round(avg(m.health_score), 2) AS avg_health_score,
         count(*) FILTER (WHERE m.health_zone = 'purple') AS purple_clients,
         count(*) FILTER (WHERE m.health_zone = 'green') AS green_clients,
         count(*) FILTER (WHERE m.health_zone = 'yellow') AS yellow_clients,
         count(*) FILTER (WHERE m.health_zone = 'red') AS red_clients,
         count(*) FILTER (WHERE m.zone_rank > m.previous_rank) AS clients_improved,
         count(*) FILTER (WHERE m.zone_rank < m.previous_rank) AS clients_declined,
         round(avg(m.sessions_last_30d), 2) AS avg_sessions_last_30d
  FROM moves m
  GROUP BY m.week_start
), interventions AS (
  SELECT date_trunc('week', i.created_at)::date AS week_start,
         count(*) AS interventions_created,
         count(*) FILTER (WHERE i.status = 'completed') AS interventions_completed
  FROM public.intervention_log i
  GROUP BY 1
)
SELECT s.week_start,
       s.week_start + 6 AS week_end,
       s.total_clients,
       s.avg_health_score,
       s.avg_health_score - lag(s.avg_health_score) OVER (ORDER BY s.week_start) AS avg_score_change,
       s.purple_clients,
       s.green_clients,
       s.yellow_clients,
       s.red_clients,
       round(100.0 * s.red_clients / nullif(s.total_clients, 0), 2) AS red_pct,
       s.clients_improved,
       s.clients_declined,
       s.avg_sessions_last_30d,
       coalesce(i.interventions_created, 0) AS interventions_created,
       coalesce(i.interventions_completed, 0) AS interventions_completed
FROM summary s
LEFT JOIN interventions i ON i.week_start = s.week_start
`,
  columns: {
    week_start: 'Monday of the week',
    avg_score_change: 'Change of avg_health_score versus the previous week',
    clients_improved: 'Clients whose zone got better than in their previous week',
    clients_declined: 'Clients whose zone got worse than in their previous week',
  },
});

export const viewCoachCapacityLoad = view('view_coach_capacity_load', {
  group,
  description: 'Coach capacity: clients per coach against staff.max_client_capacity, with zone mix and session load',
  note: 'Coaches are matched by name, ignoring case: `lower(staff.full_name) = lower(client_health_scores.assigned_coach)`. Active coaches without clients appear with zero load; coach names without a staff row appear with capacity_status `unknown`.',
  securityInvoker: true,
  query: sql`
WITH load AS (
  SELECT lower(chs.assigned_coach) AS coach_key,
         min(chs.assigned_coach) AS coach_name,
         count(*) AS total_clients,
         count(*) FILTER (WHERE chs.sessions_last_30d > 0) AS active_clients,
         count(*) FILTER (WHERE chs.health_zone = 'red') AS red_clients,
         count(*) FILTER (WHERE chs.health_zone = 'yellow') AS yellow_clients,
         count(*) FILTER (WHERE chs.health_zone IN ('green', 'purple')) AS healthy_clients,
         round(avg(chs.health_score), 2) AS avg_health_score,
         sum(chs.sessions_last_7d) AS sessions_last_7d,
         sum(chs.sessions_last_30d) AS sessions_last_30d,
         sum(chs.outstanding_sessions) AS outstanding_sessions
  FROM public.client_health_scores chs
  WHERE chs.assigned_coach IS NOT NULL
  GROUP BY lower(chs.assigned_coach)
), coaches AS (
  SELECT s.id, s.full_name, s.max_client_capacity
  FROM public.staff s
  WHERE s.role = 'coach' AND s.is_active
)
SELECT coalesce(c.full_name, l.coach_name) AS coach_name,
       c.id AS staff_id,
       coalesce(l.total_clients, 0) AS total_clients,
       coalesce(l.active_clients, 0) AS active_clients,
       coalesce(l.red_clients, 0) AS red_clients,
       coalesce(l.yellow_clients, 0) AS yellow_clients,
       coalesce(l.healthy_clients, 0) AS healthy_clients,
       l.avg_health_score,
       coalesce(l.sessions_last_7d, 0) AS sessions_last_7d,
       coalesce(l.sessions_last_30d, 0) AS sessions_last_30d,
       coalesce(l.outstanding_sessions, 0) AS outstanding_sessions,
       c.max_client_capacity,
       round(100.0 * coalesce(l.active_clients, 0) / nullif(c.max_client_capacity, 0), 1) AS load_pct,
       greatest(coalesce(c.max_client_capacity, 0) - coalesce(l.active_clients, 0), 0) AS spare_capacity,
       CASE
         WHEN c.id IS NULL OR c.max_client_capacity = 0 THEN 'unknown'
         WHEN coalesce(l.active_clients, 0) > c.max_client_capacity THEN 'over_capacity'
         WHEN coalesce(l.active_clients, 0) >= 0.9 * c.max_client_capacity THEN 'near_capacity'
         ELSE 'available'
       END AS capacity_status
FROM load l
FULL JOIN coaches c ON lower(c.full_name) = l.coach_key
`,
  columns: {
    active_clients: 'Clients with at least one session in the last 30 days',
    load_pct: 'active_clients / max_client_capacity, in percent',
    capacity_status: 'over_capacity, near_capacity (90%+), available or unknown (no staff row or capacity)',
  },
});

export const viewSegmentCapacityHud = view('view_segment_capacity_hud', {
  group,
  description: 'Segment capacity HUD: per health zone, clients, share, sessions, coach coverage and open interventions',
  securityInvoker: true,
  query: sql`
WITH zones AS (
  SELECT z.zone, z.zone_order FROM (VALUES ('purple', 1), ('green', 2), ('yellow', 3), ('red', 4)) AS z(zone, zone_order)
), clients AS (
  SELECT chs.health_zone AS zone,
         count(*) AS clients,
         round(avg(chs.health_score), 2) AS avg_health_score,
         round(avg(chs.sessions_last_7d), 2) AS avg_sessions_last_7d,
         sum(chs.outstanding_sessions) AS outstanding_sessions,
         count(DISTINCT lower(chs.assigned_coach)) AS coaches,
         count(*) FILTER (WHERE chs.assigned_coach IS NULL) AS clients_without_coach,
         count(*) FILTER (WHERE chs.intervention_priority IN ('critical', 'high')) AS high_priority_clients
  FROM public.client_health_scores chs
  GROUP BY chs.health_zone
), open_interventions AS (
  SELECT chs.health_zone AS zone, count(*) AS open_interventions
  FROM public.intervention_log i
  JOIN public.client_health_scores chs ON chs.email = i.email
  WHERE i.status IN ('pending', 'in_progress')
  GROUP BY chs.health_zone
)
SELECT z.zone AS health_zone,
       z.zone_order,
       coalesce(c.clients, 0) AS clients,
       round(100.0 * coalesce(c.clients, 0) / nullif(sum(coalesce(c.clients, 0)) OVER (), 0), 2) AS share_pct,
       c.avg_health_score,
       c.avg_sessions_last_7d,
       coalesce(c.outstanding_sessions, 0) AS outstanding_sessions,
       coalesce(c.coaches, 0) AS coaches,
       round(coalesce(c.clients, 0)::numeric / nullif(c.coaches, 0), 1) AS clients_per_coach,
       coalesce(c.clients_without_coach, 0) AS clients_without_coach,
       coalesce(c.high_priority_clients, 0) AS high_priority_clients,
       coalesce(o.open_interventions, 0) AS open_interventions
FROM zones z
LEFT JOIN clients c ON c.zone = z.zone
LEFT JOIN open_interventions o ON o.zone = z.zone
`,
  columns: { zone_order: '1 purple (best) to 4 red', share_pct: 'Share of all scored clients in this zone' },
});

export const dailyAnalytics = materializedView('daily_analytics', {
  group,
  lint: { allow: { materialized_view_in_api: 'the dashboard reads it as authenticated by design; anon has no grant and every base table it aggregates is readable in full by every signed-in user (dashboardPolicies)' } },
  description: 'Daily analytics (materialized; refreshed via refresh_daily_analytics): leads, calls, appointments, deals, cash, spend and health per day, last 180 days',
  note: 'Refresh with `select public.refresh_daily_analytics()` (concurrently, thanks to the unique index on `day`). Readable by authenticated and service_role only: a materialized view has no RLS.',
  query: sql`
WITH days AS (
  SELECT g::date AS day FROM generate_series((CURRENT_DATE - 179)::timestamp, CURRENT_DATE::timestamp, interval '1 day') AS g
), contacts_d AS (
  SELECT c.created_at::date AS day, count(*) AS new_contacts FROM public.contacts c WHERE c.created_at >= CURRENT_DATE - 179 GROUP BY 1
), leads_d AS (
  SELECT l.created_at::date AS day, count(*) AS new_leads FROM public.leads l WHERE l.created_at >= CURRENT_DATE - 179 GROUP BY 1
), calls_d AS (
  SELECT cr.started_at::date AS day,
         count(*) AS calls,
         count(*) FILTER (WHERE cr.call_status = 'completed' AND cr.duration_seconds > 0) AS calls_connected,
         count(*) FILTER (WHERE cr.appointment_set) AS calls_with_appointment,
         sum(cr.duration_seconds) AS talk_seconds
  FROM public.call_records cr WHERE cr.started_at >= CURRENT_DATE - 179 GROUP BY 1
), appointments_d AS (
  SELECT a.scheduled_at::date AS day,
         count(*) AS appointments,
         count(*) FILTER (WHERE a.status = 'held') AS appointments_held,
         count(*) FILTER (WHERE a.status = 'no_show') AS no_shows
  FROM public.appointments a WHERE a.scheduled_at >= CURRENT_DATE - 179 GROUP BY 1
), deals_d AS (
  SELECT coalesce(d.closed_at, d.updated_at)::date AS day, count(*) AS deals_won, sum(d.deal_value) AS won_value
  FROM public.deals d
  WHERE (d.stage = 'closedwon' OR d.status = 'closed') AND coalesce(d.closed_at, d.updated_at) >= CURRENT_DATE - 179
  GROUP BY 1
), cash_d AS (
  SELECT t.created_at::date AS day, sum(t.amount - t.amount_refunded) AS cash_collected, count(*) AS payments
  FROM public.stripe_transactions t
  WHERE t.status IN ('succeeded', 'partially_refunded') AND t.created_at >= CURRENT_DATE - 179
  GROUP BY 1
), spend_d AS (
  SELECT i.date AS day, sum(i.spend) AS ad_spend, sum(i.leads) AS fb_leads
  FROM public.facebook_ads_insights i WHERE i.date >= CURRENT_DATE - 179 GROUP BY 1
), health_d AS (
  SELECT h.snapshot_date AS day, round(avg(h.health_score), 2) AS avg_health_score, count(*) FILTER (WHERE h.health_zone = 'red') AS red_clients
  FROM public.client_lifecycle_history h WHERE h.snapshot_date >= CURRENT_DATE - 179 GROUP BY 1
), interventions_d AS (
  SELECT i.created_at::date AS day, count(*) AS interventions FROM public.intervention_log i WHERE i.created_at >= CURRENT_DATE - 179 GROUP BY 1
)
SELECT d.day,
       coalesce(c.new_contacts, 0) AS new_contacts,
       coalesce(l.new_leads, 0) AS new_leads,
       coalesce(cl.calls, 0) AS calls,
       coalesce(cl.calls_connected, 0) AS calls_connected,
       coalesce(cl.calls_with_appointment, 0) AS calls_with_appointment,
       coalesce(cl.talk_seconds, 0) AS talk_seconds,
       coalesce(a.appointments, 0) AS appointments,
       coalesce(a.appointments_held, 0) AS appointments_held,
       coalesce(a.no_shows, 0) AS no_shows,
       coalesce(dw.deals_won, 0) AS deals_won,
       coalesce(dw.won_value, 0) AS won_value,
       coalesce(cash.payments, 0) AS payments,
       coalesce(cash.cash_collected, 0) AS cash_collected,
       coalesce(s.ad_spend, 0) AS ad_spend,
       coalesce(s.fb_leads, 0) AS fb_leads,
       round(s.ad_spend / nullif(c.new_contacts, 0), 2) AS cost_per_lead,
       round(cash.cash_collected / nullif(s.ad_spend, 0), 3) AS roas,
       h.avg_health_score,
       coalesce(h.red_clients, 0) AS red_clients,
       coalesce(iv.interventions, 0) AS interventions
FROM days d
LEFT JOIN contacts_d c ON c.day = d.day
LEFT JOIN leads_d l ON l.day = d.day
LEFT JOIN calls_d cl ON cl.day = d.day
LEFT JOIN appointments_d a ON a.day = d.day
LEFT JOIN deals_d dw ON dw.day = d.day
LEFT JOIN cash_d cash ON cash.day = d.day
LEFT JOIN spend_d s ON s.day = d.day
LEFT JOIN health_d h ON h.day = d.day
LEFT JOIN interventions_d iv ON iv.day = d.day
`,
  indexes: { daily_analytics_day_key: { on: ['day'], unique: true, description: 'Lets refresh_daily_analytics refresh concurrently' } },
  columns: {
    day: 'Calendar day (server time zone)',
    cost_per_lead: 'ad_spend / new_contacts',
    roas: 'cash_collected / ad_spend',
    avg_health_score: 'Average score of that day\'s client_lifecycle_history snapshots',
  },
  grants: [
    { to: 'authenticated', privileges: ['select'] },
    { to: 'service_role', privileges: ['select'] },
  ],
});

// ---------------------------------------------------------------------------------------------
// Functions

export const getDashboardMetrics = rpc('get_dashboard_metrics', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Follow-up, no_show, total appointments, etc.: the headline counts of the dashboards for a date range, optionally for one setter or closer',
  note: 'Lead counts are by `leads.status` (the lead_status enum) for leads created in the range; appointment counts by `appointments.status` for appointments scheduled in the range; deals by close date.',
  args: {
    p_start_date: { type: 'date', default: sql`(CURRENT_DATE - 30)` },
    p_end_date: { type: 'date', default: sql`CURRENT_DATE` },
    p_setter_id: { type: 'uuid', default: sql`NULL` },
    p_closer_id: { type: 'uuid', default: sql`NULL` },
  },
  returns: {
    table: {
      total_leads: 'bigint',
      new_leads: 'bigint',
      appointment_set: 'bigint',
      appointment_held: 'bigint',
      pitch_given: 'bigint',
      closed: 'bigint',
      no_show: 'bigint',
      follow_up: 'bigint',
      rescheduled: 'bigint',
      total_appointments: 'bigint',
      appointments_held: 'bigint',
      appointments_no_show: 'bigint',
      appointments_cancelled: 'bigint',
      appointments_upcoming: 'bigint',
      show_rate_pct: 'numeric',
      deals_won: 'bigint',
      won_value: 'numeric',
      cash_collected: 'numeric',
      close_rate_pct: 'numeric',
    },
  },
  volatility: 'stable',
  body: sql`
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH l AS (
    SELECT ld.status
    FROM public.leads ld
    WHERE ld.created_at >= p_start_date AND ld.created_at < p_end_date + 1
      AND (p_setter_id IS NULL OR ld.setter_id = p_setter_id)
      AND (p_closer_id IS NULL OR ld.closer_id = p_closer_id)
  ), a AS (
    SELECT ap.status, ap.scheduled_at
    FROM public.appointments ap
    WHERE ap.scheduled_at >= p_start_date AND ap.scheduled_at < p_end_date + 1
      AND (p_setter_id IS NULL OR ap.setter_id = p_setter_id)
      AND (p_closer_id IS NULL OR ap.closer_id = p_closer_id)
  ), d AS (
    SELECT dl.deal_value, dl.cash_collected
    FROM public.deals dl
    WHERE (dl.stage = 'closedwon' OR dl.status = 'closed')
      AND coalesce(dl.closed_at, dl.updated_at) >= p_start_date AND coalesce(dl.closed_at, dl.updated_at) < p_end_date + 1
      AND (p_closer_id IS NULL OR dl.closer_id = p_closer_id)
  ), lc AS (
    SELECT count(*) AS total,
           count(*) FILTER (WHERE l.status = 'new') AS s_new,
           count(*) FILTER (WHERE l.status = 'appointment_set') AS s_set,
           count(*) FILTER (WHERE l.status = 'appointment_held') AS s_held,
           count(*) FILTER (WHERE l.status = 'pitch_given') AS s_pitch,
           count(*) FILTER (WHERE l.status = 'closed') AS s_closed,
           count(*) FILTER (WHERE l.status = 'no_show') AS s_no_show,
           count(*) FILTER (WHERE l.status = 'follow_up') AS s_follow_up,
           count(*) FILTER (WHERE l.status = 'rescheduled') AS s_rescheduled
    FROM l
  ), ac AS (
    SELECT count(*) AS total,
           count(*) FILTER (WHERE a.status = 'held') AS held,
           count(*) FILTER (WHERE a.status = 'no_show') AS no_show,
           count(*) FILTER (WHERE a.status = 'cancelled') AS cancelled,
           count(*) FILTER (WHERE a.status IN ('scheduled', 'confirmed') AND a.scheduled_at >= now()) AS upcoming
    FROM a
  ), dc AS (
    SELECT count(*) AS won, coalesce(sum(d.deal_value), 0) AS won_value, coalesce(sum(d.cash_collected), 0) AS cash
    FROM d
  )
  SELECT lc.total, lc.s_new, lc.s_set, lc.s_held, lc.s_pitch, lc.s_closed, lc.s_no_show, lc.s_follow_up, lc.s_rescheduled,
         ac.total, ac.held, ac.no_show, ac.cancelled, ac.upcoming,
         round(100.0 * ac.held / nullif(ac.held + ac.no_show, 0), 2),
         dc.won, dc.won_value, dc.cash,
         round(100.0 * dc.won / nullif(ac.held, 0), 2)
  FROM lc, ac, dc;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const getCalibrationExamples = rpc('get_calibration_examples', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Calibration examples for AI: reviewed prepared actions (corrections first) to use as few-shot examples',
  args: {
    p_action_type: { type: 'text', default: sql`NULL` },
    p_limit: { type: 'integer', default: sql`10` },
    p_include_correct: { type: 'boolean', default: sql`true` },
  },
  returns: {
    table: {
      calibration_id: 'uuid',
      action_id: 'uuid',
      action_type: 'text',
      action_title: 'text',
      ai_decision: 'jsonb',
      ai_confidence: 'numeric',
      human_decision: 'text',
      was_correct: 'boolean',
      correction: 'jsonb',
      correction_reason: 'text',
      reviewed_at: 'timestamp with time zone',
    },
  },
  volatility: 'stable',
  body: sql`
BEGIN
  RETURN QUERY
  SELECT bc.id, bc.action_id, bc.action_type, pa.title, bc.ai_decision, bc.ai_confidence,
         bc.human_decision, bc.was_correct, bc.correction, bc.correction_reason, bc.created_at
  FROM public.business_calibration bc
  LEFT JOIN public.prepared_actions pa ON pa.id = bc.action_id
  WHERE (p_action_type IS NULL OR bc.action_type = p_action_type)
    AND (p_include_correct OR NOT bc.was_correct)
  ORDER BY bc.was_correct, bc.created_at DESC
  LIMIT greatest(p_limit, 0);
END;
`,
  grants: ['authenticated', 'service_role'],
});
