/*
 * Analytics Functions: lifetime value, win rate, analytics refresh and the CRM dashboard RPCs.
 * The dashboard RPCs are SECURITY DEFINER (they read across RLS for speed), so they first check
 * that the caller belongs to the organization asked for.
 */
import { rpc, sql } from 'pgform';
import { groups } from './common.js';

const group = groups.analyticsFunctions;

/** Raised by the SECURITY DEFINER RPCs when org_id is not the caller's organization. */
const requireOwnOrganization = sql`
  IF org_id IS NULL
     OR (org_id IS DISTINCT FROM public.get_my_organization_id() AND COALESCE(auth.role(), '') <> 'service_role') THEN
    RAISE EXCEPTION 'not allowed to read organization %', org_id USING ERRCODE = '42501';
  END IF;
`;

export const calculateClientLtv = rpc('calculate_client_ltv', {
  group,
  description: 'Calculates lifetime value for a client',
  note: 'Lifetime value = totals of the client\'s orders that are not cancelled or refunded, plus the value of won deals that have no order yet. SECURITY INVOKER: RLS limits it to clients of the caller\'s organization (others give 0).',
  args: { client_uuid: 'uuid' },
  returns: 'numeric',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'invoker',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_orders numeric;
  v_deals numeric;
BEGIN
  SELECT COALESCE(sum(o.total), 0) INTO v_orders
    FROM public.crm_orders o
   WHERE o.client_id = client_uuid
     AND o.status NOT IN ('cancelled', 'refunded');

  SELECT COALESCE(sum(d.deal_value), 0) INTO v_deals
    FROM public.crm_deals d
   WHERE d.client_id = client_uuid
     AND d.stage = 'closed_won'
     AND NOT EXISTS (SELECT 1 FROM public.crm_orders o WHERE o.deal_id = d.id);

  RETURN round(v_orders + v_deals, 2);
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const calculateWinRate = rpc('calculate_win_rate', {
  group,
  description: 'Calculates win rate percentage for an organization',
  note: 'Won deals / (won + lost deals) × 100, rounded to 2 decimals, over deals closed between `start_date` and `end_date` (inclusive; NULL = unbounded). The close date is `actual_close_date`, else the day of the last stage change. 0 when no deal closed. SECURITY INVOKER.',
  args: {
    org_id: 'uuid',
    start_date: { type: 'date', default: sql`NULL` },
    end_date: { type: 'date', default: sql`NULL` },
  },
  returns: 'numeric',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'invoker',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_won bigint;
  v_lost bigint;
BEGIN
  SELECT count(*) FILTER (WHERE d.stage = 'closed_won'),
         count(*) FILTER (WHERE d.stage = 'closed_lost')
    INTO v_won, v_lost
    FROM public.crm_deals d
   WHERE d.organization_id = org_id
     AND d.stage IN ('closed_won', 'closed_lost')
     AND (start_date IS NULL OR COALESCE(d.actual_close_date, d.stage_changed_at::date) >= start_date)
     AND (end_date IS NULL OR COALESCE(d.actual_close_date, d.stage_changed_at::date) <= end_date);

  IF v_won + v_lost = 0 THEN
    RETURN 0;
  END IF;
  RETURN round(100.0 * v_won / (v_won + v_lost), 2);
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const refreshAllAnalytics = rpc('refresh_all_analytics', {
  group,
  description: 'Refreshes all materialized views concurrently',
  note: 'Run it from a scheduled job (pg_cron or an edge function with the service role). SECURITY DEFINER because REFRESH needs the views\' owner; EXECUTE is granted to `service_role` only. A view that was never populated is refreshed non-concurrently once (CONCURRENTLY needs existing data).\n\n```sql\nSELECT refresh_all_analytics();\n```',
  returns: 'void',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_view text;
BEGIN
  FOREACH v_view IN ARRAY ARRAY[
    'analytics_deal_metrics',
    'analytics_client_metrics',
    'analytics_revenue_metrics',
    'analytics_chatbot_effectiveness',
    'analytics_channel_performance'
  ] LOOP
    IF EXISTS (
      SELECT 1 FROM pg_catalog.pg_matviews mv
       WHERE mv.schemaname = 'public' AND mv.matviewname = v_view AND mv.ispopulated
    ) THEN
      EXECUTE pg_catalog.format('REFRESH MATERIALIZED VIEW CONCURRENTLY public.%I', v_view);
    ELSE
      EXECUTE pg_catalog.format('REFRESH MATERIALIZED VIEW public.%I', v_view);
    END IF;
  END LOOP;
END;
`,
  grants: ['service_role'],
});

export const getCrmDashboardSummary = rpc('get_crm_dashboard_summary', {
  group,
  description: 'Returns summary metrics for CRM dashboard',
  note: 'One row of KPIs computed live from the CRM tables (not from the materialized views, so it is always current). Months are calendar months in UTC. Raises `insufficient_privilege` unless `org_id` is the caller\'s organization (the service role may ask for any).',
  args: { org_id: 'uuid' },
  returns: {
    table: {
      total_clients: 'bigint',
      new_clients_this_month: 'bigint',
      total_leads: 'bigint',
      total_customers: 'bigint',
      open_deals: 'bigint',
      pipeline_value: 'numeric',
      weighted_pipeline_value: 'numeric',
      won_deals_this_month: 'bigint',
      won_value_this_month: 'numeric',
      win_rate: 'numeric',
      total_revenue: 'numeric',
      revenue_this_month: 'numeric',
      orders_this_month: 'bigint',
      avg_order_value: 'numeric',
      pending_activities: 'bigint',
      overdue_activities: 'bigint',
      unread_messages: 'bigint',
      active_channels: 'bigint',
    },
  },
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_month_start timestamptz := date_trunc('month', now(), 'UTC');
BEGIN
${requireOwnOrganization}
  RETURN QUERY
  SELECT
    (SELECT count(*) FROM public.crm_clients c WHERE c.organization_id = org_id),
    (SELECT count(*) FROM public.crm_clients c WHERE c.organization_id = org_id AND c.created_at >= v_month_start),
    (SELECT count(*) FROM public.crm_clients c WHERE c.organization_id = org_id AND c.client_type = 'lead'),
    (SELECT count(*) FROM public.crm_clients c WHERE c.organization_id = org_id AND c.client_type = 'customer'),
    dl.open_deals,
    dl.pipeline_value,
    dl.weighted_pipeline_value,
    dl.won_deals_this_month,
    dl.won_value_this_month,
    public.calculate_win_rate(org_id, NULL, NULL),
    od.total_revenue,
    od.revenue_this_month,
    od.orders_this_month,
    od.avg_order_value,
    ac.pending_activities,
    ac.overdue_activities,
    (SELECT COALESCE(sum(ct.unread_count), 0)::bigint FROM public.contacts ct WHERE ct.organization_id = org_id),
    (SELECT count(*) FROM public.channels ch WHERE ch.organization_id = org_id AND ch.is_active)
  FROM (
    SELECT count(*) FILTER (WHERE d.stage NOT IN ('closed_won', 'closed_lost')) AS open_deals,
           COALESCE(sum(d.deal_value) FILTER (WHERE d.stage NOT IN ('closed_won', 'closed_lost')), 0) AS pipeline_value,
           round(COALESCE(sum(d.deal_value * COALESCE(d.probability, 0) / 100.0) FILTER (WHERE d.stage NOT IN ('closed_won', 'closed_lost')), 0), 2) AS weighted_pipeline_value,
           count(*) FILTER (WHERE d.stage = 'closed_won' AND d.stage_changed_at >= v_month_start) AS won_deals_this_month,
           COALESCE(sum(d.deal_value) FILTER (WHERE d.stage = 'closed_won' AND d.stage_changed_at >= v_month_start), 0) AS won_value_this_month
      FROM public.crm_deals d
     WHERE d.organization_id = org_id
  ) dl
  CROSS JOIN (
    SELECT COALESCE(sum(o.total), 0) AS total_revenue,
           COALESCE(sum(o.total) FILTER (WHERE o.order_date >= v_month_start), 0) AS revenue_this_month,
           count(*) FILTER (WHERE o.order_date >= v_month_start) AS orders_this_month,
           COALESCE(round(avg(o.total), 2), 0) AS avg_order_value
      FROM public.crm_orders o
     WHERE o.organization_id = org_id
       AND o.status NOT IN ('cancelled', 'refunded')
  ) od
  CROSS JOIN (
    SELECT count(*) FILTER (WHERE a.status = 'pending') AS pending_activities,
           count(*) FILTER (WHERE a.status = 'pending' AND a.due_date < now()) AS overdue_activities
      FROM public.crm_activities a
     WHERE a.organization_id = org_id
  ) ac;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const getConversionFunnel = rpc('get_conversion_funnel', {
  group,
  description: 'Returns conversion funnel metrics by lifecycle stage',
  note: [
    'One row per lifecycle stage in funnel order (lead → mql → sql → opportunity → customer → evangelist, then churned):',
    '- `client_count`: clients currently at the stage;',
    '- `reached_count`: clients at this stage or a later one (churned clients count only for churned);',
    '- `percentage_of_total`: share of all clients currently at the stage;',
    '- `conversion_rate`: `reached_count` as a percentage of the previous stage\'s `reached_count` (NULL for lead and churned);',
    '- `total_revenue`: revenue of the clients currently at the stage.',
    '',
    'Raises `insufficient_privilege` unless `org_id` is the caller\'s organization (the service role may ask for any).',
  ].join('\n'),
  args: { org_id: 'uuid' },
  returns: {
    table: {
      stage: 'text',
      stage_order: 'integer',
      client_count: 'bigint',
      reached_count: 'bigint',
      percentage_of_total: 'numeric',
      conversion_rate: 'numeric',
      total_revenue: 'numeric',
    },
  },
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
${requireOwnOrganization}
  RETURN QUERY
  WITH stages (stage_name, stage_rank) AS (
    VALUES ('lead', 1), ('mql', 2), ('sql', 3), ('opportunity', 4), ('customer', 5), ('evangelist', 6), ('churned', 7)
  ),
  counts AS (
    SELECT s.stage_name, s.stage_rank,
           count(c.id) AS n,
           COALESCE(sum(c.total_revenue), 0) AS revenue
      FROM stages s
      LEFT JOIN public.crm_clients c
        ON c.organization_id = org_id
       AND COALESCE(c.lifecycle_stage, 'lead') = s.stage_name
     GROUP BY s.stage_name, s.stage_rank
  ),
  reached AS (
    SELECT c1.stage_name, c1.stage_rank, c1.n, c1.revenue,
           CASE WHEN c1.stage_rank = 7 THEN c1.n
                ELSE (SELECT sum(c2.n) FROM counts c2 WHERE c2.stage_rank >= c1.stage_rank AND c2.stage_rank < 7)::bigint
           END AS reached_n
      FROM counts c1
  )
  SELECT r.stage_name::text,
         r.stage_rank::integer,
         r.n,
         r.reached_n,
         COALESCE(round(100.0 * r.n / NULLIF(sum(r.n) OVER (), 0), 2), 0),
         CASE WHEN r.stage_rank IN (1, 7) THEN NULL
              ELSE round(100.0 * r.reached_n / NULLIF(lag(r.reached_n) OVER (ORDER BY r.stage_rank), 0), 2)
         END,
         r.revenue
    FROM reached r
   ORDER BY r.stage_rank;
END;
`,
  grants: ['authenticated', 'service_role'],
});
