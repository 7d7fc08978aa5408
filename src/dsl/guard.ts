import { z } from 'zod';
import { PgformError } from '../errors.js';
import type { SourceLocation } from '../model/schema.js';
import { surelyValid } from './fast-check.js';

/**
 * zod shapes of what the builders accept. TypeScript checks definitions written in TypeScript;
 * these check what arrives at run time (JavaScript files, `as any`, generated code), so a wrong
 * value is a located PgformError instead of a TypeError or SQL pasted as is.
 */
// Each shape checks a few hundred values per run: compiling it to a specialised function first
// (zod's default) costs more than it saves.
z.config({ jitless: true });

const name = z.string().min(1, 'must not be empty');
const sqlText = z.union([z.string(), z.object({ sql: z.string() }).strict()]);
const documentation = { description: z.string().optional(), group: z.string().optional(), note: z.string().optional() };
/** `lint: { allow: { rule_id: 'reason' } }`: a suppression without a reason is refused. */
const lint = z
  .object({ allow: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a lint rule id such as rls_disabled_in_public'), z.string().trim().min(1, 'a lint suppression needs a reason')) })
  .strict();
const grant = z.object({ to: name, privileges: z.array(name).min(1), withGrantOption: z.boolean().optional() }).strict();
/** A table's grants may name columns: column privileges (`GRANT SELECT (a, b) ON t`). */
const tableGrant = grant.extend({ columns: z.array(name).min(1).optional() }).strict();
const typeRef = z.object({ pgform: z.enum(['enum', 'domain', 'composite', 'range']), schema: z.string(), name: z.string() }).passthrough();
const typeInput = z.union([name, typeRef]);
const tableTarget = z.union([name, z.object({ pgform: z.literal('table'), schema: z.string(), name: z.string() }).passthrough(), z.custom<() => unknown>((v) => typeof v === 'function', 'must be a table, a table name or a function returning a table')]);
const referentialAction = z.enum(['cascade', 'restrict', 'set null', 'set default', 'no action', 'CASCADE', 'RESTRICT', 'SET NULL', 'SET DEFAULT', 'NO ACTION']);
const deferral = { deferrable: z.boolean().optional(), initiallyDeferred: z.boolean().optional() };
const columnBuilder = z.custom<object>((value) => typeof value === 'object' && value !== null && 'spec' in value, 'must be a column builder (text(), uuid(), column(type)...)');

/** Storage parameters: `fillfactor`, `autovacuum_vacuum_scale_factor`, `toast.autovacuum_enabled`... */
export const storageShape = z.record(
  z.string().regex(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/, 'must be a storage parameter name such as fillfactor or toast.autovacuum_enabled'),
  z.union([z.string().min(1, 'must not be empty'), z.number().finite(), z.boolean()]),
);

const index = z
  .object({
    on: z.array(name).min(1),
    unique: z.boolean().optional(),
    using: name.optional(),
    include: z.array(name).optional(),
    where: sqlText.optional(),
    nullsNotDistinct: z.boolean().optional(),
    storage: storageShape.optional(),
    description: z.string().optional(),
    renamedFrom: name.optional(),
  })
  .strict();

const triggerFunction = z.union([name, z.object({ pgform: z.literal('routine'), schema: z.string(), name: z.string() }).passthrough()]);

export const triggerShape = z
  .object({
    timing: z.enum(['before', 'after', 'instead of']),
    events: z.array(z.enum(['insert', 'update', 'delete', 'truncate'])).min(1),
    updateOf: z.array(name).optional(),
    forEach: z.enum(['row', 'statement']).optional(),
    when: sqlText.optional(),
    function: triggerFunction,
    arguments: z.array(z.string()).optional(),
    enabled: z.enum(['origin', 'always', 'replica', 'disabled']).optional(),
    constraint: z.object({ ...deferral, from: name.optional() }).strict().optional(),
    referencing: z.object({ old: name.optional(), new: name.optional() }).strict().optional(),
    description: z.string().optional(),
  })
  .strict();

export const policyShape = z
  .object({
    for: z.enum(['all', 'select', 'insert', 'update', 'delete']).optional(),
    to: z.union([name, z.array(name).min(1)]).optional(),
    using: sqlText.optional(),
    withCheck: sqlText.optional(),
    restrictive: z.boolean().optional(),
    description: z.string().optional(),
    lint: lint.optional(),
  })
  .strict();

const foreignKey = z
  .object({
    columns: z.array(name).min(1),
    references: tableTarget,
    referencedColumns: z.array(name).min(1).optional(),
    onDelete: referentialAction.optional(),
    onDeleteColumns: z.array(name).min(1).optional(),
    onUpdate: referentialAction.optional(),
    deferrable: z.boolean().optional(),
    initiallyDeferred: z.boolean().optional(),
    match: z.literal('full').optional(),
    notValid: z.boolean().optional(),
    name: name.optional(),
    renamedFrom: name.optional(),
  })
  .strict();

const partitionKeys = z.array(name).min(1);
const partitionBy = z.union([
  z.object({ range: partitionKeys }).strict(),
  z.object({ list: partitionKeys }).strict(),
  z.object({ hash: partitionKeys }).strict(),
  z.object({ sql: z.string() }).strict(),
]);
const partitionOf = z.object({ parent: tableTarget, values: z.union([z.literal('default'), sqlText]) }).strict();

const statisticsShape = z.record(
  z.string(),
  z
    .object({
      schema: name.optional(),
      on: z.array(z.union([name, z.object({ sql: z.string() }).strict()])).min(1),
      kinds: z.array(z.enum(['ndistinct', 'dependencies', 'mcv'])).min(1).optional(),
      target: z.number().int().min(0).max(10000).optional(),
      description: z.string().optional(),
    })
    .strict(),
);

export const columnStorageShape = z.enum(['plain', 'external', 'extended', 'main']);
export const columnCompressionShape = z.enum(['pglz', 'lz4']);
export const columnStatisticsShape = z.number().int().min(0).max(10000);
/** n_distinct: a count (>= 0), or minus a fraction of the rows (-1 to 0). */
export const columnOptionsShape = z.object({ n_distinct: z.number().min(-1).optional(), n_distinct_inherited: z.number().min(-1).optional() }).strict();
/** A materialized view's column given as its description and settings (or as its description alone, a string). */
export const materializedViewColumnShape = z
  .object({ description: z.string().optional(), storage: columnStorageShape.optional(), compression: columnCompressionShape.optional(), statistics: columnStatisticsShape.optional(), options: columnOptionsShape.optional() })
  .strict();

export const tableShape = z
  .object({
    ...documentation,
    schema: name.optional(),
    renamedFrom: name.optional(),
    columns: z.record(z.string(), columnBuilder).optional(),
    partitionBy: partitionBy.optional(),
    partitionOf: partitionOf.optional(),
    inherits: z.array(tableTarget).min(1).optional(),
    unlogged: z.boolean().optional(),
    primaryKey: z.union([z.array(name).min(1), z.object({ columns: z.array(name).min(1), name: name.optional(), renamedFrom: name.optional(), ...deferral }).strict()]).optional(),
    unique: z.array(z.union([z.array(name).min(1), z.object({ columns: z.array(name).min(1), name: name.optional(), nullsNotDistinct: z.boolean().optional(), renamedFrom: name.optional(), ...deferral }).strict()])).optional(),
    checks: z.record(z.string(), z.union([sqlText, z.object({ expression: sqlText, notValid: z.boolean().optional(), noInherit: z.boolean().optional() }).strict()])).optional(),
    foreignKeys: z.array(foreignKey).optional(),
    exclusions: z.record(z.string(), z.union([sqlText, z.object({ definition: sqlText, ...deferral }).strict()])).optional(),
    indexes: z.record(z.string(), index).optional(),
    statistics: statisticsShape.optional(),
    triggers: z.record(z.string(), triggerShape).optional(),
    rls: z.union([z.boolean(), z.object({ enabled: z.boolean().optional(), forced: z.boolean().optional() }).strict()]).optional(),
    policies: z.record(z.string(), policyShape).optional(),
    grants: z.array(tableGrant).optional(),
    storage: storageShape.optional(),
    replicaIdentity: z.union([z.enum(['default', 'full', 'nothing']), z.object({ index: name }).strict()]).optional(),
    realtime: z.boolean().optional(),
    publications: z.array(name).optional(),
    lint: lint.optional(),
    distributed: z.object({ by: name, colocateWith: tableTarget.optional(), shardCount: z.number().int().min(1).max(64000).optional() }).strict().optional(),
    reference: z.boolean().optional(),
  })
  .strict();

export const viewShape = z
  .object({
    ...documentation,
    schema: name.optional(),
    renamedFrom: name.optional(),
    query: sqlText,
    // Each column's description or settings is checked on its own (materializedViewColumnShape), to name the field.
    columns: z.record(z.string(), z.unknown()).optional(),
    securityInvoker: z.boolean().optional(),
    securityBarrier: z.boolean().optional(),
    checkOption: z.enum(['local', 'cascaded']).optional(),
    indexes: z.record(z.string(), index).optional(),
    triggers: z.record(z.string(), triggerShape).optional(),
    storage: storageShape.optional(),
    statistics: statisticsShape.optional(),
    withNoData: z.boolean().optional(),
    grants: z.array(tableGrant).optional(),
    lint: lint.optional(),
  })
  .strict();

/** A plain view: no indexes, storage or statistics, and its columns take descriptions only. */
export const plainViewShape = viewShape.omit({ indexes: true, storage: true, withNoData: true, statistics: true }).extend({ columns: z.record(z.string(), z.string()).optional() });

const argument = z.union([typeInput, z.object({ type: typeInput, mode: z.enum(['in', 'out', 'inout', 'variadic']).optional(), default: sqlText.optional() }).strict()]);

export const routineShape = z
  .object({
    ...documentation,
    schema: name.optional(),
    renamedFrom: name.optional(),
    args: z.record(z.string(), argument).optional(),
    returns: z.union([name, typeRef, z.object({ setof: typeInput }).strict(), z.object({ table: z.record(z.string(), typeInput) }).strict()]).optional(),
    language: name.optional(),
    volatility: z.enum(['volatile', 'stable', 'immutable']).optional(),
    strict: z.boolean().optional(),
    security: z.enum(['invoker', 'definer']).optional(),
    leakproof: z.boolean().optional(),
    parallel: z.enum(['unsafe', 'restricted', 'safe']).optional(),
    cost: z.number().positive().finite().optional(),
    rows: z.number().positive().finite().optional(),
    support: name.optional(),
    transforms: z.array(z.string().min(1)).optional(),
    set: z.record(z.string(), z.string()).optional(),
    body: sqlText,
    grants: z.union([z.array(name), z.array(grant)]).optional(),
    lint: lint.optional(),
  })
  .strict();

export const enumShape = z.object({
  values: z.array(z.string().min(1, 'an enum label must not be empty')).min(1, 'an enum needs at least one value'),
  options: z.object({ ...documentation, schema: name.optional(), renamedFrom: name.optional(), renamedValues: z.record(z.string(), z.string()).optional() }).strict(),
});

export const domainShape = z
  .object({
    ...documentation,
    schema: name.optional(),
    notNull: z.boolean().optional(),
    default: z.object({ sql: z.string() }).strict().optional(),
    collation: name.optional(),
    checks: z.record(z.string(), z.union([sqlText, z.object({ expression: sqlText, notValid: z.boolean().optional() }).strict()])).optional(),
  })
  .strict();

export const compositeShape = z
  .object({
    ...documentation,
    schema: name.optional(),
    attributes: z.record(z.string().min(1, 'an attribute name must not be empty'), z.union([name, typeRef, columnBuilder])).refine((a) => Object.keys(a).length > 0, 'a composite type needs at least one attribute'),
  })
  .strict();

/** A function a range type names: `float8mi`, `public.time_subtype_diff`, or a routine definition. */
const routineName = z.union([name, z.object({ pgform: z.literal('routine'), schema: z.string(), name: z.string() }).passthrough()]);

export const rangeShape = z
  .object({
    ...documentation,
    schema: name.optional(),
    subtype: typeInput,
    subtypeOpclass: name.optional(),
    collation: name.optional(),
    canonical: routineName.optional(),
    subtypeDiff: routineName.optional(),
    multirange: name.optional(),
  })
  .strict();

const whole = z.union([z.number().int().refine(Number.isSafeInteger, 'must be a safe integer'), z.bigint()]);

export const sequenceShape = z
  .object({
    ...documentation,
    schema: name.optional(),
    type: z.enum(['smallint', 'integer', 'bigint']).optional(),
    start: whole.optional(),
    increment: whole.refine((n) => n !== 0 && n !== 0n, 'must not be 0').optional(),
    min: whole.optional(),
    max: whole.optional(),
    cache: whole.refine((n) => n >= 1, 'must be at least 1').optional(),
    cycle: z.boolean().optional(),
    unlogged: z.boolean().optional(),
    ownedBy: z.object({ table: name, column: name }).strict().optional(),
    grants: z.array(grant).optional(),
  })
  .strict();

export const referenceShape = z
  .object({
    target: tableTarget,
    column: name,
    options: z
      .object({
        onDelete: referentialAction.optional(),
        onUpdate: referentialAction.optional(),
        deferrable: z.boolean().optional(),
        initiallyDeferred: z.boolean().optional(),
        notValid: z.boolean().optional(),
        name: name.optional(),
        renamedFrom: name.optional(),
      })
      .strict(),
  })
  .strict();

export const checkShape = z.object({ expression: sqlText, name: name.optional() }).strict();

export const columnIndexShape = z.union([
  name,
  z
    .object({
      name: name.optional(),
      method: name.optional(),
      unique: z.boolean().optional(),
      where: sqlText.optional(),
      descending: z.boolean().optional(),
      renamedFrom: name.optional(),
    })
    .strict(),
]);

export const descriptionShape = z.string();

export const sensitiveShape = z.boolean();


export const namespaceShape = z.object({ ...documentation, grants: z.array(grant).optional() }).strict();
export const extensionShape = z.object({ schema: name.optional(), version: name.optional(), description: descriptionShape.optional() }).strict();

const operation = z.enum(['insert', 'update', 'delete', 'truncate']);
const publicationMember = z.union([
  tableTarget,
  z.object({ table: tableTarget, columns: z.array(name).min(1).optional(), where: sqlText.optional() }).strict(),
]);

export const publicationShape = z
  .object({
    description: z.string().optional(),
    tables: z.array(publicationMember).optional(),
    allTables: z.boolean().optional(),
    schemas: z.array(name).optional(),
    publish: z.array(operation).optional(),
    viaRoot: z.boolean().optional(),
  })
  .strict();

export const defaultPrivilegesShape = z
  .object({
    forRole: name.optional(),
    inSchema: name.optional(),
    on: z.enum(['tables', 'sequences', 'functions', 'types', 'schemas']),
    grant: z.array(name).min(1),
    to: z.array(name).min(1),
    withGrantOption: z.boolean().optional(),
  })
  .strict();

export const systemShape = z
  .object({
    title: z.string().optional(),
    note: z.string().optional(),
    groups: z.record(z.string(), z.object({ description: z.string().optional(), note: z.string().optional() }).strict()).optional(),
    joins: z.array(z.object({ from: name, to: name, description: z.string().optional() }).strict()).optional(),
  })
  .strict();

export const oneOfShape = z.object({ values: z.array(z.string()).min(1), name: name.optional() }).strict();
const sequenceNumber = z.union([z.number().int(), z.bigint(), z.string().regex(/^-?\d+$/, 'must be an integer')]);
export const identityShape = z.union([
  z.enum(['always', 'by default']),
  z
    .object({
      always: z.boolean().optional(),
      start: sequenceNumber.optional(),
      increment: sequenceNumber.refine((v) => BigInt(v) !== 0n, 'must not be zero').optional(),
      min: sequenceNumber.optional(),
      max: sequenceNumber.optional(),
      cache: sequenceNumber.refine((v) => BigInt(v) >= 1n, 'must be at least 1').optional(),
      cycle: z.boolean().optional(),
    })
    .strict(),
]);
export const uniqueShape = z.object({ name: name.optional(), nullsNotDistinct: z.boolean().optional() }).strict();

export const columnTypeShape = z.union([name, typeRef]);

const literalValue: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number().finite(), z.boolean(), z.null(), z.array(literalValue), z.record(z.string(), literalValue)]));

export const columnDefaultShape = z.union([z.object({ sql: z.string() }).strict(), literalValue]);

export const externalTriggerShape = triggerShape.extend({ on: name });
export const externalPolicyShape = policyShape.extend({ on: name });

/**
 * Checks a builder's input against its shape; the first problem becomes a DEFINITION_INVALID
 * error at the builder's call site, naming the object and the field.
 */
export function guard<T>(
  shape: z.ZodType<T>,
  value: unknown,
  where: { object: string; source: SourceLocation | undefined | (() => SourceLocation | undefined); field?: string },
): T {
  // zod is asked only when the quick reading of the shape is not sure: zod words the error.
  if (surelyValid(shape, value)) return value as T;
  const result = shape.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // A function is called only now: capturing the call site costs a stack trace per builder call.
  const source = typeof where.source === 'function' ? where.source() : where.source;
  const path = [where.field, ...issue.path.map(String)].filter(Boolean).join('.');
  throw new PgformError('DEFINITION_INVALID', issue.message, {
    ...(source ? { file: source.file, line: source.line } : {}),
    object: where.object,
    ...(path ? { field: path } : {}),
  });
}

/** Checks a builder's name argument. */
export function guardName(value: unknown, what: string, source: SourceLocation | undefined): string {
  return guard(name, value, { object: `${what} ${String(value)}`, source, field: 'name' });
}

export const collationShape = z
  .object({
    ...documentation,
    schema: name.optional(),
    provider: z.enum(['icu', 'libc', 'builtin']).optional(),
    locale: z.string().min(1).optional(),
    lcCollate: z.string().min(1).optional(),
    lcCtype: z.string().min(1).optional(),
    deterministic: z.boolean().optional(),
  })
  .strict();

/** A function an aggregate calls: its name (`public.first_agg`, `int4pl`) or the routine itself. */
const aggregateFunction = z.union([name, z.object({ pgform: z.literal('routine'), schema: z.string(), name: z.string() }).passthrough()]);
const aggregateArgument = z.union([typeInput, z.object({ type: typeInput, mode: z.enum(['in', 'variadic']).optional() }).strict()]);
const finalModify = z.enum(['read_only', 'shareable', 'read_write']);
const stateSpace = z.number().int().positive().optional();

export const aggregateShape = z
  .object({
    ...documentation,
    schema: name.optional(),
    args: z.record(z.string(), aggregateArgument).optional(),
    orderBy: z.record(z.string(), aggregateArgument).optional(),
    hypothetical: z.boolean().optional(),
    sfunc: aggregateFunction,
    stype: typeInput,
    sspace: stateSpace,
    finalfunc: aggregateFunction.optional(),
    finalfuncExtra: z.boolean().optional(),
    finalfuncModify: finalModify.optional(),
    combinefunc: aggregateFunction.optional(),
    serialfunc: aggregateFunction.optional(),
    deserialfunc: aggregateFunction.optional(),
    initcond: z.string().optional(),
    msfunc: aggregateFunction.optional(),
    minvfunc: aggregateFunction.optional(),
    mstype: typeInput.optional(),
    msspace: stateSpace,
    mfinalfunc: aggregateFunction.optional(),
    mfinalfuncExtra: z.boolean().optional(),
    mfinalfuncModify: finalModify.optional(),
    minitcond: z.string().optional(),
    sortop: name.optional(),
    parallel: z.enum(['unsafe', 'restricted', 'safe']).optional(),
    grants: z.union([z.array(name), z.array(grant)]).optional(),
    lint: lint.optional(),
  })
  .strict();
