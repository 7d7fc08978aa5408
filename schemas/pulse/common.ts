import { enumType, rpc, sql, text, timestamptz, triggerFunction, type PolicyInput, type SqlText } from 'pgform';

/**
 * Shared pieces of the Pulse Intelligence schema: the Clerk identity helper, the RBAC role
 * enum and check, the updated_at trigger, and the policy and column patterns every section uses.
 */

export const appRole = enumType('app_role', ['admin', 'moderator', 'user'], {
  description: 'Application roles for role-based access control (user_roles.role)',
  group: 'User Management',
});

export const requestingUserId = rpc('requesting_user_id', {
  set: { search_path: 'public, extensions' },
  group: 'User Management',
  description: "The Clerk user id (TEXT, e.g. user_2abc...) of the caller, read from the JWT 'sub' claim; NULL when anonymous",
  args: {},
  returns: 'text',
  language: 'sql',
  volatility: 'stable',
  body: sql`
  SELECT nullif(auth.jwt() ->> 'sub', '')
`,
});

export const hasRole = rpc('has_role', {
  group: 'User Management',
  description: 'RLS helper: true when the given Clerk user holds the role in user_roles. SECURITY DEFINER so policies on user_roles itself do not recurse',
  args: { _user_id: 'text', _role: appRole },
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  RETURN EXISTS (
    SELECT 1
    FROM public.user_roles ur
    WHERE ur.user_id = _user_id
      AND ur.role = _role
  );
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const updateUpdatedAtColumn = triggerFunction('update_updated_at_column', {
  set: { search_path: 'public, extensions' },
  group: 'System Configuration',
  description: 'Trigger function: sets updated_at to now() on every UPDATE',
  body: sql`
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
`,
});

/** Kinds of daily action, shared by daily_actions and task_templates. */
export const actionTypes = ['call', 'text', 'email', 'appointment', 'follow_up', 'prospecting', 'social', 'content', 'learning', 'admin', 'other'] as const;

/** The caller's Clerk id, wrapped in a sub-select so PostgreSQL evaluates it once per statement. */
export const currentUser: SqlText = sql`(SELECT public.requesting_user_id())`;

/** True when the caller holds the admin role. */
export const callerIsAdmin: SqlText = sql`public.has_role((SELECT public.requesting_user_id()), 'admin'::public.app_role)`;

/** Ownership test on a Clerk user id column. */
export const ownedBy = (column = 'user_id'): SqlText => sql`${column} = ${currentUser}`;

/** created_at / updated_at columns, fresh builders on each call. */
export function timestamps() {
  return {
    created_at: timestamptz().notNull().defaultNow().describe('When the row was created (UTC)'),
    updated_at: timestamptz().notNull().defaultNow().describe('When the row was last updated (UTC); kept by update_updated_at_column()'),
  };
}

/** created_at only, for append-only log tables. */
export function createdAt() {
  return { created_at: timestamptz().notNull().defaultNow().describe('When the row was recorded (UTC)') };
}

/** The owning user's Clerk id, referencing profiles(id). */
export function ownerColumn(options: { index?: boolean; nullable?: boolean; description?: string } = {}) {
  let column = text().references('profiles', 'id', { onDelete: 'cascade' });
  if (!options.nullable) column = column.notNull();
  if (options.index !== false) column = column.index();
  return column.describe(options.description ?? 'Clerk user id (TEXT, profiles.id) of the owner');
}

/** The BEFORE UPDATE trigger keeping updated_at current. */
export function updatedAtTrigger(tableName: string) {
  return {
    [`update_${tableName}_updated_at`]: { timing: 'before' as const, events: ['update' as const], function: updateUpdatedAtColumn },
  };
}

type Command = 'select' | 'insert' | 'update' | 'delete';
const verbs: Record<Command, string> = { select: 'view', insert: 'create', update: 'update', delete: 'delete' };

/** "Users can <verb> their own <noun>" policies on `column = requesting_user_id()`. */
export function ownRowPolicies(noun: string, commands: Command[] = ['select', 'insert', 'update', 'delete'], column = 'user_id'): Record<string, PolicyInput> {
  const policies: Record<string, PolicyInput> = {};
  for (const command of commands) {
    const own = ownedBy(column);
    policies[`Users can ${verbs[command]} their own ${noun}`] = {
      for: command,
      to: 'authenticated',
      ...(command === 'insert' ? { withCheck: own } : command === 'update' ? { using: own, withCheck: own } : { using: own }),
    };
  }
  return policies;
}

/** Admins (has_role admin) may read every row. */
export function adminViewPolicy(noun: string): Record<string, PolicyInput> {
  return { [`Admins can view all ${noun}`]: { for: 'select', to: 'authenticated', using: callerIsAdmin } };
}

/** Admins may do anything. */
export function adminManagePolicy(noun: string): Record<string, PolicyInput> {
  return { [`Admins can manage all ${noun}`]: { for: 'all', to: 'authenticated', using: callerIsAdmin, withCheck: callerIsAdmin } };
}

/** Explicit policy for Edge Functions on the service role key (which also bypasses RLS on Supabase). */
export function serviceRolePolicy(noun: string): Record<string, PolicyInput> {
  return { [`Service role can manage ${noun}`]: { for: 'all', to: 'service_role', using: sql`true`, withCheck: sql`true` } };
}

/**
 * Library tables holding system rows (user_id NULL, shipped by Pulse) and user-owned rows:
 * everyone signed in reads system and own rows, users manage their own, admins manage all.
 */
export function libraryPolicies(noun: string, activeColumn?: string): Record<string, PolicyInput> {
  const visible = activeColumn ? sql`(user_id IS NULL AND ${activeColumn}) OR user_id = ${currentUser}` : sql`user_id IS NULL OR user_id = ${currentUser}`;
  return {
    [`Users can view system and their own ${noun}`]: { for: 'select', to: 'authenticated', using: visible },
    ...ownRowPolicies(noun, ['insert', 'update', 'delete']),
    ...adminManagePolicy(noun),
  };
}
