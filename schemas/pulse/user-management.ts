import { boolean, integer, jsonb, rpc, sql, table, text, time, timestamptz, triggerFunction, tsvector, uuid } from 'pgform';
import {
  adminManagePolicy,
  adminViewPolicy,
  appRole,
  callerIsAdmin,
  ownerColumn,
  ownRowPolicies,
  timestamps,
  updatedAtTrigger,
} from './common.js';

const group = 'User Management';

export const handleNewProfile = triggerFunction('handle_new_profile', {
  group,
  description:
    'After a Clerk webhook inserts a profile: grants the default user role and creates the user_credits (with the starting allowance), user_preferences and user_onboarding rows',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_allowance integer;
  v_created integer;
BEGIN
  INSERT INTO public.user_roles (user_id, role)
  VALUES (NEW.id, 'user'::public.app_role)
  ON CONFLICT (user_id, role) DO NOTHING;

  v_allowance := CASE NEW.subscription_tier
    WHEN 'elite' THEN 2000
    WHEN 'pro' THEN 500
    WHEN 'enterprise' THEN 5000
    ELSE 100
  END;

  INSERT INTO public.user_credits (user_id, balance, monthly_allowance, lifetime_earned, plan_tier, last_reset_at, next_reset_at)
  VALUES (NEW.id, v_allowance, v_allowance, v_allowance, NEW.subscription_tier, now(), now() + interval '1 month')
  ON CONFLICT (user_id) DO NOTHING;
  GET DIAGNOSTICS v_created = ROW_COUNT;

  IF v_created > 0 THEN
    INSERT INTO public.credit_transactions (user_id, amount, balance_after, transaction_type, description)
    VALUES (NEW.id, v_allowance, v_allowance, 'subscription_grant', 'Starting credit allowance');
  END IF;

  INSERT INTO public.user_preferences (user_id, timezone)
  VALUES (NEW.id, coalesce(NEW.timezone, 'America/New_York'))
  ON CONFLICT (user_id) DO NOTHING;

  INSERT INTO public.user_onboarding (user_id)
  VALUES (NEW.id)
  ON CONFLICT (user_id) DO NOTHING;

  RETURN NEW;
END;
`,
});

export const adminSetUserRole = rpc('admin_set_user_role', {
  group,
  description:
    'Admin-only RPC: makes p_role the single role of a user (replacing any others). Callable by admins (has_role), the service role, or a backend session without a JWT (to seed the first admin); admins cannot demote themselves',
  args: { p_user_id: 'text', p_role: appRole },
  returns: 'void',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_caller text := public.requesting_user_id();
BEGIN
  IF coalesce(auth.role(), 'service_role') <> 'service_role'
     AND (v_caller IS NULL OR NOT public.has_role(v_caller, 'admin'::public.app_role)) THEN
    RAISE EXCEPTION 'only admins can set user roles' USING ERRCODE = '42501';
  END IF;

  IF NOT EXISTS (SELECT 1 FROM public.profiles p WHERE p.id = p_user_id) THEN
    RAISE EXCEPTION 'unknown user %', p_user_id USING ERRCODE = 'P0002';
  END IF;

  IF p_user_id = v_caller AND p_role <> 'admin'::public.app_role THEN
    RAISE EXCEPTION 'admins cannot remove their own admin role' USING ERRCODE = '42501';
  END IF;

  DELETE FROM public.user_roles ur
  WHERE ur.user_id = p_user_id
    AND ur.role <> p_role;

  INSERT INTO public.user_roles (user_id, role, granted_by)
  VALUES (p_user_id, p_role, v_caller)
  ON CONFLICT (user_id, role) DO UPDATE SET granted_by = EXCLUDED.granted_by;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const profiles = table('profiles', {
  group,
  description: 'User profiles (Clerk authentication with TEXT IDs); one row per Clerk user, written by the Clerk webhook Edge Function',
  columns: {
    id: text().primaryKey().check(sql`id <> ''`).describe('Clerk user id (TEXT, e.g. user_2abc...), the identity every user_id column references'),
    email: text().index().describe('Primary email address from Clerk'),
    first_name: text().describe('First name'),
    last_name: text().describe('Last name'),
    full_name: text().describe('Display name'),
    avatar_url: text().describe('Profile image URL (Clerk or uploaded)'),
    phone: text().describe('Phone number'),
    brokerage_name: text().describe('Real estate brokerage the agent works with'),
    license_number: text().describe('Real estate license number'),
    license_state: text().describe('State that issued the license (2-letter code)'),
    market_area: text().describe('Primary market served, free text (detailed markets live in market_config)'),
    years_experience: integer().check(sql`years_experience IS NULL OR years_experience BETWEEN 0 AND 80`).describe('Years in real estate'),
    bio: text().describe('Short professional bio used by AI content generation'),
    website_url: text().describe('Personal or team website'),
    timezone: text().default('America/New_York').describe('IANA time zone for daily actions and digests'),
    subscription_tier: text().notNull().default('free').oneOf(['free', 'pro', 'elite', 'enterprise']).describe('Subscription plan'),
    subscription_status: text().notNull().default('active').oneOf(['trialing', 'active', 'past_due', 'canceled', 'inactive']).describe('Billing status of the subscription'),
    stripe_customer_id: text().unique().describe('Stripe customer id, when billed'),
    referral_code: text().unique().describe("The user's own referral code (referrals.referral_code)"),
    onboarding_completed: boolean().notNull().default(false).describe('True once user_onboarding is completed'),
    last_active_at: timestamptz().describe('Last time the user was seen in the app'),
    ...timestamps(),
  },
  triggers: {
    ...updatedAtTrigger('profiles'),
    on_profile_created: { timing: 'after', events: ['insert'], function: handleNewProfile },
  },
  rls: true,
  policies: {
    ...ownRowPolicies('profile', ['select', 'insert', 'update'], 'id'),
    ...adminViewPolicy('profiles'),
    'Admins can update all profiles': { for: 'update', to: 'authenticated', using: callerIsAdmin, withCheck: callerIsAdmin },
  },
});

export const userOnboarding = table('user_onboarding', {
  group,
  description: 'Onboarding progress tracking, one row per user',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }).unique(),
    current_step: integer().notNull().default(0).check(sql`current_step >= 0`).describe('Index of the step the user is on'),
    total_steps: integer().notNull().default(6).check(sql`total_steps > 0`).describe('Number of onboarding steps'),
    completed_steps: text().array().notNull().default(sql`'{}'::text[]`).describe('Keys of completed steps (profile, goals, voice, integrations...)'),
    step_data: jsonb().notNull().default({}).describe('Answers collected per step'),
    is_completed: boolean().notNull().default(false).describe('True once every step is done or skipped'),
    skipped: boolean().notNull().default(false).describe('True when the user skipped onboarding'),
    completed_at: timestamptz().describe('When onboarding finished'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('user_onboarding'),
  rls: true,
  policies: { ...ownRowPolicies('onboarding', ['select', 'insert', 'update']), ...adminViewPolicy('onboarding records') },
});

export const userPreferences = table('user_preferences', {
  group,
  description: 'User settings and preferences, one row per user',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }).unique(),
    theme: text().notNull().default('system').oneOf(['light', 'dark', 'system']).describe('UI theme'),
    language: text().notNull().default('en').describe('UI and AI response language (BCP 47)'),
    timezone: text().notNull().default('America/New_York').describe('IANA time zone'),
    email_notifications: boolean().notNull().default(true).describe('Send email notifications'),
    push_notifications: boolean().notNull().default(true).describe('Send push notifications'),
    sms_notifications: boolean().notNull().default(false).describe('Send SMS notifications'),
    daily_digest: boolean().notNull().default(true).describe('Send the daily actions digest'),
    digest_time: time().default('07:00').describe('Local time of the daily digest'),
    default_agent_id: uuid().references('agent_config', 'id', { onDelete: 'set null' }).index().describe('AI agent opened by default'),
    voice_enabled: boolean().notNull().default(true).describe('Speak AI responses (text-to-speech)'),
    preferred_voice_id: uuid().references('agent_voices', 'id', { onDelete: 'set null' }).index().describe('Voice used for text-to-speech'),
    notification_settings: jsonb().notNull().default({}).describe('Fine-grained notification switches'),
    dashboard_layout: jsonb().notNull().default({}).describe('Dashboard widget layout'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('user_preferences'),
  rls: true,
  policies: ownRowPolicies('preferences', ['select', 'insert', 'update', 'delete']),
});

export const userCredits = table('user_credits', {
  group,
  description: 'Credit/token management system: current balance and allowance per user. Changed only through deduct_credits() / add_credits() (service role)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }).unique(),
    balance: integer().notNull().default(0).check(sql`balance >= 0`).describe('Credits available now'),
    monthly_allowance: integer().notNull().default(100).check(sql`monthly_allowance >= 0`).describe('Credits granted at each monthly reset'),
    lifetime_earned: integer().notNull().default(0).check(sql`lifetime_earned >= 0`).describe('All credits ever granted or bought'),
    lifetime_spent: integer().notNull().default(0).check(sql`lifetime_spent >= 0`).describe('All credits ever consumed'),
    plan_tier: text().notNull().default('free').oneOf(['free', 'pro', 'elite', 'enterprise']).describe('Plan the allowance comes from'),
    last_reset_at: timestamptz().describe('Last monthly reset'),
    next_reset_at: timestamptz().describe('Next monthly reset'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('user_credits'),
  rls: true,
  policies: { ...ownRowPolicies('credits', ['select']), ...adminManagePolicy('credits') },
});

export const userRoles = table('user_roles', {
  group,
  description: 'Role-based access control (RBAC): roles per user, read through has_role() and changed through admin_set_user_role()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    role: appRole.column().notNull().default('user').describe('Granted role'),
    granted_by: text().references('profiles', 'id', { onDelete: 'set null' }).index().describe('Clerk id of the admin who granted it; NULL for the signup default'),
    created_at: timestamptz().notNull().defaultNow().describe('When the role was granted'),
  },
  unique: [['user_id', 'role']],
  rls: true,
  policies: { ...ownRowPolicies('roles', ['select']), ...adminManagePolicy('roles') },
});

export const userAgentSubscriptions = table('user_agent_subscriptions', {
  group,
  description: 'Agent subscription tracking: which AI agents a user has activated',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    agent_id: uuid().notNull().references('agent_config', 'id', { onDelete: 'cascade' }).index().describe('Subscribed agent'),
    status: text().notNull().default('active').oneOf(['trial', 'active', 'paused', 'cancelled', 'expired']).describe('Subscription state'),
    subscribed_at: timestamptz().notNull().defaultNow().describe('When the user subscribed'),
    expires_at: timestamptz().describe('End of a trial or paid period'),
    cancelled_at: timestamptz().describe('When the user cancelled'),
    settings: jsonb().notNull().default({}).describe('Per-user overrides of the agent settings'),
    ...timestamps(),
  },
  unique: [['user_id', 'agent_id']],
  triggers: updatedAtTrigger('user_agent_subscriptions'),
  rls: true,
  policies: { ...ownRowPolicies('agent subscriptions'), ...adminViewPolicy('agent subscriptions') },
});

export const userGuidelines = table('user_guidelines', {
  group,
  description: 'User-defined guidelines and rules the AI agents follow (tone, compliance, do and do not)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn(),
    agent_id: uuid().references('agent_config', 'id', { onDelete: 'cascade' }).index().describe('Agent the guideline applies to; NULL for all agents'),
    title: text().notNull().describe('Short name of the rule'),
    content: text().notNull().describe('The guideline text injected into prompts'),
    category: text().notNull().default('general').oneOf(['general', 'tone', 'communication', 'compliance', 'sales', 'personal']).describe('Kind of guideline'),
    priority: integer().notNull().default(0).describe('Higher first when prompts are assembled'),
    is_active: boolean().notNull().default(true).describe('Inactive guidelines are kept but not applied'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('user_guidelines'),
  rls: true,
  policies: ownRowPolicies('guidelines'),
});

export const userKnowledge = table('user_knowledge', {
  group,
  description: "User knowledge base (listed in the seed's table list without a category): documents, notes and facts the AI agents draw on",
  note: 'Not placed in any category by the seed; grouped with the user tables. Searched with full-text search over `search_vector`.',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn(),
    title: text().notNull().describe('Title of the entry'),
    content: text().notNull().describe('Text of the entry'),
    source_type: text().notNull().default('manual').oneOf(['manual', 'document', 'url', 'crm', 'conversation', 'onboarding']).describe('Where it came from'),
    source_url: text().describe('Original URL, for url sources'),
    file_path: text().describe('Storage path of an uploaded document'),
    tags: text().array().notNull().default(sql`'{}'::text[]`).describe('Free tags'),
    metadata: jsonb().notNull().default({}).describe('Extraction details'),
    is_active: boolean().notNull().default(true).describe('Inactive entries are hidden from agents'),
    search_vector: tsvector()
      .generated(sql`to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || coalesce(content, ''))`)
      .describe('Full-text search vector over title and content (generated)'),
    ...timestamps(),
  },
  indexes: { idx_user_knowledge_search: { on: ['search_vector'], using: 'gin' } },
  triggers: updatedAtTrigger('user_knowledge'),
  rls: true,
  policies: ownRowPolicies('knowledge'),
});
