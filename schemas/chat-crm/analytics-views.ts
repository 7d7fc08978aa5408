/*
 * Analytics Materialized Views: pre-aggregated reporting data. Each has a unique index over its
 * grouping columns so refresh_all_analytics() can REFRESH ... CONCURRENTLY; indexes over nullable
 * grouping columns use NULLS NOT DISTINCT so the unique key really holds.
 *
 * Periods are truncated in UTC (date_trunc(unit, ts, 'UTC')) so the contents do not depend on the
 * time zone of the session that refreshes them.
 */
import { materializedView, sql, type GrantInput } from 'pgform';
import { groups } from './common.js';

const group = groups.analytics;

/** Materialized views bypass RLS: only the service role reads them; users go through the dashboard functions. */
const grants: GrantInput[] = [{ to: 'service_role', privileges: ['select'] }];

export const analyticsDealMetrics = materializedView('analytics_deal_metrics', {
  group,
  description: 'Aggregated deal metrics for reporting.',
  note: 'One row per organization, stage, owner and month the deal was created (`period_month`). `avg_deal_cycle_days` covers closed deals only: days from creation to `actual_close_date`.',
  query: sql`
SELECT d.organization_id,
       d.stage,
       d.owner_id,
       count(*) AS deal_count,
       COALESCE(sum(d.deal_value), 0) AS total_value,
       round(avg(d.deal_value), 2) AS avg_deal_size,
       COALESCE(sum(d.deal_value) FILTER (WHERE d.stage = 'closed_won'), 0) AS won_value,
       COALESCE(sum(d.deal_value) FILTER (WHERE d.stage = 'closed_lost'), 0) AS lost_value,
       round(avg(d.probability), 2) AS avg_probability,
       round(avg((COALESCE(d.actual_close_date, (d.stage_changed_at AT TIME ZONE 'UTC')::date) - (d.created_at AT TIME ZONE 'UTC')::date)::numeric)
             FILTER (WHERE d.stage IN ('closed_won', 'closed_lost')), 1) AS avg_deal_cycle_days,
       date_trunc('month', d.created_at, 'UTC') AS period_month
  FROM public.crm_deals d
 GROUP BY d.organization_id, d.stage, d.owner_id, date_trunc('month', d.created_at, 'UTC')
`,
  columns: {
    organization_id: 'Organization',
    stage: 'Deal stage',
    owner_id: 'Deal owner (NULL: unassigned)',
    deal_count: 'Number of deals',
    total_value: 'Sum of deal_value',
    avg_deal_size: 'Average deal_value',
    won_value: 'Value of closed_won deals',
    lost_value: 'Value of closed_lost deals',
    avg_probability: 'Average win probability (%)',
    avg_deal_cycle_days: 'Average days from creation to close, closed deals only',
    period_month: 'Month the deals were created (UTC)',
  },
  indexes: {
    idx_analytics_deal_metrics_unique: { on: ['organization_id', 'stage', 'owner_id', 'period_month'], unique: true, nullsNotDistinct: true },
  },
  grants,
});

export const analyticsClientMetrics = materializedView('analytics_client_metrics', {
  group,
  description: 'Aggregated client metrics by lifecycle stage, type, and source.',
  note: 'One row per organization, lifecycle stage, client type, source, assigned agent and month the client was created.',
  query: sql`
SELECT c.organization_id,
       c.lifecycle_stage,
       c.client_type,
       c.source,
       c.assigned_to,
       count(*) AS client_count,
       COALESCE(sum(c.total_revenue), 0) AS total_revenue,
       round(avg(COALESCE(c.total_revenue, 0)), 2) AS avg_revenue_per_client,
       round(avg(COALESCE(c.total_orders, 0)), 2) AS avg_orders_per_client,
       round(avg(c.average_order_value) FILTER (WHERE c.total_orders > 0), 2) AS avg_order_value,
       round(avg(c.lead_score), 2) AS avg_lead_score,
       date_trunc('month', c.created_at, 'UTC') AS period_month
  FROM public.crm_clients c
 GROUP BY c.organization_id, c.lifecycle_stage, c.client_type, c.source, c.assigned_to, date_trunc('month', c.created_at, 'UTC')
`,
  columns: {
    organization_id: 'Organization',
    lifecycle_stage: 'Lifecycle stage',
    client_type: 'Client type',
    source: 'Lead source',
    assigned_to: 'Assigned agent (NULL: unassigned)',
    client_count: 'Number of clients',
    total_revenue: 'Sum of client revenue',
    avg_revenue_per_client: 'Average revenue per client',
    avg_orders_per_client: 'Average number of orders per client',
    avg_order_value: 'Average order value of clients with orders',
    avg_lead_score: 'Average lead score',
    period_month: 'Month the clients were created (UTC)',
  },
  indexes: {
    idx_analytics_client_metrics_unique: {
      on: ['organization_id', 'lifecycle_stage', 'client_type', 'source', 'assigned_to', 'period_month'],
      unique: true,
      nullsNotDistinct: true,
    },
  },
  grants,
});

export const analyticsRevenueMetrics = materializedView('analytics_revenue_metrics', {
  group,
  description: 'Revenue metrics by time period.',
  note: 'One row per organization and order day (UTC); week, month and year of that day let reports roll up without another view. `total_revenue` excludes cancelled and refunded orders, whose totals are `lost_revenue`.',
  query: sql`
SELECT o.organization_id,
       COALESCE(sum(o.total) FILTER (WHERE o.status NOT IN ('cancelled', 'refunded')), 0) AS total_revenue,
       count(DISTINCT o.client_id) AS unique_customers,
       count(*) AS order_count,
       round(avg(o.total) FILTER (WHERE o.status NOT IN ('cancelled', 'refunded')), 2) AS avg_order_value,
       COALESCE(sum(o.total) FILTER (WHERE o.status = 'delivered'), 0) AS delivered_revenue,
       COALESCE(sum(o.total) FILTER (WHERE o.status IN ('cancelled', 'refunded')), 0) AS lost_revenue,
       o.period_day,
       date_trunc('week', o.period_day, 'UTC') AS period_week,
       date_trunc('month', o.period_day, 'UTC') AS period_month,
       date_trunc('year', o.period_day, 'UTC') AS period_year
  FROM (
    SELECT co.organization_id, co.client_id, co.total, co.status, date_trunc('day', co.order_date, 'UTC') AS period_day
      FROM public.crm_orders co
  ) o
 GROUP BY o.organization_id, o.period_day
`,
  columns: {
    organization_id: 'Organization',
    total_revenue: 'Revenue of orders not cancelled or refunded',
    unique_customers: 'Distinct clients who ordered',
    order_count: 'Number of orders (all statuses)',
    avg_order_value: 'Average total of orders not cancelled or refunded',
    delivered_revenue: 'Revenue of delivered orders',
    lost_revenue: 'Totals of cancelled and refunded orders',
    period_day: 'Order day (UTC)',
    period_week: 'Week of period_day (UTC, weeks start on Monday)',
    period_month: 'Month of period_day (UTC)',
    period_year: 'Year of period_day (UTC)',
  },
  indexes: {
    idx_analytics_revenue_metrics_unique: { on: ['organization_id', 'period_day'], unique: true },
    idx_analytics_revenue_metrics_month: { on: ['organization_id', 'period_month'] },
  },
  grants,
});

export const analyticsChatbotEffectiveness = materializedView('analytics_chatbot_effectiveness', {
  group,
  description: 'Chatbot interaction metrics.',
  note: 'Built from `crm_activities` of type `chatbot_interaction`, one row per organization and day (UTC). An interaction is successful when its status is `completed`; its duration is `completed_at - created_at` (the bot\'s response time for activities made by `create_activity_from_message()`).',
  query: sql`
SELECT a.organization_id,
       count(DISTINCT a.client_id) AS unique_clients_engaged,
       count(*) AS total_chatbot_interactions,
       count(*) FILTER (WHERE a.status = 'completed') AS successful_interactions,
       round(avg(EXTRACT(epoch FROM a.completed_at - a.created_at) / 60)
             FILTER (WHERE a.completed_at IS NOT NULL AND a.completed_at >= a.created_at), 2) AS avg_interaction_duration_minutes,
       date_trunc('day', a.created_at, 'UTC') AS period_day
  FROM public.crm_activities a
 WHERE a.activity_type = 'chatbot_interaction'
 GROUP BY a.organization_id, date_trunc('day', a.created_at, 'UTC')
`,
  columns: {
    organization_id: 'Organization',
    unique_clients_engaged: 'Distinct clients the bot talked to',
    total_chatbot_interactions: 'Number of chatbot interactions',
    successful_interactions: 'Interactions with status completed',
    avg_interaction_duration_minutes: 'Average minutes from start to completion',
    period_day: 'Day (UTC)',
  },
  indexes: {
    idx_analytics_chatbot_effectiveness_unique: { on: ['organization_id', 'period_day'], unique: true },
  },
  grants,
});

export const analyticsChannelPerformance = materializedView('analytics_channel_performance', {
  group,
  description: 'Channel performance metrics.',
  note: 'One row per channel and month (UTC) with messages. `total_contacts` counts the distinct contacts who exchanged messages that month; incoming messages are `sender_type = \'user\'`, agent and AI responses `agent` and `ai`.',
  query: sql`
SELECT ch.organization_id,
       ch.id AS channel_id,
       ch.name AS channel_name,
       ch.platform,
       count(DISTINCT m.contact_id) AS total_contacts,
       count(*) AS total_messages,
       count(*) FILTER (WHERE m.sender_type = 'user') AS incoming_messages,
       count(*) FILTER (WHERE m.sender_type = 'agent') AS agent_responses,
       count(*) FILTER (WHERE m.sender_type = 'ai') AS ai_responses,
       date_trunc('month', m.sent_at, 'UTC') AS period_month
  FROM public.channels ch
  JOIN public.messages m ON m.channel_id = ch.id
 GROUP BY ch.organization_id, ch.id, ch.name, ch.platform, date_trunc('month', m.sent_at, 'UTC')
`,
  columns: {
    organization_id: 'Organization',
    channel_id: 'Channel',
    channel_name: 'Channel display name',
    platform: 'Platform type',
    total_contacts: 'Distinct contacts with messages in the month',
    total_messages: 'Messages in the month',
    incoming_messages: 'Messages from contacts',
    agent_responses: 'Messages from human agents',
    ai_responses: 'Messages from the AI bot',
    period_month: 'Month (UTC)',
  },
  indexes: {
    idx_analytics_channel_performance_unique: { on: ['organization_id', 'channel_id', 'period_month'], unique: true },
  },
  grants,
});
