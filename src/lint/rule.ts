import type { Grant, Schema, SourceLocation, Table, View } from '../model/schema.js';

/** A LintLevel orders findings: `--fail-on` fails at its level and above. */
export type LintLevel = 'ERROR' | 'WARN' | 'INFO';
export type LintCategory = 'SECURITY' | 'PERFORMANCE' | 'SAFETY';

export const lintLevels: LintLevel[] = ['ERROR', 'WARN', 'INFO'];

/** Whether `level` is at least as severe as `threshold`. */
export function atLeast(level: LintLevel, threshold: LintLevel): boolean {
  return lintLevels.indexOf(level) <= lintLevels.indexOf(threshold);
}

/** A LintTarget names what a finding is about: its kind and id, and where it was written. */
export interface LintTarget {
  /** `table`, `view`, `function`, `policy`, `extension`, `statement`... */
  kind: string;
  /** `public.leads`, `public.leads.owner reads own`, `20240101000000_init.sql`. */
  object: string;
  /** The definition's file and line (definitions, migration files); absent for a live database. */
  source?: SourceLocation;
  /** Rule id -> reason: suppressions declared on the definition this finding points at. */
  allow?: Record<string, string>;
  /** Rule id -> the object whose definition declares that suppression, when not this one (a table's, covering its policies). */
  allowedBy?: Record<string, string>;
}

/** A Hit is what a rule reports before levels, suppressions and config apply. */
export interface Hit extends LintTarget {
  message: string;
  /** A rule may raise one hit above its usual level (a SECURITY DEFINER function without search_path). */
  level?: LintLevel;
}

/** A Finding is one reported problem: the rule's data plus where it is. */
export interface Finding {
  rule: string;
  level: LintLevel;
  category: LintCategory;
  message: string;
  kind: string;
  object: string;
  source?: SourceLocation;
}

/** The parts every rule declares: what it is, how bad, and why. */
export interface RuleInfo {
  /** The splinter name where one exists (`auth_rls_initplan`), else our own in the same style. */
  id: string;
  level: LintLevel;
  category: LintCategory;
  /** One line: what the rule finds and why it matters. */
  description: string;
}

/** What schema rules see: the model and the project's settings. */
export interface SchemaContext {
  schema: Schema;
  /** Schemas the Data API (PostgREST) exposes: `public` unless configured. */
  exposedSchemas: Set<string>;
  /**
   * The grants a relation has once created: the declared ones plus what the platform's default
   * privileges add (Supabase grants ALL on new tables in public to anon and authenticated).
   */
  grantsOf(relation: Table | View): Grant[];
}

/** A SchemaRule checks a model: definitions, a live database or replayed migrations alike. */
export interface SchemaRule extends RuleInfo {
  check(context: SchemaContext): Hit[];
}
