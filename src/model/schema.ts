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
  sequences: Record<string, Sequence>;
  tables: Record<string, Table>;
  views: Record<string, View>;
  routines: Record<string, Routine>;
  /** Publications by name: the ones pgform manages and the platform's it only adds tables to. */
  publications: Record<string, Publication>;
  /**
   * Triggers pgform manages on tables it does not (a preset's `auth.users`), by table id: the
   * Supabase pattern of a trigger creating a profile on sign-up. Absent when there are none.
   */
  externalTables?: Record<string, { triggers: Record<string, Trigger> }>;
  /** Documentation that lives only in the definitions (never in the database). */
  docs: Docs;
}

/** A SourceLocation is where a definition was declared, for errors and drift annotations. */
export interface SourceLocation {
  file: string;
  line: number;
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

/** A Domain is a named type with constraints. */
export interface Domain extends Documented {
  schema: string;
  name: string;
  type: string;
  notNull: boolean;
  default?: string;
  collation?: string;
  /** Check constraints by name. */
  checks: Record<string, { expression: string }>;
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
  storage?: StorageOptions;
  replicaIdentity?: ReplicaIdentity;
}

/** A Column of a table, in attribute order. */
export interface Column {
  name: string;
  /** PostgreSQL's `format_type` spelling, schema-qualified for user types: `public.lead_status[]`. */
  type: string;
  notNull: boolean;
  default?: string;
  identity?: 'always' | 'by default';
  /** A stored generated column's expression. */
  generated?: string;
  collation?: string;
  comment?: string;
  /** The column's previous name: a migration hint that yields RENAME COLUMN. */
  renamedFrom?: string;
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
}

/** A ForeignKey references columns of another table by table id. */
export interface ForeignKey extends ConstraintBase {
  kind: 'foreign key';
  columns: string[];
  references: { table: string; columns: string[] };
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
  match?: 'FULL';
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
}

/** A View or materialized view. */
export interface View extends Documented {
  schema: string;
  name: string;
  materialized: boolean;
  /** The query as `pg_get_viewdef` prints it. */
  definition: string;
  /** Output columns as the server derives them; comments are the only declared part. */
  columns: { name: string; type: string; comment?: string }[];
  securityInvoker?: boolean;
  securityBarrier?: boolean;
  checkOption?: 'local' | 'cascaded';
  /** Indexes of a materialized view. */
  indexes: Record<string, Index>;
  /** A materialized view's storage parameters (a plain view's options are the fields above). */
  storage?: StorageOptions;
  grants: Grant[];
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
  /** `SET` clauses as PostgreSQL stores them (proconfig): `{ search_path: '""' }`. */
  settings: Record<string, string>;
  body: string;
  /** EXECUTE grants; PostgreSQL's default is `PUBLIC`. */
  grants: Grant[];
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
