/**
 * The schema model: one plain, JSON-serialisable description of everything pgform manages in a
 * database. Every front end (definitions, introspection, migration replay) produces it; the
 * differ, planner and emitters consume it. It holds raw names only: quoting belongs to SQL
 * rendering. Records are keyed by the ids of `id.ts`; arrays keep PostgreSQL's order where order
 * means something (columns, enum values, arguments) and are sorted where it does not.
 *
 * Expression fields (defaults, checks, index keys, view queries, policy clauses...) hold SQL text
 * in PostgreSQL's own printed form once `canonical()` has run, so that two models compare equal
 * exactly when PostgreSQL would store the same thing.
 */
export interface Schema {
  namespaces: Record<string, Namespace>;
  extensions: Record<string, Extension>;
  enums: Record<string, Enum>;
  domains: Record<string, Domain>;
  /** Composite types (CREATE TYPE ... AS (...)), by id. Absent when there are none. */
  composites?: Record<string, CompositeType>;
  /** Range types (CREATE TYPE ... AS RANGE), by id. Absent when there are none. */
  ranges?: Record<string, RangeType>;
  sequences: Record<string, Sequence>;
  tables: Record<string, Table>;
  views: Record<string, View>;
  routines: Record<string, Routine>;
  /** Aggregates (CREATE AGGREGATE), by routine id: they share the routines' signatures. Absent when there are none. */
  aggregates?: Record<string, Aggregate>;
  /** User collations (CREATE COLLATION), by id. Absent when there are none. */
  collations?: Record<string, Collation>;
  /** Publications by name: the ones pgform manages and the platform's it only adds tables to. */
  publications: Record<string, Publication>;
  /**
   * Triggers and policies pgform manages on tables it does not (a preset's `auth.users`,
   * `storage.objects`), by table id: the Supabase patterns of a trigger creating a profile on
   * sign-up and of Storage policies. The tables' own shape is never planned. Absent when there
   * are none.
   */
  externalTables?: Record<string, ExternalTable>;
  /**
   * Objects of kinds pgform does not model (event triggers, rules, window functions, foreign tables...),
   * keyed by `unmanagedKey`: read by introspection so every comparison can report them; never
   * planned, altered or dropped. Absent when there are none.
   */
  unmanaged?: Record<string, Unmanaged>;
  /**
   * What depends on what, as the catalogs record it (pg_depend), read by introspection only.
   * The planner orders drops and re-creations by these edges and finds dependents with them;
   * a model without them (definitions) is searched by the names its text mentions instead.
   */
  dependencies?: Dependency[];
  /**
   * Default privileges (pg_default_acl) by `defaultPrivilegeId`: what new objects are granted
   * when they are created. Absent when there are none.
   */
  defaultPrivileges?: Record<string, DefaultPrivilege>;
  /**
   * Citus distribution by table id: distributed (sharded by a column) or reference (copied to
   * every node). Absent when no table is distributed, as on a server without Citus.
   */
  distributions?: Record<string, Distribution>;
  /** Documentation that lives only in the definitions (never in the database). */
  docs: Docs;
}

/**
 * How Citus spreads a table over its nodes. A distributed table's `colocateWith` names the table
 * whose shards its own sit with: the first (by id) other member of its colocation group, so a
 * group compares equal however it was declared or read; absent for the group's first member and
 * for a table alone in its group.
 */
export type Distribution =
  | { kind: 'distributed'; table: string; column: string; colocateWith?: string; shardCount?: number; source?: SourceLocation }
  | { kind: 'reference'; table: string; source?: SourceLocation };

/** An ExternalTable holds what the definitions declare on a preset's table. */
export interface ExternalTable {
  triggers: Record<string, Trigger>;
  policies: Record<string, Policy>;
}

/** A SourceLocation is where a definition was declared, for errors and drift annotations. */
export interface SourceLocation {
  file: string;
  line: number;
}

/**
 * A LintAllow suppresses lint rules on one definition: rule id -> the reason it does not apply
 * there (definitions only; never reaches the database).
 */
export interface LintAllow {
  allow: Record<string, string>;
}

/** Documentation attributes every documented object shares; only `comment` reaches the database. */
export interface Documented {
  /** The description, stored as COMMENT ON. */
  comment?: string;
  /** A documentation group such as "Revenue dashboard" (definitions only). */
  group?: string;
  /** Longer Markdown notes rendered in generated docs (definitions only). */
  note?: string;
  source?: SourceLocation;
  /** The object's previous name: a migration hint that yields RENAME instead of drop + create. */
  renamedFrom?: string;
  /** Lint rules suppressed on this definition, each with its reason. */
  lint?: LintAllow;
}

/** A Docs block carries what only documentation needs: system notes, groups and logical joins. */
export interface Docs {
  title?: string;
  /** Markdown shown at the top of generated docs. */
  note?: string;
  /** Group name -> its description and notes, in declaration order. */
  groups: Record<string, { description?: string; note?: string }>;
  /** Joins the application relies on, with or without a foreign key. */
  joins: LogicalJoin[];
}

/** A LogicalJoin is a documented join such as `call_records.caller_number = contacts.phone`. */
export interface LogicalJoin {
  /** Table id and column names on each side. */
  from: { table: string; columns: string[] };
  to: { table: string; columns: string[] };
  description?: string;
}

/** A Grant gives one role privileges on an object. `PUBLIC` is spelled as such. */
export interface Grant {
  grantee: string;
  /** Upper-case privilege names, sorted: SELECT, INSERT, EXECUTE, USAGE... */
  privileges: string[];
  withGrantOption?: boolean;
}

/** The kinds of objects default privileges apply to, as ALTER DEFAULT PRIVILEGES names them. */
export type DefaultPrivilegeObjects = 'tables' | 'sequences' | 'functions' | 'types' | 'schemas';

/**
 * A DefaultPrivilege is one pg_default_acl entry: the grants objects of one kind receive when
 * `forRole` creates them, in one schema or (without `inSchema`) everywhere. A schema's entry adds
 * to the global one; a global entry replaces PostgreSQL's built-in default (`acldefault`), so its
 * grants are the whole default minus the owner's own.
 */
export interface DefaultPrivilege {
  /** The creating role; absent: the role pgform runs as (introspection leaves out current_user). */
  forRole?: string;
  /** The schema it is limited to; absent: every schema. `schemas` entries are always global. */
  inSchema?: string;
  on: DefaultPrivilegeObjects;
  /** Grants other than the creating role's own, sorted by grantee. */
  grants: Grant[];
  /**
   * Referenced, not managed: a preset's default privileges (Supabase's grants to its API roles),
   * present in every database pgform builds; never created, altered or dropped.
   */
  external?: boolean;
  source?: SourceLocation;
}

/** A Namespace is a PostgreSQL schema (pg_namespace). External ones belong to a preset. */
export interface Namespace extends Documented {
  name: string;
  /** External namespaces (Supabase's auth) are referenced, never created, diffed or dropped. */
  external?: boolean;
  /** Grants other than the owner's, sorted by grantee. */
  grants: Grant[];
}

/** An Extension is an installed extension. */
export interface Extension {
  name: string;
  schema: string;
  /**
   * Installed in a preset's namespace (Supabase's pgcrypto in `extensions`): the platform's,
   * referenced and never planned. Declaring one creates it when missing, nothing more.
   */
  external?: boolean;
  /** The installed version; absent in definitions means whatever the server installs by default. */
  version?: string;
  /**
   * False when the extension cannot move with `ALTER EXTENSION ... SET SCHEMA` (read from the
   * server only; definitions leave it out and comparisons ignore it).
   */
  relocatable?: boolean;
  /**
   * The server's default version (read from the server only). An installed version equal to it
   * pins nothing: a database at its server's default is never drift against another version.
   */
  defaultVersion?: string;
  /**
   * COMMENT ON EXTENSION, when it is not the one CREATE EXTENSION gives (the control file's):
   * `''` is none (PostgreSQL stores an empty comment as none); absent is the control file's.
   */
  comment?: string;
  /** The control file's comment, which CREATE EXTENSION sets (read from the server only). */
  defaultComment?: string;
  source?: SourceLocation;
}

/**
 * StorageOptions are a relation's storage parameters (pg_class.reloptions: fillfactor,
 * autovacuum_*, `toast.*` for its TOAST table), option name -> value as PostgreSQL stores the
 * text, sorted by name. Absent when there are none.
 */
export type StorageOptions = Record<string, string>;

/** A ReplicaIdentity is what a table logs of an old row for logical replication; absent is DEFAULT. */
export type ReplicaIdentity = 'full' | 'nothing' | { index: string };

/** An Enum is an enumerated type with its labels in sort order. */
export interface Enum extends Documented {
  schema: string;
  name: string;
  values: string[];
  /** New label -> previous label: a migration hint that yields RENAME VALUE. */
  renamedValues?: Record<string, string>;
}

/** A Collation is one made with CREATE COLLATION: an ICU locale or libc's LC_COLLATE/LC_CTYPE. */
export interface Collation extends Documented {
  schema: string;
  name: string;
  provider: 'libc' | 'icu' | 'builtin';
  /** The ICU (or builtin) locale: `und-u-ks-level2`. */
  locale?: string;
  /** libc's locales. */
  lcCollate?: string;
  lcCtype?: string;
  /** False compares strings that sort equal (case-insensitive ICU collations) as equal. */
  deterministic: boolean;
}

/** A Domain is a named type with constraints. */
export interface Domain extends Documented {
  schema: string;
  name: string;
  type: string;
  notNull: boolean;
  default?: string;
  collation?: string;
  /** Check constraints by name; `notValid`: added NOT VALID, values already stored are not checked. */
  checks: Record<string, DomainCheck>;
}

export interface DomainCheck {
  expression: string;
  notValid?: boolean;
}

/** A CompositeType is a named row type of its own (CREATE TYPE name AS (attr type, ...)). */
export interface CompositeType extends Documented {
  schema: string;
  name: string;
  /** In PostgreSQL's order, which is the order a row of the type lists its values in. */
  attributes: CompositeAttribute[];
}

/** One attribute of a composite type, its type as `format_type` prints it. */
export interface CompositeAttribute {
  name: string;
  type: string;
  /** A collation other than the type's default. */
  collation?: string;
  /** COMMENT ON COLUMN type.attribute. */
  comment?: string;
  /** The attribute's previous name: a migration hint that yields RENAME ATTRIBUTE. */
  renamedFrom?: string;
}

/**
 * A RangeType is a range over a subtype (CREATE TYPE name AS RANGE (SUBTYPE = ...)), with the
 * multirange type and constructor functions PostgreSQL makes along with it. Options are present
 * only where they differ from what PostgreSQL picks when a definition leaves them out, so an
 * omitted option and its spelled-out default compare equal.
 */
export interface RangeType extends Documented {
  schema: string;
  name: string;
  /** The subtype as `format_type` prints it. */
  subtype: string;
  /** A b-tree operator class other than the subtype's default: `text_pattern_ops` (pg_catalog's, one part) or `public.my_ops`. */
  subtypeOpclass?: string;
  /** A collation other than the subtype's default (a collatable subtype only), named as a column's is. */
  collation?: string;
  /** The canonical function: a pg_catalog name alone, else `schema.name`. */
  canonical?: string;
  /** The subtype difference function: `float8mi`, `public.time_subtype_diff`. */
  subtypeDiff?: string;
  /** The multirange type's name when not the one PostgreSQL derives (`defaultMultirangeName` in range.ts); `schema.name` when in another schema. */
  multirange?: string;
}

/** A Sequence is a standalone sequence (identity sequences belong to their column). */
export interface Sequence extends Documented {
  schema: string;
  name: string;
  type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  /** UNLOGGED (PostgreSQL 15+): not written to the WAL, reset after a crash, not replicated. */
  unlogged?: boolean;
  /** The column that owns the sequence (`OWNED BY`), as table id and column name. */
  ownedBy?: { table: string; column: string };
  grants: Grant[];
}

/** A Table is a relation with columns, constraints, indexes, triggers and policies. */
export interface Table extends Documented {
  schema: string;
  name: string;
  columns: Column[];
  constraints: Record<string, Constraint>;
  indexes: Record<string, Index>;
  triggers: Record<string, Trigger>;
  policies: Record<string, Policy>;
  rls: { enabled: boolean; forced: boolean };
  grants: Grant[];
  /** A partitioned table's key as `pg_get_partkeydef` prints it: `RANGE (created_at)`. */
  partitionBy?: string;
  /** A partition: its parent's id and its bound as `pg_get_expr(relpartbound)` prints it. */
  partitionOf?: PartitionOf;
  /** Parents of plain table inheritance (`INHERITS`), table ids in order; a partition has none. */
  inherits?: string[];
  /** An UNLOGGED table: not written to the WAL, emptied after a crash, not replicated. */
  unlogged?: boolean;
  storage?: StorageOptions;
  replicaIdentity?: ReplicaIdentity;
  /** Extended statistics objects (CREATE STATISTICS) on the table's columns, by name. Absent when there are none. */
  statistics?: Record<string, StatisticsObject>;
}

export type StatisticsKind = 'ndistinct' | 'dependencies' | 'mcv';

/**
 * A StatisticsObject asks ANALYZE to gather statistics over several columns or expressions of a
 * table together (CREATE STATISTICS), so the planner stops treating correlated columns as
 * independent.
 */
export interface StatisticsObject {
  name: string;
  /** Its schema when not its table's. */
  schema?: string;
  /** What it covers, as `pg_get_statisticsobjdef_columns` prints it: `city, zip`, `a, (lower(b))`. */
  on: string;
  /**
   * The kinds gathered, in the order ndistinct, dependencies, mcv: all three unless narrowed.
   * Empty for a single expression, whose statistics are those of the expression itself.
   */
  kinds: StatisticsKind[];
  /** The statistics target (`ALTER STATISTICS ... SET STATISTICS`); absent: the columns' own. */
  target?: number;
  comment?: string;
}

/**
 * A PartitionOf places a table in its parent's partitions. The parent's columns, keys,
 * indexes, check constraints, foreign keys and row triggers reach the partition from the parent
 * and are listed on the parent only.
 */
export interface PartitionOf {
  parent: string;
  /** `FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`, `FOR VALUES IN (1, 2)`, `DEFAULT`... */
  bound: string;
}

/** A Column of a table, in attribute order. */
export interface Column {
  name: string;
  /** PostgreSQL's `format_type` spelling, schema-qualified for user types: `public.lead_status[]`. */
  type: string;
  notNull: boolean;
  default?: string;
  identity?: 'always' | 'by default';
  /** The identity sequence's options that differ from PostgreSQL's defaults (see `identity.ts`). */
  identityOptions?: IdentityOptions;
  /** A stored generated column's expression. */
  generated?: string;
  collation?: string;
  comment?: string;
  /** Column privileges (pg_attribute.attacl), sorted by grantee; absent when there are none. */
  grants?: Grant[];
  /** The column's previous name: a migration hint that yields RENAME COLUMN. */
  renamedFrom?: string;
  /**
   * Whether the column holds secrets or people's contact details, as the definitions say (the
   * database has no such notion): `pgform lint` warns when anon can read it. Absent: judged by
   * its name (email, phone, token...).
   */
  sensitive?: boolean;
  /**
   * The expression converting existing values when the type changes (`ALTER COLUMN ... TYPE ...
   * USING`): a migration hint, needed where PostgreSQL has no cast between the two types.
   */
  conversion?: string;
  /** The storage mode of its values (`SET STORAGE`), when not its type's default (pg_type.typstorage). */
  storage?: ColumnStorage;
  /** The compression method of its compressed values (`SET COMPRESSION`); absent: the server's `default_toast_compression`. */
  compression?: ColumnCompression;
  /** The statistics target ANALYZE uses for it (`SET STATISTICS`); absent: `default_statistics_target`. */
  statistics?: number;
  /**
   * Its attribute options (`SET (n_distinct = ...)`, pg_attribute.attoptions): what ANALYZE
   * assumes of its distinct values, option name -> value as PostgreSQL stores the text, sorted by
   * name; compared by the number the text means (see columnOptionValue). Absent when there are none.
   */
  options?: ColumnOptions;
  /**
   * True when the column comes from a parent only (a partition's, an `INHERITS` child's) and the
   * table does not declare it itself (`attislocal` false): it follows the parent's changes.
   */
  inherited?: boolean;
}

export type ColumnStorage = 'plain' | 'external' | 'extended' | 'main';
export type ColumnCompression = 'pglz' | 'lz4';
export type ColumnOptions = Record<string, string>;

/**
 * A column option's value as compared: PostgreSQL keeps the text as written (`1e3`), compared is
 * the number it means (`1000`), so two spellings of one value are no difference.
 */
export function columnOptionValue(text: string): string {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? String(value) : text;
}

/** A column's physical and planner settings, each altered on its own (`ALTER COLUMN ... SET ...`). */
export type ColumnSettings = Pick<Column, 'storage' | 'compression' | 'statistics' | 'options'>;

/** The settings of a column that are present, and the column without them. */
export function columnSettings(column: Column): { settings: ColumnSettings; rest: Column } {
  const { storage, compression, statistics, options, ...rest } = column;
  const settings: ColumnSettings = {
    ...(storage !== undefined ? { storage } : {}),
    ...(compression !== undefined ? { compression } : {}),
    ...(statistics !== undefined ? { statistics } : {}),
    ...(options !== undefined && Object.keys(options).length > 0 ? { options } : {}),
  };
  return { settings, rest };
}

/**
 * IdentityOptions are the options of an identity column's sequence. Only values other than
 * PostgreSQL's defaults for the column's type and direction are present, so an identity declared
 * without options equals one read back with the defaults. Bounds are int8, held as text.
 */
export interface IdentityOptions {
  start?: string;
  increment?: string;
  min?: string;
  max?: string;
  cache?: string;
  cycle?: boolean;
}

/** Referential actions as PostgreSQL spells them. */
export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

interface ConstraintBase {
  name: string;
  /** The constraint's previous name: a migration hint that yields RENAME CONSTRAINT. */
  renamedFrom?: string;
  deferrable?: boolean;
  initiallyDeferred?: boolean;
  comment?: string;
}

/** A PrimaryKey or a Unique constraint covers columns in order. */
export interface PrimaryKey extends ConstraintBase {
  kind: 'primary key';
  columns: string[];
}

export interface Unique extends ConstraintBase {
  kind: 'unique';
  columns: string[];
  nullsNotDistinct?: boolean;
}

/** A Check holds its boolean expression in canonical form. */
export interface Check extends ConstraintBase {
  kind: 'check';
  expression: string;
  noInherit?: boolean;
  /** Added NOT VALID: existing rows were never checked (pg_constraint.convalidated false). */
  notValid?: boolean;
}

/** A ForeignKey references columns of another table by table id. */
export interface ForeignKey extends ConstraintBase {
  kind: 'foreign key';
  columns: string[];
  references: { table: string; columns: string[] };
  onDelete: ReferentialAction;
  /** The columns ON DELETE SET NULL / SET DEFAULT sets, when not all of the key's (PostgreSQL 15+). */
  onDeleteColumns?: string[];
  onUpdate: ReferentialAction;
  match?: 'FULL';
  /** Added NOT VALID: existing rows were never checked (pg_constraint.convalidated false). */
  notValid?: boolean;
}

/** An Exclusion keeps PostgreSQL's printed definition: `EXCLUDE USING gist (room WITH =, ...)`. */
export interface Exclusion extends ConstraintBase {
  kind: 'exclude';
  definition: string;
}

export type Constraint = PrimaryKey | Unique | Check | ForeignKey | Exclusion;

/** An Index on a table or materialized view. Constraint-backing indexes are not listed. */
export interface Index {
  name: string;
  /** The index's previous name: a migration hint that yields ALTER INDEX ... RENAME. */
  renamedFrom?: string;
  unique: boolean;
  method: string;
  /**
   * Keys in order as PostgreSQL prints them: column or `(expression)`, then COLLATE, a
   * non-default operator class, DESC, and NULLS FIRST/LAST when not the default for the order.
   */
  keys: string[];
  include: string[];
  where?: string;
  nullsNotDistinct?: boolean;
  storage?: StorageOptions;
  comment?: string;
}

export type TriggerEvent = 'INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE';

/** The names of a trigger's transition tables; at least one is present. */
export interface TriggerTransitionTables {
  old?: string;
  new?: string;
}

/** A Trigger calls a trigger function on a table's events. */
export interface Trigger {
  name: string;
  timing: 'BEFORE' | 'AFTER' | 'INSTEAD OF';
  /** Events in the order INSERT, UPDATE, DELETE, TRUNCATE. */
  events: TriggerEvent[];
  /** Columns of `UPDATE OF`. */
  updateOf?: string[];
  level: 'ROW' | 'STATEMENT';
  when?: string;
  /** The trigger function, schema-qualified: `public.set_updated_at`. */
  function: string;
  arguments: string[];
  enabled: 'origin' | 'always' | 'replica' | 'disabled';
  /**
   * Present on a constraint trigger (`CREATE CONSTRAINT TRIGGER`, always AFTER ... FOR EACH ROW):
   * its deferral and the table of `FROM`, by id.
   */
  constraint?: { deferrable: boolean; initiallyDeferred: boolean; from?: string };
  /**
   * Transition tables (`REFERENCING OLD TABLE AS old NEW TABLE AS new`) of an AFTER trigger: the
   * names under which its function sees the rows a statement changed. Absent when there are none.
   */
  referencing?: TriggerTransitionTables;
  comment?: string;
  /** Where a trigger on an external table was declared (definitions only). */
  source?: SourceLocation;
}

export type PolicyCommand = 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** A Policy is a row level security rule of a table. */
export interface Policy {
  name: string;
  command: PolicyCommand;
  permissive: boolean;
  /** Role names, sorted; `public` means every role. */
  roles: string[];
  using?: string;
  withCheck?: string;
  comment?: string;
  /** Where a policy on an external table was declared (definitions only). */
  source?: SourceLocation;
  /** Lint rules suppressed on this policy, each with its reason (definitions only). */
  lint?: LintAllow;
}

/** A View or materialized view. */
export interface View extends Documented {
  schema: string;
  name: string;
  materialized: boolean;
  /** The query as `pg_get_viewdef` prints it. */
  definition: string;
  /**
   * Output columns as the server derives them; comments are the only declared part. `updatable`:
   * a plain view's column PostgreSQL writes through to its table (`pg_column_is_updatable`).
   */
  columns: ViewColumn[];
  /**
   * A plain view that takes UPDATE and DELETE (automatically, or through INSTEAD OF triggers or
   * rules), as the server derives it: supabase-js types its Insert and Update. Never compared.
   */
  updatable?: boolean;
  securityInvoker?: boolean;
  securityBarrier?: boolean;
  checkOption?: 'local' | 'cascaded';
  /** Indexes of a materialized view. */
  indexes: Record<string, Index>;
  /** Triggers of a (plain) view: `INSTEAD OF` row triggers and statement triggers. Absent when none. */
  triggers?: Record<string, Trigger>;
  /** A materialized view's storage parameters (a plain view's options are the fields above). */
  storage?: StorageOptions;
  /** A materialized view's extended statistics objects (CREATE STATISTICS), by name. Absent when there are none. */
  statistics?: Record<string, StatisticsObject>;
  /**
   * A materialized view created WITH NO DATA (unpopulated when read from a database): how it is
   * created, not compared, since a refresh fills it without changing the schema.
   */
  withNoData?: boolean;
  grants: Grant[];
}

/**
 * A ViewColumn is one output column of a view. A materialized view's column may have settings
 * of its own (storage, compression, statistics target, attribute options), as a table column.
 */
export interface ViewColumn extends ColumnSettings {
  name: string;
  type: string;
  comment?: string;
  /** Column privileges (pg_attribute.attacl), sorted by grantee; absent when there are none. */
  grants?: Grant[];
  /** Derived by the server, never declared or compared: see View. */
  updatable?: boolean;
}

export type PublishedOperation = 'insert' | 'update' | 'delete' | 'truncate';

/** The publication Supabase Realtime reads: the platform creates it; tables join it with `realtime: true`. */
export const realtimePublication = 'supabase_realtime';

/** A PublicationTable is one table's membership: all columns and rows unless narrowed. */
export interface PublicationTable {
  /** A column list (PostgreSQL 15+), in the table's column order. */
  columns?: string[];
  /** A row filter (PostgreSQL 15+) as pg_get_expr prints it. */
  where?: string;
}

/** A Publication is a set of tables whose changes logical replication (Supabase Realtime) sends. */
export interface Publication {
  name: string;
  /**
   * A platform's publication (Supabase's `supabase_realtime`): it exists in every database the
   * preset builds; pgform plans only which tables belong to it, never the publication itself.
   */
  external?: boolean;
  allTables: boolean;
  /** Schemas of `FOR TABLES IN SCHEMA` (PostgreSQL 15+), sorted. */
  schemas: string[];
  /** Member tables by table id, sorted. */
  tables: Record<string, PublicationTable>;
  /** Published operations in the order insert, update, delete, truncate. */
  publish: PublishedOperation[];
  viaRoot: boolean;
  comment?: string;
  source?: SourceLocation;
}

export type ArgumentMode = 'in' | 'out' | 'inout' | 'variadic';

/** An Argument of a routine. TABLE(...) result columns are part of `returns`, not here. */
export interface Argument {
  name?: string;
  type: string;
  mode: ArgumentMode;
  default?: string;
}

/** A Routine is a function or procedure. */
export interface Routine extends Documented {
  schema: string;
  name: string;
  kind: 'function' | 'procedure';
  arguments: Argument[];
  /** As `pg_get_function_result` prints it: `integer`, `SETOF public.leads`, `TABLE(id uuid)`; absent for procedures. */
  returns?: string;
  language: string;
  volatility: 'volatile' | 'stable' | 'immutable';
  strict: boolean;
  securityDefiner: boolean;
  leakproof: boolean;
  parallel: 'unsafe' | 'restricted' | 'safe';
  /** A function's estimated cost per call (COST), when not its language's default (`routine-estimates.ts`). */
  cost?: number;
  /** A set-returning function's estimated number of rows (ROWS), when not the default 1000. */
  rows?: number;
  /**
   * A function's planner support function (SUPPORT, pg_proc.prosupport): its name, qualified
   * unless in pg_catalog (`textlike_support`, `ext.my_support`).
   */
  support?: string;
  /**
   * The types whose TRANSFORM the routine's language applies (TRANSFORM FOR TYPE,
   * pg_proc.protrftypes), as `format_type` prints them, in their order; absent when none.
   */
  transforms?: string[];
  /** `SET` clauses as PostgreSQL stores them (proconfig): `{ search_path: '""' }`. */
  settings: Record<string, string>;
  /**
   * The body: the source text of a quoted body (prosrc), or, when `standardBody` is set, a
   * SQL-standard body (`RETURN expr` or `BEGIN ATOMIC ... END`) as `pg_get_functiondef` prints it.
   */
  body: string;
  /** The body is SQL-standard: parsed and stored by the server (prosqlbody), written unquoted. */
  standardBody?: boolean;
  /** EXECUTE grants; PostgreSQL's default is `PUBLIC`. */
  grants: Grant[];
}

/** How an aggregate is finished: may its final function modify the state value (FINALFUNC_MODIFY)? */
export type FinalModify = 'read_only' | 'shareable' | 'read_write';

/**
 * An Aggregate is a function over many rows (CREATE AGGREGATE), its options named as PostgreSQL
 * names them. Functions are named as PostgreSQL prints them, qualified unless in pg_catalog
 * (`public.first_agg`, `int4pl`); types as `format_type` prints them. Options at their default
 * are absent, so a definition that leaves them out equals what the catalog reports.
 */
export interface Aggregate extends Documented {
  schema: string;
  name: string;
  /** The (direct, for an ordered-set aggregate) arguments: `in` or a last `variadic` one, no defaults. */
  arguments: Argument[];
  /**
   * An ordered-set aggregate's aggregated arguments (`ORDER BY ...`); absent for a normal one.
   * `hypothetical`: a hypothetical-set aggregate (HYPOTHETICAL), whose direct arguments match them.
   */
  orderBy?: Argument[];
  hypothetical?: boolean;
  sfunc: string;
  stype: string;
  /** SSPACE: the state's average size in bytes, when not the default estimate (0). */
  sspace?: number;
  finalfunc?: string;
  finalfuncExtra?: boolean;
  /** When not the default: `read_only` for a normal aggregate, `read_write` for an ordered-set one. */
  finalfuncModify?: FinalModify;
  combinefunc?: string;
  serialfunc?: string;
  deserialfunc?: string;
  /** INITCOND: the state's initial value as text; absent is NULL. */
  initcond?: string;
  /** The moving-aggregate mode (MSFUNC, MINVFUNC, MSTYPE...), when it has one. */
  msfunc?: string;
  minvfunc?: string;
  mstype?: string;
  msspace?: number;
  mfinalfunc?: string;
  mfinalfuncExtra?: boolean;
  mfinalfuncModify?: FinalModify;
  minitcond?: string;
  /** SORTOP: `>` (pg_catalog's) or `OPERATOR(schema.>)`. */
  sortop?: string;
  parallel: 'unsafe' | 'restricted' | 'safe';
  /** EXECUTE grants; PostgreSQL's default is `PUBLIC`. */
  grants: Grant[];
}

/** An Unmanaged object is one of a kind pgform does not model, as `pg_identify_object` names it. */
export interface Unmanaged {
  /** The kind as PostgreSQL spells it: `event trigger`, `rule`, `aggregate`, `foreign table`... */
  kind: string;
  schema?: string;
  name: string;
  /** Unique within its kind: `log_events on public.events`, `public.total(integer)`. */
  identity: string;
}

/**
 * An ObjectRef names one object (or column) a dependency edge joins. Relations, types and
 * sequences by id, routines and aggregates by routine id (with argument types), parts of a table by table id
 * and name, and what the model does not hold by its `unmanaged` key.
 */
export type ObjectRef =
  | { type: 'table' | 'view' | 'sequence' | 'type' | 'index' | 'routine' | 'schema'; id: string }
  | { type: 'column' | 'default'; relation: string; column: string }
  | { type: 'constraint' | 'trigger' | 'policy'; table: string; name: string }
  | { type: 'unmanaged'; key: string };

/**
 * A Dependency says `from` cannot exist without `on`. `auto` ones (an index on its table, a rule
 * on its table) go with `on` when it is dropped; the others make PostgreSQL refuse the drop.
 */
export interface Dependency {
  from: ObjectRef;
  on: ObjectRef;
  auto?: boolean;
}

/** A table with the given columns and nothing else: no constraint, index, trigger, policy or privilege. */
export function bareTable(schema: string, name: string, columns: Column[] = []): Table {
  return { schema, name, columns, constraints: {}, indexes: {}, triggers: {}, policies: {}, rls: { enabled: false, forced: false }, grants: [] };
}

/** The namespaces a model manages (what introspection must read to compare with it). */
export function managedNamespaces(schema: Schema): string[] {
  return Object.values(schema.namespaces)
    .filter((namespace) => !namespace.external)
    .map((namespace) => namespace.name);
}

/** Every object's id by kind (each record-valued field of a Schema), sorted. */
export function objectIdsByKind(schema: Schema): Record<string, string[]> {
  return Object.fromEntries(Object.entries(schema).map(([kind, value]) => [kind, value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).sort() : []]));
}

/** An empty Schema, the start of every front end. */
export function emptySchema(): Schema {
  return {
    namespaces: {},
    extensions: {},
    enums: {},
    domains: {},
    sequences: {},
    tables: {},
    views: {},
    routines: {},
    publications: {},
    docs: { groups: {}, joins: [] },
  };
}

/** The `public` schema as a new PostgreSQL database has it (owner aside). */
export function defaultPublicNamespace(): Namespace {
  return { name: 'public', comment: 'standard public schema', grants: [{ grantee: 'PUBLIC', privileges: ['USAGE'] }] };
}
