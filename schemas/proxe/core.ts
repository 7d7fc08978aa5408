/*
 * Core Tables (Dashboard): dashboard users and their roles, invitations, settings, and the
 * legacy dashboard_leads table. Shared across brands (no brand column).
 */
import { boolean, date, jsonb, rpc, sql, table, text, time, timestamptz, triggerFunction, uuid } from 'pgform';
import { dashboardRead, dashboardRoles, groups, serviceRoleAll, tableGrants, touchpoints, updateUpdatedAtColumn } from './common.js';

const group = groups.core;

/** `Admins manage <what>`: every command for active admins. */
const adminAll = (what: string) => ({
  [`Admins manage ${what}`]: { for: 'all' as const, to: 'authenticated', using: sql`public.is_dashboard_admin()`, withCheck: sql`public.is_dashboard_admin()` },
});

export const protectDashboardUserPrivileges = triggerFunction('protect_dashboard_user_privileges', {
  group,
  description:
    'Trigger function: stops a non-admin dashboard user from changing their own role, active flag, email or id through the API (SECURITY INVOKER on purpose: it checks the calling role)',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF current_user IN ('authenticated', 'anon')
     AND (NEW.role IS DISTINCT FROM OLD.role
          OR NEW.is_active IS DISTINCT FROM OLD.is_active
          OR NEW.email IS DISTINCT FROM OLD.email
          OR NEW.id IS DISTINCT FROM OLD.id)
     AND NOT public.is_dashboard_admin() THEN
    RAISE EXCEPTION 'only admins can change role, is_active, email or id of a dashboard user'
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
`,
});

export const dashboardUsers = table('dashboard_users', {
  group,
  description: 'User accounts with roles (admin/viewer); extends Supabase auth.users one-to-one',
  note: 'A row here is what makes an authenticated user a dashboard user: every dashboard RLS policy calls `public.is_dashboard_user()` (active row) or `public.is_dashboard_admin()` (active admin). Rows are created by `accept_invitation()` or by the service role.',
  columns: {
    id: uuid().primaryKey().references('auth.users', 'id', { onDelete: 'cascade' }).describe('Core - References Supabase auth user (auth.users.id)'),
    email: text().notNull().describe('Core - User email'),
    full_name: text().describe("Optional - User's full name"),
    role: text().notNull().default('viewer').oneOf(dashboardRoles).describe("Core - User role: 'admin' or 'viewer'"),
    created_at: timestamptz().notNull().defaultNow().describe('Core - Creation timestamp'),
    updated_at: timestamptz().notNull().defaultNow().describe('Core - Last update timestamp (auto-updated via trigger)'),
    last_login: timestamptz().describe('Optional - Last login timestamp'),
    is_active: boolean().notNull().default(true).describe('Core - Active status; inactive users lose dashboard access'),
  },
  indexes: {
    idx_dashboard_users_email: { on: ['lower(email)'], description: 'Look up users by email (invitations, admin screens)' },
  },
  triggers: {
    update_dashboard_users_updated_at: { timing: 'before', events: ['update'], function: updateUpdatedAtColumn },
    protect_dashboard_user_privileges: { timing: 'before', events: ['update'], function: protectDashboardUserPrivileges },
  },
  rls: true,
  policies: {
    'Dashboard users can view dashboard users': { for: 'select', to: 'authenticated', using: sql`public.is_dashboard_user() OR id = (select auth.uid())` },
    'Users can update own profile': { for: 'update', to: 'authenticated', using: sql`id = (select auth.uid())`, withCheck: sql`id = (select auth.uid())` },
    ...adminAll('dashboard users'),
    ...serviceRoleAll('dashboard users'),
  },
  grants: tableGrants(['select', 'insert', 'update', 'delete']),
});

export const userInvitations = table('user_invitations', {
  group,
  description: 'Invitation tokens for adding new users to the dashboard',
  note: 'An admin creates a row (email, role); the invitee signs up with Supabase Auth using the same email and calls `accept_invitation(token)`, which creates their `dashboard_users` row with the invited role.',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Core - Unique invitation identifier'),
    email: text().notNull().describe('Core - Email address the invitation was sent to'),
    role: text().notNull().default('viewer').oneOf(dashboardRoles).describe("Core - Role granted on acceptance: 'admin' or 'viewer'"),
    token: text()
      .notNull()
      .unique()
      .default(sql`encode(sha256(convert_to(gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex')`)
      .describe('Core - Secret invitation token (64 hex characters) sent in the invitation link'),
    invited_by: uuid().references('dashboard_users', 'id', { onDelete: 'set null' }).index().describe('Optional - Admin who sent the invitation (SET NULL when that user is deleted)'),
    expires_at: timestamptz().notNull().default(sql`now() + '7 days'::interval`).describe('Core - The token is refused after this time'),
    accepted_at: timestamptz().describe('Optional - When the invitation was accepted (NULL = pending)'),
    created_at: timestamptz().notNull().defaultNow().describe('Core - Creation timestamp'),
  },
  checks: {
    user_invitations_expiry_after_creation: sql`expires_at > created_at`,
  },
  indexes: {
    idx_user_invitations_email: { on: ['lower(email)'], description: 'Find invitations by email' },
    idx_user_invitations_pending: { on: ['expires_at'], where: sql`accepted_at IS NULL`, description: 'Pending invitations by expiry' },
  },
  rls: true,
  policies: {
    ...adminAll('invitations'),
    ...serviceRoleAll('invitations'),
  },
  grants: tableGrants(['select', 'insert', 'update', 'delete']),
});

export const acceptInvitation = rpc('accept_invitation', {
  group,
  description: "Accepts an invitation for the calling auth user: checks token, expiry and email, then creates (or reactivates) the caller's dashboard_users row with the invited role",
  args: { p_token: 'text' },
  returns: 'public.dashboard_users',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_uid uuid := auth.uid();
  v_invitation public.user_invitations%ROWTYPE;
  v_auth_user auth.users%ROWTYPE;
  v_user public.dashboard_users%ROWTYPE;
BEGIN
  IF v_uid IS NULL THEN
    RAISE EXCEPTION 'accept_invitation needs a signed-in user' USING ERRCODE = '42501';
  END IF;

  SELECT * INTO v_invitation FROM public.user_invitations ui WHERE ui.token = p_token FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'invalid invitation token' USING ERRCODE = 'P0002';
  END IF;
  IF v_invitation.accepted_at IS NOT NULL THEN
    RAISE EXCEPTION 'invitation already accepted' USING ERRCODE = '55000';
  END IF;
  IF v_invitation.expires_at < now() THEN
    RAISE EXCEPTION 'invitation expired at %', v_invitation.expires_at USING ERRCODE = '55000';
  END IF;

  SELECT * INTO v_auth_user FROM auth.users au WHERE au.id = v_uid;
  IF lower(v_auth_user.email) IS DISTINCT FROM lower(v_invitation.email) THEN
    RAISE EXCEPTION 'invitation was sent to a different email address' USING ERRCODE = '42501';
  END IF;

  INSERT INTO public.dashboard_users AS du (id, email, full_name, role, is_active)
  VALUES (v_uid, v_auth_user.email, v_auth_user.raw_user_meta_data ->> 'full_name', v_invitation.role, true)
  ON CONFLICT (id) DO UPDATE
    SET role = EXCLUDED.role,
        is_active = true,
        full_name = COALESCE(du.full_name, EXCLUDED.full_name)
  RETURNING * INTO v_user;

  UPDATE public.user_invitations SET accepted_at = now() WHERE id = v_invitation.id;
  RETURN v_user;
END;
`,
  grants: ['authenticated'],
});

export const setUpdatedByDashboardUser = triggerFunction('set_updated_by_dashboard_user', {
  group,
  description: 'Trigger function: records the calling dashboard user (auth.uid()) in updated_by on INSERT and UPDATE',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF auth.uid() IS NOT NULL AND EXISTS (SELECT 1 FROM public.dashboard_users du WHERE du.id = auth.uid()) THEN
    NEW.updated_by := auth.uid();
  END IF;
  RETURN NEW;
END;
`,
});

export const dashboardSettings = table('dashboard_settings', {
  group,
  description: 'Dashboard configuration (key-value JSONB); shared across brands',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Core - Unique setting identifier'),
    key: text().notNull().unique().describe('Core - Setting key (e.g. scoring thresholds, widget options)'),
    value: jsonb().notNull().default({}).describe('JSONB - Setting value'),
    description: text().describe('Optional - What the setting controls'),
    updated_by: uuid().references('dashboard_users', 'id', { onDelete: 'set null' }).index().describe('Optional - Dashboard user who last changed the setting (SET NULL when deleted)'),
    created_at: timestamptz().notNull().defaultNow().describe('Core - Creation timestamp'),
    updated_at: timestamptz().notNull().defaultNow().describe('Core - Last update timestamp (auto-updated via trigger)'),
  },
  triggers: {
    update_dashboard_settings_updated_at: { timing: 'before', events: ['update'], function: updateUpdatedAtColumn },
    set_dashboard_settings_updated_by: { timing: 'before', events: ['insert', 'update'], function: setUpdatedByDashboardUser },
  },
  rls: true,
  policies: {
    ...dashboardRead('settings'),
    ...adminAll('settings'),
    ...serviceRoleAll('settings'),
  },
  grants: tableGrants(['select', 'insert', 'update', 'delete']),
});

export const dashboardLeads = table('dashboard_leads', {
  group,
  description: 'Legacy leads table (deprecated, use all_leads)',
  note: '**Deprecated.** Kept read-only for the dashboard so old records stay visible; new leads go to `all_leads` and the channel session tables. Dashboard users can only read it.',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Core - Unique lead identifier'),
    name: text().describe("Optional - Customer's name"),
    email: text().describe("Optional - Customer's email"),
    phone: text().describe("Optional - Customer's phone (any format)"),
    source: text().oneOf(touchpoints).describe('Optional - Channel the lead came from'),
    timestamp: timestamptz().notNull().defaultNow().describe('Core - When the lead was captured'),
    status: text().describe('Optional - Lead status (New Lead, Follow Up, etc.)'),
    booking_date: date().describe('Optional - Scheduled booking date'),
    booking_time: time().describe('Optional - Scheduled booking time'),
    chat_session_id: text().describe('Optional - Chat widget session ID (matches web_sessions.chat_session_id)'),
    metadata: jsonb().notNull().default({}).describe('JSONB - Additional lead data'),
    created_at: timestamptz().notNull().defaultNow().index({ name: 'idx_dashboard_leads_created_at', descending: true }).describe('Core - Creation timestamp'),
    updated_at: timestamptz().notNull().defaultNow().describe('Core - Last update timestamp (auto-updated via trigger)'),
  },
  indexes: {
    idx_dashboard_leads_phone: { on: ['phone'], description: 'Match legacy leads to all_leads by phone' },
  },
  triggers: {
    update_dashboard_leads_updated_at: { timing: 'before', events: ['update'], function: updateUpdatedAtColumn },
  },
  rls: true,
  policies: {
    ...dashboardRead('legacy leads'),
    ...serviceRoleAll('legacy leads'),
  },
  grants: tableGrants(['select']),
});
