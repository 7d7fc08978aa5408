/*
 * Shared pieces of the PROXe Command Center schema: the documentation groups, the value lists
 * the CHECK constraints use (touchpoints, brands, lead stages), the shared trigger functions
 * (updated_at, phone normalisation) and the RLS helpers every area's policies call.
 *
 * The stage list is TEXT + CHECK rather than an enum, as the seed's migrations have it: adding a
 * stage (or a brand) is then one constraint change, not an enum migration.
 */
import { rpc, sql, text, triggerFunction, type GrantInput, type PolicyInput } from 'pgform';

/** The seed's inventory sections, used as documentation groups. */
export const groups = {
  core: 'Core Tables (Dashboard)',
  touchpoints: 'Multi-Touchpoint Tables (All Builds)',
  intelligence: 'Lead Intelligence Tables (Dashboard)',
  views: 'Views',
} as const;

/** Channels a lead can come from or talk on. */
export const touchpoints = ['web', 'whatsapp', 'voice', 'social'] as const;

/** Brands allowed today; a new brand means widening every brand CHECK (see the system note). */
export const brands = ['proxe'] as const;

/**
 * Lead stages in funnel order. The automatic ladder (score based) is New -> Engaged -> Qualified
 * -> High Intent -> Booking Made; Converted, Closed Lost and In Sequence are only set by people
 * (stage overrides), Cold by the recency rule of determine_lead_stage().
 */
export const leadStages = ['New', 'Engaged', 'Qualified', 'High Intent', 'Booking Made', 'Converted', 'Closed Lost', 'In Sequence', 'Cold'] as const;

/** The SQL list of the stages, for CHECK constraints: `'New', 'Engaged', ...`. */
export const leadStageList = leadStages.map((stage) => `'${stage}'`).join(', ');

/** Dashboard roles. */
export const dashboardRoles = ['admin', 'viewer'] as const;

/** The brand column every isolated (lead-related) table carries. */
export const brandColumn = () =>
  text().notNull().default('proxe').oneOf(brands).describe("Brand-specific - brand the record belongs to; currently only 'proxe' (CHECK)");

// ---------------------------------------------------------------------------------------------
// RLS and grant patterns. Dashboard users are authenticated users with an active dashboard_users
// row; the Website / WhatsApp / Voice / Social builds write with the service role.
// ---------------------------------------------------------------------------------------------

/** `Dashboard users can view <what>`: SELECT for active dashboard users. */
export const dashboardRead = (what: string): Record<string, PolicyInput> => ({
  [`Dashboard users can view ${what}`]: { for: 'select', to: 'authenticated', using: sql`public.is_dashboard_user()` },
});

/** `Service role manages <what>`: the bots' full access. */
export const serviceRoleAll = (what: string): Record<string, PolicyInput> => ({
  [`Service role manages ${what}`]: { for: 'all', to: 'service_role', using: sql`true`, withCheck: sql`true` },
});

/** Table privileges: authenticated gets `dashboard`, service_role gets `service`. */
export const tableGrants = (dashboard: string[], service: string[] = ['select', 'insert', 'update', 'delete']): GrantInput[] => [
  { to: 'authenticated', privileges: dashboard },
  { to: 'service_role', privileges: service },
];

// ---------------------------------------------------------------------------------------------
// Shared trigger functions.
// ---------------------------------------------------------------------------------------------

export const updateUpdatedAtColumn = triggerFunction('update_updated_at_column', {
  set: { search_path: 'public, extensions' },
  group: groups.touchpoints,
  description: 'Trigger function: sets updated_at to now() on every UPDATE (used by every table with an updated_at column)',
  body: sql`
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
`,
});

export const normalizePhone = rpc('normalize_phone', {
  set: { search_path: 'public, extensions' },
  group: groups.touchpoints,
  description: 'Normalises a phone number to digits only (NULL when no digits remain); the deduplication key of all_leads',
  args: { phone: 'text' },
  returns: 'text',
  language: 'sql',
  volatility: 'immutable',
  parallel: 'safe',
  body: sql`
SELECT nullif(regexp_replace(phone, '[^0-9]', '', 'g'), '')
`,
});

export const setCustomerPhoneNormalized = triggerFunction('set_customer_phone_normalized', {
  set: { search_path: 'public, extensions' },
  group: groups.touchpoints,
  description:
    'Trigger function: fills customer_phone_normalized from the phone column named by the first trigger argument (phone on all_leads, customer_phone on the session tables)',
  body: sql`
DECLARE
  v_phone text := to_jsonb(NEW) ->> TG_ARGV[0];
BEGIN
  IF v_phone IS NOT NULL THEN
    NEW := jsonb_populate_record(NEW, jsonb_build_object('customer_phone_normalized', public.normalize_phone(v_phone)));
  END IF;
  RETURN NEW;
END;
`,
});

// ---------------------------------------------------------------------------------------------
// RLS helpers. SECURITY DEFINER so policies on dashboard_users itself do not recurse.
// ---------------------------------------------------------------------------------------------

export const isDashboardUser = rpc('is_dashboard_user', {
  group: groups.core,
  description: 'True when the caller (auth.uid()) has an active dashboard_users row; the test every dashboard RLS policy uses',
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM public.dashboard_users du
    WHERE du.id = auth.uid() AND du.is_active
  );
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const isDashboardAdmin = rpc('is_dashboard_admin', {
  group: groups.core,
  description: "True when the caller (auth.uid()) is an active dashboard user with role 'admin'",
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM public.dashboard_users du
    WHERE du.id = auth.uid() AND du.is_active AND du.role = 'admin'
  );
END;
`,
  grants: ['authenticated', 'service_role'],
});
