import { boolean, integer, jsonb, rpc, sql, table, text, timestamptz, trigger, triggerFunction, uuid } from 'pgform';
import {
  adminPolicies,
  appRole,
  areas,
  ownerPolicies,
  ownerReadPolicies,
  rlsSql,
  servicePolicies,
  timestamps,
  updatedAtTrigger,
} from './common.js';

const group = areas.auth;

export const profiles = table('profiles', {
  group,
  description: 'User profile data (display_name, avatar_url, bio, etc.): one row per auth.users row, created by handle_new_user()',
  columns: {
    id: uuid().primaryKey().references('auth.users', 'id', { onDelete: 'cascade' }).describe('Same id as auth.users.id'),
    email: text().describe('Copy of the sign-up email, for display and lookups'),
    username: text()
      .check(sql`username ~ '^[a-z0-9_]{3,30}$'`)
      .describe('Unique handle: 3-30 lower-case letters, digits or underscores'),
    display_name: text().check(sql`char_length(display_name) <= 100`).describe('Name shown to other users'),
    avatar_url: text().describe('Avatar image URL (usually in the public storage bucket)'),
    bio: text().check(sql`char_length(bio) <= 2000`).describe('Free-text biography'),
    website: text().describe('Personal website'),
    location: text().describe('Free-text location'),
    timezone: text().notNull().default('UTC').describe('IANA time zone used for streaks and reminders'),
    locale: text().notNull().default('en').describe('Preferred language (BCP 47)'),
    xp: integer().notNull().default(0).check(sql`xp >= 0`).index({ name: 'idx_profiles_xp', descending: true }).describe('Experience points; changes feed update_leaderboard()'),
    level: integer().notNull().default(1).check(sql`level >= 1`).describe('Gamification level derived from xp'),
    is_public: boolean().notNull().default(true).describe('Profile visible to everyone (public read policy)'),
    onboarding_completed: boolean().notNull().default(false).describe('Onboarding finished'),
    default_tenant_id: uuid().references('tenants', 'id', { onDelete: 'set null' }).index().describe('Tenant opened after sign-in'),
    metadata: jsonb().notNull().default({}).describe('Free-form profile attributes'),
    last_seen_at: timestamptz().describe('Last activity of the user'),
    ...timestamps(),
  },
  indexes: {
    idx_profiles_username_lower: { on: ['lower(username)'], unique: true, description: 'Usernames are unique regardless of case' },
    idx_profiles_display_name_trgm: { on: ['display_name gin_trgm_ops'], using: 'gin', description: 'Fuzzy people search' },
    idx_profiles_created_at: { on: ['created_at DESC'] },
  },
  triggers: {
    ...updatedAtTrigger('profiles'),
    profiles_update_leaderboard: {
      timing: 'after',
      events: ['insert', 'update'],
      updateOf: ['xp'],
      function: 'public.update_leaderboard',
      description: 'Keeps leaderboard_entries in step with xp',
    },
  },
  rls: true,
  policies: {
    'Public can view public profiles': { for: 'select', to: ['anon', 'authenticated'], using: sql`is_public OR (select auth.uid()) = id` },
    'Users insert own profile': { for: 'insert', to: 'authenticated', withCheck: rlsSql.owner('id') },
    'Users update own profile': { for: 'update', to: 'authenticated', using: rlsSql.owner('id'), withCheck: rlsSql.owner('id') },
    ...adminPolicies('profiles'),
    ...servicePolicies('profiles'),
  },
});

export const userRoles = table('user_roles', {
  group,
  description: 'Role assignments (admin, moderator, user); read by is_admin() and has_role()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('User holding the role'),
    role: appRole.column().notNull().default('user').describe('admin, moderator or user'),
    granted_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Admin who granted the role (NULL: sign-up default)'),
    granted_at: timestamptz().notNull().defaultNow().describe('When the role was granted'),
    expires_at: timestamptz().describe('Optional end of a temporary role'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['user_id', 'role']],
  indexes: { idx_user_roles_role: { on: ['role'] } },
  triggers: {
    user_roles_audit: { timing: 'after', events: ['insert', 'update', 'delete'], function: 'public.audit_trigger', description: 'Role changes go to audit_logs' },
  },
  rls: true,
  policies: {
    ...ownerReadPolicies('roles'),
    ...adminPolicies('roles'),
    ...servicePolicies('roles'),
  },
});

export const userSettings = table('user_settings', {
  group,
  description: 'User preferences and settings: one global row (tenant_id NULL) and optionally one per tenant; see get_or_create_user_settings()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Owner'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant these settings apply to; NULL = global'),
    theme: text().notNull().default('system').oneOf(['light', 'dark', 'system']).describe('UI theme'),
    language: text().notNull().default('en').describe('UI language'),
    timezone: text().notNull().default('UTC').describe('Time zone for dates and schedules'),
    email_notifications: boolean().notNull().default(true).describe('Receive email notifications'),
    push_notifications: boolean().notNull().default(true).describe('Receive push notifications'),
    marketing_emails: boolean().notNull().default(false).describe('Opted in to marketing email'),
    weekly_digest: boolean().notNull().default(true).describe('Receive the weekly digest'),
    privacy_level: text().notNull().default('standard').oneOf(['minimal', 'standard', 'open']).describe('How much activity is shared with others'),
    preferences: jsonb().notNull().default({}).describe('Other preferences by key'),
    ...timestamps(),
  },
  unique: [{ columns: ['user_id', 'tenant_id'], name: 'user_settings_user_id_tenant_id_key', nullsNotDistinct: true }],
  triggers: { ...updatedAtTrigger('user_settings') },
  rls: true,
  policies: {
    ...ownerPolicies('settings'),
    ...servicePolicies('settings'),
  },
});

export const userApps = table('user_apps', {
  group,
  description: 'Declared apps-in-use from OAuth connections: which third-party apps a user connected and what they granted',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Owner'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant the connection was made in, if any'),
    provider: text().notNull().describe('OAuth provider (google, github, microsoft, slack, notion...)'),
    app_name: text().notNull().describe('App declared in use'),
    app_category: text().describe('Category (calendar, crm, storage, communication...)'),
    external_account_id: text().describe("The user's account id at the provider"),
    scopes: text().array().notNull().default([]).describe('Granted OAuth scopes'),
    connected_via: text().notNull().default('oauth').oneOf(['oauth', 'manual', 'import']).describe('How the app was declared'),
    status: text().notNull().default('active').oneOf(['active', 'revoked', 'expired']).describe('Connection state'),
    last_used_at: timestamptz().describe('Last use seen'),
    metadata: jsonb().notNull().default({}).describe('Provider details (never tokens)'),
    ...timestamps(),
  },
  unique: [['user_id', 'provider', 'app_name']],
  triggers: { ...updatedAtTrigger('user_apps') },
  rls: true,
  policies: {
    ...ownerPolicies('apps'),
    ...adminPolicies('user apps'),
    ...servicePolicies('user apps'),
  },
});

export const handleNewUser = triggerFunction('handle_new_user', {
  group,
  description:
    'Creates profile and default role on signup (plus global user_settings). Meant for an AFTER INSERT trigger on auth.users (on_auth_user_created)',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  INSERT INTO public.profiles (id, email, display_name, avatar_url)
  VALUES (
    NEW.id,
    NEW.email,
    coalesce(NEW.raw_user_meta_data ->> 'display_name', NEW.raw_user_meta_data ->> 'full_name', NEW.raw_user_meta_data ->> 'name', split_part(NEW.email, '@', 1)),
    NEW.raw_user_meta_data ->> 'avatar_url'
  )
  ON CONFLICT (id) DO NOTHING;

  INSERT INTO public.user_roles (user_id, role)
  VALUES (NEW.id, 'user'::public.app_role)
  ON CONFLICT (user_id, role) DO NOTHING;

  INSERT INTO public.user_settings (user_id, tenant_id)
  VALUES (NEW.id, NULL)
  ON CONFLICT (user_id, tenant_id) DO NOTHING;

  RETURN NEW;
END;
`,
});

export const grantRole = rpc('grant_role', {
  group,
  description: 'Admin-only: grants a platform role to a user (optionally until a date); returns the user_roles id',
  args: { p_user_id: 'uuid', p_role: 'text', p_expires_at: { type: 'timestamptz', default: sql`NULL` } },
  returns: 'uuid',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_id uuid;
BEGIN
  IF NOT (public.is_admin(auth.uid()) OR auth.role() = 'service_role') THEN
    RAISE EXCEPTION 'only admins can grant roles' USING ERRCODE = '42501';
  END IF;
  INSERT INTO public.user_roles (user_id, role, granted_by, expires_at)
  VALUES (p_user_id, lower(p_role)::public.app_role, auth.uid(), p_expires_at)
  ON CONFLICT (user_id, role) DO UPDATE SET expires_at = EXCLUDED.expires_at, granted_by = EXCLUDED.granted_by, granted_at = now()
  RETURNING id INTO v_id;
  RETURN v_id;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const onAuthUserCreated = trigger('on_auth_user_created', {
  on: 'auth.users',
  timing: 'after',
  events: ['insert'],
  function: handleNewUser,
  description: 'Creates the profile, default role and settings of every new user',
});
