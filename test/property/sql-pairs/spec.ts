import fc from 'fast-check';

/**
 * A SqlSpec is a random schema written the way real projects write theirs: plain SQL, with the
 * parts of PostgreSQL that hand-written migrations use and a model can lose — partitioned tables
 * and their partitions, identity options, constraint flags (NOT VALID, NO INHERIT, DEFERRABLE),
 * indexes on partitioned tables, overloaded functions with SQL-standard bodies. `renderSql` turns
 * it into a script; `mutate` derives a second spec, so (a, b) is a before -> after change.
 */
export interface SqlSpec {
  tables: TableSpec[];
  functions: FunctionSpec[];
}

export interface IdentitySpec {
  always: boolean;
  start: number;
  increment: number;
  cache: number;
  cycle: boolean;
}

export interface ColumnSpec {
  name: string;
  type: 'integer' | 'bigint' | 'text' | 'numeric(10,2)' | 'timestamp with time zone';
  notNull: boolean;
}

export interface CheckSpec {
  column: string;
  notValid: boolean;
  /** Only on tables that are not partitioned: PostgreSQL refuses NO INHERIT there. */
  noInherit: boolean;
}

export interface PartitionSpec {
  strategy: 'range' | 'list' | 'hash';
  /** Which partitions exist: numbers 0-3, each a fixed bound for its strategy. */
  parts: number[];
  /** A DEFAULT partition (range and list only). */
  withDefault: boolean;
}

export interface TableSpec {
  name: string;
  identity?: IdentitySpec;
  columns: ColumnSpec[];
  partition?: PartitionSpec;
  checks: CheckSpec[];
  /** A foreign key from `ref_id` to the id of an earlier table that is not partitioned. */
  reference?: { table: string; deferral: 'none' | 'deferrable' | 'deferred'; notValid: boolean };
  /** Columns with a plain index. */
  indexes: string[];
}

export interface FunctionSpec {
  name: 'score' | 'label';
  argument: 'integer' | 'bigint' | 'text';
  /** `RETURN ...` (SQL-standard body) or a string body. */
  atomic: boolean;
  /** Which of two bodies. */
  variant: 0 | 1;
}

const columnTypes: ColumnSpec['type'][] = ['integer', 'bigint', 'text', 'numeric(10,2)', 'timestamp with time zone'];

const identity: fc.Arbitrary<IdentitySpec> = fc.record({
  always: fc.boolean(),
  start: fc.constantFrom(1, 100, 1000),
  increment: fc.constantFrom(1, 5),
  cache: fc.constantFrom(1, 20),
  cycle: fc.boolean(),
});

const column = (name: string): fc.Arbitrary<ColumnSpec> => fc.record({ name: fc.constant(name), type: fc.constantFrom(...columnTypes), notNull: fc.boolean() });

const partition: fc.Arbitrary<PartitionSpec> = fc.record({
  strategy: fc.constantFrom('range' as const, 'list' as const, 'hash' as const),
  parts: fc.subarray([0, 1, 2, 3], { minLength: 1 }),
  withDefault: fc.boolean(),
});

function tableAt(index: number): fc.Arbitrary<TableSpec> {
  return fc
    .record({
      identity: fc.option(identity, { nil: undefined }),
      columns: fc.tuple(column('a'), column('b')),
      partition: fc.option(partition, { nil: undefined, freq: 2 }),
      checks: fc.subarray(['a', 'b']).chain((columns) => fc.tuple(...columns.map((c) => fc.record({ column: fc.constant(c), notValid: fc.boolean(), noInherit: fc.boolean() })))),
      reference: fc.option(fc.record({ table: fc.constant('t0'), deferral: fc.constantFrom('none' as const, 'deferrable' as const, 'deferred' as const), notValid: fc.boolean() }), { nil: undefined }),
      indexes: fc.subarray(['a', 'b']),
    })
    .map((t) => normalize({ name: `t${index}`, ...t, columns: [...t.columns] }));
}

/** Keeps a spec valid: what PostgreSQL refuses is dropped rather than drawn around. */
export function normalize(table: TableSpec): TableSpec {
  const out: TableSpec = { ...table, checks: table.checks.map((c) => ({ ...c, noInherit: c.noInherit && !table.partition })) };
  if (out.partition?.strategy === 'hash') out.partition = { ...out.partition, withDefault: false };
  // PostgreSQL 15 cannot add a NOT VALID foreign key to a partitioned table.
  if (out.partition && out.reference) out.reference = { ...out.reference, notValid: false };
  // t0 is the only referenced table, so it is never partitioned and never references itself.
  if (out.name === 't0') {
    delete out.partition;
    delete out.reference;
  }
  return out;
}

export const sqlSpec: fc.Arbitrary<SqlSpec> = fc.record({
  tables: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => tableAt(i)))).map((t) => [...t]),
  functions: fc.uniqueArray(
    fc.record({ name: fc.constantFrom('score' as const, 'label' as const), argument: fc.constantFrom('integer' as const, 'bigint' as const, 'text' as const), atomic: fc.boolean(), variant: fc.constantFrom(0 as const, 1 as const) }),
    { selector: (f) => `${f.name}(${f.argument})`, maxLength: 4 },
  ),
});

/** An Op is one random edit; `mutate` applies a list of them in order. */
export type Op =
  | { op: 'identity'; table: number; identity?: IdentitySpec }
  | { op: 'partitions'; table: number; parts: number[]; withDefault: boolean }
  | { op: 'check flags'; table: number; notValid: boolean; noInherit: boolean }
  | { op: 'drop check'; table: number }
  | { op: 'reference'; table: number; deferral: 'none' | 'deferrable' | 'deferred'; notValid: boolean; present: boolean }
  | { op: 'indexes'; table: number; indexes: string[] }
  | { op: 'column'; table: number; column: ColumnSpec }
  | { op: 'function'; index: number; atomic: boolean; variant: 0 | 1; present: boolean }
  | { op: 'overload'; name: 'score' | 'label'; argument: 'integer' | 'bigint' | 'text' };

export const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('identity' as const), table: fc.nat(2), identity: fc.option(identity, { nil: undefined }) }),
    fc.record({ op: fc.constant('partitions' as const), table: fc.nat(2), parts: fc.subarray([0, 1, 2, 3], { minLength: 1 }), withDefault: fc.boolean() }),
    fc.record({ op: fc.constant('check flags' as const), table: fc.nat(2), notValid: fc.boolean(), noInherit: fc.boolean() }),
    fc.record({ op: fc.constant('drop check' as const), table: fc.nat(2) }),
    fc.record({ op: fc.constant('reference' as const), table: fc.nat(2), deferral: fc.constantFrom('none' as const, 'deferrable' as const, 'deferred' as const), notValid: fc.boolean(), present: fc.boolean() }),
    fc.record({ op: fc.constant('indexes' as const), table: fc.nat(2), indexes: fc.subarray(['a', 'b']) }),
    fc.record({ op: fc.constant('column' as const), table: fc.nat(2), column: fc.oneof(column('a'), column('b')) }),
    fc.record({ op: fc.constant('function' as const), index: fc.nat(3), atomic: fc.boolean(), variant: fc.constantFrom(0 as const, 1 as const), present: fc.boolean() }),
    fc.record({ op: fc.constant('overload' as const), name: fc.constantFrom('score' as const, 'label' as const), argument: fc.constantFrom('integer' as const, 'bigint' as const, 'text' as const) }),
  ),
  { minLength: 1, maxLength: 4 },
);

/** The spec after the ops; an op naming something absent does nothing. */
export function mutate(spec: SqlSpec, list: Op[]): SqlSpec {
  const out: SqlSpec = structuredClone(spec);
  for (const op of list) {
    if (op.op === 'overload') {
      if (!out.functions.some((f) => f.name === op.name && f.argument === op.argument)) out.functions.push({ name: op.name, argument: op.argument, atomic: true, variant: 0 });
      continue;
    }
    if (op.op === 'function') {
      const fn = out.functions[op.index];
      if (!fn) continue;
      if (!op.present) out.functions.splice(op.index, 1);
      else Object.assign(fn, { atomic: op.atomic, variant: op.variant });
      continue;
    }
    const table = out.tables[op.table];
    if (!table) continue;
    switch (op.op) {
      case 'identity':
        if (op.identity) table.identity = op.identity;
        else delete table.identity;
        break;
      case 'partitions':
        if (table.partition) table.partition = { ...table.partition, parts: op.parts, withDefault: op.withDefault };
        break;
      case 'check flags':
        table.checks = table.checks.map((c) => ({ ...c, notValid: op.notValid, noInherit: op.noInherit }));
        break;
      case 'drop check':
        table.checks = table.checks.slice(1);
        break;
      case 'reference':
        if (op.present) table.reference = { table: 't0', deferral: op.deferral, notValid: op.notValid };
        else delete table.reference;
        break;
      case 'indexes':
        table.indexes = op.indexes;
        break;
      case 'column':
        table.columns = table.columns.map((c) => (c.name === op.column.name ? op.column : c));
        break;
    }
    out.tables[op.table] = normalize(table);
  }
  return out;
}

const bounds: Record<PartitionSpec['strategy'], (part: number) => string> = {
  range: (part) => `FROM (${part * 100}) TO (${(part + 1) * 100})`,
  list: (part) => `IN (${part})`,
  hash: (part) => `WITH (MODULUS 4, REMAINDER ${part})`,
};

const checkOf = (column: ColumnSpec): string =>
  column.type === 'text' ? `length(${column.name}) < 1000` : column.type.startsWith('timestamp') ? `${column.name} > '2000-01-01'` : `${column.name} > -1000000`;

function identitySql(spec: IdentitySpec): string {
  return `GENERATED ${spec.always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY (START WITH ${spec.start} INCREMENT BY ${spec.increment} CACHE ${spec.cache}${spec.cycle ? ' CYCLE' : ''})`;
}

function tableSql(table: TableSpec): string[] {
  const name = `public.${table.name}`;
  const lines = [`id bigint ${table.identity ? identitySql(table.identity) : 'NOT NULL'}`];
  if (table.partition) lines.push('k integer NOT NULL');
  for (const column of table.columns) lines.push(`${column.name} ${column.type}${column.notNull ? ' NOT NULL' : ''}`);
  if (table.reference) lines.push('ref_id bigint');
  lines.push(`CONSTRAINT ${table.name}_pkey PRIMARY KEY (id${table.partition ? ', k' : ''})`);
  const by = table.partition ? ` PARTITION BY ${table.partition.strategy.toUpperCase()} (k)` : '';
  const out = [`CREATE TABLE ${name} (\n  ${lines.join(',\n  ')}\n)${by};`];
  for (const part of table.partition?.parts ?? []) out.push(`CREATE TABLE public.${table.name}_p${part} PARTITION OF ${name} FOR VALUES ${bounds[table.partition!.strategy](part)};`);
  if (table.partition?.withDefault) out.push(`CREATE TABLE public.${table.name}_default PARTITION OF ${name} DEFAULT;`);
  for (const check of table.checks) {
    const column = table.columns.find((c) => c.name === check.column)!;
    out.push(`ALTER TABLE ${name} ADD CONSTRAINT ${table.name}_${check.column}_check CHECK (${checkOf(column)})${check.noInherit ? ' NO INHERIT' : ''}${check.notValid ? ' NOT VALID' : ''};`);
  }
  if (table.reference) {
    const { deferral, notValid } = table.reference;
    const deferrable = deferral === 'none' ? '' : deferral === 'deferrable' ? ' DEFERRABLE' : ' DEFERRABLE INITIALLY DEFERRED';
    out.push(`ALTER TABLE ${name} ADD CONSTRAINT ${table.name}_ref_id_fkey FOREIGN KEY (ref_id) REFERENCES public.${table.reference.table} (id)${deferrable}${notValid ? ' NOT VALID' : ''};`);
  }
  for (const column of table.indexes) out.push(`CREATE INDEX ${table.name}_${column}_idx ON ${name} (${column});`);
  return out;
}

function functionSql(fn: FunctionSpec): string {
  const expression = fn.argument === 'text' ? `length(x) + ${fn.variant + 1}` : `x + ${fn.variant + 1}`;
  const returns = fn.argument === 'text' ? 'integer' : fn.argument;
  const body = fn.atomic ? `RETURN ${expression}` : `AS $$ SELECT ${expression} $$`;
  return `CREATE FUNCTION public.${fn.name}(x ${fn.argument}) RETURNS ${returns} LANGUAGE sql IMMUTABLE ${body};`;
}

/** The SQL script of a spec. */
export function renderSql(spec: SqlSpec): string {
  return ['SELECT 1;', ...spec.functions.map(functionSql), ...spec.tables.flatMap(tableSql)].join('\n');
}
