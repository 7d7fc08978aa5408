import type { Column, Constraint, DefaultPrivilege, Domain, Enum, Extension, Grant, Index, Namespace, Policy, Routine, Sequence, Table, Trigger, View } from './schema.js';

/**
 * A Change is one typed difference between two schemas, as the differ reports it. Changes
 * carry the objects themselves (never SQL); the planner orders them and renders statements.
 * `table` and `relation` fields are object ids (`public.leads`).
 */
export type Change =
  | { kind: 'create namespace'; namespace: Namespace }
  | { kind: 'drop namespace'; namespace: Namespace }
  | { kind: 'create extension'; extension: Extension }
  | { kind: 'drop extension'; extension: Extension }
  | { kind: 'create enum'; enum: Enum }
  | { kind: 'drop enum'; enum: Enum }
  | { kind: 'add enum value'; enum: Enum; value: string; before?: string; after?: string }
  /** Values removed or reordered: a new type replaces the old one and the columns convert. */
  | { kind: 'replace enum'; from: Enum; to: Enum; columns: { table: string; column: Column }[] }
  | { kind: 'create domain'; domain: Domain }
  | { kind: 'drop domain'; domain: Domain }
  /** Default, NOT NULL or checks changed on the same base type: ALTER DOMAIN keeps the columns that use it. */
  | { kind: 'alter domain'; from: Domain; to: Domain }
  | { kind: 'create sequence'; sequence: Sequence }
  | { kind: 'drop sequence'; sequence: Sequence }
  | { kind: 'alter sequence'; from: Sequence; to: Sequence }
  | { kind: 'create table'; table: Table }
  | { kind: 'drop table'; table: Table }
  | { kind: 'add column'; table: string; column: Column }
  | { kind: 'drop column'; table: string; column: Column }
  | { kind: 'alter column'; table: string; from: Column; to: Column }
  | { kind: 'add constraint'; table: string; constraint: Constraint }
  | { kind: 'drop constraint'; table: string; constraint: Constraint }
  | { kind: 'create index'; relation: string; index: Index }
  | { kind: 'drop index'; relation: string; index: Index }
  | { kind: 'create routine'; routine: Routine }
  | { kind: 'replace routine'; from: Routine; to: Routine }
  | { kind: 'drop routine'; routine: Routine }
  /** `replaces`: the view dropped in the same plan to make way for this one, when it is. */
  | { kind: 'create view'; view: View; replaces?: View }
  | { kind: 'replace view'; from: View; to: View }
  | { kind: 'drop view'; view: View }
  | { kind: 'create trigger'; table: string; trigger: Trigger }
  | { kind: 'drop trigger'; table: string; trigger: Trigger }
  | { kind: 'set row level security'; table: string; from: Table['rls']; to: Table['rls'] }
  | { kind: 'create policy'; table: string; policy: Policy }
  | { kind: 'alter policy'; table: string; from: Policy; to: Policy }
  | { kind: 'drop policy'; table: string; policy: Policy }
  | { kind: 'set grants'; target: GrantTarget; from: Grant[]; to: Grant[] }
  /** Default privileges of one role, schema and object kind: absent `from` adds, absent `to` removes. */
  | { kind: 'set default privileges'; from?: DefaultPrivilege; to?: DefaultPrivilege }
  | { kind: 'set comment'; target: CommentTarget; from?: string; to?: string }
  | { kind: 'rename'; target: RenameTarget; from: string; to: string };

/** A RenameTarget names what a `renamedFrom` hint renames; `from`/`to` of the change are bare names. */
export type RenameTarget =
  | { type: 'table' | 'view' | 'materialized view' | 'enum'; schema: string }
  | { type: 'routine'; routine: Routine }
  | { type: 'column' | 'constraint'; table: string }
  | { type: 'index'; schema: string }
  | { type: 'enum value'; enum: string };

export type ChangeKind = Change['kind'];

/** A GrantTarget names an object that carries privileges. */
export type GrantTarget =
  | { type: 'schema'; name: string }
  | { type: 'table' | 'view' | 'materialized view' | 'sequence'; id: string }
  | { type: 'routine'; id: string; routine: Routine }
  | { type: 'column'; table: string; column: string };

/** The object a grant target names, and the top-level object it belongs to. */
export function grantTargetObject(target: GrantTarget): { object: string; owner: string } {
  if (target.type === 'schema') return { object: target.name, owner: target.name };
  if (target.type === 'column') return { object: `${target.table}.${target.column}`, owner: target.table };
  return { object: target.id, owner: target.id };
}

/** A CommentTarget names any object a COMMENT ON can describe. */
export type CommentTarget =
  | { type: 'schema'; name: string }
  | { type: 'table' | 'view' | 'materialized view' | 'sequence' | 'type' | 'domain'; id: string }
  | { type: 'column'; relation: string; column: string }
  | { type: 'constraint'; table: string; name: string }
  | { type: 'domain constraint'; domain: string; name: string }
  | { type: 'index'; schema: string; name: string }
  | { type: 'trigger' | 'policy'; table: string; name: string }
  | { type: 'routine'; id: string; routine: Routine };

/**
 * A Hazard marks a statement that can lose data, rewrite a table, hold a long lock, or weaken
 * access control: BREAKS_ACCESS takes privileges away from roles the API uses (an application
 * stops working), WEAKENS_SECURITY removes a protection (row level security, a policy,
 * security_invoker) so rows may be read or written by whom they were kept from.
 */
export interface Hazard {
  code: 'DELETES_DATA' | 'REWRITES_TABLE' | 'LONG_LOCK' | 'MAY_FAIL' | 'NOT_TRANSACTIONAL' | 'BREAKS_ACCESS' | 'WEAKENS_SECURITY';
  message: string;
}

/** Hazard codes that weaken or cut access: commands refuse them unless security changes are allowed. */
export const securityHazards: readonly Hazard['code'][] = ['BREAKS_ACCESS', 'WEAKENS_SECURITY'];
