import fc from 'fast-check';
import { objectId } from '../../src/model/id.js';
import { column, columnType, foreignKeyRaw, grant, indexRaw, policyRaw, resolveIndex, resolvePolicy, resolveTable, resolveTrigger, tableRaw, triggerRaw } from './arbitraries.js';
import { mutation, pick, type Mutation } from './mutation.js';
import { names, wideningTypes, type ColumnSpec, type Spec, type TableSpec } from './spec.js';

/** Mutations of tables and their columns, constraints, indexes, triggers, policies and grants. */

const t = fc.nat();
const c = fc.nat();
const comment = fc.option(fc.constantFrom(...names.comments), { nil: undefined });

function tableAt(spec: Spec, at: number): TableSpec | undefined {
  return pick(spec.tables, at);
}

function columnAt(spec: Spec, at: number, col: number): { table: TableSpec; column: ColumnSpec } | undefined {
  const table = tableAt(spec, at);
  const column = table && pick(table.columns, col);
  return table && column ? { table, column } : undefined;
}

const columnNames = (table: TableSpec) => table.columns.map((x) => x.name);

export const tableMutations: Mutation[] = [
  mutation('table.add', tableRaw, (spec, raw) => {
    if (spec.tables.some((x) => x.name === raw.name)) return false;
    spec.tables.push(resolveTable(raw, spec));
  }),
  mutation('table.drop', t, (spec, at) => {
    if (!spec.tables.length) return false;
    spec.tables.splice(at % spec.tables.length, 1);
  }),
  mutation('table.comment', fc.tuple(t, comment), (spec, [at, text]) => {
    const table = tableAt(spec, at);
    if (!table) return false;
    table.comment = text;
  }),
  mutation('column.add', fc.tuple(t, column), (spec, [at, col]) => {
    const table = tableAt(spec, at);
    if (!table || table.columns.some((x) => x.name === col.name)) return false;
    table.columns.push(col);
  }),
  mutation('column.insert', fc.tuple(t, column, c), (spec, [at, col, position]) => {
    const table = tableAt(spec, at);
    if (!table || table.columns.some((x) => x.name === col.name)) return false;
    table.columns.splice(position % table.columns.length, 0, col);
  }),
  mutation('column.drop', fc.tuple(t, c), (spec, [at, col]) => {
    const table = tableAt(spec, at);
    if (!table || table.columns.length < 2) return false;
    table.columns.splice(col % table.columns.length, 1);
  }),
  mutation('column.type.widen', fc.tuple(t, c, fc.nat()), (spec, [at, col, n]) => {
    const found = columnAt(spec, at, col);
    const wider = found && wideningTypes[found.column.type];
    if (!found || !wider) return false;
    found.column.type = pick(wider, n)!;
  }),
  mutation('column.type.change', fc.tuple(t, c, columnType), (spec, [at, col, type]) => {
    const found = columnAt(spec, at, col);
    if (!found || found.column.type === type) return false;
    found.column.type = type;
  }),
  mutation('column.notNull', fc.tuple(t, c), (spec, [at, col]) => {
    const found = columnAt(spec, at, col);
    if (!found) return false;
    found.column.notNull = !found.column.notNull;
  }),
  mutation('column.default', fc.tuple(t, c, fc.option(fc.constantFrom<0 | 1>(0, 1), { nil: undefined })), (spec, [at, col, value]) => {
    const found = columnAt(spec, at, col);
    if (!found || found.column.default === value) return false;
    found.column.default = value;
  }),
  mutation('column.identity', fc.tuple(t, c, fc.option(fc.constantFrom<'always' | 'by default'>('always', 'by default'), { nil: undefined })), (spec, [at, col, value]) => {
    const found = columnAt(spec, at, col);
    if (!found || found.column.identity === value) return false;
    found.column.identity = value;
  }),
  mutation('column.generated', fc.tuple(t, c, fc.option(fc.constantFrom<0 | 1>(0, 1), { nil: undefined })), (spec, [at, col, value]) => {
    const found = columnAt(spec, at, col);
    if (!found || found.column.generated === value) return false;
    found.column.generated = value;
  }),
  mutation('column.unique', fc.tuple(t, c), (spec, [at, col]) => {
    const found = columnAt(spec, at, col);
    if (!found) return false;
    found.column.unique = found.column.unique ? undefined : true;
  }),
  mutation('column.check', fc.tuple(t, c, fc.option(fc.constantFrom<0 | 1>(0, 1), { nil: undefined })), (spec, [at, col, value]) => {
    const found = columnAt(spec, at, col);
    if (!found || found.column.check === value) return false;
    found.column.check = value;
  }),
  mutation('column.index', fc.tuple(t, c, fc.option(fc.constantFrom<'asc' | 'desc'>('asc', 'desc'), { nil: undefined })), (spec, [at, col, value]) => {
    const found = columnAt(spec, at, col);
    if (!found || found.column.index === value) return false;
    found.column.index = value;
  }),
  mutation('column.comment', fc.tuple(t, c, comment), (spec, [at, col, text]) => {
    const found = columnAt(spec, at, col);
    if (!found || found.column.comment === text) return false;
    found.column.comment = text;
  }),
  mutation('primaryKey.set', fc.tuple(t, fc.array(c, { maxLength: 2 })), (spec, [at, cols]) => {
    const table = tableAt(spec, at);
    if (!table) return false;
    table.primaryKey = [...new Set(cols.map((n) => pick(columnNames(table), n)!))];
  }),
  mutation('unique.toggle', fc.tuple(t, c, c), (spec, [at, x, y]) => {
    const table = tableAt(spec, at);
    if (!table) return false;
    table.uniques = table.uniques.length ? [] : [[pick(columnNames(table), x)!, pick(columnNames(table), y)!]];
  }),
  mutation('foreignKey.add', fc.tuple(t, foreignKeyRaw), (spec, [at, fk]) => {
    const i = spec.tables.length ? at % spec.tables.length : -1;
    const table = spec.tables[i];
    if (!table) return false;
    const targets = spec.tables.slice(0, i + 1);
    const target = pick(targets, fk.target)!;
    table.foreignKeys.push({ column: fk.column, references: objectId(target.schema, target.name), onDelete: fk.onDelete, notNull: fk.notNull });
  }),
  mutation('foreignKey.drop', fc.tuple(t, fc.nat()), (spec, [at, j]) => {
    const table = tableAt(spec, at);
    if (!table?.foreignKeys.length) return false;
    table.foreignKeys.splice(j % table.foreignKeys.length, 1);
  }),
  mutation('foreignKey.alter', fc.tuple(t, fc.nat(), foreignKeyRaw), (spec, [at, j, change]) => {
    const fk = pick(tableAt(spec, at)?.foreignKeys ?? [], j);
    if (!fk) return false;
    fk.onDelete = change.onDelete;
    fk.notNull = change.notNull;
  }),
  mutation('index.add', fc.tuple(t, indexRaw), (spec, [at, raw]) => {
    const table = tableAt(spec, at);
    if (!table) return false;
    table.indexes.push(resolveIndex(raw, columnNames(table)));
  }),
  mutation('index.drop', fc.tuple(t, fc.nat()), (spec, [at, j]) => {
    const table = tableAt(spec, at);
    if (!table?.indexes.length) return false;
    table.indexes.splice(j % table.indexes.length, 1);
  }),
  mutation('index.alter', fc.tuple(t, fc.nat(), fc.constantFrom('desc', 'unique', 'partial', 'lower', 'keys', 'comment'), c, comment), (spec, [at, j, what, col, text]) => {
    const table = tableAt(spec, at);
    const index = pick(table?.indexes ?? [], j);
    if (!table || !index) return false;
    const first = index.keys[0]!;
    if (what === 'desc') first.desc = first.desc ? undefined : true;
    if (what === 'lower') first.lower = first.lower ? undefined : true;
    if (what === 'unique') index.unique = index.unique ? undefined : true;
    if (what === 'partial') index.partial = index.partial ? undefined : true;
    if (what === 'keys') index.keys = index.keys.length > 1 ? index.keys.slice(1) : [...index.keys, { column: pick(columnNames(table), col)! }];
    if (what === 'comment') index.comment = text;
  }),
  mutation('trigger.add', fc.tuple(t, triggerRaw), (spec, [at, raw]) => {
    const table = tableAt(spec, at);
    const trigger = table && resolveTrigger(raw, spec, columnNames(table));
    if (!table || !trigger) return false;
    table.triggers.push(trigger);
  }),
  mutation('trigger.drop', fc.tuple(t, fc.nat()), (spec, [at, j]) => {
    const table = tableAt(spec, at);
    if (!table?.triggers.length) return false;
    table.triggers.splice(j % table.triggers.length, 1);
  }),
  mutation('trigger.alter', fc.tuple(t, fc.nat(), triggerRaw, fc.constantFrom('events', 'timing', 'level', 'when', 'enabled', 'arguments', 'updateOf', 'comment')), (spec, [at, j, raw, what]) => {
    const table = tableAt(spec, at);
    const trigger = pick(table?.triggers ?? [], j);
    const other = table && resolveTrigger(raw, spec, columnNames(table));
    if (!trigger || !other) return false;
    if (what === 'events') trigger.events = other.events;
    if (what === 'timing') trigger.timing = trigger.timing === 'before' ? 'after' : 'before';
    if (what === 'level') trigger.level = trigger.level === 'row' ? 'statement' : 'row';
    if (what === 'when') trigger.when = other.when;
    if (what === 'enabled') trigger.enabled = other.enabled;
    if (what === 'arguments') trigger.arguments = other.arguments;
    if (what === 'updateOf') trigger.updateOf = other.updateOf;
    if (what === 'comment') trigger.comment = other.comment;
  }),
  mutation('rls.set', fc.tuple(t, fc.boolean(), fc.boolean()), (spec, [at, enabled, forced]) => {
    const table = tableAt(spec, at);
    if (!table) return false;
    table.rls = { enabled, forced };
  }),
  mutation('policy.add', fc.tuple(t, policyRaw), (spec, [at, raw]) => {
    const table = tableAt(spec, at);
    if (!table) return false;
    table.policies.push(resolvePolicy(raw, spec, columnNames(table)));
  }),
  mutation('policy.drop', fc.tuple(t, fc.nat()), (spec, [at, j]) => {
    const table = tableAt(spec, at);
    if (!table?.policies.length) return false;
    table.policies.splice(j % table.policies.length, 1);
  }),
  mutation('policy.alter', fc.tuple(t, fc.nat(), policyRaw, fc.constantFrom('command', 'roles', 'permissive', 'using', 'withCheck', 'comment')), (spec, [at, j, raw, what]) => {
    const table = tableAt(spec, at);
    const policy = pick(table?.policies ?? [], j);
    if (!table || !policy) return false;
    const other = resolvePolicy(raw, spec, columnNames(table));
    if (what === 'command') policy.command = other.command;
    if (what === 'roles') policy.roles = other.roles;
    if (what === 'permissive') policy.permissive = !policy.permissive;
    if (what === 'using') policy.using = other.using;
    if (what === 'withCheck') policy.withCheck = other.withCheck;
    if (what === 'comment') policy.comment = other.comment;
  }),
  mutation('grants.set', fc.tuple(t, fc.array(grant, { maxLength: 2 })), (spec, [at, grants]) => {
    const table = tableAt(spec, at);
    if (!table) return false;
    table.grants = grants;
  }),
];
