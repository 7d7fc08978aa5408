import { enumType, sql, triggerFunction, type PolicyInput } from 'pgform';

/**
 * Documentation groups of the revenue intelligence system, one per dashboard. Every table,
 * view and function of the system carries one of these as its `group`.
 *
 * Ownership across files (so no object is declared twice):
 * - contacts.ts, revenue.ts, marketing.ts, calls.ts (groups 1-4) also own the objects the seed
 *   lists both in a group and in "Cross-Group Intelligence Views": loss_analysis, funnel_metrics,
 *   historical_baselines (tables), source_discrepancy_matrix and vw_active_clients (views), and
 *   campaign_lead_attribution (view, listed in groups 1 and 3).
 * - cross-group.ts owns view_enterprise_truth_genome, mv_enterprise_truth_genome,
 *   ultimate_truth_dashboard, view_truth_triangle, setter_funnel_matrix and v_followup_queue.
 * - system-config.ts (group 7) provides what groups 1-4 rely on: `staff` (id uuid primary key,
 *   hubspot_owner_id text: the HubSpot owner id that contacts.owner_id, deals.owner_id and
 *   call_records.hubspot_owner_id hold), `user_roles`, and
 *   `public.has_role(_user_id uuid, _role public.app_role) RETURNS boolean` (SECURITY DEFINER),
 *   which the admin policies below call.
 */
export const groups = {
  contacts: 'Contact/Lead Data',
  revenue: 'Deal/Revenue Data',
  marketing: 'Marketing/Attribution Data',
  calls: 'Call Data',
  health: 'Health/Coaching Data',
  ai: 'AI/Agent Data',
  system: 'System/Config Data',
  crossGroup: 'Cross-Group Intelligence',
} as const;

export const appRole = enumType('app_role', ['admin', 'user'], {
  description: 'Application role granted through user_roles; admin unlocks the System/Config dashboard',
  group: groups.system,
});

export const dealStatus = enumType('deal_status', ['pending', 'closed', 'cancelled', 'lost'], {
  description: 'Commercial status of a deal (its HubSpot stage is kept separately in deals.stage)',
  group: groups.revenue,
});

export const leadStatus = enumType(
  'lead_status',
  ['new', 'appointment_set', 'appointment_held', 'pitch_given', 'closed', 'no_show', 'follow_up', 'rescheduled'],
  { description: 'Setter/closer funnel status of a lead, from first contact to close', group: groups.contacts },
);

export const setUpdatedAt = triggerFunction('set_updated_at', {
  set: { search_path: 'public, extensions' },
  description: 'Keeps updated_at current on every UPDATE',
  group: groups.system,
  body: sql`
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
`,
});

/** The admin test every admin policy uses (has_role is declared in system-config.ts). */
export const isAdminSql = sql`public.has_role((select auth.uid()), 'admin'::public.app_role)`;

/**
 * The dashboard RLS pattern of groups 1-4: signed-in dashboard users read, admins correct
 * data by hand, and the sync jobs (HubSpot, Stripe, Facebook, call tracking webhooks) write
 * as service_role.
 */
export function dashboardPolicies(what: string): Record<string, PolicyInput> {
  return {
    [`Authenticated users can view ${what}`]: { for: 'select', to: 'authenticated', using: sql`true` },
    // Admins read through the policy above; one policy per write command keeps a single
    // permissive policy per command (pgform lint: multiple_permissive_policies).
    [`Admins insert ${what}`]: { for: 'insert', to: 'authenticated', withCheck: isAdminSql },
    [`Admins update ${what}`]: { for: 'update', to: 'authenticated', using: isAdminSql, withCheck: isAdminSql },
    [`Admins delete ${what}`]: { for: 'delete', to: 'authenticated', using: isAdminSql },
    [`Service role manages ${what}`]: { for: 'all', to: 'service_role', using: sql`true`, withCheck: sql`true` },
  };
}

/** The same pattern for sensitive tables (raw webhooks, fraud, payouts): admins only read. */
export function adminOnlyPolicies(what: string): Record<string, PolicyInput> {
  return {
    [`Admins manage ${what}`]: { for: 'all', to: 'authenticated', using: isAdminSql, withCheck: isAdminSql },
    [`Service role manages ${what}`]: { for: 'all', to: 'service_role', using: sql`true`, withCheck: sql`true` },
  };
}

/** The trigger that keeps updated_at current, for a table's `triggers`. */
export function updatedAtTrigger(tableName: string) {
  return { [`${tableName}_set_updated_at`]: { timing: 'before' as const, events: ['update' as const], function: setUpdatedAt } };
}
