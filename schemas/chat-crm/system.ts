/*
 * System documentation of the Chat Dashboard CRM: overview, architecture, RLS and security
 * notes, groups in the seed's order, and the joins the application relies on without a foreign key.
 */
import { system } from 'pgform';
import { groups } from './common.js';

const note = `
The database of the **Chat Dashboard** application: a multi-tenant inbox for WhatsApp, Facebook and
Instagram conversations with an AI bot, joined to a full CRM (clients, deals, orders, activities,
notes, tags) and pre-aggregated analytics. Schema version **V12 - FEATURE RESTORATION**.

## Architecture

- **Database**: PostgreSQL (via Supabase); **authentication**: Supabase Auth.
- **Row-Level Security** is enabled on all 17 tables.
- **Extensions**: \`uuid-ossp\` (in the \`extensions\` schema) for \`uuid_generate_v4()\` primary keys.
- **17 core tables + 5 materialized views**: 9 chat tables, 8 CRM tables, 5 analytics views.

## Data flows

1. **Sign-up**: a new \`auth.users\` row fires \`on_auth_user_created\` → \`handle_new_user()\` creates an
   organization and an \`admin\` profile. Every user belongs to exactly one organization.
2. **Channel setup**: \`create_channel_and_config()\` creates a channel and its default
   \`channel_configurations\` row (Gemini model, temperature 0.7, bot active).
3. **Incoming message** (webhook, service role): the contact is found or created by
   \`(channel_id, platform_user_id)\`; a new contact gets a CRM client (\`on_new_contact_create_client\`,
   client type and lifecycle stage \`lead\`). Each message insert refreshes the contact summary
   (\`messages_summary_trigger\`: last interaction, preview, unread count). Keyword actions can switch
   the bot off for a contact (\`contacts.ai_enabled\`).
4. **CRM**: orders keep client revenue figures current (\`trigger_update_client_revenue\`); deal stage
   changes are logged to \`crm_deal_stages_history\`; activities move the client's
   \`last_contact_date\`. Creating activities from AI messages (\`trigger_create_activity_from_message\`)
   exists but is **disabled**.
5. **Analytics**: materialized views are refreshed by \`SELECT refresh_all_analytics();\` from a
   scheduled job; dashboards call \`get_crm_dashboard_summary()\` and \`get_conversion_funnel()\`.

## Row-Level Security

All tables have RLS enabled with organization-based policies. The standard pattern:

\`\`\`sql
CREATE POLICY "Users can manage data in their organization"
  ON table_name
  FOR ALL
  TO authenticated
  USING (organization_id = (SELECT public.get_my_organization_id()))
  WITH CHECK (organization_id = (SELECT public.get_my_organization_id()));
\`\`\`

The function is wrapped in a sub-select so PostgreSQL evaluates it once per statement.

**Exceptions**:
- \`profiles\`: policy uses \`id = auth.uid()\`
- \`organizations\`: policy uses \`id = get_my_organization_id()\`
- \`crm_deal_stages_history\`: users can **view** (and, through the stage trigger, insert) history of
  their organization; it cannot be changed.

The service role (webhooks, scheduled jobs) bypasses RLS. Materialized views cannot have RLS: they are
readable by the service role only, and users reach analytics through the SECURITY DEFINER dashboard
functions, which check that \`org_id\` is the caller's organization.

## Security hardening

All functions have been hardened with \`SET search_path = ''\` to prevent attacks via search path
manipulation; every name inside a body is schema-qualified (\`public.crm_clients\`, \`auth.uid()\`).
SECURITY DEFINER is used only where a function must see past RLS: \`get_my_organization_id()\`,
\`handle_new_user()\`, \`update_contact_summary_on_message()\`, \`create_client_on_new_contact()\`,
\`get_contacts_for_channel()\` (filters by organization itself), \`refresh_all_analytics()\`
(service role only), \`get_crm_dashboard_summary()\` and \`get_conversion_funnel()\`.

## The sign-up trigger on auth.users

\`auth.users\` belongs to Supabase; the definitions declare the trigger \`on_auth_user_created\` on it
(AFTER INSERT, FOR EACH ROW) with \`trigger()\`, so pgform creates and checks it like any other.

## Common query patterns

\`\`\`sql
-- All contacts of a channel with their CRM data
SELECT * FROM get_contacts_for_channel('channel-uuid', 'search-term');

-- Client 360 view
SELECT * FROM crm_clients WHERE id = 'client-uuid';
SELECT * FROM crm_activities WHERE client_id = 'client-uuid' ORDER BY created_at DESC;
SELECT * FROM crm_notes WHERE client_id = 'client-uuid' ORDER BY created_at DESC;

-- Refresh analytics
SELECT refresh_all_analytics();
\`\`\`

## Migration notes

- Tables are created in dependency order.
- All foreign keys use \`ON DELETE CASCADE\` or \`ON DELETE SET NULL\` appropriately: deleting an
  organization removes all its data; deleting a contact keeps its CRM client (\`contact_id\` becomes NULL).
- Triggers are ordered to prevent conflicts.
- Materialized views require manual refresh or scheduled jobs.
`.trim();

export const chatCrm = system({
  title: 'Chat Dashboard CRM',
  note,
  groups: {
    [groups.core]: {
      description: 'Organizations, users, messaging channels, contacts, messages and per-channel bot configuration.',
      note: 'Every table except `profiles` carries `organization_id` and is scoped by `get_my_organization_id()`. Channels are WhatsApp, Facebook or Instagram; the bot of a channel is configured by `channel_configurations`, `agent_prompts`, `content_collections` and `keyword_actions`.',
    },
    [groups.crm]: {
      description: 'Clients, deals, stage history, products, orders, activities, notes and tags.',
      note: 'Each contact has at most one CRM client (`crm_clients.contact_id` is unique). Revenue figures on `crm_clients` are derived from `crm_orders`; `crm_deal_stages_history` is written by the deal stage trigger.',
    },
    [groups.analytics]: {
      description: 'Aggregated reporting data, refreshed by `refresh_all_analytics()`.',
      note: 'Each view has a unique index so it can be refreshed with `REFRESH MATERIALIZED VIEW CONCURRENTLY` (readers are never blocked). Periods are truncated in UTC. The views hold every organization\'s rows and bypass RLS, so only the service role may read them.',
    },
    [groups.auth]: { description: 'Sign-up provisioning and the organization lookup every RLS policy uses.' },
    [groups.channels]: { description: 'Creating channels with their default configuration.' },
    [groups.contacts]: { description: 'Contact summary maintenance and the inbox query.' },
    [groups.crmFunctions]: { description: 'Triggers linking chat to the CRM and keeping CRM aggregates current.' },
    [groups.analyticsFunctions]: { description: 'Lifetime value, win rate, analytics refresh and dashboard RPCs.' },
  },
  joins: [
    { from: 'crm_clients.platform_user_id', to: 'contacts.platform_user_id', description: 'Copied from the contact when the client is created; re-links a client to a re-created contact' },
    { from: 'crm_clients.tags', to: 'crm_tags.name', description: 'Tag names in a text array, same organization' },
    { from: 'crm_deals.tags', to: 'crm_tags.name', description: 'Tag names in a text array, same organization' },
    { from: 'crm_notes.tags', to: 'crm_tags.name', description: 'Tag names in a text array, same organization' },
    { from: 'crm_deals.products', to: 'crm_products.id', description: 'Product ids inside the products JSON array' },
    { from: 'crm_orders.items', to: 'crm_products.id', description: 'Product ids inside the items JSON array' },
    { from: 'analytics_deal_metrics.owner_id', to: 'profiles.id', description: 'Deal owner of the aggregate' },
    { from: 'analytics_client_metrics.assigned_to', to: 'profiles.id', description: 'Assigned agent of the aggregate' },
    { from: 'analytics_channel_performance.channel_id', to: 'channels.id', description: 'Channel of the aggregate' },
    { from: 'analytics_revenue_metrics.organization_id', to: 'organizations.id', description: 'Every analytics view is per organization' },
  ],
});
