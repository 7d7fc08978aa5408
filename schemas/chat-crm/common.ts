/*
 * Shared pieces of the Chat Dashboard CRM schema: the uuid-ossp extension, the organisation
 * lookup every RLS policy calls, the generic updated_at trigger function, and TypeScript helpers
 * that write the seed's standard organisation policy the same way on every table.
 *
 * Groups follow the seed's sections; see system.ts for their notes.
 */
import { extension, rpc, sql, triggerFunction, uuid, type GrantInput, type PolicyInput } from 'pgform';

/** The seed's sections, used as documentation groups. */
export const groups = {
  core: 'Core Tables',
  crm: 'CRM Tables',
  analytics: 'Analytics Materialized Views',
  auth: 'Authentication & Authorization',
  channels: 'Channel Management',
  contacts: 'Contact Management',
  crmFunctions: 'CRM Functions',
  analyticsFunctions: 'Analytics Functions',
} as const;

/**
 * uuid-ossp provides uuid_generate_v4(), the seed's default for every primary key. Supabase
 * installs it in the `extensions` schema, so defaults call it schema-qualified.
 */
export const uuidOssp = extension('uuid-ossp', { schema: 'extensions' });

/** `id uuid PRIMARY KEY DEFAULT extensions.uuid_generate_v4()`, the seed's primary key. */
export const idColumn = (description: string) => uuid().primaryKey().default(sql`extensions.uuid_generate_v4()`).describe(description);

/** The calling user's organisation, wrapped in a sub-select so the planner evaluates it once per statement. */
export const myOrganization = sql`( SELECT public.get_my_organization_id() )`;

/** `organization_id = get_my_organization_id()` for USING and WITH CHECK: the seed's standard pattern. */
export function organizationPolicy(what: string): Record<string, PolicyInput> {
  return {
    [`Users can manage ${what} in their organization`]: {
      for: 'all',
      to: 'authenticated',
      using: sql`organization_id = ${myOrganization}`,
      withCheck: sql`organization_id = ${myOrganization}`,
    },
  };
}

/** Table privileges: signed-in users work through RLS; the service role (webhooks, jobs) has everything. */
export const tableGrants: GrantInput[] = [
  { to: 'authenticated', privileges: ['select', 'insert', 'update', 'delete'] },
  { to: 'service_role', privileges: ['select', 'insert', 'update', 'delete', 'truncate', 'references', 'trigger'] },
];

/** `organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE`, indexed for RLS. */
export const organizationColumn = (table: string, description = 'Organization') =>
  uuid()
    .notNull()
    .references('organizations', 'id', { onDelete: 'cascade' })
    .index(`idx_${table}_organization`)
    .describe(description);

// ---------------------------------------------------------------------------------------------
// Functions used by every area.
// ---------------------------------------------------------------------------------------------

export const getMyOrganizationId = rpc('get_my_organization_id', {
  group: groups.auth,
  description: "Returns current user's organization_id for RLS policies",
  note: 'SECURITY DEFINER so the lookup in `profiles` does not itself go through RLS; `search_path` is pinned to `\'\'` and every name is schema-qualified. Returns NULL for anonymous callers and users without a profile, so organisation policies match no rows for them.',
  returns: 'uuid',
  language: 'sql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
  SELECT p.organization_id
    FROM public.profiles p
   WHERE p.id = auth.uid()
`,
  grants: ['authenticated', 'service_role'],
});

export const updateUpdatedAt = triggerFunction('update_updated_at', {
  group: groups.crmFunctions,
  description: 'Auto-updates updated_at timestamp',
  note: 'Used by BEFORE UPDATE triggers on `crm_clients`, `crm_products`, `crm_orders`, `crm_activities`, `crm_notes` (and `crm_deals`).',
  set: { search_path: '' },
  body: sql`
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
`,
});
