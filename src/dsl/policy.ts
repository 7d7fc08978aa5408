import type { SourceLocation } from '../model/schema.js';
import { externalPolicyShape, guard, guardName } from './guard.js';
import { callSite } from './source.js';
import type { PolicyInput } from './table.js';

/** A PolicyDef is a row level security policy on a table the definitions do not own (a preset's `storage.objects`). */
export interface PolicyDef extends PolicyInput {
  readonly pgform: 'policy';
  readonly name: string;
  /** The table, schema-qualified: `storage.objects`. */
  readonly on: string;
  readonly source?: SourceLocation;
}

/**
 * Declares a policy on a preset's table, e.g. Supabase Storage's per-user folders:
 * `policy('users upload their avatar', { on: 'storage.objects', for: 'insert', to: 'authenticated', withCheck: sql\`...\` })`.
 * The platform enables row level security on its tables; policies on the definitions' own tables
 * belong in their table's `policies`.
 */
export function policy(name: string, options: PolicyInput & { on: string }): PolicyDef {
  const source = callSite();
  guardName(name, 'policy', source);
  guard(externalPolicyShape, options, { object: `policy ${name}`, source });
  return { pgform: 'policy', name, ...options, ...(source ? { source } : {}) };
}
