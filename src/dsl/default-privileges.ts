import type { DefaultPrivilegeObjects } from '../model/schema.js';
import { defaultPrivilegesShape, guard } from './guard.js';
import { callSite } from './source.js';

/** DefaultPrivilegesOptions: `ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT grant ON on TO to`. */
export interface DefaultPrivilegesOptions {
  /** The role whose new objects receive the grants; default the role pgform runs as. */
  forRole?: string;
  /** Limit to objects created in this schema; default every schema (not with `on: 'schemas'`). */
  inSchema?: string;
  on: DefaultPrivilegeObjects;
  /** Privileges, named one by one (`select`, `insert`...): `all` means a different list on each server version. */
  grant: string[];
  /** Roles (or `public`) that receive them. */
  to: string[];
  withGrantOption?: boolean;
}

/** A DefaultPrivilegesDef is the plain data `defaultPrivileges()` returns. */
export interface DefaultPrivilegesDef extends DefaultPrivilegesOptions {
  readonly pgform: 'default privileges';
  readonly source?: { file: string; line: number };
}

/**
 * Declares default privileges: what objects of one kind are granted when they are created. Objects
 * pgform then creates carry these grants in addition to their own declared ones; a preset's
 * default privileges (Supabase's) are already in force and need not be repeated.
 */
export function defaultPrivileges(options: DefaultPrivilegesOptions): DefaultPrivilegesDef {
  const source = callSite();
  guard(defaultPrivilegesShape, options, { object: `default privileges on ${String((options as { on?: unknown })?.on)}`, source });
  return { pgform: 'default privileges', ...options, ...(source ? { source } : {}) };
}
