import { grantTargetObject, type Change } from '../../model/change.js';
import { aggregateId, aggregateIdentity } from '../../model/aggregate.js';
import { defaultPrivilegeId } from '../../model/default-privileges.js';
import { listDifferences } from '../../model/compare.js';
import { objectId } from '../../model/id.js';
import type { Schema, SourceLocation } from '../../model/schema.js';
import { describeDistribution } from '../../model/distribution.js';

/**
 * A DriftItem is one difference as a person or a CI job reads it: which object, whether it is
 * missing from the `from` state, unexpected in it, or changed, and field by field what the `to`
 * state expects against what `from` actually has.
 */
export interface DriftItem {
  /** The schema (namespace) the object lives in; grouping key of the report. */
  schema: string;
  /** table, column, view, function, policy... */
  type: string;
  /** The object as people name it: `public.leads`, `public.leads.status`, `public.leads (policy "x")`. */
  object: string;
  change: 'missing' | 'unexpected' | 'changed';
  details: { field: string; expected: unknown; actual: unknown }[];
  /** Where the object (or the table it belongs to) is declared, when the `to` state is definitions. */
  source?: SourceLocation;
  /**
   * The parts of a missing or unexpected table or view that differ with it (its comment, RLS,
   * policies, indexes...): reported under the one object, not as differences of their own.
   */
  parts?: string[];
}

function schemaOf(id: string): string {
  const dot = id.indexOf('.');
  return dot > 0 ? id.slice(0, dot).replace(/^"|"$/g, '') : id;
}

function fieldDetails(expected: unknown, actual: unknown) {
  return listDifferences(expected, actual).map((d) => ({ field: d.path || 'definition', expected: d.expected, actual: d.actual }));
}

/** Turns the differ's changes (from -> to) into report items; paired drop+create become one change. */
export function driftItems(changes: Change[], from: Schema, to: Schema): DriftItem[] {
  const items = new Map<string, DriftItem>();
  // Routines and aggregates are keyed with their arguments; items name them without, so index them once.
  const routineSources = new Map<string, SourceLocation>();
  for (const r of [...Object.values(to.routines), ...Object.values(to.aggregates ?? {})]) {
    const id = objectId(r.schema, r.name);
    if (r.source && !routineSources.has(id)) routineSources.set(id, r.source);
  }
  const sourceOf = (id: string): SourceLocation | undefined =>
    (to.tables[id] ?? to.views[id])?.source ??
    routineSources.get(id) ??
    to.enums[id]?.source ??
    to.domains[id]?.source ??
    to.composites?.[id]?.source ??
    to.ranges?.[id]?.source ??
    to.sequences[id]?.source ??
    to.namespaces[id]?.source ??
    to.extensions[id]?.source;
  // Triggers and policies on a preset's table were declared on their own (trigger(), policy()).
  const externalSources = new Map<string, SourceLocation>();
  for (const [table, external] of Object.entries(to.externalTables ?? {})) {
    for (const t of Object.values(external.triggers)) if (t.source) externalSources.set(`${table} (trigger "${t.name}")`, t.source);
    for (const p of Object.values(external.policies)) if (p.source) externalSources.set(`${table} (policy "${p.name}")`, p.source);
  }
  const owners = new Map<string, string>();
  const add = (type: string, object: string, owner: string, change: DriftItem['change'], details: DriftItem['details'] = [], declared?: SourceLocation) => {
    const key = `${type} ${object}`;
    const existing = items.get(key);
    if (existing) {
      // A drop and a create of the same object is one replacement.
      if (existing.change !== change) existing.change = 'changed';
      existing.details.push(...details);
      return;
    }
    const source = declared ?? sourceOf(owner) ?? externalSources.get(object);
    owners.set(key, owner);
    items.set(key, { schema: schemaOf(owner), type, object, change, details, ...(source ? { source } : {}) });
  };
  // A trigger on a preset's table (auth.users) is declared on its own, not with a table.
  const triggerSource = (table: string, name: string) => to.externalTables?.[table]?.triggers[name]?.source;
  const sub = (table: string, kind: string, name: string) => `${table} (${kind} "${name}")`;

  for (const c of changes) {
    switch (c.kind) {
      case 'create namespace':
      case 'drop namespace':
        add('schema', c.namespace.name, c.namespace.name, c.kind.startsWith('create') ? 'missing' : 'unexpected');
        break;
      case 'create extension':
      case 'drop extension':
        add('extension', c.extension.name, c.extension.schema, c.kind.startsWith('create') ? 'missing' : 'unexpected', [], to.extensions[c.extension.name]?.source);
        break;
      case 'alter extension':
        add('extension', c.to.name, c.to.schema, 'changed', [
          ...(c.from.schema !== c.to.schema ? [{ field: 'schema', expected: c.to.schema, actual: c.from.schema }] : []),
          ...(c.to.version !== undefined && c.to.version !== c.to.defaultVersion && c.from.version !== c.to.version ? [{ field: 'version', expected: c.to.version, actual: c.from.version }] : []),
        ]);
        break;
      case 'distribute table':
      case 'undistribute table': {
        // A changed distribution is an undo and a redo: one item, one detail.
        const expected = to.distributions?.[c.table];
        if (c.kind === 'undistribute table' && expected) break;
        const detail = { field: 'distribution', expected: describeDistribution(expected), actual: describeDistribution(from.distributions?.[c.table]) };
        add('distribution', c.table, c.table, c.kind === 'distribute table' ? (from.distributions?.[c.table] ? 'changed' : 'missing') : 'unexpected', [detail], expected?.source);
        break;
      }
      case 'alter distribution':
        add('distribution', c.table, c.table, 'changed', [{ field: 'distribution', expected: describeDistribution(c.to), actual: describeDistribution(c.from) }], c.to.source);
        break;
      case 'set replica identity':
        add('replica identity', c.table, c.table, 'changed', [{ field: 'replicaIdentity', expected: c.to ?? 'default', actual: c.from ?? 'default' }]);
        break;
      case 'set storage': {
        const t = c.target;
        const object = t.type === 'index' ? sub(t.relation, 'index', t.name) : t.id;
        add('storage', object, t.type === 'index' ? t.relation : t.id, 'changed', fieldDetails(c.to, c.from).map((d) => ({ ...d, field: `storage.${d.field}` })));
        break;
      }
      case 'create publication':
      case 'drop publication':
        add('publication', c.publication.name, c.publication.name, c.kind === 'create publication' ? 'missing' : 'unexpected');
        break;
      case 'alter publication':
        add('publication', c.to.name, c.to.name, 'changed', fieldDetails({ ...c.to, tables: undefined }, { ...c.from, tables: undefined }));
        break;
      case 'add publication table':
      case 'drop publication table':
        add('publication table', sub(c.table, 'publication', c.publication), c.table, c.kind === 'add publication table' ? 'missing' : 'unexpected');
        break;
      case 'create enum':
      case 'drop enum': {
        const id = objectId(c.enum.schema, c.enum.name);
        const other = c.kind === 'create enum' ? from.enums[id] : to.enums[id];
        add('enum', id, id, c.kind === 'create enum' ? 'missing' : 'unexpected', other ? [{ field: 'values', expected: to.enums[id]?.values, actual: from.enums[id]?.values }] : []);
        break;
      }
      case 'replace enum': {
        const id = objectId(c.to.schema, c.to.name);
        add('enum', id, id, 'changed', [{ field: 'values', expected: c.to.values, actual: c.from.values }]);
        break;
      }
      case 'add enum value': {
        const id = objectId(c.enum.schema, c.enum.name);
        add('enum', id, id, 'changed', [{ field: 'values', expected: c.enum.values, actual: from.enums[id]?.values }]);
        break;
      }
      case 'create domain':
      case 'drop domain': {
        const id = objectId(c.domain.schema, c.domain.name);
        add('domain', id, id, c.kind === 'create domain' ? 'missing' : 'unexpected', c.kind === 'create domain' && from.domains[id] ? fieldDetails(to.domains[id], from.domains[id]) : []);
        break;
      }
      case 'alter domain':
      case 'replace domain': {
        const id = objectId(c.to.schema, c.to.name);
        add('domain', id, id, 'changed', fieldDetails(c.to, c.from));
        break;
      }
      case 'create composite type':
      case 'drop composite type': {
        const id = objectId(c.type.schema, c.type.name);
        add('composite type', id, id, c.kind === 'create composite type' ? 'missing' : 'unexpected');
        break;
      }
      case 'alter composite type': {
        const id = objectId(c.to.schema, c.to.name);
        add('composite type', id, id, 'changed', [{ field: 'attributes', expected: c.to.attributes, actual: c.from.attributes }]);
        break;
      }
      case 'create range type':
      case 'drop range type': {
        // A drop and a create of the same range type (a changed option) become one change; its comment is an item of its own.
        const id = objectId(c.type.schema, c.type.name);
        const changed = c.kind === 'create range type' && from.ranges?.[id];
        add('range type', id, id, c.kind === 'create range type' ? 'missing' : 'unexpected', changed ? fieldDetails({ ...c.type, comment: undefined }, { ...from.ranges![id], comment: undefined }) : []);
        break;
      }
      case 'create sequence':
      case 'drop sequence': {
        const id = objectId(c.sequence.schema, c.sequence.name);
        add('sequence', id, id, c.kind === 'create sequence' ? 'missing' : 'unexpected');
        break;
      }
      case 'alter sequence': {
        const id = objectId(c.to.schema, c.to.name);
        if (to.sequences[id] && from.sequences[id]) add('sequence', id, id, 'changed', fieldDetails(c.to, c.from));
        break;
      }
      case 'create table':
      case 'drop table': {
        const id = objectId(c.table.schema, c.table.name);
        add('table', id, id, c.kind === 'create table' ? 'missing' : 'unexpected');
        break;
      }
      case 'copy rows': {
        // A table replaced to gain or lose partitioning: the drop and create say "changed", this says how.
        const id = objectId(c.to.schema, c.to.name);
        add('table', id, id, 'changed', [{ field: 'partitionBy', expected: c.to.partitionBy ?? null, actual: c.from.partitionBy ?? null }]);
        break;
      }
      case 'add column':
      case 'drop column':
        add('column', `${c.table}.${c.column.name}`, c.table, c.kind === 'add column' ? 'missing' : 'unexpected', [
          c.kind === 'add column' ? { field: 'type', expected: c.column.type, actual: undefined } : { field: 'type', expected: undefined, actual: c.column.type },
        ]);
        break;
      case 'alter column':
        add('column', `${c.table}.${c.to.name}`, c.table, 'changed', fieldDetails(c.to, c.from));
        break;
      case 'create statistics':
      case 'drop statistics':
        add('statistics', sub(c.table, 'statistics', c.statistics.name), c.table, c.kind === 'create statistics' ? 'missing' : 'unexpected');
        break;
      case 'alter statistics':
        add('statistics', sub(c.table, 'statistics', c.to.name), c.table, 'changed', fieldDetails(c.to, c.from));
        break;
      case 'set column settings':
        add('column', `${c.table}.${c.column}`, c.table, 'changed', fieldDetails(c.to, c.from));
        break;
      case 'add constraint':
      case 'drop constraint': {
        const other = c.kind === 'add constraint' ? from.tables[c.table]?.constraints[c.constraint.name] : to.tables[c.table]?.constraints[c.constraint.name];
        const details = other ? (c.kind === 'add constraint' ? fieldDetails(c.constraint, other) : fieldDetails(other, c.constraint)) : [];
        add('constraint', sub(c.table, 'constraint', c.constraint.name), c.table, c.kind === 'add constraint' ? 'missing' : 'unexpected', details);
        break;
      }
      case 'validate constraint':
        add('constraint', sub(c.table, 'constraint', c.constraint.name), c.table, 'changed', [{ field: 'notValid', expected: undefined, actual: true }]);
        break;
      case 'alter constraint':
        add('constraint', sub(c.table, 'constraint', c.to.name), c.table, 'changed', fieldDetails(c.to, c.from));
        break;
      case 'create index':
      case 'drop index': {
        const owner = from.tables[c.relation] ?? from.views[c.relation];
        const target = to.tables[c.relation] ?? to.views[c.relation];
        const other = c.kind === 'create index' ? owner?.indexes[c.index.name] : target?.indexes[c.index.name];
        const details = other ? (c.kind === 'create index' ? fieldDetails(c.index, other) : fieldDetails(other, c.index)) : [];
        add('index', sub(c.relation, 'index', c.index.name), c.relation, c.kind === 'create index' ? 'missing' : 'unexpected', details);
        break;
      }
      case 'create routine':
      case 'drop routine': {
        const id = objectId(c.routine.schema, c.routine.name);
        const args = c.routine.arguments.filter((a) => a.mode !== 'out').map((a) => a.type).join(', ');
        add(c.routine.kind, `${id}(${args})`, id, c.kind === 'create routine' ? 'missing' : 'unexpected');
        break;
      }
      case 'replace routine': {
        const id = objectId(c.to.schema, c.to.name);
        const args = c.to.arguments.filter((a) => a.mode !== 'out').map((a) => a.type).join(', ');
        add(c.to.kind, `${id}(${args})`, id, 'changed', fieldDetails(c.to, c.from));
        break;
      }
      case 'create aggregate':
      case 'drop aggregate': {
        const id = objectId(c.aggregate.schema, c.aggregate.name);
        const before = from.aggregates?.[aggregateId(c.aggregate)];
        const details = c.kind === 'create aggregate' && before ? fieldDetails({ ...c.aggregate, grants: undefined }, { ...before, grants: undefined }) : [];
        add('aggregate', `${id}(${aggregateIdentity(c.aggregate).join(', ')})`, id, c.kind === 'create aggregate' ? 'missing' : 'unexpected', details, c.aggregate.source);
        break;
      }
      case 'replace aggregate': {
        const id = objectId(c.to.schema, c.to.name);
        add('aggregate', `${id}(${aggregateIdentity(c.to).join(', ')})`, id, 'changed', fieldDetails({ ...c.to, grants: undefined }, { ...c.from, grants: undefined }), c.to.source);
        break;
      }
      case 'create view':
      case 'drop view': {
        const id = objectId(c.view.schema, c.view.name);
        const type = c.view.materialized ? 'materialized view' : 'view';
        const details = c.kind === 'create view' && from.views[id] ? fieldDetails({ ...to.views[id], indexes: undefined }, { ...from.views[id], indexes: undefined }) : [];
        add(type, id, id, c.kind === 'create view' ? 'missing' : 'unexpected', details);
        break;
      }
      case 'replace view': {
        const id = objectId(c.to.schema, c.to.name);
        add(c.to.materialized ? 'materialized view' : 'view', id, id, 'changed', fieldDetails({ ...c.to, indexes: undefined }, { ...c.from, indexes: undefined }));
        break;
      }
      case 'create trigger':
      case 'drop trigger': {
        const other = c.kind === 'create trigger' ? from.tables[c.table]?.triggers[c.trigger.name] : to.tables[c.table]?.triggers[c.trigger.name];
        const details = other ? (c.kind === 'create trigger' ? fieldDetails(c.trigger, other) : fieldDetails(other, c.trigger)) : [];
        add('trigger', sub(c.table, 'trigger', c.trigger.name), c.table, c.kind === 'create trigger' ? 'missing' : 'unexpected', details, triggerSource(c.table, c.trigger.name));
        break;
      }
      case 'attach partition':
      case 'detach partition':
        add('partition', c.table, c.table, 'changed', [
          { field: 'partitionOf', expected: to.tables[c.table]?.partitionOf ?? null, actual: from.tables[c.table]?.partitionOf ?? null },
        ]);
        break;
      case 'inherit':
      case 'no inherit':
        add('inheritance', c.table, c.table, 'changed', [{ field: 'inherits', expected: to.tables[c.table]?.inherits ?? [], actual: from.tables[c.table]?.inherits ?? [] }]);
        break;
      case 'set logged':
        add('table', c.table, c.table, 'changed', [{ field: 'unlogged', expected: c.unlogged, actual: !c.unlogged }]);
        break;
      case 'set row level security':
        add('row level security', c.table, c.table, 'changed', fieldDetails(c.to, c.from));
        break;
      case 'create policy':
      case 'drop policy':
        add('policy', sub(c.table, 'policy', c.policy.name), c.table, c.kind === 'create policy' ? 'missing' : 'unexpected');
        break;
      case 'alter policy':
        add('policy', sub(c.table, 'policy', c.to.name), c.table, 'changed', fieldDetails(c.to, c.from));
        break;
      case 'rename': {
        const t = c.target;
        const owner = 'enum' in t ? t.enum : 'table' in t ? t.table : 'composite' in t ? t.composite : 'routine' in t ? objectId(t.routine.schema, c.to) : objectId(t.schema, c.to);
        add(t.type, 'table' in t ? `${t.table}.${c.from}` : 'composite' in t ? `${t.composite}.${c.from}` : owner, owner, 'changed', [{ field: 'name', expected: c.to, actual: c.from }]);
        break;
      }
      case 'set grants': {
        const { object, owner } = grantTargetObject(c.target);
        add('grants', object, owner, 'changed', [{ field: 'grants', expected: c.to, actual: c.from }]);
        break;
      }
      case 'set default privileges': {
        const entry = (c.to ?? c.from)!;
        const change = c.from === undefined ? 'missing' : c.to === undefined ? 'unexpected' : 'changed';
        add('default privileges', `default privileges on ${defaultPrivilegeId(entry)}`, entry.inSchema ?? 'global', change, [{ field: 'grants', expected: c.to?.grants ?? null, actual: c.from?.grants ?? null }]);
        break;
      }
      case 'set comment': {
        const t = c.target;
        const object = t.type === 'schema' || t.type === 'publication' || t.type === 'extension' ? t.name : t.type === 'column' ? `${t.relation}.${t.column}` : t.type === 'index' ? objectId(t.schema, t.name) : 'table' in t ? sub(t.table, t.type, t.name) : 'domain' in t ? sub(t.domain, 'constraint', t.name) : t.id;
        const owner = t.type === 'schema' || t.type === 'publication' || t.type === 'extension' ? t.name : t.type === 'column' ? t.relation : t.type === 'index' ? objectId(t.schema, t.name) : 'table' in t ? t.table : 'domain' in t ? t.domain : t.id;
        add('comment', object, owner, 'changed', [{ field: `comment on ${t.type}`, expected: c.to ?? null, actual: c.from ?? null }]);
        break;
      }
    }
  }
  return foldParts([...items.entries()], owners).sort((a, b) => a.schema.localeCompare(b.schema) || a.object.localeCompare(b.object) || a.type.localeCompare(b.type));
}

const relationTypes = new Set(['table', 'view', 'materialized view']);

/** A missing (or unexpected) table takes along the items of its own parts: one object, one difference. */
function foldParts(entries: [string, DriftItem][], owners: Map<string, string>): DriftItem[] {
  const whole = new Map(entries.filter(([, item]) => relationTypes.has(item.type) && item.change !== 'changed').map(([, item]) => [item.object, item]));
  const kept: DriftItem[] = [];
  for (const [key, item] of entries) {
    const owner = whole.get(owners.get(key)!);
    if (!owner || owner === item || (item.change !== owner.change && item.change !== 'changed')) {
      kept.push(item);
      continue;
    }
    const prefix = `${owner.object} (`;
    const name = item.object.startsWith(prefix) ? item.object.slice(prefix.length, -1) : item.object === owner.object ? item.type : `${item.type} ${item.object}`;
    owner.parts = [...(owner.parts ?? []), item.type === 'comment' && item.object !== owner.object ? `comment on ${item.object}` : name];
  }
  for (const item of whole.values()) item.parts?.sort();
  return kept;
}
