import { system } from 'pgform';

export const pulse = system({
  title: 'Pulse Intelligence',
  note: `
Pulse Intelligence is an AI coaching and productivity platform for real estate agents: AI agents
(chat and ElevenLabs voice), intelligence engines (Pulse, MORO, GANE) scoring activity and
goals, daily actions, role play training, content generation and CRM / OAuth integrations.
Database: PostgreSQL on Supabase, schema \`public\`.

## Authentication: Clerk, TEXT user ids

- Users sign in with **Clerk**, not Supabase Auth. User ids are Clerk ids such as \`user_2abc...\`
  stored as **TEXT**; nothing references \`auth.users\`.
- \`profiles.id\` is the Clerk id. Every \`user_id\` (and \`referrer_id\`, \`created_by\`,
  \`granted_by\`) column is TEXT with a foreign key to \`profiles(id)\`.
- A Clerk webhook Edge Function creates the profile; the \`on_profile_created\` trigger
  (\`handle_new_profile()\`) then grants the \`user\` role and creates \`user_credits\`,
  \`user_preferences\` and \`user_onboarding\`.
- Supabase receives the Clerk session JWT. \`requesting_user_id()\` returns
  \`auth.jwt() ->> 'sub'\`, the Clerk id of the caller.

## Row Level Security

RLS is enabled on every table. Policies are written for the \`authenticated\` role and use
\`(SELECT public.requesting_user_id())\` (evaluated once per statement). The patterns:

| pattern | tables | rule |
| --- | --- | --- |
| Own rows | goals, daily_actions, transactions, call_logs, generated_content... | \`user_id = requesting_user_id()\` for select / insert / update / delete |
| Library | agent_voices, email_templates, client_personas, objection_scripts, role_play_scenarios, campaign_templates, task_templates, agent_config | system rows (\`user_id IS NULL\`, active) readable by all; users manage their own rows |
| Engine output | pulse_scores, *_engine_snapshots, role_play_user_progress, user_credits, credit_transactions | users read their own rows; only the service role (Edge Functions) or SECURITY DEFINER functions write |
| Catalog | content_topics, content_packs, featured_content_packs, ai_prompt_configs, feature_flags, legal_documents | readable by signed-in users (legal documents also by \`anon\`); admins manage |
| Admin | most tables | \`has_role(requesting_user_id(), 'admin')\` adds read (or full) access |

- \`has_role()\` is SECURITY DEFINER so the policies of \`user_roles\` never recurse.
- **Service role bypass**: Edge Functions use the service role key, which bypasses RLS on
  Supabase. Tables written only by Edge Functions also carry an explicit
  \`Service role can manage ...\` policy to document that path.
- Credits change only through \`deduct_credits()\` / \`add_credits()\`, executable by the service
  role only; users can read their balance and ledger, never write them.

## Edge Functions

About 101 Supabase Edge Functions sit in front of the database: AI agent chat, engine
computations, OAuth flows and tool integrations (Google, Microsoft, Meta, LinkedIn, Zoom), CRM
operations (Lofty, FollowUpBoss, SkySlope) and webhooks (Clerk, ElevenLabs). OAuth and CRM
tokens are encrypted by these functions before they are stored.

## About the table list

The source document lists 52 "tables", generated from the Supabase TypeScript types. Four of
those entries are not tables: \`__InternalSupabase\` (the types file's metadata key),
\`public\` (the schema name), and \`has_role\` / \`admin_set_user_role\` (RPC functions, declared
here as functions). The 48 real tables are all defined; \`user_knowledge\` had no category and
sits with the user tables.

## Conventions

- UUID primary keys (\`gen_random_uuid()\`) except \`profiles\` (Clerk id).
- \`created_at\` / \`updated_at\` in UTC; \`update_updated_at_column()\` keeps \`updated_at\`.
- JSONB for flexible structures (messages, engine inputs and results, settings).
- Schema history: 22 migrations from the initial schema (Oct 28, 2025) through ElevenLabs call
  support (Nov 5), end-to-end features (Nov 6), RLS permission updates (Nov 7) and Clerk
  authentication fixes (Nov 7-8, 2025).
`,
  groups: {
    'User Management': {
      description: 'Profiles keyed by Clerk id, onboarding, preferences, credits, roles (RBAC), agent subscriptions, guidelines and knowledge',
      note: 'Roles live in `user_roles` (enum `app_role`) and are read by `has_role()`; `admin_set_user_role()` is the only way an admin changes them. The signup trigger on `profiles` creates the per-user rows of this group.',
    },
    'AI Agent System': {
      description: 'AI agent configurations, voices, conversations, action and tool logs, prompt templates',
      note: 'System agents, voices and prompts ship with `user_id IS NULL`; users can add their own. Every tool call lands in `ai_tool_usage`, every side effect in `ai_actions_log`.',
    },
    'Intelligence Engines': {
      description: 'Pulse scores, MORO / GANE / Pulse engine snapshots, the graph context cache and market intelligence',
      note: 'Engines run in Edge Functions on the service role and store one snapshot per run. `calculate_pulse_score()` computes the daily score in SQL: 35% action completion, 25% consistency, 25% goal progress, 15% role play practice over the last 7-14 days.',
    },
    'Goals & Actions': {
      description: 'Goals and targets, daily actions and real estate transactions',
      note: 'Goals may come from a `business_plans` row; daily actions from `task_templates` or the AI coach. The views `goal_progress` and `daily_action_summary` compute progress with the caller rights.',
    },
    Communication: { description: 'Call logs with recordings and transcripts, email campaigns and templates' },
    'Training & Role Play': {
      description: 'Role play scenarios, session logs, AI analysis reports and progress',
      note: 'Flow: a session (`role_play_session_logs`, often an ElevenLabs call) is analysed into `role_play_analysis_reports`; the insert trigger updates `role_play_user_progress`.',
    },
    Integrations: { description: 'OAuth connections (Google, Microsoft, Zoom, LinkedIn, Meta) and CRM connections (Lofty, FollowUpBoss, SkySlope)' },
    'Content Management': { description: 'Content topics, packs and featured packs, AI-generated content, client personas and objection scripts' },
    'Branding & Templates': { description: 'Brand color palettes, campaign templates and task templates' },
    'System Configuration': { description: 'Business plans, market configuration, feature flags and legal documents' },
    'Billing & Credits': {
      description: 'Credit ledger and referral program',
      note: '`credit_transactions` is append-only: positive amounts grant credits, negative amounts spend them, and `balance_after` mirrors `user_credits.balance` at that point.',
    },
  },
  joins: [
    { from: 'ai_tool_usage.tool_name', to: 'agent_config.tools', description: 'Tool names an agent may call (text[]), no FK' },
    { from: 'referrals.referral_code', to: 'profiles.referral_code', description: "Code used at signup is the referrer's code, no FK" },
    { from: 'feature_flags.target_user_ids', to: 'profiles.id', description: 'Targeted Clerk ids (text[]), no FK' },
    { from: 'feature_flags.target_tiers', to: 'profiles.subscription_tier', description: 'Targeted tiers, evaluated by is_feature_enabled()' },
    { from: 'user_credits.plan_tier', to: 'profiles.subscription_tier', description: 'Allowance follows the subscription tier' },
    { from: 'call_logs.elevenlabs_conversation_id', to: 'ai_agent_conversations.elevenlabs_conversation_id', description: 'Same ElevenLabs conversation, matched by the webhook' },
    { from: 'role_play_session_logs.elevenlabs_conversation_id', to: 'call_logs.elevenlabs_conversation_id', description: 'Voice role play sessions' },
    { from: 'credit_transactions.reference_id', to: 'role_play_session_logs.id', description: 'Polymorphic reference (also generated_content, call_logs) stored as text' },
    { from: 'campaign_templates.steps', to: 'email_templates.id', description: 'steps[].email_template_id inside JSONB' },
    { from: 'objection_scripts.persona_type', to: 'client_personas.persona_type', description: 'Scripts written for a client type' },
    { from: 'market_intelligence.region_name', to: 'market_config.city', description: 'Shared market data matched to a configured market by region (or one of market_config.zip_codes)' },
    { from: 'task_templates.action_type', to: 'daily_actions.action_type', description: 'Shared action vocabulary' },
  ],
});
