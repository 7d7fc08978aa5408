/**
 * A Spec is the plain, printable description of a random pgform system that the property tests
 * draw and mutate. It names objects and picks variants; `build.ts` turns it into definitions,
 * repairing whatever a mutation left dangling (a view on a dropped column loses that column, a
 * foreign key to a dropped table disappears with its column), so every Spec builds a valid
 * model and shrinking never has to respect invariants.
 */
export interface Spec {
  /** Schemas besides `public`; objects placed in a schema that is absent are left out. */
  namespaces: string[];
  enums: EnumSpec[];
  /** Functions used by policies (sql or plpgsql, returning boolean). */
  functions: FunctionSpec[];
  triggerFunctions: TriggerFunctionSpec[];
  /** In dependency order: a foreign key points at its own table or an earlier one. */
  tables: TableSpec[];
  /** In dependency order: a view reads a table or an earlier view. */
  views: ViewSpec[];
}

export interface EnumSpec {
  schema: string;
  name: string;
  values: string[];
  comment?: string;
}

/**
 * A column type: a built-in type name as the DSL takes it, or `@name` / `@name[]` for an enum
 * of the spec (by name; left as text when the enum is gone).
 */
export type ColumnType = string;

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  notNull: boolean;
  /** Which of the type's two default values, if any. */
  default?: 0 | 1;
  identity?: 'always' | 'by default';
  /** A stored generated column computing one of the type's constants (no default then). */
  generated?: 0 | 1;
  unique?: boolean;
  /** Which of the type's two checks, if any. */
  check?: 0 | 1;
  /** A single-column index (`.index()`), ascending or descending. */
  index?: 'asc' | 'desc';
  comment?: string;
}

export type ReferentialAction = 'no action' | 'cascade' | 'set null' | 'restrict';

/** A ForeignKeySpec adds its own column, typed like the referenced table's primary key. */
export interface ForeignKeySpec {
  column: string;
  /** `schema.name` of the referenced table. */
  references: string;
  onDelete: ReferentialAction;
  notNull: boolean;
}

export interface IndexKeySpec {
  column: string;
  desc?: boolean;
  /** `lower(column)` when the column is text, the bare column otherwise. */
  lower?: boolean;
}

export interface IndexSpec {
  name: string;
  keys: IndexKeySpec[];
  unique?: boolean;
  /** `WHERE <first key column> IS NOT NULL`. */
  partial?: boolean;
  comment?: string;
}

export type TriggerEventName = 'insert' | 'update' | 'delete' | 'truncate';

export interface TriggerSpec {
  name: string;
  function: string;
  timing: 'before' | 'after';
  events: TriggerEventName[];
  level: 'row' | 'statement';
  /** `UPDATE OF` this column, when it exists and the trigger fires on update. */
  updateOf?: string;
  /** A WHEN condition: on a column of NEW where allowed, else on pg_trigger_depth(). */
  when?: 'depth' | { column: string };
  enabled: 'origin' | 'disabled' | 'always' | 'replica';
  arguments: string[];
  comment?: string;
}

/** A policy or check expression, resolved against what exists when built. */
export type ExpressionSpec = { kind: 'true' } | { kind: 'column'; column: string } | { kind: 'owner'; column: string } | { kind: 'function'; function: string };

export interface PolicySpec {
  name: string;
  command: 'all' | 'select' | 'insert' | 'update' | 'delete';
  roles: string[];
  permissive: boolean;
  using?: ExpressionSpec;
  withCheck?: ExpressionSpec;
  comment?: string;
}

export interface GrantSpec {
  role: string;
  privileges: string[];
  withGrantOption?: boolean;
}

export interface TableSpec {
  schema: string;
  name: string;
  columns: ColumnSpec[];
  /** Column names; kept only when every column exists. */
  primaryKey: string[];
  /** Composite unique constraints over existing columns. */
  uniques: string[][];
  foreignKeys: ForeignKeySpec[];
  indexes: IndexSpec[];
  triggers: TriggerSpec[];
  rls: { enabled: boolean; forced: boolean };
  policies: PolicySpec[];
  grants: GrantSpec[];
  comment?: string;
}

export interface ViewSpec {
  schema: string;
  name: string;
  /** `schema.name` of the table or earlier view it reads. */
  base: string;
  columns: string[];
  /** One more output column: this column cast to text, as `<column>_text`. */
  cast?: string;
  /** `WHERE <column> IS NOT NULL`. */
  filter?: string;
  /** One more output column: a call of this spec function, as `allowed`. */
  call?: string;
  materialized: boolean;
  securityInvoker?: boolean;
  /** A unique index of a materialized view on its first column. */
  index?: boolean;
  comment?: string;
  columnComment?: { column: string; text: string };
  grants: string[];
}

export interface FunctionSpec {
  schema: string;
  name: string;
  language: 'sql' | 'plpgsql';
  argument?: { name: string; type: 'uuid' | 'text' | 'integer' };
  /** boolean by default; an integer function is compared with 0 where a policy calls it. */
  returns?: 'integer';
  /** The body also asks whether this table (`schema.name`) has rows. */
  reads?: string;
  variant: 0 | 1;
  volatility: 'volatile' | 'stable' | 'immutable';
  securityDefiner: boolean;
  /** Roles allowed to execute; absent means PostgreSQL's default (PUBLIC). */
  grants?: string[];
  comment?: string;
}

export interface TriggerFunctionSpec {
  name: string;
  variant: 0 | 1 | 2;
  comment?: string;
}

/** The schema besides `public` that specs may use; its name is hostile on purpose. */
export const extraNamespace = 'App "Data"';

export const names = {
  tables: ['accounts', 'orders', 'line_items', 'Order Lines', 'user', 'select', 'a"b', 'naïve', 'CamelCase', 't$1'],
  columns: ['id', 'name', 'amount', 'status', 'created_at', 'Mixed Case', 'from', 'x"y', 'é', 'data', 'tags', 'note', 'count', 'owner'],
  foreignKeyColumns: ['parent_id', 'account_id', 'Ref Id', 'order"id'],
  enums: ['status', 'Mood', 'kind"s', 'priority'],
  labels: ['new', 'open', 'closed', "it's", 'a b', 'naïve', 'x"y', 'UPPER', 'done', 'later'],
  indexes: ['ix_a', 'Ix B', 'ix"c', 'ix_d', 'ix_e'],
  triggers: ['trg_a', 'Before Write', 't"x', 'trg_b'],
  triggerFunctions: ['touch', 'audit', 'Noop Fn'],
  functions: ['is_member', 'can see', 'check_"x"', 'allowed'],
  arguments: ['p', 'uid', 'Input Value'],
  policies: ['read own', "it's mine", 'all_access', 'p1'],
  views: ['v_accounts', 'Active View', 'v"x', 'summary', 'v_deep'],
  comments: ['Main table', 'It\'s "quoted"', 'two\nlines', 'naïve */ $$ text', 'plain'],
  roles: ['anon', 'authenticated', 'service_role'],
  tablePrivileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'],
};

/** Built-in column types the generator draws (enums are added per spec). */
export const builtinTypes = [
  'integer',
  'bigint',
  'text',
  'varchar(20)',
  'varchar(80)',
  'numeric(10,2)',
  'numeric(12,2)',
  'numeric',
  'boolean',
  'timestamptz',
  'jsonb',
  'uuid',
  'text[]',
  'integer[]',
];

/** Type changes PostgreSQL accepts for any value (widening); everything else is "incompatible". */
export const wideningTypes: Record<string, string[]> = {
  integer: ['bigint', 'numeric'],
  'varchar(20)': ['varchar(80)', 'text'],
  'varchar(80)': ['text'],
  'numeric(10,2)': ['numeric(12,2)', 'numeric'],
  'numeric(12,2)': ['numeric'],
};

/** Types a primary key or foreign key column may have. */
export const keyTypes = new Set(['integer', 'bigint', 'text', 'uuid', 'varchar(20)', 'varchar(80)']);

export function enumOfType(type: ColumnType): { name: string; array: boolean } | undefined {
  if (!type.startsWith('@')) return undefined;
  const array = type.endsWith('[]');
  return { name: type.slice(1, array ? -2 : undefined), array };
}
