import { boolean, date, integer, jsonb, numeric, rpc, sql, table, text, timestamptz, uuid, view } from 'pgform';
import { adminOnlyPolicies, dashboardPolicies, dealStatus, groups, updatedAtTrigger } from './common.js';

const group = groups.revenue;

const currency = () => text().notNull().default('usd').check(sql`currency ~ '^[a-z]{3}$'`).describe('ISO currency code, lower case as Stripe writes it');

export const packageCatalog = table('package_catalog', {
  group,
  description: 'Package definitions: what clients buy, its price, sessions and Stripe price',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    package_code: text().notNull().unique().describe('Short stable code'),
    name: text().notNull(),
    description: text(),
    price: numeric(12, 2).notNull().check(sql`price >= 0`),
    currency: currency(),
    billing_type: text().notNull().default('one_time').oneOf(['one_time', 'subscription', 'installment']),
    installments: integer().check(sql`installments > 0`).describe('Number of payments for installment plans'),
    session_count: integer().check(sql`session_count >= 0`).describe('Coaching sessions included'),
    duration_days: integer().check(sql`duration_days > 0`),
    stripe_product_id: text(),
    stripe_price_id: text().unique(),
    is_active: boolean().notNull().default(true),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('package_catalog'),
  rls: true,
  policies: dashboardPolicies('packages'),
});

export const deals = table('deals', {
  group,
  description: 'Deals synced from HubSpot: value, cash collected, stage and the people who worked them',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    hubspot_deal_id: text().unique().describe('HubSpot deal id (sync key)'),
    deal_name: text(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index().describe('contacts.id'),
    lead_id: uuid().references('leads', 'id', { onDelete: 'set null' }).index().describe('leads.id'),
    appointment_id: uuid().references('appointments', 'id', { onDelete: 'set null' }).index().describe('appointments.id of the sales call'),
    closer_id: uuid().references('staff', 'id', { onDelete: 'set null' }).index().describe('staff.id of the closer'),
    owner_id: text().index().describe('HubSpot owner id (string); matches staff.hubspot_owner_id'),
    pipeline: text().notNull().default('default'),
    stage: text().notNull().index().describe('HubSpot deal stage, e.g. closedwon, closedlost, 122237508 (assessment booked)'),
    status: dealStatus.column().notNull().default('pending').index(),
    deal_value: numeric(12, 2).notNull().default(0).check(sql`deal_value >= 0`).describe('Contract value'),
    cash_collected: numeric(12, 2).notNull().default(0).check(sql`cash_collected >= 0`).describe('Cash received so far'),
    currency: currency(),
    package_id: uuid().index().references('package_catalog', 'id', { onDelete: 'set null' }),
    close_date: date().describe('Expected or actual close date'),
    closed_at: timestamptz(),
    lost_reason: text(),
    stage_entered_at: timestamptz().notNull().defaultNow().describe('When the deal entered its current stage'),
    last_activity_at: timestamptz(),
    hubspot_created_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_deals_created_at: { on: ['created_at DESC'] } },
  triggers: updatedAtTrigger('deals'),
  rls: true,
  policies: dashboardPolicies('deals'),
});

export const knownCards = table('known_cards', {
  group,
  description: 'Cards seen on Stripe payments with the email they belong to: links Stripe customers to contacts (deal_stripe_revenue)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().index().describe('Lower-cased card holder email; matches contacts.email'),
    customer_id: text().index().describe('Stripe customer id (cus_...)'),
    card_fingerprint: text().notNull().describe('Stripe card fingerprint'),
    brand: text(),
    last4: text().check(sql`last4 ~ '^[0-9]{4}$'`),
    exp_month: integer().check(sql`exp_month BETWEEN 1 AND 12`),
    exp_year: integer(),
    first_seen_at: timestamptz().notNull().defaultNow(),
    last_seen_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['card_fingerprint', 'email']],
  rls: true,
  policies: adminOnlyPolicies('known cards'),
});

export const stripeTransactions = table('stripe_transactions', {
  group,
  description: 'Stripe payments (charges / payment intents), linked to contacts',
  columns: {
    id: text().primaryKey().describe('Stripe charge or payment intent id'),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index().describe('contacts.id'),
    customer_id: text().index().describe('Stripe customer (links via known_cards.email)'),
    amount: numeric(12, 2).notNull().check(sql`amount >= 0`).describe('Amount in major currency units'),
    amount_refunded: numeric(12, 2).notNull().default(0).check(sql`amount_refunded >= 0`),
    fee: numeric(12, 2).describe('Stripe fee'),
    net: numeric(12, 2).describe('Amount minus fee'),
    currency: currency(),
    status: text().notNull().index().oneOf(['succeeded', 'pending', 'failed', 'refunded', 'partially_refunded', 'canceled', 'disputed']),
    description: text(),
    receipt_email: text(),
    payment_method_type: text(),
    card_brand: text(),
    card_last4: text(),
    card_fingerprint: text().describe('known_cards.card_fingerprint'),
    invoice_id: text().describe('stripe_invoices.id'),
    subscription_id: text().describe('stripe_subscriptions.id'),
    metadata: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow().index({ name: 'idx_stripe_transactions_created_at', descending: true }).describe('Created in Stripe'),
    synced_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('Stripe transactions'),
});

export const stripeSubscriptions = table('stripe_subscriptions', {
  group,
  description: 'Stripe subscription data',
  columns: {
    id: text().primaryKey().describe('Stripe subscription id (sub_...)'),
    customer_id: text().notNull().index(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    status: text().notNull().oneOf(['active', 'trialing', 'past_due', 'canceled', 'unpaid', 'incomplete', 'incomplete_expired', 'paused']),
    price_id: text(),
    product_id: text(),
    plan_amount: numeric(12, 2).check(sql`plan_amount >= 0`),
    currency: currency(),
    billing_interval: text().oneOf(['day', 'week', 'month', 'year']),
    interval_count: integer().notNull().default(1),
    current_period_start: timestamptz(),
    current_period_end: timestamptz(),
    cancel_at_period_end: boolean().notNull().default(false),
    canceled_at: timestamptz(),
    started_at: timestamptz(),
    ended_at: timestamptz(),
    metadata: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('stripe_subscriptions'),
  rls: true,
  policies: dashboardPolicies('Stripe subscriptions'),
});

export const stripeInvoices = table('stripe_invoices', {
  group,
  description: 'Stripe invoice data',
  columns: {
    id: text().primaryKey().describe('Stripe invoice id (in_...)'),
    number: text(),
    customer_id: text().notNull().index(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    subscription_id: text().index().describe('stripe_subscriptions.id'),
    status: text().notNull().oneOf(['draft', 'open', 'paid', 'uncollectible', 'void']),
    amount_due: numeric(12, 2).notNull().default(0),
    amount_paid: numeric(12, 2).notNull().default(0),
    amount_remaining: numeric(12, 2).notNull().default(0),
    currency: currency(),
    due_date: timestamptz(),
    paid_at: timestamptz(),
    period_start: timestamptz(),
    period_end: timestamptz(),
    hosted_invoice_url: text(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('Stripe invoices'),
});

export const stripeRefunds = table('stripe_refunds', {
  group,
  description: 'Refund tracking',
  columns: {
    id: text().primaryKey().describe('Stripe refund id (re_...)'),
    transaction_id: text().references('stripe_transactions', 'id', { onDelete: 'set null' }).index().describe('stripe_transactions.id refunded'),
    amount: numeric(12, 2).notNull().check(sql`amount > 0`),
    currency: currency(),
    reason: text().oneOf(['duplicate', 'fraudulent', 'requested_by_customer', 'expired_uncaptured_charge']),
    status: text().notNull().oneOf(['pending', 'succeeded', 'failed', 'canceled', 'requires_action']),
    notes: text(),
    metadata: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('Stripe refunds'),
});

export const stripePayouts = table('stripe_payouts', {
  group,
  description: 'Payout data: transfers from Stripe to the bank account',
  columns: {
    id: text().primaryKey().describe('Stripe payout id (po_...)'),
    account_id: text().describe('stripe_accounts.id'),
    amount: numeric(12, 2).notNull(),
    currency: currency(),
    status: text().notNull().oneOf(['paid', 'pending', 'in_transit', 'canceled', 'failed']),
    method: text().oneOf(['standard', 'instant']),
    arrival_date: date(),
    destination: text(),
    description: text(),
    failure_message: text(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: adminOnlyPolicies('Stripe payouts'),
});

export const stripeBalances = table('stripe_balances', {
  group,
  description: 'Balance snapshots of each Stripe account',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    account_id: text().notNull().describe('stripe_accounts.id'),
    currency: currency(),
    available: numeric(14, 2).notNull().default(0),
    pending: numeric(14, 2).notNull().default(0),
    snapshot_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['account_id', 'currency', 'snapshot_at']],
  rls: true,
  policies: adminOnlyPolicies('Stripe balances'),
});

export const stripeAccounts = table('stripe_accounts', {
  group,
  description: 'Stripe account configuration (no secrets: keys live in the vault)',
  columns: {
    id: text().primaryKey().describe('Stripe account id (acct_...)'),
    display_name: text().notNull(),
    country: text(),
    default_currency: text().notNull().default('usd'),
    business_type: text(),
    charges_enabled: boolean().notNull().default(false),
    payouts_enabled: boolean().notNull().default(false),
    livemode: boolean().notNull().default(true),
    is_primary: boolean().notNull().default(false),
    settings: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_stripe_accounts_one_primary: { on: ['is_primary'], unique: true, where: sql`is_primary` } },
  triggers: updatedAtTrigger('stripe_accounts'),
  rls: true,
  policies: adminOnlyPolicies('Stripe accounts'),
});

export const stripeEvents = table('stripe_events', {
  group,
  description: 'Stripe webhook events as received, processed once',
  columns: {
    id: text().primaryKey().describe('Stripe event id (evt_...)'),
    event_type: text().notNull().index().describe('charge.succeeded, invoice.paid, review.opened...'),
    account_id: text(),
    api_version: text(),
    livemode: boolean().notNull().default(true),
    payload: jsonb().notNull(),
    processed: boolean().notNull().default(false),
    processed_at: timestamptz(),
    processing_error: text(),
    received_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_stripe_events_unprocessed: { on: ['received_at'], where: sql`NOT processed` } },
  rls: true,
  policies: adminOnlyPolicies('Stripe events'),
});

export const stripeFraudAlerts = table('stripe_fraud_alerts', {
  group,
  description: 'Fraud alerts: Stripe early fraud warnings and Radar reviews',
  columns: {
    id: text().primaryKey().describe('Stripe early fraud warning or review id'),
    transaction_id: text().references('stripe_transactions', 'id', { onDelete: 'set null' }).index(),
    fraud_type: text().describe('card_never_received, made_with_stolen_card, unauthorized_use_of_card...'),
    risk_score: integer().check(sql`risk_score BETWEEN 0 AND 100`),
    actionable: boolean().notNull().default(true),
    status: text().notNull().default('open').oneOf(['open', 'reviewed', 'refunded', 'dismissed']),
    reviewed_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    reviewed_at: timestamptz(),
    notes: text(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: adminOnlyPolicies('fraud alerts'),
});

export const stripeOutboundTransfers = table('stripe_outbound_transfers', {
  group,
  description: 'Outbound transfers from Stripe Treasury financial accounts',
  columns: {
    id: text().primaryKey().describe('Stripe outbound transfer id (obt_...)'),
    financial_account: text(),
    amount: numeric(12, 2).notNull().check(sql`amount > 0`),
    currency: currency(),
    status: text().notNull().oneOf(['processing', 'posted', 'failed', 'canceled', 'returned']),
    destination: text(),
    description: text(),
    expected_arrival_date: date(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: adminOnlyPolicies('outbound transfers'),
});

export const clientPaymentHistory = table('client_payment_history', {
  group,
  description: 'Payment history per client across Stripe, installments and manual payments',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    email: text().index(),
    deal_id: uuid().references('deals', 'id', { onDelete: 'set null' }).index(),
    transaction_id: text().references('stripe_transactions', 'id', { onDelete: 'set null' }).index(),
    package_id: uuid().index().references('package_catalog', 'id', { onDelete: 'set null' }),
    payment_date: timestamptz().notNull(),
    amount: numeric(12, 2).notNull(),
    currency: currency(),
    payment_type: text().notNull().oneOf(['one_time', 'subscription', 'installment', 'refund']),
    installment_number: integer().check(sql`installment_number > 0`),
    status: text().notNull().default('paid').oneOf(['paid', 'pending', 'failed', 'refunded']),
    source: text().notNull().default('stripe').oneOf(['stripe', 'manual', 'bank_transfer']),
    notes: text(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('payment history'),
});

export const accountReviewHistory = table('account_review_history', {
  group,
  description: 'Stripe account reviews (review.opened / review.closed) and their outcome',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    event_id: text().notNull().references('stripe_events', 'id', { onDelete: 'cascade' }).index().describe('stripe_events.id'),
    account_id: text(),
    transaction_id: text().describe('Charge under review'),
    reason: text().describe('rule, manual, approved, refunded, disputed...'),
    status: text().notNull().oneOf(['opened', 'approved', 'refunded', 'closed']),
    reviewer: text(),
    notes: text(),
    opened_at: timestamptz().notNull().defaultNow(),
    closed_at: timestamptz(),
  },
  rls: true,
  policies: adminOnlyPolicies('account reviews'),
});

export const lossAnalysis = table('loss_analysis', {
  group,
  description: 'Deal loss reasons with evidence (primary/secondary, confidence)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    deal_id: uuid().notNull().references('deals', 'id', { onDelete: 'cascade' }).index(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index(),
    primary_reason: text().notNull().describe('price, timing, trust, no_show, competitor, not_qualified, spouse, other...'),
    secondary_reason: text(),
    confidence: numeric(4, 3).notNull().check(sql`confidence BETWEEN 0 AND 1`).describe('Confidence 0-1 of the analysis'),
    evidence: jsonb().notNull().default([]).describe('Quotes and signals (call transcript lines, notes) supporting the reasons'),
    evidence_summary: text(),
    analyzed_by: text().notNull().default('ai').describe('Model name or user'),
    analyzed_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('loss analysis'),
});

// ---------------------------------------------------------------------------------------------
// Views. A deal counts as won when HubSpot says closedwon or its status is closed.

export const dealStripeRevenue = view('deal_stripe_revenue', {
  group,
  description: 'Deals + revenue via contacts -> known_cards -> stripe: Stripe cash behind each deal, by contact_id or by card email',
  securityInvoker: true,
  query: sql`
SELECT d.id AS deal_id,
       d.hubspot_deal_id,
       d.deal_name,
       d.contact_id,
       c.email,
       d.stage,
       d.status,
       d.owner_id,
       d.closer_id,
       d.deal_value,
       d.cash_collected,
       coalesce(rev.stripe_revenue, 0) AS stripe_revenue,
       coalesce(rev.stripe_refunded, 0) AS stripe_refunded,
       coalesce(rev.transaction_count, 0) AS transaction_count,
       rev.first_payment_at,
       rev.last_payment_at,
       coalesce(rev.stripe_revenue, 0) - d.cash_collected AS cash_discrepancy
FROM public.deals d
LEFT JOIN public.contacts c ON c.id = d.contact_id
LEFT JOIN LATERAL (
  SELECT sum(t.amount - t.amount_refunded) FILTER (WHERE t.status IN ('succeeded', 'partially_refunded', 'refunded')) AS stripe_revenue,
         sum(t.amount_refunded) AS stripe_refunded,
         count(*) FILTER (WHERE t.status IN ('succeeded', 'partially_refunded', 'refunded')) AS transaction_count,
         min(t.created_at) AS first_payment_at,
         max(t.created_at) AS last_payment_at
  FROM public.stripe_transactions t
  WHERE t.contact_id = d.contact_id
     OR t.customer_id IN (
       SELECT kc.customer_id FROM public.known_cards kc
       WHERE kc.email = c.email AND kc.customer_id IS NOT NULL
     )
) rev ON true
`,
  columns: {
    deal_id: 'deals.id',
    stripe_revenue: 'Net Stripe revenue (amount - refunds) of the deal\'s contact, by contact_id or known card email',
    cash_discrepancy: 'stripe_revenue - deals.cash_collected: positive when Stripe shows more cash than HubSpot',
  },
});

export const vActivePipeline = view('v_active_pipeline', {
  group,
  description: 'Active pipeline deals: open deals with contact, closer, balance and age',
  securityInvoker: true,
  query: sql`
SELECT d.id AS deal_id,
       d.deal_name,
       d.contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), '') AS contact_name,
       c.email,
       c.phone,
       d.pipeline,
       d.stage,
       d.status,
       d.deal_value,
       d.cash_collected,
       d.deal_value - d.cash_collected AS balance_due,
       d.owner_id,
       d.closer_id,
       s.full_name AS closer_name,
       d.close_date,
       d.last_activity_at,
       floor(extract(epoch FROM now() - d.stage_entered_at) / 86400)::integer AS days_in_stage,
       floor(extract(epoch FROM now() - d.created_at) / 86400)::integer AS deal_age_days
FROM public.deals d
LEFT JOIN public.contacts c ON c.id = d.contact_id
LEFT JOIN public.staff s ON s.id = d.closer_id
WHERE d.status = 'pending'
  AND d.stage NOT IN ('closedwon', 'closedlost')
`,
});

export const vConversionFunnel = view('v_conversion_funnel', {
  group,
  description: 'Conversion funnel by monthly contact cohort: leads, booked, held, closed and the rates between them',
  securityInvoker: true,
  query: sql`
SELECT date_trunc('month', f.lead_at)::date AS cohort_month,
       count(*) AS leads,
       count(*) FILTER (WHERE f.is_booked) AS booked,
       count(*) FILTER (WHERE f.is_held) AS held,
       count(*) FILTER (WHERE f.is_closed_won) AS closed,
       sum(f.no_show_count) AS no_shows,
       sum(f.won_value) AS closed_value,
       sum(f.cash_collected) AS cash_collected,
       round(100.0 * count(*) FILTER (WHERE f.is_booked) / nullif(count(*), 0), 2) AS booking_rate_pct,
       round(100.0 * count(*) FILTER (WHERE f.is_held) / nullif(count(*) FILTER (WHERE f.is_booked), 0), 2) AS show_rate_pct,
       round(100.0 * count(*) FILTER (WHERE f.is_closed_won) / nullif(count(*) FILTER (WHERE f.is_held), 0), 2) AS close_rate_pct,
       round(100.0 * count(*) FILTER (WHERE f.is_closed_won) / nullif(count(*), 0), 2) AS lead_to_close_pct
FROM public.dynamic_funnel_view f
GROUP BY 1
`,
  columns: { cohort_month: 'Month the contacts were created' },
});

export const vwActiveClients = view('vw_active_clients', {
  group,
  description: 'Active paying clients: contacts with a live Stripe subscription or a payment in the last 45 days',
  securityInvoker: true,
  query: sql`
SELECT c.id AS contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), '') AS full_name,
       c.email,
       c.phone,
       c.owner_id,
       c.owner_name,
       CASE WHEN coalesce(sub.active_subscriptions, 0) > 0 THEN 'subscribed' ELSE 'recent_payment' END AS client_status,
       coalesce(sub.active_subscriptions, 0) AS active_subscriptions,
       sub.monthly_recurring_revenue,
       sub.next_renewal_at,
       pay.first_payment_at,
       pay.last_payment_at,
       coalesce(pay.lifetime_revenue, 0) AS lifetime_revenue,
       coalesce(pay.revenue_last_90d, 0) AS revenue_last_90d
FROM public.contacts c
LEFT JOIN LATERAL (
  SELECT count(*) AS active_subscriptions,
         sum(CASE s.billing_interval
               WHEN 'year' THEN s.plan_amount / (12 * s.interval_count)
               WHEN 'week' THEN s.plan_amount * 52 / (12 * s.interval_count)
               WHEN 'day' THEN s.plan_amount * 365 / (12 * s.interval_count)
               ELSE s.plan_amount / s.interval_count
             END) AS monthly_recurring_revenue,
         min(s.current_period_end) AS next_renewal_at
  FROM public.stripe_subscriptions s
  WHERE s.contact_id = c.id AND s.status IN ('active', 'trialing', 'past_due')
) sub ON true
LEFT JOIN LATERAL (
  SELECT min(t.created_at) AS first_payment_at,
         max(t.created_at) AS last_payment_at,
         sum(t.amount - t.amount_refunded) AS lifetime_revenue,
         sum(t.amount - t.amount_refunded) FILTER (WHERE t.created_at >= now() - interval '90 days') AS revenue_last_90d
  FROM public.stripe_transactions t
  WHERE t.contact_id = c.id AND t.status IN ('succeeded', 'partially_refunded')
) pay ON true
WHERE coalesce(sub.active_subscriptions, 0) > 0
   OR pay.last_payment_at >= now() - interval '45 days'
`,
  columns: { client_status: 'subscribed (live subscription) or recent_payment (paid in the last 45 days)' },
});

// ---------------------------------------------------------------------------------------------
// Functions

export const getRevenueData = rpc('get_revenue_data', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Revenue by day/leads/purchases: net Stripe revenue, new contacts and purchases for each day of a range',
  args: {
    p_start_date: { type: 'date', default: sql`(CURRENT_DATE - 30)` },
    p_end_date: { type: 'date', default: sql`CURRENT_DATE` },
  },
  returns: { table: { day: 'date', revenue: 'numeric', leads: 'bigint', purchases: 'bigint' } },
  language: 'sql',
  volatility: 'stable',
  body: sql`
SELECT g.d::date,
       coalesce(r.revenue, 0),
       coalesce(l.leads, 0),
       coalesce(r.purchases, 0)
FROM generate_series(p_start_date::timestamp, p_end_date::timestamp, interval '1 day') AS g(d)
LEFT JOIN (
  SELECT t.created_at::date AS day, sum(t.amount - t.amount_refunded) AS revenue, count(*) AS purchases
  FROM public.stripe_transactions t
  WHERE t.status IN ('succeeded', 'partially_refunded')
    AND t.created_at >= p_start_date AND t.created_at < p_end_date + 1
  GROUP BY 1
) r ON r.day = g.d::date
LEFT JOIN (
  SELECT c.created_at::date AS day, count(*) AS leads
  FROM public.contacts c
  WHERE c.created_at >= p_start_date AND c.created_at < p_end_date + 1
  GROUP BY 1
) l ON l.day = g.d::date
ORDER BY 1
`,
  grants: ['authenticated', 'service_role'],
});

export const getStaleDeals = rpc('get_stale_deals', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Deals stale by hours_threshold: open deals without activity for at least that many hours',
  args: { hours_threshold: { type: 'integer', default: sql`72` } },
  returns: {
    table: {
      deal_id: 'uuid',
      deal_name: 'text',
      contact_id: 'uuid',
      contact_name: 'text',
      stage: 'text',
      deal_value: 'numeric',
      owner_id: 'text',
      closer_id: 'uuid',
      last_activity_at: 'timestamp with time zone',
      hours_stale: 'numeric',
    },
  },
  language: 'sql',
  volatility: 'stable',
  body: sql`
SELECT d.id,
       d.deal_name,
       d.contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), ''),
       d.stage,
       d.deal_value,
       d.owner_id,
       d.closer_id,
       coalesce(d.last_activity_at, d.stage_entered_at),
       round((extract(epoch FROM now() - coalesce(d.last_activity_at, d.stage_entered_at)) / 3600)::numeric, 1)
FROM public.deals d
LEFT JOIN public.contacts c ON c.id = d.contact_id
WHERE d.status = 'pending'
  AND d.stage NOT IN ('closedwon', 'closedlost')
  AND coalesce(d.last_activity_at, d.stage_entered_at) < now() - make_interval(hours => hours_threshold)
ORDER BY coalesce(d.last_activity_at, d.stage_entered_at)
`,
  grants: ['authenticated', 'service_role'],
});

export const manualLinkDealContact = rpc('manual_link_deal_contact', {
  group,
  description: 'Link deal to contact: sets deals.contact_id by hand (admins and service role) and notes it on the contact timeline',
  args: { p_deal_id: 'uuid', p_contact_id: 'uuid' },
  returns: 'public.deals',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_deal public.deals;
BEGIN
  IF coalesce(auth.role(), 'service_role') <> 'service_role' AND NOT public.has_role(auth.uid(), 'admin'::public.app_role) THEN
    RAISE EXCEPTION 'only admins can link deals to contacts' USING ERRCODE = '42501';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM public.contacts c WHERE c.id = p_contact_id) THEN
    RAISE EXCEPTION 'contact % does not exist', p_contact_id USING ERRCODE = 'P0002';
  END IF;

  UPDATE public.deals d SET contact_id = p_contact_id
   WHERE d.id = p_deal_id
  RETURNING d.* INTO v_deal;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'deal % does not exist', p_deal_id USING ERRCODE = 'P0002';
  END IF;

  INSERT INTO public.contact_activities (contact_id, activity_type, subject, performed_by, metadata)
  VALUES (p_contact_id, 'note', 'Deal linked manually: ' || coalesce(v_deal.deal_name, v_deal.id::text),
          coalesce(auth.uid()::text, 'service_role'), jsonb_build_object('deal_id', v_deal.id));
  RETURN v_deal;
END;
`,
  grants: ['authenticated', 'service_role'],
});
