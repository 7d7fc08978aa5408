import { system } from 'pgform';
import { areas, commonGroup } from './common.js';

const note = `
Consolidated multi-tenant Supabase platform: authentication and profiles, tenants, gamification and
community, telemetry and analytics, AI with embeddings, workflows, CRM, privacy and compliance,
security and audit, billing, marketplace, appointments, chat and monitoring, in ~120 tables across
21 areas.

**Migration strategy:** one master migration (\`99999999999999_master_consolidated_schema.sql\`)
consolidated the earlier migrations into a single coherent schema; pgform now owns it as definitions.

## Core extensions

| Extension | Use |
| --- | --- |
| \`pgcrypto\` | Cryptographic functions |
| \`pg_trgm\` | Trigram matching for text search (profile names, lead companies) |
| \`uuid-ossp\` | UUID generation (\`gen_random_uuid()\` is used for keys) |
| \`vector\` | **Not installed.** Neither target engine has pgvector: embeddings are stored as \`real[]\` and compared with \`public.cosine_similarity(real[], real[])\` (exact scan, no ANN index). \`search_embeddings()\`, \`hybrid_search()\` and \`match_knowledge()\` keep the pgvector-era signatures with \`real[]\` in place of \`vector(1536)\`. |

## Common patterns

### RLS policy patterns

Every table has row level security enabled. Policies combine these five patterns:

1. **Owner-only access:** \`auth.uid() = user_id\` (or the table's owner column: \`profiles.id\`, \`referrer_id\`, \`follower_id\`...).
2. **Tenant isolation:** \`EXISTS (SELECT 1 FROM tenant_members WHERE tenant_id = X AND user_id = auth.uid())\`,
   written as \`public.is_tenant_member(tenant_id, auth.uid())\`: a SECURITY DEFINER helper, so the policy on
   \`tenant_members\` itself does not recurse. Writes to tenant configuration need \`public.is_tenant_admin()\` (owner or admin role).
3. **Admin access:** \`public.is_admin(auth.uid())\` - platform admins (role \`admin\` in \`user_roles\`) manage every row.
4. **Service role:** \`auth.role() = 'service_role'\` - policies granted to \`service_role\` for backend jobs.
5. **Public read:** \`true\` for SELECT to \`anon\` and \`authenticated\` (badges, leaderboard, public profiles, published posts, public agents and templates).

Moderators (\`public.has_role(auth.uid(), 'moderator')\`) additionally manage posts, comments and moderation flags.

### Common functions

- \`update_updated_at_column()\` - trigger function for \`updated_at\` timestamps (a \`BEFORE UPDATE\` trigger \`update_<table>_updated_at\` on every table with \`updated_at\`).
- \`handle_updated_at()\` - alternative \`updated_at\` trigger function kept from older migrations.
- \`is_admin()\`, \`has_role()\`, \`is_tenant_member()\`, \`get_tenant_member_role()\`, \`is_tenant_admin()\` - the RLS helpers above.
- \`audit_trigger()\` - audit triggers on critical tables (data_subjects, consent_records, privacy_consents, data_subject_requests, user_roles, tenant_members, security_policies) write to \`audit_logs\`.

### Common indexes

- User ID indexes on all user-related tables; tenant ID indexes on all tenant-related tables.
- \`created_at DESC\` indexes for chronological queries.
- Composite indexes for common query patterns (e.g. \`leads (tenant_id, status)\`, \`notifications (user_id, created_at DESC) WHERE NOT is_read\`).

## Sign-up flow

\`handle_new_user()\` creates the profile, the default \`user\` role and the global \`user_settings\` row.
It runs from the trigger \`on_auth_user_created\` (AFTER INSERT ON \`auth.users\`), declared with \`trigger()\`:
\`auth.users\` belongs to Supabase, the trigger on it belongs to these definitions.

## Notes

- Some tables had duplicate definitions across migrations (e.g. \`events\` vs \`telemetry_events\` vs \`app_events\`,
  \`failed_attempts\` vs \`failed_login_attempts\`, \`automation_workflows\` vs \`workflow_definitions\`,
  \`workflow_steps\` vs \`step_executions\`, \`audit_log\` vs \`audit_logs\`); all are kept, with their role stated in each description.
- \`notifications\` is listed under both Gamification & Community and Notifications & Preferences; it is one table (group Gamification & Community).
- Some functions were defined several times with slight variations; each now has one definition.
- RLS policies were consolidated in \`20250129000000_consolidated_rls_policies_and_functions.sql\`; here they sit on each table.
`;

const keyFunctions = (...names: string[]) => `**Key functions:** ${names.map((n) => `\`${n}\``).join(', ')}`;

export const platform = system({
  title: 'Consolidated Multi-Tenant Platform',
  note,
  groups: {
    [commonGroup]: {
      description: 'Shared trigger functions and helpers used by every area',
      note: keyFunctions('update_updated_at_column()', 'handle_updated_at()', 'cosine_similarity(a, b)'),
    },
    [areas.auth]: {
      description: 'auth.users (Supabase managed), profiles, roles, settings and OAuth-declared apps',
      note: `${keyFunctions('handle_new_user()', 'is_admin(user_id)', 'has_role(user_id, role)', 'grant_role(user_id, role, expires_at)')}\n\nRoles are \`admin\`, \`moderator\` and \`user\` (enum \`app_role\`).`,
    },
    [areas.tenants]: {
      description: 'Tenants (organizations), their members with roles, usage counters and integration configs',
      note: `${keyFunctions('create_tenant(name, subdomain, plan_id)', 'is_tenant_member(tenant_id, user_id)', 'get_tenant_member_role(tenant_id, user_id)', 'track_usage(tenant_id, metric_type, increment)', 'check_tenant_limit(tenant_id, metric_type)')}\n\nEvery tenant-scoped row carries \`tenant_id\`; the tenant isolation pattern keeps tenants apart. Usage limits come from \`tenants.limits\`, else the plan's \`subscription_plans.limits\`.`,
    },
    [areas.gamification]: {
      description: 'Badges, streaks, posts, comments, reactions, journals, challenges, leaderboard, notifications, follows, activity feed, referrals and moderation',
      note: `${keyFunctions('generate_referral_code()', 'update_leaderboard()')}\n\n\`update_leaderboard()\` runs after XP changes on \`profiles\` and keeps all-time, monthly and weekly ranks.`,
    },
    [areas.events]: {
      description: 'Event tracking (legacy events, telemetry, app and conversion events), sessions, signals and segments',
      note: `${keyFunctions('upsert_events(rows)', 'recompute_metrics_daily(start, end)')}\n\n\`events\`, \`telemetry_events\` and \`app_events\` overlap by history; \`events\` feeds \`metrics_daily\`.`,
    },
    [areas.analytics]: {
      description: 'Daily and raw metrics, performance, business and system metrics, PMF snapshots and activations',
      note: `${keyFunctions('get_latest_metrics_per_source(limit)', 'get_metrics_trends(days_back)', 'calculate_activation_rate(days_back)', 'calculate_retention_rate(days_after, days_back)', 'calculate_nps(days_back)', 'update_pmf_metrics_snapshot()')}\n\n**View:** \`metrics_dashboard\`.`,
    },
    [areas.ai]: {
      description: 'Embeddings for semantic search, AI health metrics, insights, agents and interaction logs',
      note: `${keyFunctions('search_embeddings(query_embedding, threshold, count, namespace)', 'hybrid_search(query_text, query_embedding, threshold, count, namespace)', 'match_knowledge(query_embedding, threshold, count, tenant_id)')}\n\nEmbeddings are \`real[]\` (no pgvector); similarity is exact cosine over all candidate rows.`,
    },
    [areas.workflows]: {
      description: 'Workflow definitions, executions, step executions, templates and autopilots',
      note: keyFunctions('log_automation_event(action, workflow_id, execution_id, metadata)'),
    },
    [areas.crm]: {
      description: 'Leads and their activities, sessions and touchpoints; email; nurturing; CRM sync; conversions, costs, ROI and revenue; A/B tests',
      note: keyFunctions('calculate_lead_score(lead_id)', 'check_appointment_conflicts(start_time, end_time, organizer_id)'),
    },
    [areas.privacy]: {
      description: 'Consents, GDPR/CCPA data subjects and their requests, consent ledger, Article 30 records and compliance reporting',
      note: keyFunctions('has_valid_consent(user_id, purpose)', 'get_user_data_purposes(user_id)', 'handle_data_subject_access_request(subject_id, request_type)', 'anonymize_personal_data(subject_id)'),
    },
    [areas.security]: {
      description: 'Audit logs, security events, threat detections, failed logins, security policies and rate limits',
      note: `${keyFunctions('check_failed_login_attempts(email, ip_address)', 'record_failed_login_attempt(email, ip_address, user_agent)', 'clear_failed_login_attempts(email, ip_address)', 'log_audit_event(user_id, action, resource_type, resource_id, metadata)', 'check_rate_limit(identifier, endpoint, max_requests, window_seconds)')}\n\n**Triggers:** audit triggers on critical tables (data_subjects, consent_records, privacy_consents, data_subject_requests, user_roles, tenant_members, security_policies).`,
    },
    [areas.trust]: {
      description: 'Trust ledger hash roots, guardian preferences and events, trust badges',
      note: keyFunctions('get_guardian_summary(user_id, days)'),
    },
    [areas.billing]: { description: 'Subscription plans, revenue streams and user subscription tiers' },
    [areas.marketplace]: { description: 'Marketplace items (templates, agents, integrations), integrations, API services, API usage and request logs' },
    [areas.appointments]: { description: 'Appointments and their reminders, meetings and meeting notes/transcriptions' },
    [areas.design]: { description: 'Design projects and their version history' },
    [areas.community]: { description: 'Community forum posts, expert profiles and communication channel configs' },
    [areas.notifications]: {
      description: 'Granular notification preferences and push subscriptions (notifications itself is in Gamification & Community)',
      note: keyFunctions('get_or_create_user_settings(user_id, tenant_id)', 'mark_notifications_read(user_id, notification_ids)', 'get_unread_notification_count(user_id, tenant_id)'),
    },
    [areas.blog]: { description: 'Blog post comments', note: keyFunctions('get_blog_post_comment_count(post_slug)') },
    [areas.chat]: { description: 'Chat conversations and messages' },
    [areas.orchestrator]: {
      description: 'Orchestrator cycle reports, dependency health, cost forecasts and security audits',
      note: keyFunctions('get_latest_orchestrator_report()', 'get_table_rls_status()'),
    },
    [areas.storage]: {
      description: 'Storage buckets (public, private) and the supabase_realtime publication',
      note: 'Realtime publication `supabase_realtime` covers profiles, posts, journal_entries and app_events.',
    },
  },
  joins: [
    { from: 'activities.object_id', to: 'posts.id', description: 'Polymorphic: object_type names the table (post, badge, challenge...)' },
    { from: 'moderation_flags.content_id', to: 'posts.id', description: 'Polymorphic: content_type names the table (post, comment, profile...)' },
    { from: 'moderation_flags.content_id', to: 'comments.id', description: 'When content_type = comment' },
    { from: 'agent_interactions.conversation_id', to: 'chat_conversations.id', description: 'Agent calls made inside a chat' },
    { from: 'audit_logs.resource_id', to: 'automation_workflows.id', description: "log_automation_event(): resource_type = 'automation_workflow' (text id)" },
    { from: 'privacy_consents.purpose', to: 'data_processing_activities.purpose', description: 'Consent purposes match Article 30 purposes' },
    { from: 'failed_login_attempts.email', to: 'profiles.email', description: 'Attempts are by email, before a user is known' },
    { from: 'data_subjects.email', to: 'leads.email', description: 'anonymize_personal_data() scrubs leads by email' },
  ],
});
