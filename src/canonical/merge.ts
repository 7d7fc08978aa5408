import { defaultPrivilegeId, unionGrants, withDefaultGrants } from '../model/default-privileges.js';
import { cloneModel } from '../model/clone.js';
import { objectId, routineId } from '../model/id.js';
import { aggregateId } from '../model/aggregate.js';
import { columnSettings, type Aggregate, type Argument, type DefaultPrivilege, type Index, type Policy, type Routine, type Schema, type Table } from '../model/schema.js';

/**
 * Takes the server's printed forms (types, expressions, queries) into the declared model, object
 * by object and field by field. Objects the server does not have are left as declared, so the
 * difference stays visible to whoever compares next.
 */
export function mergePrinted(declared: Schema, printed: Schema): Schema {
  const out: Schema = cloneModel(declared);
  for (const [id, table] of Object.entries(out.tables)) {
    const live = printed.tables[id];
    if (live) mergeTable(table, live);
  }
  for (const [id, view] of Object.entries(out.views)) {
    const live = printed.views[id];
    if (!live) continue;
    view.definition = live.definition;
    view.columns = live.columns.map((column) => {
      const declared = view.columns.find((c) => c.name === column.name);
      const { settings } = columnSettings({ ...(declared ?? { name: column.name }), type: column.type, notNull: false });
      // A storage mode declared equal to the type's default (which only the server knows) is no setting of its own.
      if (column.storage === undefined) delete settings.storage;
      return { name: column.name, type: column.type, ...(declared?.comment !== undefined ? { comment: declared.comment } : {}), ...(column.updatable ? { updatable: true } : {}), ...(declared?.grants ? { grants: declared.grants } : {}), ...settings };
    });
    for (const [name, statistics] of Object.entries(view.statistics ?? {})) {
      const liveStatistics = live.statistics?.[name];
      if (liveStatistics) statistics.on = liveStatistics.on;
    }
    if (live.updatable) view.updatable = true;
    else delete view.updatable;
    mergeIndexes(view.indexes, live.indexes);
    for (const [name, trigger] of Object.entries(view.triggers ?? {})) {
      const liveTrigger = live.triggers?.[name];
      if (liveTrigger && trigger.when !== undefined && liveTrigger.when !== undefined) trigger.when = liveTrigger.when;
    }
  }
  for (const [id, domain] of Object.entries(out.domains)) {
    const live = printed.domains[id];
    if (!live) continue;
    domain.type = live.type;
    if (live.default !== undefined) domain.default = live.default;
    for (const [name, check] of Object.entries(domain.checks)) {
      const liveCheck = live.checks[name];
      if (liveCheck) check.expression = liveCheck.expression;
    }
  }
  for (const [id, composite] of Object.entries(out.composites ?? {})) {
    const live = printed.composites?.[id];
    if (!live) continue;
    // Attributes by name: the declared list stays the truth of which attributes there are.
    for (const attribute of composite.attributes) {
      const liveAttribute = live.attributes.find((a) => a.name === attribute.name);
      if (liveAttribute) attribute.type = liveAttribute.type;
    }
  }
  for (const [id, range] of Object.entries(out.ranges ?? {})) {
    const live = printed.ranges?.[id];
    if (!live) continue;
    // The server's spelling of every option, and none where the declared one is its default.
    const { comment: _comment, ...options } = live;
    for (const key of ['subtypeOpclass', 'collation', 'canonical', 'subtypeDiff', 'multirange'] as const) delete range[key];
    Object.assign(range, options);
  }
  for (const [id, sequence] of Object.entries(out.sequences)) {
    const live = printed.sequences[id];
    if (live) sequence.type = live.type;
  }
  for (const [id, external] of Object.entries(out.externalTables ?? {})) {
    for (const [name, trigger] of Object.entries(external.triggers)) {
      const live = printed.externalTables?.[id]?.triggers[name];
      if (live && trigger.when !== undefined && live.when !== undefined) trigger.when = live.when;
    }
    mergePolicies(external.policies, printed.externalTables?.[id]?.policies ?? {});
  }
  // A declared extension the preset already installed in its own schema is the platform's: the
  // server's copy (external, in its schema) is what any database will show.
  for (const name of Object.keys(out.extensions)) {
    const live = printed.extensions[name];
    if (live?.external) out.extensions[name] = { ...live, ...(out.extensions[name]!.source ? { source: out.extensions[name]!.source } : {}) };
  }
  for (const [id, collation] of Object.entries(out.collations ?? {})) {
    const live = printed.collations?.[id];
    // ICU canonicalizes the locale it is given (`en-US` for `en_US`).
    if (live && collation.locale !== undefined && live.locale !== undefined) collation.locale = live.locale;
  }
  out.routines = mergeRoutines(out.routines, printed.routines);
  if (out.aggregates) out.aggregates = mergeAggregates(out.aggregates, printed.aggregates ?? {});
  for (const [name, publication] of Object.entries(out.publications)) {
    const live = printed.publications[name];
    if (!live) continue;
    for (const [table, member] of Object.entries(publication.tables)) {
      const liveWhere = live.tables[table]?.where;
      if (member.where !== undefined && liveWhere !== undefined) member.where = liveWhere;
    }
  }
  mergeDefaultPrivileges(out, printed);
  return withDefaultGrants(out);
}

/**
 * The database the definitions print in was built with the preset, so its default privileges
 * beyond the declared ones are the preset's: they join the model as referenced (external)
 * entries, spelled as that server expands them (`ALL` on tables includes MAINTAIN from
 * PostgreSQL 17). A declared entry the preset also grants on holds both, as the server does.
 */
function mergeDefaultPrivileges(out: Schema, printed: Schema): void {
  const entries: Record<string, DefaultPrivilege> = { ...(out.defaultPrivileges ?? {}) };
  for (const live of Object.values(printed.defaultPrivileges ?? {})) {
    const id = defaultPrivilegeId(live);
    const declared = entries[id];
    entries[id] = declared ? { ...declared, grants: unionGrants(declared.grants, live.grants) } : { ...live, external: true };
  }
  if (Object.keys(entries).length) out.defaultPrivileges = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function mergeTable(table: Table, live: Table): void {
  if (table.partitionBy !== undefined && live.partitionBy !== undefined) table.partitionBy = live.partitionBy;
  if (table.partitionOf && live.partitionOf) table.partitionOf.bound = live.partitionOf.bound;
  for (const column of table.columns) {
    const liveColumn = live.columns.find((c) => c.name === column.name);
    if (!liveColumn) continue;
    column.type = liveColumn.type;
    if (column.default !== undefined && liveColumn.default !== undefined) column.default = liveColumn.default;
    if (column.generated !== undefined && liveColumn.generated !== undefined) column.generated = liveColumn.generated;
    if (column.collation !== undefined && liveColumn.collation !== undefined) column.collation = liveColumn.collation;
    // A storage mode declared equal to the type's default (which only the server knows) is no
    // setting of its own.
    if (liveColumn.storage === undefined) delete column.storage;
  }
  for (const [name, constraint] of Object.entries(table.constraints)) {
    const liveConstraint = live.constraints[name];
    if (!liveConstraint || liveConstraint.kind !== constraint.kind) continue;
    if (constraint.kind === 'check' && liveConstraint.kind === 'check') constraint.expression = liveConstraint.expression;
    if (constraint.kind === 'exclude' && liveConstraint.kind === 'exclude') constraint.definition = liveConstraint.definition;
  }
  mergeIndexes(table.indexes, live.indexes);
  for (const [name, statistics] of Object.entries(table.statistics ?? {})) {
    const liveStatistics = live.statistics?.[name];
    if (liveStatistics) statistics.on = liveStatistics.on;
  }
  for (const [name, trigger] of Object.entries(table.triggers)) {
    const liveTrigger = live.triggers[name];
    if (liveTrigger && trigger.when !== undefined && liveTrigger.when !== undefined) trigger.when = liveTrigger.when;
  }
  mergePolicies(table.policies, live.policies);
}

function mergePolicies(declared: Record<string, Policy>, live: Record<string, Policy>): void {
  for (const [name, policy] of Object.entries(declared)) {
    const livePolicy = live[name];
    if (!livePolicy) continue;
    if (policy.using !== undefined && livePolicy.using !== undefined) policy.using = livePolicy.using;
    if (policy.withCheck !== undefined && livePolicy.withCheck !== undefined) policy.withCheck = livePolicy.withCheck;
  }
}

function mergeIndexes(declared: Record<string, Index>, live: Record<string, Index>): void {
  for (const [name, index] of Object.entries(declared)) {
    const liveIndex = live[name];
    if (!liveIndex) continue;
    if (liveIndex.keys.length === index.keys.length) index.keys = liveIndex.keys;
    if (index.where !== undefined && liveIndex.where !== undefined) index.where = liveIndex.where;
    index.method = liveIndex.method;
  }
}

/**
 * Routines are keyed by their argument types, which only the server spells canonically: match
 * each declared routine to the printed one of the same name and argument count (and names).
 */
function mergeRoutines(declared: Record<string, Routine>, printed: Record<string, Routine>): Record<string, Routine> {
  const out: Record<string, Routine> = {};
  const used = new Set<string>();
  for (const [id, routine] of Object.entries(declared)) {
    const match = printed[id] ? id : Object.keys(printed).find((candidate) => !used.has(candidate) && sameShape(routine, printed[candidate]!));
    if (!match) {
      out[id] = routine;
      continue;
    }
    used.add(match);
    const live = printed[match]!;
    const merged: Routine = {
      ...routine,
      arguments: routine.arguments.map((arg, i) => {
        const liveArg = live.arguments[i];
        if (!liveArg) return arg;
        return { ...arg, type: liveArg.type, ...(arg.default !== undefined && liveArg.default !== undefined ? { default: liveArg.default } : {}) };
      }),
      ...(live.returns !== undefined ? { returns: live.returns } : {}),
      settings: live.settings,
      // The server parses a SQL-standard body and prints it its own way; a quoted body is kept verbatim.
      ...(routine.standardBody && live.standardBody ? { body: live.body } : {}),
    };
    out[routineId(merged.schema, merged.name, merged.arguments.filter((a) => a.mode !== 'out').map((a) => a.type))] = merged;
  }
  return out;
}

/** The options of an aggregate that name a function, type or operator: PostgreSQL prints them its own way. */
const printedAggregateFields = ['sfunc', 'stype', 'finalfunc', 'combinefunc', 'serialfunc', 'deserialfunc', 'msfunc', 'minvfunc', 'mstype', 'mfinalfunc', 'sortop'] as const;

/**
 * Aggregates take the server's spelling of their argument types, functions, state types and sort
 * operator, and are keyed again by the printed signature. One the server lacks stays as declared.
 */
function mergeAggregates(declared: Record<string, Aggregate>, printed: Record<string, Aggregate>): Record<string, Aggregate> {
  const out: Record<string, Aggregate> = {};
  const used = new Set<string>();
  const arity = (a: Aggregate) => `${objectId(a.schema, a.name)} ${a.arguments.length} ${a.orderBy?.length ?? -1}`;
  for (const [id, aggregate] of Object.entries(declared)) {
    const match = printed[id] ? id : Object.keys(printed).find((candidate) => !used.has(candidate) && !declared[candidate] && arity(printed[candidate]!) === arity(aggregate));
    const live = match ? printed[match] : undefined;
    if (!live) {
      out[id] = aggregate;
      continue;
    }
    used.add(match!);
    const typed = (args: Argument[], liveArgs: Argument[]) => args.map((arg, i) => ({ ...arg, type: liveArgs[i]?.type ?? arg.type }));
    const merged: Aggregate = { ...aggregate, arguments: typed(aggregate.arguments, live.arguments) };
    if (aggregate.orderBy && live.orderBy) merged.orderBy = typed(aggregate.orderBy, live.orderBy);
    for (const field of printedAggregateFields) if (aggregate[field] !== undefined && live[field] !== undefined) merged[field] = live[field];
    out[aggregateId(merged)] = merged;
  }
  return out;
}

function sameShape(a: Routine, b: Routine): boolean {
  if (objectId(a.schema, a.name) !== objectId(b.schema, b.name) || a.arguments.length !== b.arguments.length) return false;
  return a.arguments.every((arg, i) => (arg.name ?? '') === (b.arguments[i]!.name ?? '') && arg.mode === b.arguments[i]!.mode);
}
