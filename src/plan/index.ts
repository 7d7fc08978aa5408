import { grantTargetObject, type Change, type Hazard } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import { defaultPrivilegeId } from '../model/default-privileges.js';
import { objectId } from '../model/id.js';
import type { Aggregate, Routine, Schema, Table, View } from '../model/schema.js';
import { aggregateFunctions } from '../model/aggregate.js';
import { mentions } from './mentions.js';
import { adoptIndexes } from './constraint-indexes.js';
import { stepAside } from './aside.js';
import { dependencyGraph } from './dependency-graph.js';
import { sameColumnBut, withDependents } from './dependents.js';
import { fitSequenceDrops, sequenceRank } from './sequences.js';
import { unmanagedHazards } from './unmanaged.js';
import { routineOrder, routineReferences } from './routine-order.js';
import { onlineForms } from './online.js';
import { renderers } from './sql/render.js';
import type { Statement } from './sql/step.js';

/** A Step is one statement of a plan, with the change it comes from and its hazards. */
export interface Step {
  sql: string;
  kind: Change['kind'];
  /** The object the statement acts on, for reports and errors. */
  object: string;
  /** The table, view or other top-level object it belongs to, where its definition is declared. */
  owner: string;
  hazards: Hazard[];
  /** False when the statement must run outside a transaction block. */
  transactional: boolean;
}

/** A Plan is the ordered statements that turn one schema into another. */
export interface Plan {
  steps: Step[];
}

/**
 * The order changes apply in. Drops run first, dependents before what they depend on; creates
 * follow, dependencies first: types, routines whose signatures need no relation, tables,
 * routines on row types, foreign keys, indexes, views (views on views in order), triggers,
 * row level security and policies, then grants and comments.
 */
const phases: Record<Change['kind'], number> = {
  // Renames first: every later statement speaks of objects by their new names.
  rename: -1,
  // A publication's members leave before anything they name goes.
  'drop publication': 0,
  'drop publication table': 0,
  'drop policy': 0,
  'drop trigger': 1,
  'drop view': 2,
  'drop constraint': 3,
  'drop index': 4,
  // Before the columns and tables they cover: PostgreSQL drops them along with either.
  'drop statistics': 4,
  // A partition or child leaves its parent before the parent's columns or the parent itself go.
  'detach partition': 5,
  'no inherit': 5,
  'drop column': 6,
  'drop table': 7,
  // Routines after tables: a dropped table's triggers and defaults may still use them.
  'drop routine': 8,
  // Before the functions they call; views and SQL-standard bodies using them are gone by then.
  'drop aggregate': 7.5,
  'drop sequence': 9,
  // Composite types once the tables and routines using them are gone, before the domains they use.
  'drop composite type': 9.5,
  // Range types after the composite types whose attributes use them, before the domains they range over.
  'drop range type': 9.75,
  'drop domain': 10,
  // Enums once every column has left them (columns change type in phase 32).
  'drop enum': 38,
  'drop extension': 11,
  // A schema goes last: it must be empty, and its enums leave in phase 38.
  'drop namespace': 39,
  'create namespace': 20,
  'create extension': 21,
  // Collations before the types and columns that use them; they go once those have left.
  'create collation': 21.5,
  'drop collation': 38.5,
  'alter extension': 21,
  // Before anything is created: new objects must receive the default privileges the plan sets.
  'set default privileges': 21.5,
  'create enum': 22,
  'add enum value': 23,
  'replace enum': 23,
  'create domain': 24,
  'alter domain': 24,
  'replace domain': 24,
  // After the enums and domains a range is over (and the routines it names, see rangeRoutines).
  'create range type': 24.25,
  // After the enums, domains and ranges attributes use; before the routines and tables that use them.
  'create composite type': 24.5,
  'alter composite type': 24.5,
  'create sequence': 25,
  'create routine': 26,
  'replace routine': 26,
  // After the functions they call (state, final, combine...); before the views that use them.
  'create aggregate': 26.5,
  'replace aggregate': 26.5,
  'create table': 30,
  // Once the new table and its partitions are there, before its keys, indexes and the foreign
  // keys that reference it (which check the rows); a replaced table is dropped right after. Only
  // drops and creates run since it stepped aside: none of them commits on its own, so the rename,
  // the copy and the drop share one transaction.
  'copy rows': 30.5,
  'add column': 31,
  'alter column': 32,
  // After ALTER COLUMN ... TYPE, which puts storage and compression back to the type's defaults.
  'set column settings': 32.5,
  'alter sequence': 33,
  'add constraint': 34,
  'alter constraint': 35,
  'create index': 36,
  // Once the columns they cover have their new types (ALTER COLUMN ... TYPE rebuilds the ones it keeps).
  'create statistics': 36,
  'alter statistics': 36,
  // Once the table has its columns and keys: the parent's indexes reach it as it joins.
  'attach partition': 37,
  inherit: 37,
  // Once the keys it may reference and every index exist.
  'validate constraint': 37,
  // After the indexes: REPLICA IDENTITY USING INDEX names one.
  'set replica identity': 37,
  'set storage': 37,
  // After tables and their columns: members and column lists name them.
  'create publication': 37,
  'alter publication': 37,
  'add publication table': 37,
  'create view': 40,
  'replace view': 40,
  // Once its query's tables and its own indexes are there.
  'create trigger': 45,
  'set row level security': 46,
  'set logged': 32,
  'create policy': 47,
  'alter policy': 47,
  'set grants': 50,
  'set comment': 51,
  // Citus: once the keys exist (the distribution column is in each), before the foreign keys
  // that need both ends distributed; undone once foreign keys are gone.
  'distribute table': 34.5,
  'undistribute table': 3.5,
  'alter distribution': 34.5,
};

function objectOf(change: Change): string {
  switch (change.kind) {
    case 'create namespace':
    case 'drop namespace':
      return change.namespace.name;
    case 'create extension':
    case 'drop extension':
      return change.extension.name;
    case 'create collation':
    case 'drop collation':
      return objectId(change.collation.schema, change.collation.name);
    case 'alter extension':
      return change.to.name;
    case 'set replica identity':
      return change.table;
    case 'set storage': {
      const t = change.target;
      return t.type === 'index' ? `${t.relation} (index ${t.name})` : t.id;
    }
    case 'create publication':
    case 'drop publication':
      return `publication ${change.publication.name}`;
    case 'alter publication':
      return `publication ${change.to.name}`;
    case 'add publication table':
    case 'drop publication table':
      return `${change.table} (publication ${change.publication})`;
    case 'create enum':
    case 'drop enum':
    case 'add enum value':
      return objectId(change.enum.schema, change.enum.name);
    case 'replace enum':
      return objectId(change.to.schema, change.to.name);
    case 'create domain':
    case 'drop domain':
      return objectId(change.domain.schema, change.domain.name);
    case 'alter domain':
    case 'replace domain':
      return objectId(change.to.schema, change.to.name);
    case 'create composite type':
    case 'drop composite type':
      return objectId(change.type.schema, change.type.name);
    case 'alter composite type':
      return objectId(change.to.schema, change.to.name);
    case 'create range type':
    case 'drop range type':
      return objectId(change.type.schema, change.type.name);
    case 'create sequence':
    case 'drop sequence':
      return objectId(change.sequence.schema, change.sequence.name);
    case 'alter sequence':
      return objectId(change.to.schema, change.to.name);
    case 'create table':
    case 'drop table':
      return objectId(change.table.schema, change.table.name);
    case 'copy rows':
      return objectId(change.to.schema, change.to.name);
    case 'create routine':
    case 'drop routine':
      return objectId(change.routine.schema, change.routine.name);
    case 'replace routine':
      return objectId(change.to.schema, change.to.name);
    case 'create aggregate':
    case 'drop aggregate':
      return objectId(change.aggregate.schema, change.aggregate.name);
    case 'replace aggregate':
      return objectId(change.to.schema, change.to.name);
    case 'create view':
    case 'drop view':
      return objectId(change.view.schema, change.view.name);
    case 'replace view':
      return objectId(change.to.schema, change.to.name);
    case 'create index':
    case 'drop index':
      return `${change.relation} (index ${change.index.name})`;
    case 'add column':
    case 'drop column':
      return `${change.table}.${change.column.name}`;
    case 'alter column':
      return `${change.table}.${change.to.name}`;
    case 'set column settings':
      return `${change.table}.${change.column}`;
    case 'add constraint':
    case 'drop constraint':
    case 'validate constraint':
      return `${change.table} (constraint ${change.constraint.name})`;
    case 'alter constraint':
      return `${change.table} (constraint ${change.to.name})`;
    case 'create trigger':
    case 'drop trigger':
      return `${change.table} (trigger ${change.trigger.name})`;
    case 'create statistics':
    case 'drop statistics':
      return `${change.table} (statistics ${change.statistics.name})`;
    case 'alter statistics':
      return `${change.table} (statistics ${change.to.name})`;
    case 'create policy':
    case 'drop policy':
      return `${change.table} (policy ${change.policy.name})`;
    case 'alter policy':
      return `${change.table} (policy ${change.to.name})`;
    case 'set row level security':
    case 'set logged':
    case 'attach partition':
    case 'detach partition':
    case 'inherit':
    case 'no inherit':
    case 'distribute table':
    case 'undistribute table':
    case 'alter distribution':
      return change.table;
    case 'rename': {
      const t = change.target;
      if (t.type === 'routine') return objectId(t.routine.schema, change.to);
      if ('enum' in t) return t.enum;
      if (t.type === 'attribute') return `${t.composite}.${change.to}`;
      if ('table' in t) return t.type === 'column' ? `${t.table}.${change.to}` : `${t.table} (constraint ${change.to})`;
      return objectId(t.schema, change.to);
    }
    case 'set grants':
      return grantTargetObject(change.target).object;
    case 'set default privileges':
      return `default privileges on ${defaultPrivilegeId((change.to ?? change.from)!)}`;
    case 'set comment': {
      const t = change.target;
      if (t.type === 'schema') return t.name;
      if (t.type === 'column') return `${t.relation}.${t.column}`;
      if (t.type === 'index') return objectId(t.schema, t.name);
      if (t.type === 'constraint') return `${t.table} (constraint ${t.name})`;
      if ('table' in t) return `${t.table} (${t.type} ${t.name})`;
      if (t.type === 'domain constraint') return `${t.domain} (constraint ${t.name})`;
      if (t.type === 'publication' || t.type === 'extension') return `${t.type} ${t.name}`;
      return t.id;
    }
  }
}

/** The top-level object a change belongs to: a column's table, a comment's relation... */
function ownerOf(change: Change): string {
  if ('table' in change && typeof change.table === 'string') return change.table;
  if ('relation' in change) return change.relation;
  if (change.kind === 'set grants') return grantTargetObject(change.target).owner;
  if (change.kind === 'set comment') {
    const t = change.target;
    if (t.type === 'column') return t.relation;
    if ('table' in t) return t.table;
    if ('domain' in t) return t.domain;
  }
  if (change.kind === 'set storage' && change.target.type === 'index') return change.target.relation;
  return objectOf(change).split(' (')[0]!;
}

/**
 * Views sorted so that each comes after the views it reads: by the catalogs' edges when the
 * model was read from a database, else by the names each definition mentions.
 */
function viewOrder(schema: Schema | undefined): Map<string, number> {
  const views = Object.values(schema?.views ?? {});
  const graph = dependencyGraph(schema?.dependencies);
  const candidates = views.map((v) => ({ id: objectId(v.schema, v.name), schema: v.schema, name: v.name }));
  const ids = new Set(candidates.map((c) => c.id));
  const readBy = (v: View, id: string): string[] => {
    if (!graph) return mentions(v.definition, candidates);
    return graph.on({ type: 'view', id }).flatMap(({ on }) => (on.type === 'view' ? [on.id] : on.type === 'column' && ids.has(on.relation) ? [on.relation] : []));
  };
  const deps = new Map(views.map((v) => [objectId(v.schema, v.name), readBy(v, objectId(v.schema, v.name)).filter((id) => id !== objectId(v.schema, v.name))]));
  const order = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string) => {
    if (order.has(id) || visiting.has(id)) return;
    visiting.add(id);
    for (const dep of deps.get(id) ?? []) visit(dep);
    visiting.delete(id);
    order.set(id, order.size);
  };
  [...deps.keys()].sort().forEach(visit);
  return order;
}

/**
 * Routines whose arguments or result name a relation's row type must follow the relations; so
 * must a SQL-standard body that reads them (the server resolves it at creation).
 */
function needsRelations(routine: Routine, relations: { id: string; schema: string; name: string }[]): boolean {
  const signature = [routine.returns ?? '', ...routine.arguments.map((a) => a.type), routine.standardBody ? routine.body : ''].join(' ');
  return mentions(signature, relations).length > 0;
}

/**
 * The text through which an aggregate needs relations to exist: its argument and state types and
 * the signatures of the functions it calls (a state function taking a table's row type).
 */
function aggregateSignatureText(aggregate: Aggregate, schema: Schema | undefined): string {
  const functions = new Set(aggregateFunctions(aggregate));
  const called = Object.values(schema?.routines ?? {}).filter((r) => functions.has(objectId(r.schema, r.name)));
  return [
    aggregate.stype,
    aggregate.mstype ?? '',
    ...aggregate.arguments.map((a) => a.type),
    ...(aggregate.orderBy ?? []).map((a) => a.type),
    ...called.flatMap((r) => [r.returns ?? '', ...r.arguments.map((a) => a.type)]),
  ].join(' ');
}

function dropsDefaultOnly({ from, to }: Extract<Change, { kind: 'alter column' }>): boolean {
  return from.default !== undefined && to.default === undefined && !from.identity && sameValue({ ...from, default: undefined }, { ...to, default: undefined });
}

/**
 * How deep each table sits under partitioning or inheritance parents (0 for a table without one),
 * for the changes whose order follows it: tables, columns, keys, indexes, attachments.
 */
function inheritanceLevels(changes: Change[], context: { from?: Schema; to?: Schema }): (change: Change) => number | undefined {
  const parents = new Map<string, string[]>();
  const note = (table: Table) => {
    const id = objectId(table.schema, table.name);
    const list = [...(table.partitionOf ? [table.partitionOf.parent] : []), ...(table.inherits ?? [])];
    if (list.length && !parents.has(id)) parents.set(id, list);
  };
  for (const c of changes) if (c.kind === 'create table' || c.kind === 'drop table') note(c.table);
  for (const table of [...Object.values(context.to?.tables ?? {}), ...Object.values(context.from?.tables ?? {})]) note(table);
  if (parents.size === 0) return () => undefined;
  const depth = (id: string, seen = new Set<string>()): number => {
    if (seen.has(id)) return 0;
    seen.add(id);
    return Math.max(0, ...(parents.get(id) ?? []).map((p) => 1 + depth(p, seen)));
  };
  return (change) => {
    switch (change.kind) {
      case 'create table':
      case 'drop table':
        return depth(objectId(change.table.schema, change.table.name));
      case 'create index':
        return depth(change.relation);
      case 'add column':
      case 'drop column':
      case 'alter column':
      case 'set column settings':
      case 'add constraint':
      case 'attach partition':
      case 'inherit':
        return depth(change.table);
      default:
        return undefined;
    }
  };
}

/** PlanOptions: how the plan's statements take their locks. */
export interface PlanOptions {
  /**
   * Lock-safe forms on relations that exist before the plan (default true): indexes built and
   * dropped CONCURRENTLY, keys over such an index, checks and foreign keys added NOT VALID then
   * validated, SET NOT NULL proven by a validated check. False gives the plain forms, quicker on
   * a development database nobody else writes to.
   */
  online?: boolean;
}

/**
 * Routines a generated column's old expression calls, dropped while the plan re-adds that column
 * (or drops its expression): PostgreSQL refuses to drop them until then. A routine whose signature
 * the plan creates again must go first, so only one that leaves for good (an old overload) waits.
 */
function routinesOutlivingGeneratedColumns(changes: Change[]): Set<Change> {
  const expressions = changes.flatMap((c) => (c.kind === 'alter column' && c.from.generated !== undefined && c.from.generated !== c.to.generated ? [c.from.generated] : []));
  if (expressions.length === 0) return new Set();
  const signature = (r: Routine) => `${objectId(r.schema, r.name)}(${r.arguments.filter((a) => a.mode !== 'out').map((a) => a.type).join(',')})`;
  const created = new Set(changes.flatMap((c) => (c.kind === 'create routine' ? [signature(c.routine)] : [])));
  return new Set(
    changes.filter((c) => {
      if (c.kind !== 'drop routine' || created.has(signature(c.routine))) return false;
      const named = [{ id: objectId(c.routine.schema, c.routine.name), schema: c.routine.schema, name: c.routine.name }];
      return expressions.some((expression) => mentions(expression, named).length > 0);
    }),
  );
}

/** The functions (by schema-qualified name) that range types created or dropped in the plan name. */
function routinesOfRanges(changes: Change[]): { created: Set<string>; dropped: Set<string> } {
  const named = (kind: 'create range type' | 'drop range type') =>
    new Set(changes.flatMap((c) => (c.kind === kind ? [c.type.subtypeDiff, c.type.canonical] : [])).filter((name): name is string => name !== undefined));
  return { created: named('create range type'), dropped: named('drop range type') };
}

/** Orders changes by dependency and renders them into a plan. */
export function planChanges(requested: Change[], context: { from?: Schema; to?: Schema } = {}, options: PlanOptions = {}): Plan {
  const aside = stepAside(adoptIndexes(fitSequenceDrops(context.from && context.to ? withDependents(requested, context.from, context.to) : requested)));
  const changes = aside.changes;
  const views = [...Object.values(context.to?.views ?? {}), ...Object.values(context.from?.views ?? {})];
  // Ordered only when the plan creates or drops a view: ordering reads every view's edges.
  let createOrder: Map<string, number> | undefined;
  let dropOrder: Map<string, number> | undefined;
  const routinesInOrder = routineOrder([...Object.values(context.to?.routines ?? {}), ...Object.values(context.from?.routines ?? {}), ...changes.flatMap((c) => (c.kind === 'create routine' ? [c.routine] : []))]);
  const relations = [...Object.values(context.to?.tables ?? {}), ...views].map((r) => ({ id: objectId(r.schema, r.name), schema: r.schema, name: r.name }));
  const viewRelations = views.map((r) => ({ id: objectId(r.schema, r.name), schema: r.schema, name: r.name }));
  const materializedViews = new Set(views.filter((view) => view.materialized).map((view) => objectId(view.schema, view.name)));
  const levelOf = inheritanceLevels(changes, context);
  // Routines and sequences this plan drops: a default naming one must go before them.
  const going = changes
    .flatMap((c): { schema: string; name: string }[] => (c.kind === 'drop routine' ? [c.routine] : c.kind === 'drop sequence' ? [c.sequence] : []))
    .map((o) => ({ id: objectId(o.schema, o.name), schema: o.schema, name: o.name }));
  const lateDrops = routinesOutlivingGeneratedColumns(changes);
  const droppedTables = changes.flatMap((c) => (c.kind === 'drop table' ? [c.table] : [])).map((t) => ({ id: objectId(t.schema, t.name), schema: t.schema, name: t.name }));
  const droppedAggregates = changes.flatMap((c) => (c.kind === 'drop aggregate' ? [c.aggregate] : [])).map((a) => ({ id: objectId(a.schema, a.name), schema: a.schema, name: a.name }));
  const createdAggregates = changes
    .flatMap((c) => (c.kind === 'create aggregate' ? [c.aggregate] : c.kind === 'replace aggregate' ? [c.to] : []))
    .map((a) => ({ id: objectId(a.schema, a.name), schema: a.schema, name: a.name }));
  const rangeRoutines = routinesOfRanges(changes);
  const uniquelyIndexed = new Set(changes.flatMap((c) => (c.kind === 'create index' && c.index.unique ? [c.relation] : [])));
  const rank = (change: Change): [number, number] => {
    let phase = phases[change.kind];
    let within = 0;
    if (change.kind === 'create view' || change.kind === 'replace view') within = (createOrder ??= viewOrder(context.to)).get(objectOf(change)) ?? 0;
    if (change.kind === 'drop view') within = -((dropOrder ??= viewOrder(context.from)).get(objectOf(change)) ?? 0);
    // A default or an owning column let go of before anything it names is dropped.
    if (change.kind === 'alter column' && change.from.default !== undefined && change.to.default === undefined && sameColumnBut(change.from, change.to) && mentions(change.from.default, going).length > 0) phase = 5;
    if (change.kind === 'alter sequence' && change.from.ownedBy && !change.to.ownedBy) phase = 5;
    // A table whose rows are copied steps aside where it would have been dropped, and goes after the copy.
    if (aside.renames.has(change)) phase = phases['drop table'];
    if (change.kind === 'drop table' && change.aside) phase = phases['copy rows'] + 0.25;
    if (change.kind === 'drop routine') within = -(routinesInOrder.get(objectOf(change)) ?? 0);
    if (change.kind === 'drop routine' && lateDrops.has(change)) phase = phases['alter column'] + 0.25;
    // A routine or aggregate over the row type of a table the plan drops goes before the table.
    if (change.kind === 'drop routine' && needsRelations(change.routine, droppedTables)) phase = phases['drop table'] - 0.5;
    if (change.kind === 'drop aggregate' && mentions(aggregateSignatureText(change.aggregate, context.from), droppedTables).length > 0) phase = phases['drop table'] - 0.75;
    // A SQL-standard body calling an aggregate the plan drops holds it: the routine goes first.
    if (change.kind === 'drop routine' && change.routine.standardBody && mentions(routineReferences(change.routine), droppedAggregates).length > 0) phase = phases['drop aggregate'] - 0.25;
    // A range type's subtype_diff or canonical function exists before it and goes after it.
    if (change.kind === 'create routine' && rangeRoutines.created.has(objectOf(change))) phase = phases['create range type'] - 0.1;
    if (change.kind === 'drop routine' && rangeRoutines.dropped.has(objectOf(change))) phase = phases['drop range type'] + 0.1;
    if (change.kind === 'create routine' || change.kind === 'replace routine') {
      const routine = change.kind === 'create routine' ? change.routine : change.to;
      within = routinesInOrder.get(objectOf(change)) ?? 0;
      // A row type in the signature must exist first: a view's after the views, a table's after the tables.
      if (needsRelations(routine, viewRelations)) phase = 42;
      else if (needsRelations(routine, relations)) phase = 33;
      // A SQL-standard body calling an aggregate the plan creates is parsed once that exists.
      if (phase < phases['create aggregate'] && routine.standardBody && mentions(routine.body, createdAggregates).length > 0) phase = phases['create aggregate'] + 0.25;
    }
    if (change.kind === 'create aggregate' || change.kind === 'replace aggregate') {
      const text = aggregateSignatureText(change.kind === 'create aggregate' ? change.aggregate : change.to, context.to);
      // The row type of a relation, in its own types or its functions' signatures, must exist first.
      if (mentions(text, viewRelations).length > 0) phase = 42.5;
      else if (mentions(text, relations).length > 0) phase = 33.5;
    }
    if (change.kind === 'add constraint' && change.constraint.kind === 'foreign key') phase = 35;
    // Reference tables first, then each colocation group's leader before its members.
    if (change.kind === 'distribute table') within = change.distribution.kind === 'reference' ? 0 : change.distribution.colocateWith ? 2 : 1;
    // Tables leaving a group first, then leaders, then the tables joining them.
    if (change.kind === 'alter distribution') within = change.to.colocateWith ? 2 : change.from.colocateWith ? 0.5 : 1;
    // Dropping a default runs with the drops: the routine or sequence it calls may be going.
    if (change.kind === 'alter column' && dropsDefaultOnly(change)) phase = 5;
    // Foreign keys go before the keys they reference.
    if (change.kind === 'drop constraint') within = change.constraint.kind === 'foreign key' ? 0 : 1;
    const sequencePlace = sequenceRank(change, context.from, { drops: phases['drop sequence'], columns: phases['alter column'] });
    if (sequencePlace) [phase, within] = sequencePlace;
    if (change.kind === 'create index' && materializedViews.has(change.relation)) phase = 41;
    // A foreign key may rest on a unique index the plan creates (not a key constraint): after it.
    if (change.kind === 'add constraint' && change.constraint.kind === 'foreign key' && uniquelyIndexed.has(change.constraint.references.table)) phase = phases['create index'] + 0.5;
    // A materialized view's column settings and statistics objects once it is created.
    if ((change.kind === 'set column settings' || change.kind === 'create statistics' || change.kind === 'alter statistics') && materializedViews.has(change.table)) phase = 41;
    // Parents before their partitions and children; dropped the other way round.
    const level = levelOf(change);
    if (level !== undefined) within = change.kind === 'drop table' ? -level : level;
    return [phase, within];
  };
  const sorted = changes
    .map((change, index) => ({ change, index, rank: rank(change) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index);
  // Work on a table created in the same plan touches no rows and blocks nobody.
  const created = new Set(changes.flatMap(createdObject));
  // A policy dropped and created again in the same plan (around a changed function) protects as before.
  const recreatedPolicies = new Set(changes.flatMap((c) => (c.kind === 'create policy' ? [`${c.table} (policy ${c.policy.name})`] : [])));
  const steps: Step[] = [];
  const graph = dependencyGraph(context.from?.dependencies);
  const online = options.online === false ? () => undefined : onlineForms(requested, changes, context, created);
  for (const { change } of sorted) {
    const render = renderers[change.kind] as (c: Change) => Statement[];
    const onNewRelation =
      'table' in change && typeof change.table === 'string' ? created.has(change.table) : 'relation' in change ? created.has(change.relation) : change.kind === 'set grants' ? created.has(grantTargetObject(change.target).owner) : false;
    const unmanaged = context.from ? unmanagedHazards(change, graph, context.from) : [];
    const recreated = change.kind === 'drop policy' && recreatedPolicies.has(objectOf(change));
    for (const [i, statement] of (online(change) ?? render(change)).entries()) {
      const kept = onNewRelation ? [] : (statement.hazards ?? []).filter((hazard) => !(recreated && hazard.code === 'WEAKENS_SECURITY'));
      const hazards = [...kept, ...(i === 0 ? unmanaged : [])];
      steps.push({ sql: statement.sql, kind: change.kind, object: objectOf(change), owner: ownerOf(change), hazards, transactional: statement.transactional ?? true });
    }
  }
  return { steps };
}

/** The object a change creates, for the rule that work on it has no hazards; none for other changes. */
function createdObject(change: Change): string[] {
  switch (change.kind) {
    case 'create table':
      return [objectId(change.table.schema, change.table.name)];
    case 'create view':
      return change.replaces ? [] : [objectId(change.view.schema, change.view.name)];
    case 'create sequence':
      return [objectId(change.sequence.schema, change.sequence.name)];
    case 'create routine':
      return [objectId(change.routine.schema, change.routine.name)];
    case 'create aggregate':
      return [objectId(change.aggregate.schema, change.aggregate.name)];
    case 'create namespace':
      return [change.namespace.name];
    default:
      return [];
  }
}

/** A plan as one SQL script, each statement terminated. */
export function planScript(plan: Plan, options: { header?: string } = {}): string {
  const lines: string[] = [];
  if (options.header) lines.push(options.header);
  // Bodies are checked once everything exists; pg_dump orders scripts the same way.
  if (plan.steps.some((s) => s.kind === 'create routine' || s.kind === 'replace routine')) lines.push('SET check_function_bodies = false;', '');
  for (const step of plan.steps) {
    for (const hazard of step.hazards) lines.push(`-- hazard ${hazard.code}: ${hazard.message}`);
    lines.push(`${step.sql};`, '');
  }
  return lines.join('\n');
}
