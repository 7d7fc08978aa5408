import type { Aggregate, Collation, Column, ColumnSettings, CompositeType, Constraint, DefaultPrivilege, Distribution, Domain, Enum, Extension, Grant, Index, Namespace, PartitionOf, Policy, Publication, PublicationTable, RangeType, ReplicaIdentity, Routine, Sequence, StatisticsObject, StorageOptions, Table, Trigger, View } from './schema.js';

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
  | { kind: 'create collation'; collation: Collation }
  | { kind: 'drop collation'; collation: Collation }
  /** A new version (`UPDATE TO`) or schema (`SET SCHEMA`) of an installed extension. */
  | { kind: 'alter extension'; from: Extension; to: Extension }
  | { kind: 'create enum'; enum: Enum }
  | { kind: 'drop enum'; enum: Enum }
  | { kind: 'add enum value'; enum: Enum; value: string; before?: string; after?: string }
  /** Values removed or reordered: a new type replaces the old one and the columns convert. */
  | { kind: 'replace enum'; from: Enum; to: Enum; columns: { table: string; column: Column }[] }
  | { kind: 'create domain'; domain: Domain }
  | { kind: 'drop domain'; domain: Domain }
  /** Default, NOT NULL or checks changed on the same base type: ALTER DOMAIN keeps the columns that use it. */
  | { kind: 'alter domain'; from: Domain; to: Domain }
  /** Base type or collation changed while columns use the domain: a new domain replaces the old one and the columns convert. */
  | { kind: 'replace domain'; from: Domain; to: Domain; columns: { table: string; column: Column }[] }
  | { kind: 'create composite type'; type: CompositeType }
  | { kind: 'drop composite type'; type: CompositeType }
  /** Attributes added, dropped or retyped in place (ALTER TYPE ... ADD/DROP/ALTER ATTRIBUTE); `columns` of tables use the type. */
  | { kind: 'alter composite type'; from: CompositeType; to: CompositeType; columns: string[] }
  /** No option of a range type can be altered: a changed one is dropped and created again (with nothing storing it). */
  | { kind: 'create range type'; type: RangeType }
  | { kind: 'drop range type'; type: RangeType }
  | { kind: 'create sequence'; sequence: Sequence }
  | { kind: 'drop sequence'; sequence: Sequence }
  | { kind: 'alter sequence'; from: Sequence; to: Sequence }
  | { kind: 'create table'; table: Table }
  /**
   * `aside`: the rows move to a table of the same name that replaces this one (made partitioned,
   * or no longer): the table is renamed out of the way first, with the indexes whose names the new
   * one takes, and dropped only once `copy rows` has run. A partition of it has its own name there.
   */
  | { kind: 'drop table'; table: Table; aside?: TableAside }
  /**
   * The rows of `from`, renamed to `aside`, inserted into `to`, which replaces it under its name.
   * `catchAll`: `to` has a default partition (all the way down), so every row fits one.
   */
  | { kind: 'copy rows'; from: Table; to: Table; aside: string; catchAll?: boolean }
  | { kind: 'add column'; table: string; column: Column }
  /** `only`: ALTER TABLE ONLY, so inheritance children keep their copies of the column as their own. */
  | { kind: 'drop column'; table: string; column: Column; only?: boolean }
  /**
   * `generated`: stored generated columns computed from this one, whose type changes; PostgreSQL
   * retypes no column a generated one reads, so they are dropped before and added again after.
   */
  | { kind: 'alter column'; table: string; from: Column; to: Column; generated?: { from: Column; to: Column }[] }
  /** `usingIndex`: an existing unique index (being dropped as such) becomes the key's index. */
  | { kind: 'add constraint'; table: string; constraint: Constraint; usingIndex?: string }
  | { kind: 'drop constraint'; table: string; constraint: Constraint }
  /** A NOT VALID check or foreign key that becomes valid: the rows are checked, nothing re-created. */
  | { kind: 'validate constraint'; table: string; constraint: Constraint }
  /** A foreign key whose deferral changes (ALTER CONSTRAINT): PostgreSQL alters no other kind so. */
  | { kind: 'alter constraint'; table: string; from: Constraint; to: Constraint }
  | { kind: 'create index'; relation: string; index: Index }
  | { kind: 'drop index'; relation: string; index: Index }
  /** An existing table becomes a partition of `partitionOf.parent` (`table` is the partition). */
  | { kind: 'attach partition'; table: string; partitionOf: PartitionOf }
  /** A partition leaves its parent and keeps its rows as a table of its own. */
  | { kind: 'detach partition'; table: string; partitionOf: PartitionOf }
  /** An existing table becomes an INHERITS child of `parent`. */
  | { kind: 'inherit'; table: string; parent: string }
  | { kind: 'no inherit'; table: string; parent: string }
  | { kind: 'create routine'; routine: Routine }
  | { kind: 'replace routine'; from: Routine; to: Routine }
  | { kind: 'drop routine'; routine: Routine }
  | { kind: 'create aggregate'; aggregate: Aggregate }
  /** CREATE OR REPLACE AGGREGATE: same kind and result type, new options; grants and dependents stay. */
  | { kind: 'replace aggregate'; from: Aggregate; to: Aggregate }
  | { kind: 'drop aggregate'; aggregate: Aggregate }
  /** `replaces`: the view dropped in the same plan to make way for this one, when it is. */
  | { kind: 'create view'; view: View; replaces?: View }
  | { kind: 'replace view'; from: View; to: View }
  | { kind: 'drop view'; view: View }
  /** A materialized view filled (REFRESH MATERIALIZED VIEW) or emptied (... WITH NO DATA); `view` is its id. */
  | { kind: 'create statistics'; table: string; statistics: StatisticsObject }
  | { kind: 'drop statistics'; table: string; statistics: StatisticsObject }
  /** The statistics target or comment of a statistics object changes; anything else re-creates it. */
  | { kind: 'alter statistics'; table: string; from: StatisticsObject; to: StatisticsObject }
  | { kind: 'create trigger'; table: string; trigger: Trigger }
  | { kind: 'drop trigger'; table: string; trigger: Trigger }
  | { kind: 'set row level security'; table: string; from: Table['rls']; to: Table['rls'] }
  /** SET UNLOGGED / SET LOGGED: the table is rewritten. */
  | { kind: 'set logged'; table: string; unlogged: boolean }
  | { kind: 'set replica identity'; table: string; from?: ReplicaIdentity; to?: ReplicaIdentity }
  | { kind: 'set storage'; target: StorageTarget; from: StorageOptions; to: StorageOptions }
  /**
   * A column's storage mode, compression, statistics target or attribute options (ALTER COLUMN
   * ... SET STORAGE/COMPRESSION/STATISTICS/(...)). `only`: the table has partitions or children,
   * which PostgreSQL would change too; each is planned on its own. `materialized`: a materialized
   * view's column.
   */
  | { kind: 'set column settings'; table: string; column: string; type: string; from: ColumnSettings; to: ColumnSettings; only?: boolean; materialized?: boolean }
  | { kind: 'create publication'; publication: Publication }
  | { kind: 'drop publication'; publication: Publication }
  /** Options or `TABLES IN SCHEMA` of a publication pgform manages. */
  | { kind: 'alter publication'; from: Publication; to: Publication }
  | { kind: 'add publication table'; publication: string; table: string; member: PublicationTable }
  | { kind: 'drop publication table'; publication: string; table: string; member: PublicationTable }
  | { kind: 'create policy'; table: string; policy: Policy }
  | { kind: 'alter policy'; table: string; from: Policy; to: Policy }
  | { kind: 'drop policy'; table: string; policy: Policy }
  | { kind: 'set grants'; target: GrantTarget; from: Grant[]; to: Grant[] }
  /** Default privileges of one role, schema and object kind: absent `from` adds, absent `to` removes. */
  | { kind: 'set default privileges'; from?: DefaultPrivilege; to?: DefaultPrivilege }
  | { kind: 'set comment'; target: CommentTarget; from?: string; to?: string }
  /** Citus: a table becomes distributed (create_distributed_table) or a reference table (create_reference_table). */
  | { kind: 'distribute table'; table: string; distribution: Distribution }
  /** Citus: a distributed or reference table comes back to the coordinator as a plain table (undistribute_table). */
  | { kind: 'undistribute table'; table: string; distribution: Distribution }
  /**
   * Citus: a distributed table's column, shard count or colocation group changed in place
   * (alter_distributed_table). `cascade` is whether the tables colocated with it follow a new shard
   * count or group (they all stay with it), or are left behind (some leave); absent when it has none.
   */
  | { kind: 'alter distribution'; table: string; from: HashDistribution; to: HashDistribution; cascade?: boolean }
  | { kind: 'rename'; target: RenameTarget; from: string; to: string };

/** A TableAside is the name a replaced table keeps while its rows are copied, and its indexes' (bare names). */
export interface TableAside {
  name: string;
  indexes: { from: string; to: string }[];
}

/** A hash-distributed table's distribution (not a reference table). */
export type HashDistribution = Extract<Distribution, { kind: 'distributed' }>;

/** A RenameTarget names what a `renamedFrom` hint renames; `from`/`to` of the change are bare names. */
export type RenameTarget =
  | { type: 'table' | 'view' | 'materialized view' | 'enum'; schema: string }
  | { type: 'routine'; routine: Routine }
  | { type: 'column' | 'constraint'; table: string }
  | { type: 'index'; schema: string }
  | { type: 'enum value'; enum: string }
  /** An attribute of the composite type `composite` (its id). */
  | { type: 'attribute'; composite: string };

export type ChangeKind = Change['kind'];

/** A GrantTarget names an object that carries privileges. */
export type GrantTarget =
  | { type: 'schema'; name: string }
  | { type: 'table' | 'view' | 'materialized view' | 'sequence'; id: string }
  | { type: 'routine'; id: string; routine: Routine }
  | { type: 'aggregate'; id: string; aggregate: Aggregate }
  | { type: 'column'; table: string; column: string };

/** The object a grant target names, and the top-level object it belongs to. */
export function grantTargetObject(target: GrantTarget): { object: string; owner: string } {
  if (target.type === 'schema') return { object: target.name, owner: target.name };
  if (target.type === 'column') return { object: `${target.table}.${target.column}`, owner: target.table };
  return { object: target.id, owner: target.id };
}

/** A StorageTarget names a relation whose storage parameters change. */
export type StorageTarget = { type: 'table' | 'materialized view'; id: string } | { type: 'index'; relation: string; name: string };

/** A CommentTarget names any object a COMMENT ON can describe. */
export type CommentTarget =
  | { type: 'schema'; name: string }
  | { type: 'table' | 'view' | 'materialized view' | 'sequence' | 'type' | 'domain' | 'collation'; id: string }
  | { type: 'column'; relation: string; column: string }
  | { type: 'constraint'; table: string; name: string }
  | { type: 'domain constraint'; domain: string; name: string }
  | { type: 'index'; schema: string; name: string }
  | { type: 'trigger' | 'policy'; table: string; name: string }
  | { type: 'routine'; id: string; routine: Routine }
  | { type: 'aggregate'; id: string; aggregate: Aggregate }
  | { type: 'publication'; name: string }
  | { type: 'extension'; name: string };

/**
 * A Hazard marks a statement that can lose data, rewrite a table, hold a long lock, take an
 * object pgform does not manage with it, or weaken access control: BREAKS_ACCESS takes
 * privileges away from roles the API uses (an application stops working), WEAKENS_SECURITY
 * removes a protection (row level security, a policy, security_invoker) so rows may be read or
 * written by whom they were kept from. MOVES_DATA copies a table's rows between nodes (Citus
 * distributing, undistributing or re-sharding a table that has them), blocking writes meanwhile.
 */
export interface Hazard {
  code: 'DELETES_DATA' | 'REWRITES_TABLE' | 'LONG_LOCK' | 'MAY_FAIL' | 'NOT_TRANSACTIONAL' | 'DROPS_UNMANAGED' | 'BREAKS_ACCESS' | 'WEAKENS_SECURITY' | 'MOVES_DATA';
  message: string;
}

/** Hazard codes that weaken or cut access: commands refuse them unless security changes are allowed. */
/** Whether a change gives a column another type or collation: what the server converts the column's dependents for. */
export const retypesColumn = (change: Change): change is Extract<Change, { kind: 'alter column' }> =>
  change.kind === 'alter column' && (change.from.type !== change.to.type || change.from.collation !== change.to.collation);

export const securityHazards: readonly Hazard['code'][] = ['BREAKS_ACCESS', 'WEAKENS_SECURITY'];
