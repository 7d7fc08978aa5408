/*
 * Shared pieces of the consolidated platform schema: extensions, the updated_at trigger
 * functions, the RLS helper functions every area's policies call, and TypeScript helpers that
 * build the seed's five RLS patterns so each area writes them the same way.
 *
 * Table ownership between files (names exactly as the seed spells them):
 * - areas 1-10 (auth.ts ... security.ts) declare, among others: profiles (id = auth.users.id),
 *   user_roles, user_settings (user_id, tenant_id NULL = global; unique per pair), tenants (id),
 *   tenant_members (tenant_id, user_id, role), notifications (area 3 owns it: id, user_id,
 *   tenant_id, type, title, body, data, action_url, is_read, read_at, created_at; area 17 must not
 *   redeclare it), leads, ai_agents, automation_workflows, workflow_templates, audit_logs.
 * - areas 11-21 declare subscription_plans (id uuid, limits jsonb: tenants.plan_id and
 *   check_tenant_limit() use them) and appointments (id, organizer_id uuid, start_time,
 *   end_time timestamptz, status text with 'cancelled': check_appointment_conflicts() reads them).
 *
 * Trigger function for updated_at: `updateUpdatedAtColumn` (update_updated_at_column(), the seed's
 * name; `setUpdatedAt` is the same definition) or `handleUpdatedAt` (handle_updated_at()).
 */
import { enumType, extension, rpc, sql, timestamptz, triggerFunction, type PolicyInput, type TriggerInput } from 'pgform';

/** The seed's 21 areas, used as documentation groups. */
export const areas = {
  auth: 'Authentication & User Management',
  tenants: 'Multi-Tenant Architecture',
  gamification: 'Gamification & Community',
  events: 'Events & Telemetry',
  analytics: 'Analytics & Metrics',
  ai: 'AI & Embeddings',
  workflows: 'Workflows & Automation',
  crm: 'Lead Generation & CRM',
  privacy: 'Privacy & Compliance',
  security: 'Security & Audit',
  trust: 'Trust & Guardian',
  billing: 'Billing & Subscriptions',
  marketplace: 'Marketplace & Integrations',
  appointments: 'Appointments & Meetings',
  design: 'Design & Projects',
  community: 'Community & Social',
  notifications: 'Notifications & Preferences',
  blog: 'Blog & Content',
  chat: 'Chat & Conversations',
  orchestrator: 'Orchestrator & Monitoring',
  storage: 'Storage & Realtime',
} as const;

/** Group of the cross-cutting functions (updated_at triggers, similarity). */
export const commonGroup = 'Common Patterns';

// ---------------------------------------------------------------------------------------------
// Extensions. The seed also lists `vector` (pgvector); neither engine has it, so embeddings are
// stored as real[] and compared with public.cosine_similarity() below.
// ---------------------------------------------------------------------------------------------

export const pgcrypto = extension('pgcrypto');
export const pgTrgm = extension('pg_trgm');
export const uuidOssp = extension('uuid-ossp');

// ---------------------------------------------------------------------------------------------
// Enums shared by several areas.
// ---------------------------------------------------------------------------------------------

export const appRole = enumType('app_role', ['admin', 'moderator', 'user'], {
  description: 'Platform-wide role of a user (user_roles.role)',
  group: areas.auth,
});

export const tenantRole = enumType('tenant_role', ['owner', 'admin', 'member', 'viewer'], {
  description: 'Role of a user inside one tenant (tenant_members.role)',
  group: areas.tenants,
});

// ---------------------------------------------------------------------------------------------
// updated_at trigger functions (the seed keeps two equivalent ones).
// ---------------------------------------------------------------------------------------------

export const updateUpdatedAtColumn = triggerFunction('update_updated_at_column', {
  set: { search_path: 'public, extensions' },
  group: commonGroup,
  description: 'Trigger function for updated_at timestamps: sets NEW.updated_at to now() on every UPDATE',
  body: sql`
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
`,
});

/** Same definition as updateUpdatedAtColumn, under the name the brief uses. */
export const setUpdatedAt = updateUpdatedAtColumn;

export const handleUpdatedAt = triggerFunction('handle_updated_at', {
  set: { search_path: 'public, extensions' },
  group: commonGroup,
  description: 'Alternative updated_at trigger function kept from older migrations; same effect as update_updated_at_column()',
  body: sql`
BEGIN
  NEW.updated_at := timezone('utc', now());
  RETURN NEW;
END;
`,
});

// ---------------------------------------------------------------------------------------------
// RLS helper functions. SECURITY DEFINER so policies on user_roles / tenant_members can call them
// without recursing into their own policies; search_path is pinned and every name qualified.
// ---------------------------------------------------------------------------------------------

export const isAdmin = rpc('is_admin', {
  group: areas.auth,
  description: 'Check if user is admin (has the admin role in user_roles). Used by the "Admin access" RLS pattern',
  args: { p_user_id: { type: 'uuid', default: sql`auth.uid()` } },
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF p_user_id IS NULL THEN
    RETURN false;
  END IF;
  RETURN EXISTS (
    SELECT 1 FROM public.user_roles ur
    WHERE ur.user_id = p_user_id
      AND ur.role = 'admin'::public.app_role
      AND (ur.expires_at IS NULL OR ur.expires_at > now())
  );
END;
`,
  grants: ['anon', 'authenticated', 'service_role'],
});

export const hasRole = rpc('has_role', {
  group: areas.auth,
  description: 'Check user role: true when the user holds the given role (admin, moderator, user) in user_roles',
  args: { p_user_id: 'uuid', p_role: 'text' },
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF p_user_id IS NULL OR p_role IS NULL THEN
    RETURN false;
  END IF;
  RETURN EXISTS (
    SELECT 1 FROM public.user_roles ur
    WHERE ur.user_id = p_user_id
      AND ur.role::text = lower(p_role)
      AND (ur.expires_at IS NULL OR ur.expires_at > now())
  );
END;
`,
  grants: ['anon', 'authenticated', 'service_role'],
});

export const isTenantMember = rpc('is_tenant_member', {
  group: areas.tenants,
  description: 'Check membership: true when the user (default the caller) is an active member of the tenant. Used by the "Tenant isolation" RLS pattern',
  args: { p_tenant_id: 'uuid', p_user_id: { type: 'uuid', default: sql`auth.uid()` } },
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF p_tenant_id IS NULL OR p_user_id IS NULL THEN
    RETURN false;
  END IF;
  RETURN EXISTS (
    SELECT 1 FROM public.tenant_members tm
    WHERE tm.tenant_id = p_tenant_id
      AND tm.user_id = p_user_id
      AND tm.status = 'active'
  );
END;
`,
  grants: ['anon', 'authenticated', 'service_role'],
});

export const getTenantMemberRole = rpc('get_tenant_member_role', {
  group: areas.tenants,
  description: "Get user's role in tenant (owner, admin, member, viewer); NULL when not an active member",
  args: { p_tenant_id: 'uuid', p_user_id: { type: 'uuid', default: sql`auth.uid()` } },
  returns: 'text',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_role text;
BEGIN
  SELECT tm.role::text INTO v_role
  FROM public.tenant_members tm
  WHERE tm.tenant_id = p_tenant_id
    AND tm.user_id = p_user_id
    AND tm.status = 'active';
  RETURN v_role;
END;
`,
  grants: ['anon', 'authenticated', 'service_role'],
});

export const isTenantAdmin = rpc('is_tenant_admin', {
  group: areas.tenants,
  description: 'True when the user (default the caller) is an owner or admin of the tenant: may manage its members, integrations and settings',
  args: { p_tenant_id: 'uuid', p_user_id: { type: 'uuid', default: sql`auth.uid()` } },
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  RETURN coalesce(public.get_tenant_member_role(p_tenant_id, p_user_id) IN ('owner', 'admin'), false);
END;
`,
  grants: ['anon', 'authenticated', 'service_role'],
});

export const cosineSimilarity = rpc('cosine_similarity', {
  set: { search_path: 'public, extensions' },
  group: areas.ai,
  description:
    'Cosine similarity of two embeddings stored as real[] (pgvector is not available). NULL when the lengths differ or a vector is zero',
  args: { a: 'real[]', b: 'real[]' },
  returns: 'double precision',
  language: 'sql',
  volatility: 'immutable',
  strict: true,
  parallel: 'safe',
  body: sql`
SELECT CASE
  WHEN cardinality(a) <> cardinality(b) OR cardinality(a) = 0 THEN NULL
  ELSE (
    SELECT CASE WHEN sum(x.v::float8 * x.v) = 0 OR sum(y.v::float8 * y.v) = 0 THEN NULL
                ELSE sum(x.v::float8 * y.v) / (sqrt(sum(x.v::float8 * x.v)) * sqrt(sum(y.v::float8 * y.v))) END
    FROM unnest(a) WITH ORDINALITY AS x(v, i)
    JOIN unnest(b) WITH ORDINALITY AS y(v, i) ON x.i = y.i
  )
END
`,
});

// ---------------------------------------------------------------------------------------------
// TypeScript helpers (not definitions): fresh column builders and the seed's RLS patterns.
// ---------------------------------------------------------------------------------------------

/** created_at / updated_at columns (new builders on every call). */
export function timestamps() {
  return {
    created_at: timestamptz().notNull().defaultNow().describe('When the row was created'),
    updated_at: timestamptz().notNull().defaultNow().describe('Last change (kept by update_updated_at_column())'),
  };
}

/** The BEFORE UPDATE trigger that keeps updated_at current: `triggers: { ...updatedAtTrigger('profiles') }`. */
export function updatedAtTrigger(tableName: string): Record<string, TriggerInput> {
  return { [`update_${tableName}_updated_at`]: { timing: 'before', events: ['update'], function: updateUpdatedAtColumn } };
}

/** SQL fragments of the seed's RLS patterns. */
export const rlsSql = {
  /** 1. Owner-only access. */
  owner: (column = 'user_id') => sql`(select auth.uid()) = ${column}`,
  /** 2. Tenant isolation (through the SECURITY DEFINER helper: no recursion on tenant_members). */
  tenant: (column = 'tenant_id') => sql`public.is_tenant_member(${column}, (select auth.uid()))`,
  /** Tenant owners and admins. */
  tenantAdmin: (column = 'tenant_id') => sql`public.is_tenant_admin(${column}, (select auth.uid()))`,
  /** 3. Admin access. */
  admin: () => sql`public.is_admin((select auth.uid()))`,
  /** 4. Service role. */
  service: () => sql`auth.role() = 'service_role'`,
  /** 5. Public read. */
  publicRead: () => sql`true`,
};

/** 1. Owner-only access: the owner reads and writes their own rows. */
export function ownerPolicies(noun: string, column = 'user_id'): Record<string, PolicyInput> {
  return {
    [`Users manage own ${noun}`]: { for: 'all', to: 'authenticated', using: rlsSql.owner(column), withCheck: rlsSql.owner(column) },
  };
}

/** 1. Owner-only read (rows written by the service or by functions). */
export function ownerReadPolicies(noun: string, column = 'user_id'): Record<string, PolicyInput> {
  return { [`Users view own ${noun}`]: { for: 'select', to: 'authenticated', using: rlsSql.owner(column) } };
}

/** 2. Tenant isolation: members read, owners/admins write. */
export function tenantPolicies(noun: string, column = 'tenant_id', options: { membersWrite?: boolean } = {}): Record<string, PolicyInput> {
  const write = options.membersWrite ? rlsSql.tenant(column) : rlsSql.tenantAdmin(column);
  const writers = options.membersWrite ? 'Tenant members' : 'Tenant admins';
  return {
    [`Tenant members view ${noun}`]: { for: 'select', to: 'authenticated', using: rlsSql.tenant(column) },
    [`${writers} insert ${noun}`]: { for: 'insert', to: 'authenticated', withCheck: write },
    [`${writers} update ${noun}`]: { for: 'update', to: 'authenticated', using: write, withCheck: write },
    [`${writers} delete ${noun}`]: { for: 'delete', to: 'authenticated', using: write },
  };
}

/** 3. Admin access: platform admins manage every row. */
export function adminPolicies(noun: string): Record<string, PolicyInput> {
  return { [`Admins manage all ${noun}`]: { for: 'all', to: 'authenticated', using: rlsSql.admin(), withCheck: rlsSql.admin() } };
}

/** 4. Service role: backend jobs manage every row. */
export function servicePolicies(noun: string): Record<string, PolicyInput> {
  return { [`Service role manages ${noun}`]: { for: 'all', to: 'service_role', using: rlsSql.service(), withCheck: rlsSql.service() } };
}

/** 5. Public read: anyone, signed in or not, may SELECT. */
export function publicReadPolicies(noun: string, where?: string): Record<string, PolicyInput> {
  return { [`Public can view ${noun}`]: { for: 'select', to: ['anon', 'authenticated'], using: where ? sql`${where}` : rlsSql.publicRead() } };
}
