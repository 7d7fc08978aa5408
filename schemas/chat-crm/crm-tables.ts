/*
 * CRM Tables (seed tables 10-17): clients, deals and their stage history, the product catalogue,
 * e-commerce orders, the activity log, notes and reusable tags.
 */
import { boolean, date, integer, jsonb, numeric, sql, table, text, timestamptz, uuid, type TriggerInput } from 'pgform';
import { groups, idColumn, myOrganization, organizationColumn, organizationPolicy, tableGrants } from './common.js';

const group = groups.crm;

const updatedAtTrigger: TriggerInput = { timing: 'before', events: ['update'], function: 'public.update_updated_at', description: 'Auto-updates `updated_at`' };
const money = (description: string) => numeric(12, 2).describe(description);
const currency = () => text().notNull().default('USD').check(sql`currency ~ '^[A-Z]{3}$'`).describe('Currency code');

export const clientTypes = ['lead', 'prospect', 'customer', 'partner', 'inactive'] as const;
export const lifecycleStages = ['lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist', 'churned'] as const;
export const dealStages = ['prospecting', 'qualification', 'proposal', 'negotiation', 'closed_won', 'closed_lost'] as const;
export const orderStatuses = ['pending', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;

export const crmClients = table('crm_clients', {
  group,
  description: 'Core CRM client/customer records.',
  note: [
    'A client is created automatically for every new contact (`on_new_contact_create_client`), so chat conversations and the CRM share one record. The client\'s display name comes from the linked contact.',
    '`total_orders`, `total_revenue` and `average_order_value` are maintained by `trigger_update_client_revenue` on `crm_orders` (cancelled and refunded orders do not count); `last_contact_date` by `trigger_update_last_contact` on `crm_activities`.',
  ].join('\n\n'),
  columns: {
    id: idColumn('Client identifier'),
    organization_id: organizationColumn('crm_clients'),
    contact_id: uuid().unique().references('contacts', 'id', { onDelete: 'set null' }).describe('Associated contact'),
    client_type: text().notNull().default('lead').oneOf(clientTypes).index('idx_crm_clients_type').describe('Client type (lead, prospect, customer, partner, inactive)'),
    company_name: text().describe('Company name'),
    email: text().index('idx_crm_clients_email').describe('Email address'),
    phone: text().describe('Phone number'),
    secondary_phone: text().describe('Secondary phone'),
    address: jsonb().describe('Address object'),
    ecommerce_customer_id: text().index('idx_crm_clients_ecommerce').describe('E-commerce platform customer ID'),
    total_orders: integer().default(0).check(sql`total_orders >= 0`).describe('Total number of orders'),
    total_revenue: money('Total revenue generated').default(0),
    average_order_value: money('Average order value').default(0),
    source: text().describe('Lead source'),
    source_details: jsonb().describe('Additional source details'),
    utm_data: jsonb().describe('UTM tracking data'),
    lifecycle_stage: text().default('lead').oneOf(lifecycleStages).index('idx_crm_clients_lifecycle').describe('Lifecycle stage (lead, mql, sql, opportunity, customer, evangelist, churned)'),
    lead_score: integer().default(0).check(sql`lead_score >= 0`).describe('Lead scoring value'),
    lead_quality: text().oneOf(['hot', 'warm', 'cold']).describe('Quality rating (hot, warm, cold)'),
    assigned_to: uuid().references('profiles', 'id', { onDelete: 'set null' }).index('idx_crm_clients_assigned').describe('Assigned agent'),
    tags: text().array().describe('Array of tags'),
    custom_fields: jsonb().describe('Custom field data'),
    platform_user_id: text().index('idx_crm_clients_platform_user_id').describe('Platform user ID (from contact)'),
    first_contact_date: timestamptz().defaultNow().describe('First contact timestamp'),
    last_contact_date: timestamptz().describe('Last contact timestamp'),
    next_follow_up_date: timestamptz().describe('Next follow-up date'),
    created_at: timestamptz().notNull().defaultNow().describe('Creation timestamp'),
    updated_at: timestamptz().notNull().defaultNow().describe('Last update timestamp'),
  },
  indexes: {
    idx_crm_clients_org_ecommerce_customer: {
      on: ['organization_id', 'ecommerce_customer_id'],
      unique: true,
      where: sql`ecommerce_customer_id IS NOT NULL`,
      description: 'UNIQUE (organization_id, ecommerce_customer_id) when not null',
    },
    idx_crm_clients_tags: { on: ['tags'], using: 'gin', description: 'Tag filters (tags @> ARRAY[...])' },
  },
  triggers: {
    trigger_crm_clients_updated_at: updatedAtTrigger,
  },
  rls: true,
  policies: organizationPolicy('CRM clients'),
  grants: tableGrants,
});

export const crmDeals = table('crm_deals', {
  group,
  description: 'Sales deals/opportunities.',
  note: 'Every stage change is written to `crm_deal_stages_history` and stamps `stage_changed_at`; moving to `closed_won` or `closed_lost` fills `actual_close_date` when it is empty.',
  columns: {
    id: idColumn('Deal identifier'),
    organization_id: organizationColumn('crm_deals'),
    client_id: uuid().notNull().references('crm_clients', 'id', { onDelete: 'cascade' }).index('idx_crm_deals_client').describe('Associated client'),
    name: text().notNull().describe('Deal name'),
    description: text().describe('Deal description'),
    deal_value: money('Deal value').notNull().default(0).check(sql`deal_value >= 0`),
    currency: currency(),
    stage: text().notNull().default('prospecting').oneOf(dealStages).index('idx_crm_deals_stage').describe('Deal stage (prospecting, qualification, proposal, negotiation, closed_won, closed_lost)'),
    probability: integer().default(0).check(sql`probability BETWEEN 0 AND 100`).describe('Win probability percentage'),
    expected_close_date: date().index('idx_crm_deals_close_date').describe('Expected close date'),
    actual_close_date: date().describe('Actual close date'),
    products: jsonb().describe('Products in deal'),
    owner_id: uuid().references('profiles', 'id', { onDelete: 'set null' }).index('idx_crm_deals_owner').describe('Deal owner'),
    lost_reason: text().describe('Reason if lost'),
    lost_reason_details: text().describe('Additional loss details'),
    won_reason: text().describe('Reason if won'),
    competitor: text().describe('Competitor name'),
    tags: text().array().describe('Deal tags'),
    custom_fields: jsonb().describe('Custom field data'),
    created_at: timestamptz().notNull().defaultNow().describe('Creation timestamp'),
    updated_at: timestamptz().notNull().defaultNow().describe('Last update timestamp'),
    stage_changed_at: timestamptz().defaultNow().describe('Last stage change timestamp'),
  },
  triggers: {
    trigger_track_deal_stage_change: {
      timing: 'before',
      events: ['update'],
      updateOf: ['stage'],
      when: sql`OLD.stage IS DISTINCT FROM NEW.stage`,
      function: 'public.track_deal_stage_change',
      description: 'Tracks stage changes to history table',
    },
    trigger_track_deal_initial_stage: {
      timing: 'after',
      events: ['insert'],
      function: 'public.track_deal_stage_change',
      description: "Records the deal's first stage in the history table",
    },
    trigger_crm_deals_updated_at: updatedAtTrigger,
  },
  rls: true,
  policies: organizationPolicy('deals'),
  grants: tableGrants,
});

export const crmDealStagesHistory = table('crm_deal_stages_history', {
  group,
  description: 'Historical record of deal stage changes.',
  note: 'Append-only: rows are written by `track_deal_stage_change()` (security invoker), so users may read and insert history of their organization but not change it.',
  columns: {
    id: idColumn('History record identifier'),
    organization_id: organizationColumn('crm_deal_stages_history'),
    deal_id: uuid().notNull().references('crm_deals', 'id', { onDelete: 'cascade' }).index('idx_deal_stages_history_deal').describe('Deal'),
    from_stage: text().oneOf(dealStages).describe('Previous stage'),
    to_stage: text().notNull().oneOf(dealStages).describe('New stage'),
    changed_by: uuid().index().references('profiles', 'id', { onDelete: 'set null' }).describe('User who made change'),
    notes: text().describe('Change notes'),
    created_at: timestamptz().notNull().defaultNow().index('idx_deal_stages_history_created').describe('Change timestamp'),
  },
  rls: true,
  policies: {
    'Users can view deal history in their organization': { for: 'select', to: 'authenticated', using: sql`organization_id = ${myOrganization}` },
    'Users can record deal history in their organization': { for: 'insert', to: 'authenticated', withCheck: sql`organization_id = ${myOrganization}` },
  },
  grants: [
    { to: 'authenticated', privileges: ['select', 'insert'] },
    { to: 'service_role', privileges: ['select', 'insert', 'update', 'delete'] },
  ],
});

export const crmProducts = table('crm_products', {
  group,
  description: 'Product catalog for deals and orders.',
  columns: {
    id: idColumn('Product identifier'),
    organization_id: organizationColumn('crm_products'),
    name: text().notNull().describe('Product name'),
    description: text().describe('Product description'),
    sku: text().describe('Stock keeping unit'),
    category: text().describe('Product category'),
    price: money('Product price').notNull().default(0).check(sql`price >= 0`),
    cost: money('Product cost').check(sql`cost >= 0`),
    currency: currency(),
    ecommerce_product_id: text().index('idx_crm_products_ecommerce').describe('E-commerce platform product ID'),
    is_active: boolean().notNull().default(true).index('idx_crm_products_active').describe('Product active status'),
    custom_fields: jsonb().describe('Custom field data'),
    created_at: timestamptz().notNull().defaultNow().describe('Creation timestamp'),
    updated_at: timestamptz().notNull().defaultNow().describe('Last update timestamp'),
  },
  indexes: {
    idx_crm_products_org_ecommerce_product: {
      on: ['organization_id', 'ecommerce_product_id'],
      unique: true,
      where: sql`ecommerce_product_id IS NOT NULL`,
      description: 'UNIQUE (organization_id, ecommerce_product_id) when not null',
    },
  },
  triggers: {
    trigger_crm_products_updated_at: updatedAtTrigger,
  },
  rls: true,
  policies: organizationPolicy('products'),
  grants: tableGrants,
});

export const crmOrders = table('crm_orders', {
  group,
  description: 'Customer orders (E-commerce integration).',
  note: 'Each insert, update or delete recomputes the client\'s `total_orders`, `total_revenue` and `average_order_value` (orders in status `cancelled` or `refunded` are excluded).',
  columns: {
    id: idColumn('Order identifier'),
    organization_id: organizationColumn('crm_orders'),
    client_id: uuid().notNull().references('crm_clients', 'id', { onDelete: 'cascade' }).index('idx_crm_orders_client').describe('Client'),
    deal_id: uuid().references('crm_deals', 'id', { onDelete: 'set null' }).index('idx_crm_orders_deal').describe('Associated deal'),
    order_number: text().notNull().describe('Order number'),
    ecommerce_order_id: text().index('idx_crm_orders_ecommerce').describe('E-commerce platform order ID'),
    subtotal: money('Order subtotal').notNull().default(0),
    tax: money('Tax amount').default(0),
    shipping: money('Shipping cost').default(0),
    discount: money('Discount amount').default(0),
    total: money('Order total').notNull().default(0),
    currency: currency(),
    status: text().notNull().default('pending').oneOf(orderStatuses).index('idx_crm_orders_status').describe('Order status (pending, processing, shipped, delivered, cancelled, refunded)'),
    items: jsonb().describe('Order items array'),
    shipping_address: jsonb().describe('Shipping address'),
    tracking_number: text().describe('Shipping tracking number'),
    order_date: timestamptz().notNull().defaultNow().index('idx_crm_orders_date').describe('Order date'),
    shipped_date: timestamptz().describe('Shipping date'),
    delivered_date: timestamptz().describe('Delivery date'),
    created_at: timestamptz().notNull().defaultNow().describe('Creation timestamp'),
    updated_at: timestamptz().notNull().defaultNow().describe('Last update timestamp'),
  },
  unique: [['organization_id', 'order_number']],
  checks: {
    crm_orders_amounts_check: sql`subtotal >= 0 AND COALESCE(tax, 0) >= 0 AND COALESCE(shipping, 0) >= 0 AND COALESCE(discount, 0) >= 0 AND total >= 0`,
  },
  triggers: {
    trigger_crm_orders_updated_at: updatedAtTrigger,
    trigger_update_client_revenue: {
      timing: 'after',
      events: ['insert', 'update', 'delete'],
      function: 'public.update_client_revenue',
      description: 'Updates client revenue metrics',
    },
  },
  rls: true,
  policies: organizationPolicy('orders'),
  grants: tableGrants,
});

export const crmActivities = table('crm_activities', {
  group,
  description: 'Activity log (calls, meetings, tasks, chatbot interactions).',
  note: 'Logging an activity for a client moves the client\'s `last_contact_date` forward. Chatbot interactions would be created from AI messages by `trigger_create_activity_from_message` on `messages`, which is currently disabled.',
  columns: {
    id: idColumn('Activity identifier'),
    organization_id: organizationColumn('crm_activities'),
    client_id: uuid().references('crm_clients', 'id', { onDelete: 'cascade' }).index('idx_crm_activities_client').describe('Associated client'),
    deal_id: uuid().references('crm_deals', 'id', { onDelete: 'cascade' }).index('idx_crm_activities_deal').describe('Associated deal'),
    message_id: uuid().references('messages', 'id', { onDelete: 'set null' }).index('idx_crm_activities_message').describe('Associated message'),
    activity_type: text()
      .notNull()
      .oneOf(['call', 'email', 'meeting', 'task', 'note', 'chatbot_interaction', 'website_visit'])
      .index('idx_crm_activities_type')
      .describe('Activity type (call, email, meeting, task, note, chatbot_interaction, website_visit)'),
    subject: text().notNull().describe('Activity subject'),
    description: text().describe('Activity description'),
    status: text().default('pending').oneOf(['pending', 'completed', 'cancelled']).index('idx_crm_activities_status').describe('Status (pending, completed, cancelled)'),
    priority: text().oneOf(['low', 'medium', 'high', 'urgent']).describe('Priority (low, medium, high, urgent)'),
    due_date: timestamptz().index('idx_crm_activities_due').describe('Due date for tasks'),
    completed_at: timestamptz().describe('Completion timestamp'),
    assigned_to: uuid().references('profiles', 'id', { onDelete: 'set null' }).index('idx_crm_activities_assigned').describe('Assigned user'),
    created_by: uuid().index().references('profiles', 'id', { onDelete: 'set null' }).describe('Creator'),
    metadata: jsonb().describe('Additional metadata'),
    created_at: timestamptz().notNull().defaultNow().describe('Creation timestamp'),
    updated_at: timestamptz().notNull().defaultNow().describe('Last update timestamp'),
  },
  triggers: {
    trigger_crm_activities_updated_at: updatedAtTrigger,
    trigger_update_last_contact: {
      timing: 'after',
      events: ['insert'],
      function: 'public.update_last_contact',
      description: "Updates client's last_contact_date",
    },
  },
  rls: true,
  policies: organizationPolicy('activities'),
  grants: tableGrants,
});

export const crmNotes = table('crm_notes', {
  group,
  description: 'Notes attached to clients or deals.',
  columns: {
    id: idColumn('Note identifier'),
    organization_id: organizationColumn('crm_notes'),
    client_id: uuid().references('crm_clients', 'id', { onDelete: 'cascade' }).index('idx_crm_notes_client').describe('Associated client'),
    deal_id: uuid().references('crm_deals', 'id', { onDelete: 'cascade' }).index('idx_crm_notes_deal').describe('Associated deal'),
    title: text().describe('Note title'),
    content: text().notNull().describe('Note content'),
    note_type: text().oneOf(['general', 'call_log', 'meeting_summary', 'important']).describe('Note type (general, call_log, meeting_summary, important)'),
    is_pinned: boolean().default(false).index('idx_crm_notes_pinned').describe('Pinned status'),
    tags: text().array().describe('Note tags'),
    created_by: uuid().index().references('profiles', 'id', { onDelete: 'set null' }).describe('Note creator'),
    created_at: timestamptz().notNull().defaultNow().describe('Creation timestamp'),
    updated_at: timestamptz().notNull().defaultNow().describe('Last update timestamp'),
  },
  checks: {
    crm_notes_attached_check: sql`client_id IS NOT NULL OR deal_id IS NOT NULL`,
  },
  triggers: {
    trigger_crm_notes_updated_at: updatedAtTrigger,
  },
  rls: true,
  policies: organizationPolicy('notes'),
  grants: tableGrants,
});

export const crmTags = table('crm_tags', {
  group,
  description: 'Reusable tags for categorization.',
  note: 'Tag names are what `crm_clients.tags`, `crm_deals.tags` and `crm_notes.tags` hold (text arrays, no foreign key).',
  columns: {
    id: idColumn('Tag identifier'),
    organization_id: organizationColumn('crm_tags'),
    name: text().notNull().describe('Tag name'),
    color: text().default('#3B82F6').check(sql`color ~ '^#[0-9A-Fa-f]{6}$'`).describe('Tag color (hex)'),
    category: text().index('idx_crm_tags_category').describe('Tag category'),
    created_at: timestamptz().notNull().defaultNow().describe('Creation timestamp'),
  },
  unique: [['organization_id', 'name']],
  rls: true,
  policies: organizationPolicy('tags'),
  grants: tableGrants,
});
