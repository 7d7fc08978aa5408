import { PgformError } from '../errors.js';
import type { Change, CommentTarget, GrantTarget, StorageTarget } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import { grantsInForce } from '../model/default-privileges.js';
import { diffDefaultPrivileges } from './default-privileges.js';
import { objectId, parseQualifiedName } from '../model/id.js';
import { refuseCheckingInsideContainers } from './domain-containers.js';
import { refuseRetypeInPartitionKey } from './partition-key-columns.js';
import { followExtensionMoves } from './extension-moves.js';
import { attachedByParent, childColumnStart, childKeepsColumn, diffInheritance, followsParent, keptFromParents, ownDefaults, parentsOf, recreatedTables, referencesTo } from './partitions.js';
import { asideNames, catchesEveryRow, clashingStatistics, copiedAncestor, copiedTables } from './copied-tables.js';
import { diffPublications } from './publications.js';
import { diffDistributions } from './distributions.js';
import { columnSettingsChange, createdColumn, sameColumnShape, viewColumnSettingsChanges } from './column-settings.js';
import { diffStatistics } from './statistics.js';
import { diffAggregates } from './aggregates.js';
import { diffRanges } from './ranges.js';
import { applyRenames } from './renames.js';
import type { Column, CompositeType, Constraint, Extension, Grant, Index, Policy, Routine, Schema, StorageOptions, Table, Trigger, View } from '../model/schema.js';

/**
 * What a change list needs to know of the target model while creating objects: the grants a new
 * object receives on creation (default privileges), the baseline its grants are set from.
 */
interface Context {
  to: Schema;
  /** The model compared from, when the table is created in a database that has one. */
  from?: Schema;
}

/** DiffOptions change how some changes are made, not what changes. */
export interface DiffOptions {
  /**
   * False: a changed view is always dropped and created again, never replaced in place. For
   * models that do not say which columns a view keeps (declared views carry none: the server
   * derives them), where CREATE OR REPLACE VIEW might be refused; right on a database with no data.
   */
  replaceViews?: boolean;
}

/**
 * Compares two models and returns the typed changes that turn `from` into `to`, in no
 * particular order (the planner orders them). External namespaces are never touched.
 */
export function diffSchemas(original: Schema, to: Schema, options: DiffOptions = {}): Change[] {
  const renamed = applyRenames(original, to);
  const { changes } = renamed;
  const from = followExtensionMoves(renamed.from, to);
  const external = new Set([...Object.values(from.namespaces), ...Object.values(to.namespaces)].filter((n) => n.external).map((n) => n.name));
  const managed = <T extends { schema: string }>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([, o]) => !external.has(o.schema)));

  diffNamespaces(from, to, changes);
  diffDefaultPrivileges(from, to, external, changes);
  // The preset's own extensions (Supabase's pgcrypto in schema extensions) are referenced only.
  const planned = (record: Schema['extensions']) => Object.fromEntries(Object.entries(record).filter(([name]) => !from.extensions[name]?.external && !to.extensions[name]?.external));
  each(planned(from.extensions), planned(to.extensions), {
    create: (extension) => {
      changes.push({ kind: 'create extension', extension });
      comment(changes, { type: 'extension', name: extension.name }, extension.defaultComment, extensionComment(extension));
    },
    drop: (extension) => changes.push({ kind: 'drop extension', extension }),
    alter: (a, b) => {
      // An extension that cannot move must go and come back, with its objects' data: DROP says so.
      const recreated = a.schema !== b.schema && a.relocatable === false;
      if (recreated) changes.push({ kind: 'drop extension', extension: a }, { kind: 'create extension', extension: b });
      else if (a.schema !== b.schema || (pinnedVersion(b) !== undefined && a.version !== b.version)) changes.push({ kind: 'alter extension', from: a, to: b });
      const server = b.defaultComment ?? a.defaultComment;
      comment(changes, { type: 'extension', name: b.name }, recreated ? server : extensionComment(a, server), extensionComment(b, server));
    },
  });
  each(managed(from.collations ?? {}), managed(to.collations ?? {}), {
    create: (collation) => {
      changes.push({ kind: 'create collation', collation });
      comment(changes, { type: 'collation', id: objectId(collation.schema, collation.name) }, undefined, collation.comment);
    },
    drop: (collation) => changes.push({ kind: 'drop collation', collation }),
    alter: (a, b) => {
      const { comment: _a, ...shapeA } = a;
      const { comment: _b, ...shapeB } = b;
      // A collation cannot be altered: a changed one is made again.
      const remade = !sameValue(shapeA, shapeB);
      if (remade) changes.push({ kind: 'drop collation', collation: a }, { kind: 'create collation', collation: b });
      comment(changes, { type: 'collation', id: objectId(b.schema, b.name) }, remade ? undefined : a.comment, b.comment);
    },
  });
  each(managed(from.enums), managed(to.enums), {
    create: (en) => {
      changes.push({ kind: 'create enum', enum: en });
      comment(changes, { type: 'type', id: objectId(en.schema, en.name) }, undefined, en.comment);
    },
    drop: (en) => changes.push({ kind: 'drop enum', enum: en }),
    alter: (a, b) => {
      const kept = a.values.filter((v) => b.values.includes(v));
      const orderKept = kept.every((v, i) => b.values.filter((x) => a.values.includes(x))[i] === v);
      if (kept.length === a.values.length && orderKept) {
        b.values.forEach((value, i) => {
          if (a.values.includes(value)) return;
          const next = b.values.slice(i + 1).find((v) => a.values.includes(v));
          changes.push({ kind: 'add enum value', enum: b, value, ...(next !== undefined ? { before: next } : { after: b.values[i - 1] }) });
        });
      } else {
        refuseUnderComposite(from, to, 'enum', b);
        const columns = columnsOfType(from, to, b.schema, b.name);
        const id = objectId(b.schema, b.name);
        refuseRetypeInPartitionKey(from, columns, `enum ${id} must be replaced (values removed or reordered)`, id);
        changes.push({ kind: 'replace enum', from: a, to: b, columns });
      }
      comment(changes, { type: 'type', id: objectId(b.schema, b.name) }, a.comment, b.comment);
    },
  });
  each(managed(from.domains), managed(to.domains), {
    create: (domain) => {
      changes.push({ kind: 'create domain', domain });
      comment(changes, { type: 'domain', id: objectId(domain.schema, domain.name) }, undefined, domain.comment);
    },
    drop: (domain) => changes.push({ kind: 'drop domain', domain }),
    alter: (a, b) => {
      const target: CommentTarget = { type: 'domain', id: objectId(b.schema, b.name) };
      // Only the base type and collation cannot be altered in place: a domain in use is replaced, as an enum is.
      const sameBase = a.type === b.type && (a.collation ?? null) === (b.collation ?? null);
      const columns = columnsOfType(from, to, b.schema, b.name);
      if (sameBase) {
        refuseCheckingInsideContainers(from, to, a, b);
        return reshapeOrComment(changes, target, a, b, [{ kind: 'alter domain', from: a, to: b }], true);
      }
      refuseUnderComposite(from, to, 'domain', b);
      refuseRetypeInPartitionKey(from, columns, `domain ${objectId(b.schema, b.name)} must be replaced (new base type or collation)`, objectId(b.schema, b.name));
      if (columns.length) reshapeOrComment(changes, target, a, b, [{ kind: 'replace domain', from: a, to: b, columns }]);
      else reshapeOrComment(changes, target, a, b, [{ kind: 'drop domain', domain: a }, { kind: 'create domain', domain: b }]);
    },
  });
  each(managed(from.composites ?? {}), managed(to.composites ?? {}), {
    create: (type) => {
      changes.push({ kind: 'create composite type', type });
      comment(changes, { type: 'type', id: objectId(type.schema, type.name) }, undefined, type.comment);
      attributeComments(changes, undefined, type);
    },
    drop: (type) => changes.push({ kind: 'drop composite type', type }),
    alter: (a, b) => {
      const shape = (type: CompositeType) => type.attributes.map(({ comment: _c, ...attribute }) => attribute);
      if (!sameValue(shape(a), shape(b))) {
        const columns = columnsOfType(from, to, b.schema, b.name).map(({ table, column }) => `${table}.${column.name}`);
        changes.push({ kind: 'alter composite type', from: a, to: b, columns });
      }
      comment(changes, { type: 'type', id: objectId(b.schema, b.name) }, a.comment, b.comment);
      attributeComments(changes, a, b);
    },
  });
  diffRanges(managed(from.ranges ?? {}), managed(to.ranges ?? {}), from, to, changes);
  each(managed(from.sequences), managed(to.sequences), {
    create: (sequence) => {
      const { ownedBy, ...unowned } = sequence;
      changes.push({ kind: 'create sequence', sequence: unowned });
      if (ownedBy) changes.push({ kind: 'alter sequence', from: unowned, to: sequence });
      const id = objectId(sequence.schema, sequence.name);
      grants(changes, { type: 'sequence', id }, grantsInForce(to, 'sequences', sequence.schema), sequence.grants);
      comment(changes, { type: 'sequence', id }, undefined, sequence.comment);
    },
    drop: (sequence) => changes.push({ kind: 'drop sequence', sequence }),
    alter: (a, b) => {
      const id = objectId(b.schema, b.name);
      const { comment: _a, grants: _b, ...optionsA } = a;
      const { comment: _c, grants: _d, ...optionsB } = b;
      if (!sameValue(optionsA, optionsB)) changes.push({ kind: 'alter sequence', from: a, to: b });
      grants(changes, { type: 'sequence', id }, a.grants, b.grants);
      comment(changes, { type: 'sequence', id }, a.comment, b.comment);
    },
  });
  const recreated = recreatedTables(from, to);
  const copied = copiedTables(from, to, recreated);
  const asideOf = asideNames(from, to);
  each(managed(from.tables), managed(to.tables), {
    create: (table) => createTable(table, changes, { to, from }),
    // A partition of a table whose rows are copied goes once they are, with its parent.
    drop: (table) => changes.push({ kind: 'drop table', table, ...(copiedAncestor(table, from, copied) ? { aside: { name: table.name, indexes: [] } } : {}) }),
    alter: (a, b) => {
      if (!recreated.has(tableId(b))) return diffTable(a, b, changes, { from, to, recreated, copied });
      if (!copied.has(tableId(b))) {
        changes.push({ kind: 'drop table', table: a });
        return createTable(b, changes, { to, from });
      }
      const aside = asideOf(a);
      for (const statistics of clashingStatistics(a, to)) changes.push({ kind: 'drop statistics', table: tableId(a), statistics });
      // The old table lives on until the copy: a trigger the new one lacks goes first, so the plan may drop its function.
      for (const trigger of Object.values(a.triggers)) {
        if (!sameValue({ ...trigger, comment: undefined }, { ...b.triggers[trigger.name], comment: undefined })) changes.push({ kind: 'drop trigger', table: tableId(a), trigger });
      }
      changes.push({ kind: 'drop table', table: a, aside });
      createTable(b, changes, { to, from }, true);
      const catchAll = b.partitionBy !== undefined && catchesEveryRow(tableId(b), to);
      changes.push({ kind: 'copy rows', from: a, to: b, aside: aside.name, ...(catchAll ? { catchAll } : {}) });
    },
  });
  referencesTo(recreated, from, to, changes);
  each(managed(from.routines), managed(to.routines), {
    create: (routine) => createRoutine(routine, changes, { to }),
    drop: (routine) => changes.push({ kind: 'drop routine', routine }),
    alter: (a, b) => diffRoutine(a, b, changes, { to }),
  });
  diffAggregates(managed(from.aggregates ?? {}), managed(to.aggregates ?? {}), changes, to);
  diffExternalTables(from, to, changes);
  each(managed(from.views), managed(to.views), {
    create: (view) => createView(view, changes, { to }),
    drop: (view) => changes.push({ kind: 'drop view', view }),
    alter: (a, b) => diffView(a, b, changes, { to }, options.replaceViews ?? true),
  });
  diffPublications(from, to, external, changes, recreated);
  diffDistributions(from, to, changes);
  return changes;
}

/**
 * The comment an extension holds: its own, else the control file's (`server` knows it when the
 * extension comes from definitions). `''` is none.
 */
function extensionComment(extension: Extension, server = extension.defaultComment): string | undefined {
  return extension.comment ?? server;
}

/**
 * The version an extension asks for: a declared one, or an installed one other than its server's
 * default. A database at its server's default pins nothing, so two engines with different
 * defaults (or a migrations replay on the embedded one) are not drift.
 */
function pinnedVersion(extension: Extension): string | undefined {
  if (extension.version === undefined || extension.version === extension.defaultVersion) return undefined;
  return extension.version;
}

/**
 * Every column whose type is the given type or an array of it, in tables that exist on both
 * sides: a table still to be created is created with the new type already.
 */
function columnsOfType(from: Schema, to: Schema, typeSchema: string, typeName: string): { table: string; column: Column }[] {
  const found: { table: string; column: Column }[] = [];
  for (const [id, table] of Object.entries(to.tables)) {
    const before = from.tables[id];
    if (!before) continue;
    // A partition's or child's column converts with its parent's: PostgreSQL refuses it alone.
    const parents = [...(before.partitionOf ? [before.partitionOf.parent] : []), ...(before.inherits ?? [])].map((parent) => from.tables[parent]);
    for (const column of table.columns) {
      if (parents.some((parent) => parent?.columns.some((c) => c.name === column.name))) continue;
      const previous = before.columns.find((c) => c.name === column.name);
      const type = previous && parseQualifiedName(previous.type);
      // Columns leaving the type convert now, straight to their new type: the old one is dropped next.
      if (previous && type?.schema === typeSchema && type.name === typeName) found.push({ table: id, column });
    }
  }
  return found;
}

/**
 * Stops planning when an enum or domain to be replaced is the type of an attribute of a composite
 * type that stays: the old type cannot be dropped while the attribute uses it, and the plan
 * does not move attributes across a replacement.
 */
function refuseUnderComposite(from: Schema, to: Schema, what: 'enum' | 'domain', type: { schema: string; name: string }): void {
  const id = objectId(type.schema, type.name);
  for (const [compositeId, composite] of Object.entries(from.composites ?? {})) {
    if (!to.composites?.[compositeId]) continue;
    const attribute = composite.attributes.find((a) => {
      const name = parseQualifiedName(a.type);
      return name !== undefined && objectId(name.schema, name.name) === id;
    });
    if (attribute) {
      throw new PgformError(
        'CONVERSION_REQUIRED',
        `${what} ${id} must be replaced, but attribute ${attribute.name} of composite type ${compositeId} uses it`,
        { object: id, field: what === 'enum' ? 'values' : 'type' },
        `change the attribute's type first (or drop the composite type), then change the ${what}`,
      );
    }
  }
}

interface Visitor<T> {
  create(item: T): void;
  drop(item: T): void;
  alter(from: T, to: T): void;
}

/** Visits two keyed records: removed, added and kept entries, in sorted key order. */
function each<T>(from: Record<string, T>, to: Record<string, T>, visitor: Visitor<T>): void {
  for (const key of Object.keys(from).sort()) if (!(key in to)) visitor.drop(from[key]!);
  for (const key of Object.keys(to).sort()) {
    if (key in from) visitor.alter(from[key]!, to[key]!);
    else visitor.create(to[key]!);
  }
}

function comment(changes: Change[], target: CommentTarget, from: string | undefined, to: string | undefined): void {
  if ((from ?? null) !== (to ?? null)) changes.push({ kind: 'set comment', target, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
}

function storage(changes: Change[], target: StorageTarget, from: StorageOptions | undefined, to: StorageOptions | undefined): void {
  if (!sameValue(from ?? {}, to ?? {})) changes.push({ kind: 'set storage', target, from: from ?? {}, to: to ?? {} });
}

/**
 * Compares two versions of an object apart from its comment: when the rest differs, `reshape`
 * is pushed. A re-create loses the comment, so it is then compared against none, unless the
 * reshaping statement keeps it (`keepsComment`).
 */
function reshapeOrComment<T extends { comment?: string }>(changes: Change[], target: CommentTarget, x: T, y: T, reshape: Change[], keepsComment = false): void {
  const { comment: cx, ...restX } = x;
  const { comment: cy, ...restY } = y;
  const reshaped = !sameValue(restX, restY);
  if (reshaped) changes.push(...reshape);
  comment(changes, target, reshaped && !keepsComment ? undefined : cx, cy);
}

function grants(changes: Change[], target: GrantTarget, from: Grant[], to: Grant[]): void {
  if (!sameValue(from, to)) changes.push({ kind: 'set grants', target, from, to });
}

function diffNamespaces(from: Schema, to: Schema, changes: Change[]): void {
  each(from.namespaces, to.namespaces, {
    create: (namespace) => {
      if (namespace.external) return;
      changes.push({ kind: 'create namespace', namespace });
      grants(changes, { type: 'schema', name: namespace.name }, grantsInForce(to, 'schemas'), namespace.grants);
      comment(changes, { type: 'schema', name: namespace.name }, undefined, namespace.comment);
    },
    drop: (namespace) => {
      if (!namespace.external && namespace.name !== 'public') changes.push({ kind: 'drop namespace', namespace });
    },
    alter: (a, b) => {
      if (a.external || b.external) return;
      grants(changes, { type: 'schema', name: b.name }, a.grants, b.grants);
      comment(changes, { type: 'schema', name: b.name }, a.comment, b.comment);
    },
  });
}

/** Triggers and policies on tables pgform does not manage: only those are compared, never the tables. */
function diffExternalTables(from: Schema, to: Schema, changes: Change[]): void {
  const tables = new Set([...Object.keys(from.externalTables ?? {}), ...Object.keys(to.externalTables ?? {})]);
  for (const table of [...tables].sort()) {
    const a = from.externalTables?.[table];
    const b = to.externalTables?.[table];
    diffTriggers(table, a?.triggers ?? {}, b?.triggers ?? {}, changes);
    diffPolicies(table, a?.policies ?? {}, b?.policies ?? {}, changes);
  }
}

function diffPolicies(table: string, a: Record<string, Policy>, b: Record<string, Policy>, changes: Change[]): void {
  each(a, b, {
    create: (policy) => {
      changes.push({ kind: 'create policy', table, policy });
      comment(changes, { type: 'policy', table, name: policy.name }, undefined, policy.comment);
    },
    drop: (policy) => changes.push({ kind: 'drop policy', table, policy }),
    // ALTER POLICY keeps the comment.
    alter: (x, y) => reshapeOrComment(changes, { type: 'policy', table, name: y.name }, x, y, [{ kind: 'alter policy', table, from: x, to: y }], true),
  });
}

function tableId(table: { schema: string; name: string }): string {
  return objectId(table.schema, table.name);
}

function notValid(constraint: Constraint): boolean {
  return (constraint.kind === 'check' || constraint.kind === 'foreign key') && constraint.notValid === true;
}

/**
 * Whether a changed constraint must be dropped and added again. A NOT VALID one that becomes
 * valid is validated in place, and a foreign key changes its deferral in place; anything else,
 * and a valid constraint becoming NOT VALID, re-creates it.
 */
function constraintReplaced(x: Constraint, y: Constraint): boolean {
  const loose = (c: Constraint) => ({ ...c, comment: undefined, notValid: undefined, deferrable: undefined, initiallyDeferred: undefined });
  if (!sameValue(loose(x), loose(y))) return true;
  if (!notValid(x) && notValid(y)) return true;
  const deferralChanged = !!x.deferrable !== !!y.deferrable || !!x.initiallyDeferred !== !!y.initiallyDeferred;
  return deferralChanged && x.kind !== 'foreign key';
}

/** Created with the table: not foreign keys (every table must exist first), nor NOT VALID checks (CREATE TABLE validates them). */
function inlineConstraint(constraint: Constraint): boolean {
  return constraint.kind !== 'foreign key' && !notValid(constraint);
}

/**
 * A partition whose columns all come from its parent is created `PARTITION OF` it; one whose
 * columns are all its own (a table attached later, as PostgreSQL then keeps them) is created
 * plain and attached, so its columns stay its own. An INHERITS child lists the columns it
 * declares itself and PostgreSQL merges those its parents also have, as it did for the original.
 * `rowsFollow`: rows are copied in before the keys are added, so each key's index is built once.
 */
function createTable(table: Table, changes: Change[], context: Context, rowsFollow = false): void {
  const id = tableId(table);
  const keyLater = (c: Constraint) => rowsFollow && (c.kind === 'primary key' || c.kind === 'unique' || c.kind === 'exclude');
  const inline = Object.fromEntries(Object.entries(table.constraints).filter(([, c]) => inlineConstraint(c) && !keyLater(c)));
  const ownColumns = table.columns.length > 0 && table.columns.every((c) => !c.inherited);
  const attachLater = ownColumns && table.partitionOf !== undefined;
  const { partitionOf, ...plain } = table;
  changes.push({ kind: 'create table', table: { ...(attachLater ? plain : table), constraints: inline, indexes: {}, triggers: {}, policies: {} } });
  if (attachLater && partitionOf) changes.push({ kind: 'attach partition', table: id, partitionOf });
  else if (partitionOf) changes.push(...ownDefaults(id, table, context.to.tables[partitionOf.parent]));
  for (const constraint of Object.values(table.constraints)) {
    if (!(constraint.name in inline)) changes.push({ kind: 'add constraint', table: id, constraint });
  }
  for (const column of table.columns) changes.push(...columnSettingsChange(id, createdColumn(table, column, attachLater, context.from), column, context));
  const { replicaIdentity: _r, ...created } = table;
  const blank: Table = {
    ...created,
    constraints: inline,
    indexes: {},
    statistics: {},
    triggers: {},
    policies: {},
    rls: { enabled: false, forced: false },
    grants: grantsInForce(context.to, 'tables', table.schema),
    columns: table.columns.map(({ comment: _c, grants: _g, ...column }) => column),
  };
  diffTableParts(id, blank, table, changes, true, []);
}

/**
 * Table parts shared by create and alter: indexes, triggers, RLS, policies, grants, comments.
 * `regenerated` names the columns the table's own changes re-add for a new generated expression.
 */
function diffTableParts(id: string, a: Table, b: Table, changes: Change[], creating: boolean, regenerated: string[]): void {
  const droppedIndexes = diffIndexes(id, b.schema, a.indexes, b.indexes, changes);
  diffStatistics(id, a, b, changes, regenerated);
  diffTriggers(id, a.triggers, b.triggers, changes);
  if (!sameValue(a.rls, b.rls)) changes.push({ kind: 'set row level security', table: id, from: a.rls, to: b.rls });
  // An index re-created under REPLICA IDENTITY USING INDEX loses the mark: set it again.
  const identityIndex = typeof b.replicaIdentity === 'object' ? b.replicaIdentity.index : undefined;
  const identityRecreated = identityIndex !== undefined && droppedIndexes.includes(identityIndex);
  if (!sameValue(a.replicaIdentity, b.replicaIdentity) || identityRecreated) {
    changes.push({ kind: 'set replica identity', table: id, ...(a.replicaIdentity ? { from: a.replicaIdentity } : {}), ...(b.replicaIdentity ? { to: b.replicaIdentity } : {}) });
  }
  storage(changes, { type: 'table', id }, a.storage, b.storage);
  diffPolicies(id, a.policies, b.policies, changes);
  grants(changes, { type: 'table', id }, a.grants, b.grants);
  comment(changes, { type: 'table', id }, creating ? undefined : a.comment, b.comment);
  for (const column of b.columns) {
    const before = a.columns.find((c) => c.name === column.name);
    grants(changes, { type: 'column', table: id, column: column.name }, before?.grants ?? [], column.grants ?? []);
    comment(changes, { type: 'column', relation: id, column: column.name }, before?.comment, column.comment);
  }
  for (const constraint of Object.values(b.constraints)) {
    const before = creating ? undefined : a.constraints[constraint.name];
    const replaced = before && constraintReplaced(before, constraint);
    comment(changes, { type: 'constraint', table: id, name: constraint.name }, replaced ? undefined : before?.comment, constraint.comment);
  }
}

/** Triggers of a table or view: a changed one is dropped and created again. */
function diffTriggers(id: string, a: Record<string, Trigger>, b: Record<string, Trigger>, changes: Change[]): void {
  each(a, b, {
    create: (trigger) => {
      changes.push({ kind: 'create trigger', table: id, trigger });
      comment(changes, { type: 'trigger', table: id, name: trigger.name }, undefined, trigger.comment);
    },
    drop: (trigger) => changes.push({ kind: 'drop trigger', table: id, trigger }),
    alter: (x, y) => reshapeOrComment(changes, { type: 'trigger', table: id, name: y.name }, x, y, [{ kind: 'drop trigger', table: id, trigger: x }, { kind: 'create trigger', table: id, trigger: y }]),
  });
}

/** The changes of a relation's indexes; returns the names of those dropped (re-created ones too). */
function diffIndexes(relation: string, schema: string, a: Record<string, Index>, b: Record<string, Index>, changes: Change[]): string[] {
  const start = changes.length;
  each(a, b, {
    create: (index) => {
      changes.push({ kind: 'create index', relation, index });
      comment(changes, { type: 'index', schema, name: index.name }, undefined, index.comment);
    },
    drop: (index) => changes.push({ kind: 'drop index', relation, index }),
    alter: (x, y) => {
      // Storage parameters change in place (ALTER INDEX ... SET); anything else re-creates the index.
      const { storage: sx, ...shapeX } = x;
      const { storage: sy, ...shapeY } = y;
      reshapeOrComment(changes, { type: 'index', schema, name: y.name }, shapeX, shapeY, [{ kind: 'drop index', relation, index: x }, { kind: 'create index', relation, index: y }]);
      const { comment: _cx, ...bareX } = shapeX;
      const { comment: _cy, ...bareY } = shapeY;
      if (sameValue(bareX, bareY)) storage(changes, { type: 'index', relation, name: y.name }, sx, sy);
    },
  });
  return changes.slice(start).flatMap((c) => (c.kind === 'drop index' ? [c.index.name] : []));
}

interface Sides {
  from: Schema;
  to: Schema;
  recreated: Set<string>;
  /** Re-created tables whose rows are copied: their partitions are detached, not dropped with them. */
  copied: Set<string>;
}

function diffTable(original: Table, b: Table, changes: Change[], sides: Sides): void {
  const id = tableId(b);
  if (Boolean(original.unlogged) !== Boolean(b.unlogged)) changes.push({ kind: 'set logged', table: id, unlogged: Boolean(b.unlogged) });
  const parentRecreated = parentsOf(original).some((p) => sides.recreated.has(p) && !sides.copied.has(p));
  const left = diffInheritance(id, original, b, changes, parentRecreated);
  const a = attachedByParent(keptFromParents(original, b, left.flatMap((p) => sides.from.tables[p] ?? [])), b, sides);
  // Column changes a parent makes reach the table through it; only parents it keeps count.
  const kept = parentsOf(a).filter((p) => parentsOf(b).includes(p) && !sides.recreated.has(p));
  const parents = { from: kept.map((p) => sides.from.tables[p]), to: kept.map((p) => sides.to.tables[p]) };
  const sidesOf = { from: a, to: b };
  const regenerated: string[] = [];
  for (const column of a.columns) {
    if (b.columns.some((c) => c.name === column.name)) continue;
    // A parent dropping with ONLY leaves this table's copy: it is dropped here.
    const parentKeepsCopies = kept.some((p) => childKeepsColumn(p, column.name, sides));
    if (followsParent('drop', column, sidesOf, parents) && !parentKeepsCopies) continue;
    const only = !b.partitionBy && childKeepsColumn(id, column.name, sides);
    changes.push({ kind: 'drop column', table: id, column, ...(only ? { only } : {}) });
  }
  for (const column of b.columns) {
    const before = a.columns.find((c) => c.name === column.name);
    const { comment: _b, inherited: _ib, grants: _gb, ...shapeB } = column;
    if (!before) {
      if (followsParent('add', column, sidesOf, parents)) {
        // Nothing to add: the parent's column reaches this table.
      } else if (shapeB.identity && b.partitionBy !== undefined) {
        // PostgreSQL 15 and 16 add no identity column to a partitioned table that has partitions,
        // but make a NOT NULL column of one an identity.
        const { identity: _i, identityOptions: _o, ...plain } = shapeB;
        changes.push({ kind: 'add column', table: id, column: { ...plain, notNull: true } }, { kind: 'alter column', table: id, from: { ...plain, notNull: true }, to: shapeB });
      } else changes.push({ kind: 'add column', table: id, column: shapeB });
      // A column a parent adds starts with no settings of its own either.
      changes.push(...columnSettingsChange(id, undefined, shapeB, sides));
      continue;
    }
    const start = childColumnStart(before, parents);
    if (!sameColumnShape(start, shapeB) && !followsParent('alter', column, sidesOf, parents)) {
      if (start.type !== shapeB.type) refuseRetypeInPartitionKey(sides.from, [{ table: id, column }], `column ${id}.${column.name} changes type to ${shapeB.type}`, id);
      changes.push({ kind: 'alter column', table: id, from: start, to: shapeB });
      if (shapeB.generated !== undefined && shapeB.generated !== start.generated) regenerated.push(shapeB.name);
    }
    changes.push(...columnSettingsChange(id, start, shapeB, sides));
  }
  each(a.constraints, b.constraints, {
    create: (constraint) => changes.push({ kind: 'add constraint', table: id, constraint }),
    drop: (constraint) => changes.push({ kind: 'drop constraint', table: id, constraint }),
    alter: (x, y) => {
      const { comment: _x, ...restX } = x;
      const { comment: _y, ...restY } = y;
      if (sameValue(restX, restY)) return;
      if (constraintReplaced(x, y)) {
        changes.push({ kind: 'drop constraint', table: id, constraint: x }, { kind: 'add constraint', table: id, constraint: y });
        return;
      }
      if (!!x.deferrable !== !!y.deferrable || !!x.initiallyDeferred !== !!y.initiallyDeferred) changes.push({ kind: 'alter constraint', table: id, from: x, to: y });
      if (notValid(x) && !notValid(y)) changes.push({ kind: 'validate constraint', table: id, constraint: y });
    },
  });
  diffTableParts(id, a, b, changes, false, regenerated);
}

function routineTarget(routine: Routine): { type: 'routine'; id: string; routine: Routine } {
  return { type: 'routine', id: objectId(routine.schema, routine.name), routine };
}

function createRoutine(routine: Routine, changes: Change[], context: Context): void {
  changes.push({ kind: 'create routine', routine });
  grants(changes, routineTarget(routine), grantsInForce(context.to, 'functions', routine.schema), routine.grants);
  comment(changes, routineTarget(routine), undefined, routine.comment);
}

/** CREATE OR REPLACE cannot change the kind, result type, argument names or remove defaults. */
function replaceable(a: Routine, b: Routine): boolean {
  if (a.kind !== b.kind || a.returns !== b.returns || a.arguments.length !== b.arguments.length) return false;
  return a.arguments.every((arg, i) => {
    const next = b.arguments[i]!;
    return arg.mode === next.mode && arg.type === next.type && (arg.name ?? '') === (next.name ?? '') && !(arg.default !== undefined && next.default === undefined);
  });
}

function diffRoutine(a: Routine, b: Routine, changes: Change[], context: Context): void {
  const body = (r: Routine) => {
    const { comment: _c, grants: _g, ...rest } = r;
    return rest;
  };
  if (!sameValue(body(a), body(b))) {
    if (replaceable(a, b)) changes.push({ kind: 'replace routine', from: a, to: b });
    else {
      changes.push({ kind: 'drop routine', routine: a });
      createRoutine(b, changes, context);
      return;
    }
  }
  grants(changes, routineTarget(b), a.grants, b.grants);
  comment(changes, routineTarget(b), a.comment, b.comment);
}

/** Comments on a composite type's attributes (COMMENT ON COLUMN type.attribute); an added attribute starts with none. */
function attributeComments(changes: Change[], a: CompositeType | undefined, b: CompositeType): void {
  const id = objectId(b.schema, b.name);
  for (const attribute of b.attributes) {
    comment(changes, { type: 'column', relation: id, column: attribute.name }, a?.attributes.find((x) => x.name === attribute.name)?.comment, attribute.comment);
  }
}

function viewTarget(view: View) {
  return { type: view.materialized ? ('materialized view' as const) : ('view' as const), id: objectId(view.schema, view.name) };
}

function createView(view: View, changes: Change[], context: Context, replaces?: View): void {
  const id = objectId(view.schema, view.name);
  const { triggers: _t, ...bare } = view;
  changes.push({ kind: 'create view', view: { ...bare, indexes: {} }, ...(replaces ? { replaces } : {}) });
  diffTriggers(id, {}, view.triggers ?? {}, changes);
  diffIndexes(id, view.schema, {}, view.indexes, changes);
  changes.push(...viewColumnSettingsChanges(id, undefined, view));
  diffStatistics(id, {}, view, changes);
  grants(changes, viewTarget(view), grantsInForce(context.to, 'tables', view.schema), view.grants);
  comment(changes, viewTarget(view), undefined, view.comment);
  for (const column of view.columns) {
    comment(changes, { type: 'column', relation: id, column: column.name }, undefined, column.comment);
    grants(changes, { type: 'column', table: id, column: column.name }, [], column.grants ?? []);
  }
}

/** CREATE OR REPLACE VIEW may only append columns; anything else is a drop and a create. */
function viewReplaceable(a: View, b: View): boolean {
  if (a.materialized || b.materialized) return false;
  if (b.columns.length < a.columns.length) return false;
  return a.columns.every((column, i) => b.columns[i]?.name === column.name && b.columns[i]?.type === column.type);
}

function diffView(a: View, b: View, changes: Change[], context: Context, inPlace: boolean): void {
  const id = objectId(b.schema, b.name);
  const shape = (v: View) => ({ definition: v.definition, materialized: v.materialized, securityInvoker: v.securityInvoker, securityBarrier: v.securityBarrier, checkOption: v.checkOption, columns: v.columns.map(({ name, type }) => ({ name, type })) });
  if (!sameValue(shape(a), shape(b))) {
    if (inPlace && viewReplaceable(a, b)) changes.push({ kind: 'replace view', from: a, to: b });
    else {
      changes.push({ kind: 'drop view', view: a });
      createView(b, changes, context, a);
      return;
    }
  }
  diffIndexes(id, b.schema, a.indexes, b.indexes, changes);
  diffTriggers(id, a.triggers ?? {}, b.triggers ?? {}, changes);
  if (b.materialized) storage(changes, { type: 'materialized view', id }, a.storage, b.storage);
  changes.push(...viewColumnSettingsChanges(id, a, b));
  diffStatistics(id, a, b, changes);
  grants(changes, viewTarget(b), a.grants, b.grants);
  comment(changes, viewTarget(b), a.comment, b.comment);
  for (const column of b.columns) {
    const before = a.columns.find((c) => c.name === column.name);
    comment(changes, { type: 'column', relation: id, column: column.name }, before?.comment, column.comment);
    grants(changes, { type: 'column', table: id, column: column.name }, before?.grants ?? [], column.grants ?? []);
  }
}
