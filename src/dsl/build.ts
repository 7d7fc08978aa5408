import { PgformError } from '../errors.js';
import { withDefaultGrants } from '../model/default-privileges.js';
import { objectId, routineId } from '../model/id.js';
import { trimIdentity } from '../model/identity.js';
import { defaultRoutineCost, defaultRoutineRows, returnsSet } from '../model/routine-estimates.js';
import { defaultPublicNamespace, emptySchema, type Aggregate, type Column, type Routine, type Schema, type SourceLocation, type StatisticsObject, type Table, type View } from '../model/schema.js';
import { baseTypeName, builtinTypes, extensionTypes } from './builtin-types.js';
import type { TableTarget } from './column.js';
import type { CollationDef } from './collation.js';
import { collationId } from './collation-name.js';
import { buildRanges, claimRangeNames } from './range-build.js';
import type { RangeTypeDef } from './range.js';
import { checkName } from './names.js';
import { normalizeTypeName } from './type-names.js';
import { returnsSql, type RoutineDef } from './routine.js';
import type { AggregateDef } from './aggregate.js';
import { aggregateId, defaultFinalModify } from '../model/aggregate.js';
import type { SystemDef } from './system.js';
import type { PolicyDef } from './policy.js';
import { toPolicyModel, toTriggerModel, type TableDef, type TriggerDef } from './table.js';
import { toGrants, typeSql, type CompositeTypeDef, type DomainDef, type EnumDef, type ExtensionDef, type NamespaceDef, type SequenceDef, type TypeRef } from './types.js';
import type { ViewDef } from './view.js';
import { buildPublications } from './build-publications.js';
import { buildDistributions } from './build-distributions.js';
import type { PublicationDef } from './publication.js';
import { buildDefaultPrivileges, type DefaultPrivilegesDef } from './default-privileges-build.js';
import { transitionTablesError } from './transition-tables.js';

/** A Definition is anything a builder returns. */
export type Definition = TableDef | ViewDef | RoutineDef | AggregateDef | EnumDef | DomainDef | CompositeTypeDef | RangeTypeDef | SequenceDef | ExtensionDef | NamespaceDef | SystemDef | TriggerDef | PolicyDef | CollationDef | PublicationDef | DefaultPrivilegesDef;

export const definitionKinds = new Set(['table', 'view', 'routine', 'aggregate', 'enum', 'domain', 'composite', 'range', 'sequence', 'extension', 'namespace', 'system', 'trigger', 'policy', 'collation', 'publication', 'default privileges']);

export function isDefinition(value: unknown): value is Definition {
  return typeof value === 'object' && value !== null && definitionKinds.has((value as { pgform?: string }).pgform ?? '');
}

export interface BuildOptions {
  /** Namespaces that exist outside the definitions (a preset's `auth`): references into them are allowed. */
  externalNamespaces?: string[];
  /** The file the definitions came from, for errors without a better location. */
  file?: string;
}

export type Where = { file?: string; line?: number; object: string; field: string };

export function at(source: SourceLocation | undefined, object: string, field: string, fallbackFile?: string): Where {
  // Made for every object and column checked, not only for errors: plain literals, no spreading.
  if (source) return { file: source.file, line: source.line, object, field };
  return fallbackFile ? { file: fallbackFile, object, field } : { object, field };
}

export function invalid(message: string, where: Where, hint?: string): never {
  throw new PgformError('DEFINITION_INVALID', message, where, hint);
}

/**
 * Builds the model from definitions and checks it: names, duplicates, types, references between
 * objects, policies without row level security. The first problem is thrown as a PgformError
 * that names the file, the object and the field.
 */
export function buildSchema(definitions: Definition[], options: BuildOptions = {}): Schema {
  const schema = emptySchema();
  const external = new Set(options.externalNamespaces ?? []);
  const seen = new Set<Definition>();
  const unique = definitions.filter((definition) => !seen.has(definition) && seen.add(definition));
  const byKind = <K extends Definition['pgform']>(kind: K) => unique.filter((d): d is Extract<Definition, { pgform: K }> => d.pgform === kind);

  schema.namespaces.public = defaultPublicNamespace();
  for (const ns of byKind('namespace')) {
    const where = at(ns.source, ns.name, 'name', options.file);
    checkName(ns.name, where);
    if (schema.namespaces[ns.name] && ns.name !== 'public') invalid(`schema "${ns.name}" is declared twice`, where);
    schema.namespaces[ns.name] = {
      name: ns.name,
      grants: ns.grants ? toGrants(ns.grants) : ns.name === 'public' ? schema.namespaces.public.grants : [],
      ...docs(ns.description ?? (ns.name === 'public' ? schema.namespaces.public.comment : undefined), ns.group, ns.note, ns.source),
    };
  }
  const isSchema = (name: string) => name === 'pg_catalog' || external.has(name) || !!schema.namespaces[name];
  const requireNamespace = (name: string, where: Where) => {
    if (external.has(name)) invalid(`schema "${name}" belongs to the preset; pgform does not manage objects in it`, where);
    if (!schema.namespaces[name]) invalid(`schema "${name}" is not declared`, where, `declare it with schema('${name}')`);
  };

  const declaredDefaults = byKind('default privileges');
  if (declaredDefaults.length) schema.defaultPrivileges = buildDefaultPrivileges(declaredDefaults, (name, where) => requireNamespace(name, at(where.source, where.object, 'inSchema', options.file)), options.file);

  for (const ext of byKind('extension')) {
    const where = at(ext.source, ext.name, 'name', options.file);
    if (schema.extensions[ext.name]) invalid(`extension "${ext.name}" is declared twice`, where);
    schema.extensions[ext.name] = { name: ext.name, schema: ext.schema, ...(ext.version !== undefined ? { version: ext.version } : {}), ...(ext.description !== undefined ? { comment: ext.description } : {}), ...(ext.source ? { source: ext.source } : {}) };
  }

  // Relations, indexes and sequences share one name space per schema in PostgreSQL.
  const relationNames = new Map<string, string>();
  // Tables, views and sequences also name a row type, so they share the types' name space too.
  const typeNames = new Map<string, string>();
  const claimRelationName = (namespace: string, name: string, what: string, where: Where) => {
    checkName(name, where);
    const key = objectId(namespace, name);
    const previous = relationNames.get(key) ?? (what === 'index' || what.startsWith('the index') ? undefined : typeNames.get(key));
    if (previous) invalid(`${what} "${name}" uses a name already taken by ${previous} in schema "${namespace}"`, where);
    relationNames.set(key, what);
    if (what !== 'index' && !what.startsWith('the index')) typeNames.set(key, what);
  };
  const claimTypeName = (namespace: string, name: string, what: string, where: Where) => {
    checkName(name, where);
    const key = objectId(namespace, name);
    if (typeNames.has(key)) invalid(`${what} "${name}" uses a name already taken by ${typeNames.get(key)} in schema "${namespace}"`, where);
    typeNames.set(key, what);
  };

  for (const def of byKind('collation')) {
    const id = objectId(def.schema, def.name);
    const where = at(def.source, id, 'name', options.file);
    requireNamespace(def.schema, where);
    checkName(def.name, where);
    if (schema.collations?.[id]) invalid(`collation "${id}" is declared twice`, where);
    (schema.collations ??= {})[id] = structuredClone(def.collation);
  }

  const userTypes = new Map<string, string>();
  for (const en of byKind('enum')) {
    const id = objectId(en.schema, en.name);
    const where = at(en.source, id, 'name', options.file);
    requireNamespace(en.schema, where);
    claimTypeName(en.schema, en.name, 'enum', where);
    const labels = new Set<string>();
    for (const value of en.values) {
      const valueWhere = { ...where, field: `values` };
      if (labels.has(value)) invalid(`enum value "${value}" is listed twice`, valueWhere);
      if (value.length === 0) invalid('an enum value must not be empty', valueWhere);
      if (Buffer.byteLength(value) > 63) invalid(`enum value "${value}" is longer than 63 bytes`, valueWhere);
      labels.add(value);
    }
    schema.enums[id] = {
      schema: en.schema,
      name: en.name,
      values: [...en.values],
      ...docs(en.description, en.group, en.note, en.source),
      ...(en.renamedFrom ? { renamedFrom: en.renamedFrom } : {}),
      ...(en.renamedValues ? { renamedValues: { ...en.renamedValues } } : {}),
    };
    userTypes.set(id, typeSql(en));
    if (en.schema === 'public') userTypes.set(en.name, typeSql(en));
  }
  for (const dom of byKind('domain')) {
    const id = objectId(dom.schema, dom.name);
    const where = at(dom.source, id, 'name', options.file);
    requireNamespace(dom.schema, where);
    claimTypeName(dom.schema, dom.name, 'domain', where);
    schema.domains[id] = {
      schema: dom.schema,
      name: dom.name,
      type: dom.type,
      notNull: dom.notNull,
      ...(dom.default ? { default: dom.default } : {}),
      ...(dom.collation ? { collation: collationId(dom.collation, isSchema) } : {}),
      checks: dom.checks,
      ...docs(dom.description, dom.group, dom.note, dom.source),
    };
    userTypes.set(id, typeSql(dom));
    if (dom.schema === 'public') userTypes.set(dom.name, typeSql(dom));
  }

  for (const comp of byKind('composite')) {
    const id = objectId(comp.schema, comp.name);
    requireNamespace(comp.schema, at(comp.source, id, 'name', options.file));
    // A composite type's name is also a relation's (its row type lives in pg_class).
    claimRelationName(comp.schema, comp.name, 'composite type', at(comp.source, id, 'name', options.file));
    userTypes.set(id, typeSql(comp));
    if (comp.schema === 'public') userTypes.set(comp.name, typeSql(comp));
  }

  claimRangeNames(byKind('range'), { file: options.file, requireNamespace, claimTypeName, userTypes });

  const resolveType = (type: string | TypeRef, where: Where): string => {
    if (typeof type !== 'string') {
      const id = objectId(type.schema, type.name);
      if (!userTypes.has(id)) invalid(`${type.pgform} "${id}" is not part of the definitions`, where, `export the ${type.pgform} so pgform sees it`);
      return typeSql(type);
    }
    const isArray = type.endsWith('[]');
    const base = baseTypeName(type);
    if (builtinTypes.has(base) || /^interval (year|month|day|hour|minute|second)\b/.test(base)) return type;
    const extension = extensionTypes[base];
    if (extension) {
      if (!schema.extensions[extension]) invalid(`type "${base}" needs the extension "${extension}"`, where, `declare extension('${extension}')`);
      return type;
    }
    const user = userTypes.get(base.replace(/"/g, ''));
    if (user) return user + (isArray ? '[]' : '');
    const dot = base.indexOf('.');
    if (dot > 0 && external.has(base.slice(0, dot))) return type;
    return invalid(`unknown type "${type}"`, where, 'use a built-in type, or declare it with enumType(), domain(), compositeType(), rangeType() or extension()');
  };

  for (const dom of byKind('domain')) {
    const id = objectId(dom.schema, dom.name);
    schema.domains[id]!.type = resolveType(dom.type, at(dom.source, id, 'type', options.file));
  }

  for (const comp of byKind('composite')) {
    const id = objectId(comp.schema, comp.name);
    const names = new Set<string>();
    const attributes = comp.attributes.map((attribute) => {
      const where = at(comp.source, id, `attributes.${attribute.name}`, options.file);
      checkName(attribute.name, where);
      if (names.has(attribute.name)) invalid(`attribute "${attribute.name}" is declared twice`, where);
      names.add(attribute.name);
      return {
        name: attribute.name,
        type: resolveType(attribute.type, where),
        ...(attribute.collation ? { collation: collationId(attribute.collation, isSchema) } : {}),
        ...(attribute.comment !== undefined ? { comment: attribute.comment } : {}),
        ...(attribute.renamedFrom ? { renamedFrom: attribute.renamedFrom } : {}),
      };
    });
    (schema.composites ??= {})[id] = { schema: comp.schema, name: comp.name, attributes, ...docs(comp.description, comp.group, comp.note, comp.source) };
  }

  buildRanges(schema, byKind('range'), { file: options.file, isSchema, resolveType });

  for (const seq of byKind('sequence')) {
    const id = objectId(seq.schema, seq.name);
    const where = at(seq.source, id, 'name', options.file);
    requireNamespace(seq.schema, where);
    claimRelationName(seq.schema, seq.name, 'sequence', where);
    const type = resolveType(seq.type, { ...where, field: 'type' });
    const increment = BigInt(seq.increment ?? 1);
    const maxByType: Record<string, bigint> = { smallint: 32767n, integer: 2147483647n, bigint: 9223372036854775807n };
    const typeMax = maxByType[type] ?? maxByType.bigint!;
    const min = BigInt(seq.min ?? (increment > 0n ? 1n : -typeMax - 1n));
    const max = BigInt(seq.max ?? (increment > 0n ? typeMax : -1n));
    schema.sequences[id] = {
      schema: seq.schema,
      name: seq.name,
      type,
      start: String(seq.start ?? (increment > 0n ? min : max)),
      increment: String(increment),
      min: String(min),
      max: String(max),
      cache: String(seq.cache ?? 1),
      cycle: seq.cycle ?? false,
      ...(seq.unlogged ? { unlogged: true } : {}),
      ...(seq.ownedBy ? { ownedBy: { table: tableIdOf(seq.ownedBy.table), column: seq.ownedBy.column } } : {}),
      grants: toGrants(seq.grants),
      ...docs(seq.description, seq.group, seq.note, seq.source),
    };
  }

  const routineIdsByName = new Map<string, string[]>();
  for (const def of byKind('routine')) {
    const nameId = objectId(def.schema, def.name);
    const where = at(def.source, nameId, 'name', options.file);
    requireNamespace(def.schema, where);
    checkName(def.name, where);
    const args = def.arguments.map((arg, i) => ({
      ...(arg.name !== undefined ? { name: arg.name } : {}),
      type: resolveType(arg.type, at(def.source, nameId, `args.${arg.name ?? i}`, options.file)),
      mode: arg.mode,
      ...(arg.default !== undefined ? { default: arg.default } : {}),
    }));
    const identityTypes = args.filter((arg) => arg.mode !== 'out').map((arg) => arg.type);
    const id = routineId(def.schema, def.name, identityTypes);
    if (schema.routines[id]) invalid(`routine ${id} is declared twice`, where);
    const returns = def.returns !== undefined ? returnsSql(resolveReturns(def.returns, (t, f) => resolveType(t, at(def.source, nameId, f, options.file)))) : undefined;
    if (def.kind === 'procedure' && (def.cost !== undefined || def.rows !== undefined)) invalid('a procedure takes no cost or rows', at(def.source, nameId, def.cost !== undefined ? 'cost' : 'rows', options.file));
    if (def.kind === 'procedure' && def.support !== undefined) invalid('a procedure takes no support function', at(def.source, nameId, 'support', options.file));
    if (def.rows !== undefined && !returnsSet(returns)) invalid('rows is only for a function that returns a set (setof or table)', at(def.source, nameId, 'rows', options.file));
    const routine: Routine = {
      schema: def.schema,
      name: def.name,
      kind: def.kind,
      arguments: args,
      ...(returns !== undefined ? { returns } : {}),
      language: def.language,
      volatility: def.volatility,
      strict: def.strict,
      securityDefiner: def.securityDefiner,
      leakproof: def.leakproof,
      parallel: def.parallel,
      ...(def.cost !== undefined && def.cost !== defaultRoutineCost(def.language) ? { cost: def.cost } : {}),
      ...(def.rows !== undefined && def.rows !== defaultRoutineRows ? { rows: def.rows } : {}),
      ...(def.support !== undefined ? { support: def.support } : {}),
      ...(def.transforms !== undefined ? { transforms: [...def.transforms] } : {}),
      settings: def.settings,
      body: def.body,
      ...(def.standardBody ? { standardBody: true } : {}),
      grants: def.grants,
      ...docs(def.description, def.group, def.note, def.source),
      ...(def.lint ? { lint: def.lint } : {}),
      ...(def.renamedFrom ? { renamedFrom: def.renamedFrom } : {}),
    };
    schema.routines[id] = routine;
    routineIdsByName.set(nameId, [...(routineIdsByName.get(nameId) ?? []), id]);
  }

  for (const def of byKind('aggregate')) {
    const nameId = objectId(def.schema, def.name);
    const where = at(def.source, nameId, 'name', options.file);
    requireNamespace(def.schema, where);
    checkName(def.name, where);
    const typed = (args: AggregateDef['arguments'], field: string) =>
      args.map((arg, i) => ({ ...(arg.name !== undefined ? { name: arg.name } : {}), type: resolveType(arg.type, at(def.source, nameId, `${field}.${arg.name ?? `$${i + 1}`}`, options.file)), mode: arg.mode }));
    const args = typed(def.arguments, 'args');
    const orderBy = def.orderBy ? typed(def.orderBy, 'orderBy') : undefined;
    const field = (key: string) => at(def.source, nameId, key, options.file);
    const variadicNotLast = [args, orderBy ?? []].find((list) => list.some((arg, i) => arg.mode === 'variadic' && i !== list.length - 1));
    if (variadicNotLast) invalid('only the last argument may be variadic', field(variadicNotLast === args ? 'args' : 'orderBy'));
    if (orderBy && orderBy.length === 0) invalid('an ordered-set aggregate needs at least one orderBy argument', field('orderBy'));
    if (def.options.hypothetical && !orderBy) invalid('a hypothetical-set aggregate is an ordered-set one: it needs orderBy', field('hypothetical'));
    if (orderBy && (def.options.msfunc !== undefined || def.options.combinefunc !== undefined || def.options.sortop !== undefined)) {
      invalid('an ordered-set aggregate takes no moving-aggregate mode, combine function or sort operator', field(def.options.msfunc !== undefined ? 'msfunc' : def.options.combinefunc !== undefined ? 'combinefunc' : 'sortop'));
    }
    const moving = [def.options.minvfunc, def.mstype, def.options.mfinalfunc, def.options.minitcond, def.options.msspace, def.options.mfinalfuncModify].some((v) => v !== undefined) || def.options.mfinalfuncExtra;
    if ((def.options.msfunc !== undefined || moving) && (def.options.msfunc === undefined || def.options.minvfunc === undefined || def.mstype === undefined)) {
      invalid('a moving-aggregate mode needs msfunc, minvfunc and mstype together', field(def.options.msfunc === undefined ? 'msfunc' : def.options.minvfunc === undefined ? 'minvfunc' : 'mstype'));
    }
    const aggregate: Aggregate = {
      schema: def.schema,
      name: def.name,
      arguments: args,
      ...(orderBy ? { orderBy } : {}),
      ...def.options,
      stype: resolveType(def.stype, field('stype')),
      ...(def.mstype !== undefined ? { mstype: resolveType(def.mstype, field('mstype')) } : {}),
      ...docs(def.description, def.group, def.note, def.source),
      ...(def.lint ? { lint: def.lint } : {}),
    };
    // A final-modify option equal to the kind's default is no option of its own: the catalog reports none.
    if (aggregate.finalfuncModify === defaultFinalModify(aggregate)) delete aggregate.finalfuncModify;
    if (aggregate.mfinalfuncModify === defaultFinalModify(aggregate)) delete aggregate.mfinalfuncModify;
    const id = aggregateId(aggregate);
    if (schema.aggregates?.[id]) invalid(`aggregate ${id} is declared twice`, where);
    if (schema.routines[id]) invalid(`aggregate ${id} has the signature of a function declared too`, where);
    (schema.aggregates ??= {})[id] = aggregate;
  }

  /** Resolves a trigger's function to its id and checks it is a declared trigger function. */
  const triggerFunctionId = (name: string, fn: TriggerDef['function'], where: Where): string => {
    checkName(name, where);
    const text = typeof fn === 'string' ? fn : objectId(fn.schema, fn.name);
    const functionId = text.includes('.') ? text : `public.${text}`;
    const namespace = functionId.slice(0, functionId.indexOf('.'));
    if (!external.has(namespace)) {
      const candidates = (routineIdsByName.get(functionId) ?? []).map((rid) => schema.routines[rid]!);
      if (!candidates.some((r) => r.returns === 'trigger' && r.arguments.length === 0)) {
        invalid(`trigger function ${functionId}() is not declared (a function with no arguments returning trigger)`, where);
      }
    }
    return functionId;
  };

  const tableDefs = byKind('table');
  const defsById = new Map(tableDefs.map((def) => [objectId(def.schema, def.name), def]));
  const parentIdsOf = (def: TableDef): string[] => {
    const where = at(def.source, objectId(def.schema, def.name), def.partitionOf ? 'partitionOf.parent' : 'inherits', options.file);
    return (def.partitionOf ? [def.partitionOf.parent] : (def.inherits ?? [])).map((target) => targetIdOf(target, where));
  };
  const resolvedColumns = new Map<string, Column[]>();
  const resolving = new Set<string>();
  /** A table's columns: its parents' first (a partition has only those), then its own. */
  const columnsOf = (def: TableDef): Column[] => {
    const id = objectId(def.schema, def.name);
    const done = resolvedColumns.get(id);
    if (done) return done;
    const field = def.partitionOf ? 'partitionOf.parent' : 'inherits';
    if (resolving.has(id)) invalid('inherits from itself through its parents', at(def.source, id, field, options.file));
    resolving.add(id);
    const names = new Set<string>();
    const own: Column[] = def.columns.map((column) => {
      const columnWhere = at(def.source, id, `columns.${column.name}`, options.file);
      checkName(column.name, columnWhere);
      if (names.has(column.name)) invalid(`column "${column.name}" is declared twice`, columnWhere);
      names.add(column.name);
      const type = resolveType(column.type, columnWhere);
      const collation = column.collation ? { collation: collationId(column.collation, isSchema) } : {};
      if (!column.identity || !column.identityOptions) return { ...column, type, ...collation };
      // Options equal to PostgreSQL's defaults are left out, as introspection leaves them out.
      if (!['smallint', 'integer', 'bigint'].includes(type)) invalid(`an identity column must be smallint, integer or bigint, not ${type}`, columnWhere);
      const { identityOptions: given, ...rest } = column;
      const identityOptions = trimIdentity(type, given);
      return { ...rest, type, ...collation, ...(Object.keys(identityOptions).length ? { identityOptions } : {}) };
    });
    const parents = parentIdsOf(def).map((parentId) => {
      const parent = defsById.get(parentId);
      if (!parent) invalid(`names ${parentId} as its parent, which is not declared`, at(def.source, id, field, options.file));
      if (def.partitionOf && !parent.partitionBy) invalid(`is a partition of ${parentId}, which is not partitioned`, at(def.source, id, field, options.file), `add partitionBy to ${parentId}`);
      return parent;
    });
    const inherited: Column[] = [];
    for (const parent of parents) {
      for (const { comment: _c, renamedFrom: _r, ...column } of columnsOf(parent)) {
        if (!inherited.some((c) => c.name === column.name)) inherited.push({ ...column, inherited: true });
      }
    }
    for (const column of own) {
      const columnWhere = at(def.source, id, `columns.${column.name}`, options.file);
      const match = inherited.find((c) => c.name === column.name);
      if (def.partitionOf && !match) invalid(`declares column "${column.name}", which its parent ${objectId(parents[0]!.schema, parents[0]!.name)} does not have; a partition takes its columns from its parent`, columnWhere);
      if (match && match.type !== column.type) invalid(`declares column "${column.name}" as ${column.type}, but its parent has ${match.type}`, columnWhere);
      if (def.partitionOf && match && differsBeyondDefault(match, column)) {
        invalid(`declares column "${column.name}" otherwise than its parent; a partition takes its columns from its parent, and may give one only a default of its own`, columnWhere, 'declare just the type and .default(...) on the partition');
      }
    }
    // A partition's own column declarations give it defaults of its own (PARTITION OF p (col DEFAULT ...)).
    const columns = def.partitionOf
      ? inherited.map((c) => {
          const given = own.find((o) => o.name === c.name)?.default;
          return given === undefined ? c : { ...c, default: given };
        })
      : [...inherited.map((c) => own.find((o) => o.name === c.name) ?? c), ...own.filter((o) => !inherited.some((c) => c.name === o.name))];
    resolving.delete(id);
    resolvedColumns.set(id, columns);
    return columns;
  };
  for (const def of tableDefs) {
    const id = objectId(def.schema, def.name);
    const where = at(def.source, id, 'name', options.file);
    requireNamespace(def.schema, where);
    claimRelationName(def.schema, def.name, 'table', where);
    for (const problem of def.problems) invalid(problem.message, at(def.source, id, problem.field, options.file));
    const columns = columnsOf(def);
    const columnNames = new Set(columns.map((c) => c.name));
    const parentIds = parentIdsOf(def);
    if (columns.length === 0 && parentIds.length === 0) invalid('a table needs at least one column', at(def.source, id, 'columns', options.file));
    const requireColumns = (names: string[], field: string) => {
      if (names.length === 0) invalid('needs at least one column', at(def.source, id, field, options.file));
      for (const name of names) {
        if (!columnNames.has(name)) invalid(`column "${name}" does not exist in ${id}`, at(def.source, id, field, options.file));
      }
    };
    for (const constraint of Object.values(def.constraints)) {
      checkName(constraint.name, at(def.source, id, `constraints.${constraint.name}`, options.file));
      if (constraint.kind === 'primary key' || constraint.kind === 'unique') requireColumns(constraint.columns, `constraints.${constraint.name}`);
      if (constraint.kind === 'primary key' || constraint.kind === 'unique' || constraint.kind === 'exclude') {
        claimRelationName(def.schema, constraint.name, `the index of constraint ${constraint.name}`, at(def.source, id, `constraints.${constraint.name}`, options.file));
      }
    }
    const primary = Object.values(def.constraints).find((c) => c.kind === 'primary key');
    for (const constraint of Object.values(def.constraints)) {
      // CREATE TABLE silently drops a UNIQUE that repeats the primary key: the model would never match.
      if (primary && constraint.kind === 'unique' && constraint.columns.join(',') === primary.columns.join(',')) {
        invalid(`unique constraint "${constraint.name}" repeats the primary key; PostgreSQL would drop it`, at(def.source, id, `constraints.${constraint.name}`, options.file));
      }
    }
    for (const index of Object.values(def.indexes)) {
      const field = `indexes.${index.name}`;
      claimRelationName(def.schema, index.name, 'index', at(def.source, id, field, options.file));
      if (index.keys.length === 0) invalid('an index needs at least one key', at(def.source, id, field, options.file));
      for (const key of index.keys) {
        const column = /^"?([^"(\s]+)"?(\s+(ASC|DESC)\b.*)?$/i.exec(key.trim());
        if (column && !key.includes('(') && !columnNames.has(column[1]!)) {
          invalid(`index key "${key}" names no column of ${id}`, at(def.source, id, field, options.file));
        }
      }
      requireColumnsIfAny(index.include, columnNames, (name) => invalid(`included column "${name}" does not exist in ${id}`, at(def.source, id, field, options.file)));
    }
    const hasPolicies = Object.keys(def.policies).length > 0;
    if (hasPolicies && !def.rls.enabled) {
      invalid('has policies but row level security is not enabled', at(def.source, id, 'rls', options.file), 'set rls: true');
    }
    for (const policy of Object.values(def.policies)) checkName(policy.name, at(def.source, id, `policies.${policy.name}`, options.file));
    const identity = def.replicaIdentity;
    if (typeof identity === 'object') {
      const constraint = def.constraints[identity.index];
      const index = def.indexes[identity.index];
      const usable = (index && index.unique && !index.where) || constraint?.kind === 'primary key' || constraint?.kind === 'unique';
      if (!usable) invalid(`replica identity index "${identity.index}" is not a unique index or key of ${id}`, at(def.source, id, 'replicaIdentity', options.file));
    }
    schema.tables[id] = {
      schema: def.schema,
      name: def.name,
      columns,
      constraints: { ...def.constraints },
      indexes: { ...def.indexes },
      ...(def.statistics ? { statistics: inOwnSchema(def.statistics, def.schema) } : {}),
      triggers: {},
      policies: { ...def.policies },
      rls: def.rls,
      grants: def.grants,
      ...(def.storage ? { storage: def.storage } : {}),
      ...(identity !== undefined ? { replicaIdentity: identity } : {}),
      ...docs(def.description, def.group, def.note, def.source),
      ...(def.lint ? { lint: def.lint } : {}),
      ...(def.renamedFrom ? { renamedFrom: def.renamedFrom } : {}),
      ...(def.partitionBy ? { partitionBy: def.partitionBy } : {}),
      ...(def.partitionOf ? { partitionOf: { parent: parentIds[0]!, bound: def.partitionOf.bound } } : {}),
      ...(def.inherits ? { inherits: parentIds } : {}),
      ...(def.unlogged ? { unlogged: true } : {}),
    };
  }

  // Foreign keys and triggers may point anywhere in the definitions, so they resolve last.
  for (const def of tableDefs) {
    const id = objectId(def.schema, def.name);
    const table = schema.tables[id]!;
    for (const fk of def.foreignKeys) {
      const field = `foreignKeys.${fk.name}`;
      const where = at(def.source, id, field, options.file);
      checkName(fk.name, where);
      if (table.constraints[fk.name]) invalid(`duplicate constraint name "${fk.name}"`, where);
      for (const column of fk.columns) {
        if (!table.columns.some((c) => c.name === column)) invalid(`column "${column}" does not exist in ${id}`, where);
      }
      const targetId = targetIdOf(fk.target, where);
      const referencedColumns = fk.referencedColumns ?? fk.columns;
      if (referencedColumns.length !== fk.columns.length) invalid(`references ${referencedColumns.length} columns with ${fk.columns.length}`, where);
      const target = schema.tables[targetId];
      const targetNamespace = targetId.slice(0, targetId.indexOf('.'));
      if (!target) {
        if (!external.has(targetNamespace)) invalid(`references table ${targetId}, which is not declared`, where);
      } else {
        for (const column of referencedColumns) {
          if (!target.columns.some((c) => c.name === column)) invalid(`references column "${column}", which ${targetId} does not have`, where);
        }
      }
      table.constraints[fk.name] = {
        kind: 'foreign key',
        name: fk.name,
        columns: fk.columns,
        references: { table: targetId, columns: referencedColumns },
        onDelete: fk.onDelete,
        ...(fk.onDeleteColumns ? { onDeleteColumns: fk.onDeleteColumns } : {}),
        onUpdate: fk.onUpdate,
        ...(fk.match ? { match: fk.match } : {}),
        ...(fk.deferrable ? { deferrable: true } : {}),
        ...(fk.initiallyDeferred ? { initiallyDeferred: true } : {}),
        ...(fk.notValid ? { notValid: true } : {}),
        ...(fk.renamedFrom ? { renamedFrom: fk.renamedFrom } : {}),
      };
    }
    for (const trigger of Object.values(def.triggers)) {
      const where = at(def.source, id, `triggers.${trigger.name}`, options.file);
      for (const column of trigger.updateOf ?? []) {
        if (!table.columns.some((c) => c.name === column)) invalid(`UPDATE OF column "${column}" does not exist in ${id}`, where);
      }
      const from = trigger.constraint?.from;
      const constraint = trigger.constraint && { ...trigger.constraint, ...(from !== undefined ? { from: targetIdOf(from, where) } : {}) };
      if (constraint?.from && !schema.tables[constraint.from] && !external.has(constraint.from.slice(0, constraint.from.indexOf('.')))) {
        invalid(`constraint trigger "${trigger.name}" names FROM table ${constraint.from}, which is not declared`, where);
      }
      if (constraint && (trigger.timing !== 'AFTER' || trigger.level !== 'ROW')) invalid(`constraint trigger "${trigger.name}" must be timing 'after', for each row`, where);
      const transitionError = transitionTablesError(trigger);
      if (transitionError) invalid(`trigger "${trigger.name}": ${transitionError}`, where);
      table.triggers[trigger.name] = { ...trigger, ...(constraint ? { constraint } : {}), function: triggerFunctionId(trigger.name, trigger.function, where) };
    }
  }
  for (const def of byKind('trigger')) {
    const tableId = def.on.includes('.') ? def.on : `public.${def.on}`;
    const where = at(def.source, tableId, `triggers.${def.name}`, options.file);
    const namespace = tableId.slice(0, tableId.indexOf('.'));
    if (!external.has(namespace)) invalid(`trigger() is for tables of the preset's schemas; declare triggers on ${tableId} in its table's triggers`, where);
    const triggers = ((schema.externalTables ??= {})[tableId] ??= { triggers: {}, policies: {} }).triggers;
    if (triggers[def.name]) invalid(`trigger "${def.name}" on ${tableId} is declared twice`, where);
    const model = toTriggerModel(def.name, def);
    if (model.constraint?.from) model.constraint = { ...model.constraint, from: targetIdOf(model.constraint.from, where) };
    const transitionError = transitionTablesError(model);
    if (transitionError) invalid(`trigger "${def.name}": ${transitionError}`, where);
    triggers[def.name] = { ...model, function: triggerFunctionId(def.name, def.function, where), ...(def.source ? { source: def.source } : {}) };
  }
  for (const def of byKind('policy')) {
    const tableId = def.on.includes('.') ? def.on : `public.${def.on}`;
    const where = at(def.source, tableId, `policies.${def.name}`, options.file);
    const namespace = tableId.slice(0, tableId.indexOf('.'));
    if (!external.has(namespace)) invalid(`policy() is for tables of the preset's schemas; declare policies on ${tableId} in its table's policies`, where);
    checkName(def.name, where);
    const policies = ((schema.externalTables ??= {})[tableId] ??= { triggers: {}, policies: {} }).policies;
    if (policies[def.name]) invalid(`policy "${def.name}" on ${tableId} is declared twice`, where);
    policies[def.name] = { ...toPolicyModel(def.name, def), ...(def.source ? { source: def.source } : {}) };
  }

  for (const seq of byKind('sequence')) {
    if (!seq.ownedBy) continue;
    const where = at(seq.source, objectId(seq.schema, seq.name), 'ownedBy', options.file);
    const owner = schema.tables[tableIdOf(seq.ownedBy.table)];
    if (!owner) invalid(`is owned by table ${tableIdOf(seq.ownedBy.table)}, which is not declared`, where);
    if (!owner.columns.some((c) => c.name === seq.ownedBy!.column)) invalid(`is owned by column "${seq.ownedBy.column}", which ${tableIdOf(seq.ownedBy.table)} does not have`, where);
  }

  for (const def of byKind('view')) {
    const id = objectId(def.schema, def.name);
    const where = at(def.source, id, 'name', options.file);
    requireNamespace(def.schema, where);
    claimRelationName(def.schema, def.name, def.materialized ? 'materialized view' : 'view', where);
    if (!def.definition.trim()) invalid('a view needs a query', { ...where, field: 'query' });
    for (const index of Object.values(def.indexes)) claimRelationName(def.schema, index.name, 'index', { ...where, field: `indexes.${index.name}` });
    const view: View = {
      schema: def.schema,
      name: def.name,
      materialized: def.materialized,
      definition: def.definition,
      columns: [...new Set([...Object.keys(def.columnComments), ...Object.keys(def.columnGrants), ...Object.keys(def.columnSettings ?? {})])].map((name) => ({
        name,
        type: '',
        ...(def.columnComments[name] !== undefined ? { comment: def.columnComments[name] } : {}),
        ...(def.columnGrants[name]?.length ? { grants: def.columnGrants[name] } : {}),
        ...def.columnSettings?.[name],
      })),
      ...(def.securityInvoker ? { securityInvoker: true } : {}),
      ...(def.securityBarrier ? { securityBarrier: true } : {}),
      ...(def.checkOption ? { checkOption: def.checkOption } : {}),
      indexes: def.indexes,
      ...(def.storage ? { storage: def.storage } : {}),
      ...(def.statistics ? { statistics: inOwnSchema(def.statistics, def.schema) } : {}),
      ...(def.withNoData ? { withNoData: true } : {}),
      grants: def.grants,
      ...docs(def.description, def.group, def.note, def.source),
      ...(def.lint ? { lint: def.lint } : {}),
      ...(def.renamedFrom ? { renamedFrom: def.renamedFrom } : {}),
    };
    const triggers = Object.values(def.triggers);
    for (const trigger of triggers) {
      const triggerWhere = at(def.source, id, `triggers.${trigger.name}`, options.file);
      checkName(trigger.name, triggerWhere);
      if (trigger.referencing) invalid(`trigger "${trigger.name}": a view's trigger cannot have transition tables (referencing)`, triggerWhere);
      (view.triggers ??= {})[trigger.name] = { ...trigger, function: triggerFunctionId(trigger.name, trigger.function, triggerWhere) };
    }
    schema.views[id] = view;
  }

  buildPublications(schema, byKind('publication'), tableDefs, { external, ...(options.file ? { file: options.file } : {}) });
  buildDistributions(schema, tableDefs, options.file ? { file: options.file } : {});

  for (const sys of byKind('system')) {
    if (sys.title) schema.docs.title = sys.title;
    if (sys.note) schema.docs.note = sys.note;
    for (const [name, group] of Object.entries(sys.groups)) {
      const merged = { ...schema.docs.groups[name] };
      if (group.description !== undefined) merged.description = group.description;
      if (group.note !== undefined) merged.note = merged.note && merged.note !== group.note ? `${merged.note}\n\n${group.note}` : group.note;
      schema.docs.groups[name] = merged;
    }
    schema.docs.joins.push(...sys.joins);
  }
  for (const join of schema.docs.joins) {
    for (const side of [join.from, join.to]) {
      const target = schema.tables[side.table] ?? schema.views[side.table];
      const where = { object: `${join.from.table} = ${join.to.table}`, field: 'joins', ...(options.file ? { file: options.file } : {}) };
      if (!target) invalid(`join names ${side.table}, which is not declared`, where);
      if ('constraints' in target) {
        for (const column of side.columns) {
          if (!target.columns.some((c) => c.name === column)) invalid(`join names column "${column}", which ${side.table} does not have`, where);
        }
      }
    }
  }
  return withDefaultGrants(schema);
}

function requireColumnsIfAny(names: string[], columns: Set<string>, fail: (name: string) => never): void {
  for (const name of names) if (!columns.has(name)) fail(name);
}

function resolveReturns(returns: NonNullable<RoutineDef['returns']>, resolve: (type: string | TypeRef, field: string) => string): NonNullable<RoutineDef['returns']> {
  if (typeof returns === 'string') {
    const setof = /^setof\s+(.+)$/i.exec(returns.trim());
    if (setof) return `setof ${resolveRelationOrType(setof[1]!, resolve)}`;
    return resolveRelationOrType(returns, resolve);
  }
  if ('pgform' in returns) return resolve(returns, 'returns');
  if ('setof' in returns) return { setof: typeof returns.setof === 'string' ? resolveRelationOrType(returns.setof, resolve) : resolve(returns.setof, 'returns') };
  return { table: Object.fromEntries(Object.entries(returns.table).map(([name, type]) => [name, resolve(typeof type === 'string' ? normalizeTypeName(type) : type, `returns.${name}`)])) };
}

/** `SETOF leads` names a table's row type, which is a type without being declared as one. */
function resolveRelationOrType(type: string, resolve: (type: string | TypeRef, field: string) => string): string {
  const trimmed = normalizeTypeName(type);
  if (/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(trimmed) || trimmed === 'record') return trimmed;
  try {
    return resolve(trimmed, 'returns');
  } catch (error) {
    if (/^[a-z_][a-z0-9_]*$/.test(trimmed)) return `public.${trimmed}`;
    throw error;
  }
}

function tableIdOf(name: string): string {
  return name.includes('.') ? name : `public.${name}`;
}

export function targetIdOf(target: TableTarget, where: Where): string {
  if (typeof target === 'string') return tableIdOf(target);
  const resolved: unknown = typeof target === 'function' ? target() : target;
  const table = resolved as { schema?: unknown; name?: unknown } | null;
  if (!table || typeof table !== 'object' || typeof table.schema !== 'string' || typeof table.name !== 'string') {
    invalid('references something that is not a table (a table(), its name, or a function returning a table())', where);
  }
  return objectId(table.schema as string, table.name as string);
}

function docs(description: string | undefined, group: string | undefined, note: string | undefined, source: SourceLocation | undefined) {
  return {
    ...(description !== undefined ? { comment: description } : {}),
    ...(group ? { group } : {}),
    ...(note ? { note } : {}),
    ...(source ? { source } : {}),
  };
}

export type { Table };

/**
 * Whether a partition's declaration of a column asks for more than a default of its own: what
 * PostgreSQL gives a partition's column comes from the parent, and pgform plans no other override.
 */
function differsBeyondDefault(parent: Column, declared: Column): boolean {
  return (declared.notNull && !parent.notNull) || declared.identity !== undefined || declared.generated !== undefined || (declared.collation ?? parent.collation) !== parent.collation || declared.comment !== undefined;
}

/** Statistics objects as the model holds them: one in its relation's own schema names none. */
function inOwnSchema(statistics: Record<string, StatisticsObject>, schema: string): Record<string, StatisticsObject> {
  return Object.fromEntries(Object.entries(statistics).map(([key, { schema: own, ...rest }]) => [key, own !== undefined && own !== schema ? { schema: own, ...rest } : rest]));
}
