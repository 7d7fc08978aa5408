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
  /**
   * Triggers pgform manages on tables it does not (a preset's `auth.users`), by table id: the
   * Supabase pattern of a trigger creating a profile on sign-up. Absent when there are none.
   */
  externalTables?: Record<string, { triggers: Record<string, Trigger> }>;
  /**
   * Default privileges (pg_default_acl) by `defaultPrivilegeId`: what new objects are granted
   * when they are created. Absent when there are none.
   */
  defaultPrivileges?: Record<string, DefaultPrivilege>;
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

/** An Extension is an installed extension; the version is left to the server. */
export interface Extension {
  name: string;
  schema: string;
  source?: SourceLocation;
}

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
  /** Column privileges (pg_attribute.attacl), sorted by grantee; absent when there are none. */
  grants?: Grant[];
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
  grants: Grant[];
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
    docs: { groups: {}, joins: [] },
  };
}

/** The `public` schema as a new PostgreSQL database has it (owner aside). */
export function defaultPublicNamespace(): Namespace {
  return { name: 'public', comment: 'standard public schema', grants: [{ grantee: 'PUBLIC', privileges: ['USAGE'] }] };
}
