import fc from 'fast-check';
import { objectId } from '../../src/model/id.js';
import {
  builtinTypes,
  extraNamespace,
  names,
  type ColumnSpec,
  type EnumSpec,
  type ExpressionSpec,
  type FunctionSpec,
  type GrantSpec,
  type IndexSpec,
  type PolicySpec,
  type Spec,
  type TableSpec,
  type TriggerFunctionSpec,
  type TriggerSpec,
  type ViewSpec,
} from './spec.js';

/**
 * Arbitraries for specs. Parts that point at other parts (a foreign key's table, a view's
 * columns, a policy's function) are drawn as numbers and resolved against what exists, by
 * `resolve*`, so shrinking one part never invalidates another.
 */

/** The value one time in `oneIn`, else undefined (which is also where shrinking goes). */
const maybe = <T>(arb: fc.Arbitrary<T>, oneIn = 2): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
/** The value two times in three. */
const often = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: arb });
const comment = maybe(fc.constantFrom(...names.comments), 3);
const schemaName = fc.constantFrom('public', 'public', 'public', extraNamespace);
const roles = fc.subarray(names.roles);

/** Built-in types and enum types (`@status`, `@Mood[]`), which read as text when the enum is absent. */
export const columnType = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...builtinTypes) },
  { weight: 1, arbitrary: fc.constantFrom(...names.enums.flatMap((n) => [`@${n}`, `@${n}`, `@${n}[]`])) },
);

export const column: fc.Arbitrary<ColumnSpec> = fc
  .record({
    name: fc.constantFrom(...names.columns),
    type: columnType,
    notNull: fc.boolean(),
    default: maybe(fc.constantFrom<0 | 1>(0, 1)),
    identity: maybe(fc.constantFrom<'always' | 'by default'>('always', 'by default'), 8),
    generated: maybe(fc.constantFrom<0 | 1>(0, 1), 10),
    unique: maybe(fc.constant(true), 8),
    check: maybe(fc.constantFrom<0 | 1>(0, 1), 5),
    index: maybe(fc.constantFrom<'asc' | 'desc'>('asc', 'desc'), 6),
    comment: maybe(fc.constantFrom(...names.comments), 4),
  })
  .map(strip);

export const enumSpec: fc.Arbitrary<EnumSpec> = fc
  .record({ schema: schemaName, name: fc.constantFrom(...names.enums), values: fc.uniqueArray(fc.constantFrom(...names.labels), { minLength: 1, maxLength: 5 }), comment })
  .map(strip);

export const triggerFunction: fc.Arbitrary<TriggerFunctionSpec> = fc
  .record({ name: fc.constantFrom(...names.triggerFunctions), variant: fc.constantFrom<0 | 1 | 2>(0, 1, 2), comment })
  .map(strip);

/** A function before its `reads` is resolved to a table. */
export const functionRaw = fc.record({
  schema: schemaName,
  name: fc.constantFrom(...names.functions),
  language: fc.constantFrom<'sql' | 'plpgsql'>('sql', 'plpgsql'),
  argument: often(fc.record({ name: fc.constantFrom(...names.arguments), type: fc.constantFrom<'uuid' | 'text' | 'integer'>('uuid', 'text', 'integer') })),
  reads: maybe(fc.nat(), 3),
  returns: maybe(fc.constant('integer' as const), 4),
  variant: fc.constantFrom<0 | 1>(0, 1),
  volatility: fc.constantFrom<'volatile' | 'stable' | 'immutable'>('stable', 'stable', 'volatile', 'immutable'),
  securityDefiner: fc.boolean(),
  grants: maybe(roles, 3),
  comment,
});
export type FunctionRaw = typeof functionRaw extends fc.Arbitrary<infer T> ? T : never;

const expressionRaw = fc.oneof(
  fc.constant({ kind: 'true' as const }),
  fc.record({ kind: fc.constantFrom('column' as const, 'owner' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('function' as const), at: fc.nat() }),
);

export const policyRaw = fc.record({
  name: fc.constantFrom(...names.policies),
  command: fc.constantFrom<PolicySpec['command']>('all', 'select', 'insert', 'update', 'delete'),
  roles,
  permissive: fc.constantFrom(true, true, true, false),
  using: often(expressionRaw),
  withCheck: maybe(expressionRaw, 2),
  comment: maybe(fc.constantFrom(...names.comments), 4),
});

export const triggerRaw = fc.record({
  name: fc.constantFrom(...names.triggers),
  function: fc.nat(),
  timing: fc.constantFrom<'before' | 'after'>('before', 'after'),
  events: fc.subarray<TriggerSpec['events'][number]>(['insert', 'update', 'delete', 'truncate'], { minLength: 1 }),
  level: fc.constantFrom<'row' | 'statement'>('row', 'row', 'statement'),
  updateOf: maybe(fc.nat(), 4),
  when: maybe(fc.oneof(fc.constant('depth' as const), fc.record({ at: fc.nat() })), 3),
  enabled: fc.constantFrom<TriggerSpec['enabled']>('origin', 'origin', 'origin', 'disabled', 'always', 'replica'),
  arguments: fc.constantFrom<string[]>([], [], ['a'], ['a', "it's"]),
  comment: maybe(fc.constantFrom(...names.comments), 4),
});

export const indexRaw = fc.record({
  name: fc.constantFrom(...names.indexes),
  keys: fc.array(fc.record({ at: fc.nat(), desc: fc.boolean(), lower: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  unique: fc.boolean(),
  partial: fc.boolean(),
  comment: maybe(fc.constantFrom(...names.comments), 4),
});

export const foreignKeyRaw = fc.record({
  column: fc.constantFrom(...names.foreignKeyColumns),
  target: fc.nat(),
  onDelete: fc.constantFrom<TableSpec['foreignKeys'][number]['onDelete']>('no action', 'cascade', 'set null', 'restrict'),
  notNull: fc.boolean(),
});

export const grant: fc.Arbitrary<GrantSpec> = fc
  .record({ role: fc.constantFrom(...names.roles), privileges: fc.subarray(names.tablePrivileges, { minLength: 1 }), withGrantOption: maybe(fc.constant(true), 5) })
  .map(strip);

export const tableRaw = fc.record({
  schema: schemaName,
  name: fc.constantFrom(...names.tables),
  columns: fc.uniqueArray(column, { minLength: 1, maxLength: 5, selector: (c) => c.name }),
  primaryKey: often(fc.array(fc.nat(), { minLength: 1, maxLength: 2 })),
  uniques: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 1 }),
  foreignKeys: fc.array(foreignKeyRaw, { maxLength: 2 }),
  indexes: fc.array(indexRaw, { maxLength: 2 }),
  triggers: fc.array(triggerRaw, { maxLength: 2 }),
  rls: fc.record({ enabled: fc.boolean(), forced: fc.constantFrom(false, false, true) }),
  policies: fc.array(policyRaw, { maxLength: 3 }),
  grants: fc.array(grant, { maxLength: 2 }),
  comment,
});
export type TableRaw = typeof tableRaw extends fc.Arbitrary<infer T> ? T : never;

export const viewRaw = fc.record({
  schema: schemaName,
  name: fc.constantFrom(...names.views),
  base: fc.nat(),
  columns: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  cast: maybe(fc.nat(), 4),
  filter: maybe(fc.nat(), 3),
  call: maybe(fc.nat(), 4),
  materialized: fc.constantFrom(false, false, false, true),
  securityInvoker: fc.boolean(),
  index: fc.boolean(),
  comment,
  columnComment: maybe(fc.record({ at: fc.nat(), text: fc.constantFrom(...names.comments) }), 4),
  grants: roles,
});
export type ViewRaw = typeof viewRaw extends fc.Arbitrary<infer T> ? T : never;

/** A whole spec: a few enums, functions, tables and views with their references resolved. */
export const spec: fc.Arbitrary<Spec> = fc
  .record({
    extra: fc.boolean(),
    enums: fc.uniqueArray(enumSpec, { maxLength: 2, selector: (e) => e.name }),
    functions: fc.uniqueArray(functionRaw, { maxLength: 2, selector: (f) => f.name }),
    triggerFunctions: fc.uniqueArray(triggerFunction, { maxLength: 2, selector: (f) => f.name }),
    tables: fc.uniqueArray(tableRaw, { minLength: 1, maxLength: 4, selector: (t) => t.name }),
    views: fc.uniqueArray(viewRaw, { maxLength: 3, selector: (v) => v.name }),
  })
  .map((raw) => {
    const out: Spec = { namespaces: raw.extra ? [extraNamespace] : [], enums: raw.enums, functions: [], triggerFunctions: raw.triggerFunctions, tables: [], views: [] };
    // Policies name functions and functions read tables: resolve names first, tables after.
    out.functions = raw.functions.map((f) => resolveFunction({ ...f, reads: undefined }, out));
    for (const t of raw.tables) out.tables.push(resolveTable(t, out));
    out.functions = raw.functions.map((f) => resolveFunction(f, out));
    for (const v of raw.views) out.views.push(resolveView(v, out));
    return out;
  });

const pick = <T>(items: readonly T[], at: number): T | undefined => (items.length ? items[at % items.length] : undefined);

export function tableKeys(spec: Spec): string[] {
  return spec.tables.map((t) => objectId(t.schema, t.name));
}

/** The output column names of a relation of the spec (before the builder repairs anything). */
export function relationColumns(spec: Spec, key: string): string[] {
  const table = spec.tables.find((t) => objectId(t.schema, t.name) === key);
  if (table) return [...table.columns.map((c) => c.name), ...table.foreignKeys.map((f) => f.column)];
  const v = spec.views.find((x) => objectId(x.schema, x.name) === key);
  return v ? [...v.columns, ...(v.cast ? [`${v.cast}_text`] : []), ...(v.call ? ['allowed'] : [])] : [];
}

export function resolveFunction(raw: FunctionRaw, spec: Spec): FunctionSpec {
  const { reads, ...rest } = raw;
  const table = reads === undefined ? undefined : pick(tableKeys(spec), reads);
  return strip({ ...rest, reads: table });
}

/** Resolves a table drawn raw; it is appended after `spec.tables`, so it may reference them or itself. */
export function resolveTable(raw: TableRaw, spec: Spec): TableSpec {
  const columnNames = raw.columns.map((c) => c.name);
  const targets = [...tableKeys(spec), objectId(raw.schema, raw.name)];
  const t: TableSpec = {
    schema: raw.schema,
    name: raw.name,
    columns: raw.columns,
    primaryKey: raw.primaryKey ? [...new Set(raw.primaryKey.map((at) => pick(columnNames, at)!))] : [],
    uniques: raw.uniques.map(([a, b]) => [pick(columnNames, a)!, pick(columnNames, b)!]),
    foreignKeys: raw.foreignKeys.map((fk) => ({ column: fk.column, references: pick(targets, fk.target)!, onDelete: fk.onDelete, notNull: fk.notNull })),
    indexes: raw.indexes.map((i) => resolveIndex(i, columnNames)),
    triggers: raw.triggers.map((tr) => resolveTrigger(tr, spec, columnNames)).filter((tr): tr is TriggerSpec => tr !== undefined),
    rls: raw.rls,
    policies: raw.policies.map((p) => resolvePolicy(p, spec, columnNames)),
    grants: raw.grants,
    ...(raw.comment !== undefined ? { comment: raw.comment } : {}),
  };
  return t;
}

export function resolveIndex(raw: typeof indexRaw extends fc.Arbitrary<infer T> ? T : never, columns: string[]): IndexSpec {
  return strip({
    name: raw.name,
    keys: raw.keys.map((k) => strip({ column: pick(columns, k.at)!, desc: k.desc || undefined, lower: k.lower || undefined })),
    unique: raw.unique || undefined,
    partial: raw.partial || undefined,
    comment: raw.comment,
  });
}

export function resolveTrigger(raw: typeof triggerRaw extends fc.Arbitrary<infer T> ? T : never, spec: Spec, columns: string[]): TriggerSpec | undefined {
  const fn = pick(spec.triggerFunctions, raw.function);
  if (!fn) return undefined;
  return strip({
    name: raw.name,
    function: fn.name,
    timing: raw.timing,
    events: raw.events,
    level: raw.level,
    updateOf: raw.updateOf === undefined ? undefined : pick(columns, raw.updateOf),
    when: raw.when === undefined ? undefined : raw.when === 'depth' ? ('depth' as const) : { column: pick(columns, raw.when.at)! },
    enabled: raw.enabled,
    arguments: raw.arguments,
    comment: raw.comment,
  });
}

function resolveExpression(raw: { kind: 'true' } | { kind: 'column' | 'owner' | 'function'; at: number }, spec: Spec, columns: string[]): ExpressionSpec {
  if (raw.kind === 'true') return { kind: 'true' };
  if (raw.kind === 'function') {
    const fn = pick(spec.functions, raw.at);
    return fn ? { kind: 'function', function: fn.name } : { kind: 'true' };
  }
  return { kind: raw.kind, column: pick(columns, raw.at)! };
}

export function resolvePolicy(raw: typeof policyRaw extends fc.Arbitrary<infer T> ? T : never, spec: Spec, columns: string[]): PolicySpec {
  return strip({
    name: raw.name,
    command: raw.command,
    roles: raw.roles,
    permissive: raw.permissive,
    using: raw.using && resolveExpression(raw.using, spec, columns),
    withCheck: raw.withCheck && resolveExpression(raw.withCheck, spec, columns),
    comment: raw.comment,
  });
}

/** Resolves a view drawn raw against the tables and the views before it. */
export function resolveView(raw: ViewRaw, spec: Spec): ViewSpec {
  const relations = [...tableKeys(spec), ...spec.views.map((v) => objectId(v.schema, v.name))];
  const base = pick(relations, raw.base) ?? objectId('public', 'missing');
  const available = relationColumns(spec, base);
  const col = (at: number) => pick(available, at) ?? 'id';
  return strip({
    schema: raw.schema,
    name: raw.name,
    base,
    columns: [...new Set(raw.columns.map(col))],
    cast: raw.cast === undefined ? undefined : col(raw.cast),
    filter: raw.filter === undefined ? undefined : col(raw.filter),
    call: raw.call === undefined ? undefined : pick(spec.functions, raw.call)?.name,
    materialized: raw.materialized,
    securityInvoker: (!raw.materialized && raw.securityInvoker) || undefined,
    index: (raw.materialized && raw.index) || undefined,
    comment: raw.comment,
    columnComment: raw.columnComment && { column: col(raw.columnComment.at), text: raw.columnComment.text },
    grants: raw.grants,
  });
}

/** Drops keys whose value is undefined, so specs print and compare cleanly. */
export function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
