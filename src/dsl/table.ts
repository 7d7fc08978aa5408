import { realtimePublication, type Column, type Constraint, type Index, type Policy, type PolicyCommand, type ReferentialAction, type ReplicaIdentity, type SourceLocation, type StatisticsObject, type StorageOptions, type Trigger, type TriggerEvent } from '../model/schema.js';
import { ident } from '../sql/quote.js';
import { type ActionName, ColumnBuilder, type ReferenceOptions, type TableTarget } from './column.js';
import type { Documentation, LintOptions } from './documentation.js';
import { objectName } from './names.js';
import { externalTriggerShape, guard, guardName, tableShape } from './guard.js';
import { callSite } from './source.js';
import { sqlOf, type SqlInput } from './sql.js';
import { unionGrants } from '../model/default-privileges.js';
import { toGrants, typeSql, type GrantInput, type TypeRef } from './types.js';
import { toStatisticsModel, type StatisticsInput } from './statistics.js';

export interface IndexInput {
  /** Keys in order: a column name, `created_at DESC`, or an expression such as `lower(email)`. */
  on: string[];
  unique?: boolean;
  /** btree (default), gin, gist, hash, brin... */
  using?: string;
  include?: string[];
  where?: SqlInput;
  nullsNotDistinct?: boolean;
  /** Storage parameters: `{ fillfactor: 70 }`. */
  storage?: StorageInput;
  description?: string;
  /** The index's previous name. */
  renamedFrom?: string;
}

/** StorageInput is a relation's storage parameters: `{ fillfactor: 70, autovacuum_vacuum_scale_factor: 0.01 }`. */
export type StorageInput = Record<string, string | number | boolean>;

/** Storage parameters as the model (and pg_class.reloptions) holds them: text, sorted by name. */
export function toStorage(input: StorageInput | undefined): { storage?: StorageOptions } {
  const names = Object.keys(input ?? {}).sort();
  return names.length ? { storage: Object.fromEntries(names.map((name) => [name, String(input![name])])) } : {};
}

export interface TriggerInput {
  timing: 'before' | 'after' | 'instead of';
  events: ('insert' | 'update' | 'delete' | 'truncate')[];
  updateOf?: string[];
  forEach?: 'row' | 'statement';
  when?: SqlInput;
  /** The trigger function: its definition, or its name (`public.set_updated_at`). */
  function: { readonly pgform: 'routine'; readonly schema: string; readonly name: string } | string;
  arguments?: string[];
  enabled?: Trigger['enabled'];
  /**
   * Makes it a constraint trigger (`CREATE CONSTRAINT TRIGGER`, timing 'after', for each row):
   * its deferral, and the table of `FROM` (a name, `schema.name`).
   */
  constraint?: { deferrable?: boolean; initiallyDeferred?: boolean; from?: string };
  /**
   * Transition tables of an 'after' trigger (`REFERENCING OLD TABLE AS ... NEW TABLE AS ...`):
   * the names under which the function sees the rows the statement deleted or updated (`old`)
   * and inserted or updated (`new`).
   */
  referencing?: { old?: string; new?: string };
  description?: string;
}

export interface PolicyInput {
  for?: 'all' | 'select' | 'insert' | 'update' | 'delete';
  /** Roles; default every role (`public`). */
  to?: string | string[];
  using?: SqlInput;
  withCheck?: SqlInput;
  restrictive?: boolean;
  description?: string;
  /** Lint rules suppressed on this policy: `{ allow: { rule_id: 'reason' } }`. */
  lint?: LintOptions['lint'];
}

export interface ForeignKeyInput extends ReferenceOptions {
  columns: string[];
  references: TableTarget;
  /** Referenced columns; default the same names as `columns`. */
  referencedColumns?: string[];
  match?: 'full';
  /** With `onDelete: 'set null'` or `'set default'`: the only columns it sets (PostgreSQL 15+). */
  onDeleteColumns?: string[];
}

/** How a table is partitioned: key columns or expressions per method, or the whole `RANGE (...)` text. */
export type PartitionByInput = { range: string[] } | { list: string[] } | { hash: string[] } | SqlInput;

/** PartitionOfInput places a table among its parent's partitions: `values` is its bound, or `'default'`. */
export interface PartitionOfInput {
  parent: TableTarget;
  /** `sql\`FROM ('2024-01-01') TO ('2025-01-01')\``, `sql\`IN ('eu')\``, `sql\`WITH (MODULUS 4, REMAINDER 0)\`` or `'default'`. */
  values: SqlInput | 'default';
}

export interface TableOptions extends Documentation, LintOptions {
  schema?: string;
  /** The table's previous name: the next migration renames it instead of dropping it. */
  renamedFrom?: string;
  /** The table's own columns; a partition takes all of its columns from its parent and declares none. */
  columns?: Record<string, ColumnBuilder>;
  /** Makes the table partitioned: `{ range: ['created_at'] }`, `{ list: ['region'] }`, `{ hash: ['id'] }` or sql`RANGE (...)`. */
  partitionBy?: PartitionByInput;
  /** Makes the table a partition of a partitioned table. */
  partitionOf?: PartitionOfInput;
  /** Plain table inheritance: the parents' columns come first, then the table's own. */
  inherits?: TableTarget[];
  /** UNLOGGED: faster writes, no WAL, emptied after a crash and not replicated (caches, staging data). */
  unlogged?: boolean;
  primaryKey?: string[] | ({ columns: string[]; name?: string; renamedFrom?: string } & Deferral);
  unique?: (string[] | ({ columns: string[]; name?: string; nullsNotDistinct?: boolean; renamedFrom?: string } & Deferral))[];
  /**
   * Table checks by constraint name: the expression, or `{ expression, notValid, noInherit }`
   * (`notValid`: added NOT VALID, rows already there are not checked).
   */
  checks?: Record<string, SqlInput | { expression: SqlInput; notValid?: boolean; noInherit?: boolean }>;
  foreignKeys?: ForeignKeyInput[];
  /** Exclusion constraints by name: `EXCLUDE USING gist (room_id WITH =, during WITH &&)`, or `{ definition, deferrable }`. */
  exclusions?: Record<string, SqlInput | ({ definition: SqlInput } & Deferral)>;
  indexes?: Record<string, IndexInput>;
  /**
   * Extended statistics objects by name (CREATE STATISTICS): columns the planner should not take
   * for independent, `{ on: ['city', 'zip'], kinds: ['dependencies'] }`, or expressions (`sql`).
   */
  statistics?: Record<string, StatisticsInput>;
  triggers?: Record<string, TriggerInput>;
  /** Row level security: `true` enables it; `{ forced: true }` also applies it to the owner. */
  rls?: boolean | { enabled?: boolean; forced?: boolean };
  policies?: Record<string, PolicyInput>;
  grants?: GrantInput[];
  /** Storage parameters: `{ fillfactor: 70, autovacuum_vacuum_scale_factor: 0.01 }`. */
  storage?: StorageInput;
  /** What logical replication logs of an old row: `'full'`, `'nothing'`, `{ index: 'name' }`; default the primary key. */
  replicaIdentity?: 'default' | 'full' | 'nothing' | { index: string };
  /** Supabase Realtime sends this table's changes: membership in the `supabase_realtime` publication. */
  realtime?: boolean;
  /** Publications the table belongs to, by name (declared with `publication()`, or `supabase_realtime`). */
  publications?: string[];
  /**
   * Citus: shards the table over the worker nodes by a column (`by`), in the colocation group of
   * another distributed table (`colocateWith`: its shards sit with that table's), or in a new
   * group of `shardCount` shards (default: the cluster's citus.shard_count).
   */
  distributed?: DistributedInput;
  /** Citus: a reference table, copied whole to every node (small tables every shard joins with). */
  reference?: boolean;
}

/** How a table is distributed over a Citus cluster. */
export interface DistributedInput {
  /** The distribution column: in every primary key and unique constraint of the table. */
  by: string;
  colocateWith?: TableTarget;
  shardCount?: number;
}

/** Deferral of a key, unique, exclusion or foreign key constraint: `DEFERRABLE [INITIALLY DEFERRED]`. */
export interface Deferral {
  deferrable?: boolean;
  initiallyDeferred?: boolean;
}

function deferralOf(input: Deferral): Deferral {
  return { ...(input.deferrable ? { deferrable: true } : {}), ...(input.initiallyDeferred ? { initiallyDeferred: true } : {}) };
}

/** A foreign key whose target is resolved when the whole schema is known. */
export interface PendingForeignKey {
  name: string;
  columns: string[];
  target: TableTarget;
  referencedColumns?: string[];
  onDelete: ReferentialAction;
  onDeleteColumns?: string[];
  onUpdate: ReferentialAction;
  deferrable?: boolean;
  initiallyDeferred?: boolean;
  match?: 'FULL';
  notValid?: boolean;
  renamedFrom?: string;
}

/** A TableDef is the plain data `table()` returns; `build` turns a set of them into a Schema. */
export interface TableDef extends Documentation, LintOptions {
  readonly pgform: 'table';
  readonly schema: string;
  readonly name: string;
  readonly renamedFrom?: string;
  readonly source?: SourceLocation;
  /** Columns with types that may still point at enum or domain definitions. */
  readonly columns: (Omit<Column, 'type'> & { type: string | TypeRef })[];
  readonly constraints: Record<string, Constraint>;
  readonly foreignKeys: PendingForeignKey[];
  readonly indexes: Record<string, Index>;
  readonly statistics?: Record<string, StatisticsObject>;
  readonly triggers: Record<string, Omit<Trigger, 'function'> & { function: TriggerInput['function'] }>;
  readonly policies: Record<string, Policy>;
  readonly rls: { enabled: boolean; forced: boolean };
  readonly grants: ReturnType<typeof toGrants>;
  /** The partition key as SQL: `RANGE ("created_at")`. */
  readonly partitionBy?: string;
  /** The parent (resolved by `build`) and the bound as SQL: `FOR VALUES IN ('eu')` or `DEFAULT`. */
  readonly partitionOf?: { parent: TableTarget; bound: string };
  readonly inherits?: TableTarget[];
  readonly unlogged?: boolean;
  readonly storage?: StorageOptions;
  readonly replicaIdentity?: ReplicaIdentity;
  /** Publication names, sorted; `realtime: true` is `supabase_realtime`. */
  readonly publications: string[];
  /** Citus distribution, checked and resolved by `build` (colocation names a table). */
  readonly distribution?: { kind: 'distributed'; by: string; colocateWith?: TableTarget; shardCount?: number } | { kind: 'reference' };
  /** Problems found while declaring, reported by `build` with the file and line. */
  readonly problems: { field: string; message: string }[];
}

const actions: Record<string, ReferentialAction> = {
  cascade: 'CASCADE',
  restrict: 'RESTRICT',
  'set null': 'SET NULL',
  'set default': 'SET DEFAULT',
  'no action': 'NO ACTION',
};

function action(name: ActionName | undefined): ReferentialAction {
  if (!name) return 'NO ACTION';
  return actions[name.toLowerCase()] ?? (name as ReferentialAction);
}

/**
 * Declares a table. Column-level shorthands (`.primaryKey()`, `.unique()`, `.check()`,
 * `.references()`, `.index()`) become named constraints and indexes with the names PostgreSQL
 * would choose, so pulling the table back gives the same definition.
 */
export function table(name: string, options: TableOptions): TableDef {
  const source = callSite();
  guardName(name, 'table', source);
  guard(tableShape, options, { object: `table ${name}`, source });
  const schemaName = options.schema ?? 'public';
  const problems: { field: string; message: string }[] = [];
  const columns: TableDef['columns'] = [];
  const constraints: Record<string, Constraint> = {};
  const foreignKeys: PendingForeignKey[] = [];
  const indexes: Record<string, Index> = {};

  const addConstraint = (constraint: Constraint, field: string) => {
    if (constraints[constraint.name]) problems.push({ field, message: `duplicate constraint name "${constraint.name}"` });
    constraints[constraint.name] = constraint;
  };
  const addIndex = (index: Index, field: string) => {
    if (indexes[index.name]) problems.push({ field, message: `duplicate index name "${index.name}"` });
    indexes[index.name] = index;
  };
  const uniqueCheckName = (base: string) => {
    let candidate = base;
    for (let n = 1; constraints[candidate]; n++) candidate = objectName(name, undefined, `${base.slice(name.length + 1)}${n}`);
    return candidate;
  };

  const primaryColumns: string[] = [];
  if (options.partitionOf && options.inherits) problems.push({ field: 'inherits', message: 'a partition cannot also inherit from other tables' });
  for (const [columnName, builder] of Object.entries(options.columns ?? {})) {
    if (!(builder && typeof builder === 'object' && 'spec' in builder)) {
      problems.push({ field: `columns.${columnName}`, message: 'is not a column (use text(), uuid(), column(type)...)' });
      continue;
    }
    const spec = (builder as ColumnBuilder).spec;
    columns.push({
      name: columnName,
      type: spec.type,
      notNull: spec.notNull,
      ...(spec.default !== undefined ? { default: spec.default } : {}),
      ...(spec.identity ? { identity: spec.identity } : {}),
      ...(spec.identity && spec.identityOptions ? { identityOptions: spec.identityOptions } : {}),
      ...(spec.conversion !== undefined ? { conversion: spec.conversion } : {}),
      ...(spec.generated ? { generated: spec.generated } : {}),
      ...(spec.collation ? { collation: spec.collation } : {}),
      ...(spec.storage ? { storage: spec.storage } : {}),
      ...(spec.compression ? { compression: spec.compression } : {}),
      ...(spec.statistics !== undefined ? { statistics: spec.statistics } : {}),
      ...(spec.options && Object.keys(spec.options).length ? { options: spec.options } : {}),
      ...(spec.comment !== undefined ? { comment: spec.comment } : {}),
      ...(spec.renamedFrom ? { renamedFrom: spec.renamedFrom } : {}),
      ...(spec.sensitive !== undefined ? { sensitive: spec.sensitive } : {}),
    });
    if (spec.primaryKey) primaryColumns.push(columnName);
    if (spec.unique) {
      addConstraint(
        {
          kind: 'unique',
          name: spec.unique.name ?? objectName(name, columnName, 'key'),
          columns: [columnName],
          ...(spec.unique.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
        },
        `columns.${columnName}`,
      );
    }
    for (const check of spec.checks) {
      const expression = typeof check.expression === 'function' ? check.expression(columnName) : check.expression;
      addConstraint({ kind: 'check', name: check.name ?? uniqueCheckName(objectName(name, columnName, 'check')), expression }, `columns.${columnName}`);
    }
    if (spec.references) {
      const { target, column, options: reference } = spec.references;
      foreignKeys.push({
        name: reference.name ?? objectName(name, columnName, 'fkey'),
        columns: [columnName],
        target,
        referencedColumns: [column],
        onDelete: action(reference.onDelete),
        onUpdate: action(reference.onUpdate),
        ...(reference.deferrable ? { deferrable: true } : {}),
        ...(reference.initiallyDeferred ? { initiallyDeferred: true } : {}),
        ...(reference.notValid ? { notValid: true } : {}),
        ...(reference.renamedFrom ? { renamedFrom: reference.renamedFrom } : {}),
      });
    }
    for (const index of spec.indexes) {
      addIndex(
        {
          name: index.name ?? `idx_${name}_${columnName}`,
          unique: index.unique ?? false,
          method: index.method ?? 'btree',
          keys: [index.descending ? `${ident(columnName)} DESC` : ident(columnName)],
          include: [],
          ...(index.where ? { where: sqlOf(index.where) } : {}),
          ...(index.renamedFrom ? { renamedFrom: index.renamedFrom } : {}),
        },
        `columns.${columnName}`,
      );
    }
  }

  const primaryKey = options.primaryKey;
  if (primaryKey && primaryColumns.length) problems.push({ field: 'primaryKey', message: 'declared both on columns and on the table' });
  const pkColumns = primaryKey ? (Array.isArray(primaryKey) ? primaryKey : primaryKey.columns) : primaryColumns;
  if (pkColumns.length) {
    const pkName = (!Array.isArray(primaryKey) && primaryKey?.name) || objectName(name, undefined, 'pkey');
    const pkRenamed = !Array.isArray(primaryKey) && primaryKey?.renamedFrom;
    const pkDeferral = primaryKey && !Array.isArray(primaryKey) ? deferralOf(primaryKey) : {};
    addConstraint({ kind: 'primary key', name: pkName, columns: pkColumns, ...pkDeferral, ...(pkRenamed ? { renamedFrom: pkRenamed } : {}) }, 'primaryKey');
  }
  for (const unique of options.unique ?? []) {
    const spec = Array.isArray(unique) ? { columns: unique } : unique;
    addConstraint(
      {
        kind: 'unique',
        name: spec.name ?? objectName(name, spec.columns.join('_'), 'key'),
        columns: spec.columns,
        ...('nullsNotDistinct' in spec && spec.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
        ...('renamedFrom' in spec && spec.renamedFrom ? { renamedFrom: spec.renamedFrom } : {}),
        ...(Array.isArray(unique) ? {} : deferralOf(unique)),
      },
      'unique',
    );
  }
  for (const [checkName, input] of Object.entries(options.checks ?? {})) {
    const check = typeof input === 'object' && 'expression' in input ? input : { expression: input };
    const flags = { ...('noInherit' in check && check.noInherit ? { noInherit: true } : {}), ...('notValid' in check && check.notValid ? { notValid: true } : {}) };
    addConstraint({ kind: 'check', name: checkName, expression: sqlOf(check.expression), ...flags }, `checks.${checkName}`);
  }
  for (const [exclusionName, input] of Object.entries(options.exclusions ?? {})) {
    const exclusion = typeof input === 'object' && 'definition' in input ? input : { definition: input };
    addConstraint({ kind: 'exclude', name: exclusionName, definition: sqlOf(exclusion.definition), ...deferralOf(exclusion) }, `exclusions.${exclusionName}`);
  }
  for (const fk of options.foreignKeys ?? []) {
    foreignKeys.push({
      name: fk.name ?? objectName(name, fk.columns.join('_'), 'fkey'),
      columns: fk.columns,
      target: fk.references,
      ...(fk.referencedColumns ? { referencedColumns: fk.referencedColumns } : {}),
      onDelete: action(fk.onDelete),
      ...(fk.onDeleteColumns ? { onDeleteColumns: fk.onDeleteColumns } : {}),
      onUpdate: action(fk.onUpdate),
      ...(fk.deferrable ? { deferrable: true } : {}),
      ...(fk.initiallyDeferred ? { initiallyDeferred: true } : {}),
      ...(fk.notValid ? { notValid: true } : {}),
      ...(fk.match ? { match: 'FULL' as const } : {}),
      ...(fk.renamedFrom ? { renamedFrom: fk.renamedFrom } : {}),
    });
  }
  for (const fk of foreignKeys) {
    if (constraints[fk.name]) problems.push({ field: 'foreignKeys', message: `duplicate constraint name "${fk.name}"` });
    if (fk.onDeleteColumns) {
      if (fk.onDelete !== 'SET NULL' && fk.onDelete !== 'SET DEFAULT') problems.push({ field: 'foreignKeys', message: `foreign key "${fk.name}" lists onDeleteColumns, which only ON DELETE SET NULL or SET DEFAULT uses` });
      const outside = fk.onDeleteColumns.filter((column) => !fk.columns.includes(column));
      if (outside.length) problems.push({ field: 'foreignKeys', message: `foreign key "${fk.name}" sets ${outside.map((c) => `"${c}"`).join(', ')} on delete, which ${outside.length > 1 ? 'are' : 'is'} not among its columns` });
    }
  }
  for (const [indexName, index] of Object.entries(options.indexes ?? {})) {
    addIndex(toIndexModel(indexName, index), `indexes.${indexName}`);
  }

  const statistics: Record<string, StatisticsObject> = {};
  // A partition's or child's columns come from its parents, resolved later: the server checks those.
  const columnNames = options.partitionOf || options.inherits ? undefined : new Set(columns.map((c) => c.name));
  for (const [statisticsName, input] of Object.entries(options.statistics ?? {})) {
    const result = toStatisticsModel(statisticsName, input, columnNames);
    if ('problem' in result) problems.push(result.problem);
    else statistics[statisticsName] = result.statistics;
  }

  const triggers: TableDef['triggers'] = {};
  for (const [triggerName, trigger] of Object.entries(options.triggers ?? {})) triggers[triggerName] = toTriggerModel(triggerName, trigger);

  const policies: Record<string, Policy> = {};
  for (const [policyName, policy] of Object.entries(options.policies ?? {})) policies[policyName] = toPolicyModel(policyName, policy);

  const publications = [...new Set([...(options.publications ?? []), ...(options.realtime ? [realtimePublication] : [])])].sort();
  const replicaIdentity: ReplicaIdentity | undefined = options.replicaIdentity === 'default' ? undefined : options.replicaIdentity;

  attachColumnGrants(columns, options.grants, problems);
  if (options.distributed && options.reference) problems.push({ field: 'reference', message: 'a table is either distributed or a reference table, not both' });
  if (options.distributed?.colocateWith !== undefined && options.distributed.shardCount !== undefined) {
    problems.push({ field: 'distributed.shardCount', message: 'a colocated table has the shard count of its group; give shardCount to the group\'s first table only' });
  }
  const distribution: TableDef['distribution'] = options.distributed
    ? { kind: 'distributed', by: options.distributed.by, ...(options.distributed.colocateWith !== undefined ? { colocateWith: options.distributed.colocateWith } : {}), ...(options.distributed.shardCount !== undefined ? { shardCount: options.distributed.shardCount } : {}) }
    : options.reference
      ? { kind: 'reference' }
      : undefined;
  const rls = options.rls === undefined || options.rls === false ? { enabled: false, forced: false } : options.rls === true ? { enabled: true, forced: false } : { enabled: options.rls.enabled ?? true, forced: options.rls.forced ?? false };

  return {
    pgform: 'table',
    schema: schemaName,
    name,
    ...(options.renamedFrom ? { renamedFrom: options.renamedFrom } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.group ? { group: options.group } : {}),
    ...(options.note ? { note: options.note } : {}),
    ...(source ? { source } : {}),
    ...(options.lint ? { lint: options.lint } : {}),
    columns,
    constraints,
    foreignKeys,
    indexes,
    ...(Object.keys(statistics).length ? { statistics } : {}),
    triggers,
    policies,
    rls,
    grants: toGrants(options.grants?.filter((grant) => !grant.columns)),
    ...(options.partitionBy ? { partitionBy: partitionKeySql(options.partitionBy, new Set(columns.map((c) => c.name))) } : {}),
    ...(options.partitionOf ? { partitionOf: { parent: options.partitionOf.parent, bound: boundSql(options.partitionOf.values) } } : {}),
    ...(options.inherits ? { inherits: options.inherits } : {}),
    ...(options.unlogged ? { unlogged: true } : {}),
    ...toStorage(options.storage),
    ...(replicaIdentity !== undefined ? { replicaIdentity } : {}),
    publications,
    ...(distribution ? { distribution } : {}),
    problems,
  };
}

/** `{ range: ['created_at'] }` as PostgreSQL's `RANGE (created_at)`; a key naming a column is quoted, an expression is kept. */
function partitionKeySql(input: PartitionByInput, columns: Set<string>): string {
  const key = (k: string) => (columns.has(k) ? ident(k) : k);
  if (typeof input === 'object' && 'range' in input) return `RANGE (${input.range.map(key).join(', ')})`;
  if (typeof input === 'object' && 'list' in input) return `LIST (${input.list.map(key).join(', ')})`;
  if (typeof input === 'object' && 'hash' in input) return `HASH (${input.hash.map(key).join(', ')})`;
  return sqlOf(input).trim();
}

/** A bound as `pg_get_expr` prints it: `FOR VALUES ...` or `DEFAULT`. */
function boundSql(values: SqlInput | 'default'): string {
  if (values === 'default') return 'DEFAULT';
  const text = sqlOf(values).trim();
  return /^(for\s+values\b|default$)/i.test(text) ? text : `FOR VALUES ${text}`;
}

/** Grants that name columns become those columns' privileges; an unknown column is a problem of the table. */
function attachColumnGrants(columns: TableDef['columns'], grants: GrantInput[] | undefined, problems: TableDef['problems']): void {
  for (const [index, grant] of (grants ?? []).entries()) {
    for (const name of grant.columns ?? []) {
      const column = columns.find((c) => c.name === name);
      if (!column) {
        problems.push({ field: `grants.${index}.columns`, message: `column "${name}" does not exist` });
        continue;
      }
      const { columns: _c, ...rest } = grant;
      column.grants = unionGrants(column.grants ?? [], toGrants([rest]));
    }
  }
}

export { typeSql };

/** A TriggerDef is a trigger on a table the definitions do not own (a preset's `auth.users`). */
export interface TriggerDef extends TriggerInput {
  readonly pgform: 'trigger';
  readonly name: string;
  /** The table, schema-qualified: `auth.users`. */
  readonly on: string;
  readonly source?: SourceLocation;
}

/**
 * Declares a trigger on an external table, e.g. Supabase's sign-up hook:
 * `trigger('on_auth_user_created', { on: 'auth.users', timing: 'after', events: ['insert'], function: handleNewUser })`.
 * Triggers on the definitions' own tables belong in their table's `triggers`.
 */
export function trigger(name: string, options: TriggerInput & { on: string }): TriggerDef {
  const source = callSite();
  guardName(name, 'trigger', source);
  guard(externalTriggerShape, options, { object: `trigger ${name}`, source });
  return { pgform: 'trigger', name, ...options, ...(source ? { source } : {}) };
}

/** The model form of a declared trigger, before its function is resolved. */
export function toTriggerModel(name: string, trigger: TriggerInput): Omit<Trigger, 'function'> & { function: TriggerInput['function'] } {
  const order: TriggerEvent[] = ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'];
  return {
    name,
    timing: trigger.timing.toUpperCase() as Trigger['timing'],
    events: order.filter((event) => trigger.events.some((e) => e.toUpperCase() === event)),
    ...(trigger.updateOf?.length ? { updateOf: trigger.updateOf } : {}),
    level: trigger.forEach === 'statement' ? 'STATEMENT' : 'ROW',
    ...(trigger.when ? { when: sqlOf(trigger.when) } : {}),
    function: trigger.function,
    arguments: trigger.arguments ?? [],
    enabled: trigger.enabled ?? 'origin',
    ...(trigger.constraint ? { constraint: { deferrable: trigger.constraint.deferrable ?? false, initiallyDeferred: trigger.constraint.initiallyDeferred ?? false, ...(trigger.constraint.from ? { from: trigger.constraint.from } : {}) } } : {}),
    ...(trigger.referencing && (trigger.referencing.old !== undefined || trigger.referencing.new !== undefined)
      ? { referencing: { ...(trigger.referencing.old !== undefined ? { old: trigger.referencing.old } : {}), ...(trigger.referencing.new !== undefined ? { new: trigger.referencing.new } : {}) } }
      : {}),
    ...(trigger.description !== undefined ? { comment: trigger.description } : {}),
  };
}

/** The model form of a declared policy (on a table of the definitions or of the preset). */
export function toPolicyModel(name: string, policy: PolicyInput): Policy {
  const roles = policy.to === undefined ? ['public'] : Array.isArray(policy.to) ? policy.to : [policy.to];
  return {
    name,
    command: (policy.for ?? 'all').toUpperCase() as PolicyCommand,
    permissive: !policy.restrictive,
    roles: roles.map((role) => (role.toLowerCase() === 'public' ? 'public' : role)).sort(),
    ...(policy.using ? { using: sqlOf(policy.using) } : {}),
    ...(policy.withCheck ? { withCheck: sqlOf(policy.withCheck) } : {}),
    ...(policy.description !== undefined ? { comment: policy.description } : {}),
    ...(policy.lint ? { lint: policy.lint } : {}),
  };
}

/** The model form of a declared index (tables and materialized views alike). */
export function toIndexModel(name: string, index: IndexInput): Index {
  return {
    name,
    unique: index.unique ?? false,
    method: index.using ?? 'btree',
    keys: index.on,
    include: index.include ?? [],
    ...(index.where ? { where: sqlOf(index.where) } : {}),
    ...(index.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    ...toStorage(index.storage),
    ...(index.description !== undefined ? { comment: index.description } : {}),
    ...(index.renamedFrom ? { renamedFrom: index.renamedFrom } : {}),
  };
}
