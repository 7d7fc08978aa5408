import { objectId } from '../../model/id.js';
import { realtimePublication, type Check, type Column, type Constraint, type Exclusion, type ForeignKey, type Grant, type Index, type PrimaryKey, type Table, type Unique } from '../../model/schema.js';
import { arr, bool, call, method, num, obj, optional, sqlText, str, strings, type Expr } from './code.js';
import { checkKey, pulledGrants, warn, type PullContext } from './context.js';
import { defaultModifier, type Modifier } from './defaults.js';
import { defaultName } from './names.js';
import { statisticsExpr } from './statistics.js';
import { byName, collationSql, columnOptionsExpr, indexExpr, relationGrantsExpr, storageExpr, tableTarget } from './parts.js';
import { ownColumns, partitionEntries } from './partition.js';
import { policiesExpr, triggersExpr } from './table-rules.js';
import { columnType } from './types.js';

/** What a column declares on its own line instead of at table level. */
interface Shorthands {
  primaryKey?: PrimaryKey;
  unique: Map<string, Unique>;
  references: Map<string, ForeignKey>;
  indexes: Map<string, Index[]>;
}

/** The column a single index key names (`email`, `"Mixed Case" DESC`), and whether it is descending. */
function keyColumn(key: string): { column: string; descending: boolean } | undefined {
  const match = /^(?:"((?:[^"]|"")+)"|([a-z_][a-z0-9_$]*))( DESC)?$/.exec(key);
  if (!match) return undefined;
  return { column: match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]!, descending: Boolean(match[3]) };
}

/**
 * Picks the constraints and indexes a column shorthand reproduces exactly: the name the DSL
 * would give, and nothing the shorthand cannot say (deferral, comments, MATCH FULL, INCLUDE...).
 */
function shorthands(table: Table, constraints: Constraint[]): Shorthands {
  const out: Shorthands = { unique: new Map(), references: new Map(), indexes: new Map() };
  const columns = new Set(table.columns.map((c) => c.name));
  for (const constraint of constraints) {
    const [column] = 'columns' in constraint && constraint.columns.length === 1 ? constraint.columns : [];
    if (column === undefined || constraint.comment !== undefined) continue;
    const plain = !constraint.deferrable && !constraint.initiallyDeferred;
    if (constraint.kind === 'primary key' && plain && constraint.name === defaultName(table.name, undefined, 'pkey')) out.primaryKey = constraint;
    if (constraint.kind === 'unique' && plain && !out.unique.has(column)) out.unique.set(column, constraint);
    if (constraint.kind === 'foreign key' && !constraint.match && !constraint.onDeleteColumns && !out.references.has(column)) out.references.set(column, constraint);
  }
  for (const index of byName(Object.values(table.indexes))) {
    const key = index.keys.length === 1 ? keyColumn(index.keys[0]!) : undefined;
    if (!key || !columns.has(key.column) || index.name !== `idx_${table.name}_${key.column}`) continue;
    if (index.include.length || index.nullsNotDistinct || index.comment !== undefined) continue;
    out.indexes.set(key.column, [...(out.indexes.get(key.column) ?? []), index]);
  }
  return out;
}

const actionName = (action: ForeignKey['onDelete']) => (action === 'NO ACTION' ? undefined : str(action.toLowerCase()));

function referenceEntries(fk: ForeignKey, defaultFkName: string): [string, Expr | undefined][] {
  return [
    ['onDelete', actionName(fk.onDelete)],
    ['onUpdate', actionName(fk.onUpdate)],
    ['deferrable', fk.deferrable ? bool(true) : undefined],
    ['initiallyDeferred', fk.initiallyDeferred ? bool(true) : undefined],
    ['notValid', fk.notValid ? bool(true) : undefined],
    ['name', fk.name !== defaultFkName ? str(fk.name) : undefined],
  ];
}

/** One column on one line: `uuid().primaryKey().defaultRandom().describe('...')`. */
function columnExpr(table: Table, column: Column, short: Shorthands, ctx: PullContext): Expr {
  const modifiers: Modifier[] = [];
  const primaryKey = short.primaryKey?.columns[0] === column.name;
  if (primaryKey) modifiers.push(['primaryKey', []]);
  if (column.identity) modifiers.push(['identity', identityArguments(column)]);
  if (column.notNull && !primaryKey && !column.identity) modifiers.push(['notNull', []]);
  const unique = short.unique.get(column.name);
  if (unique) {
    const options = obj([
      ['name', unique.name !== defaultName(table.name, column.name, 'key') ? str(unique.name) : undefined],
      ['nullsNotDistinct', unique.nullsNotDistinct ? bool(true) : undefined],
    ]);
    modifiers.push(['unique', optional(options) ? [options] : []]);
  }
  const defaultValue = defaultModifier(column);
  if (defaultValue) modifiers.push(defaultValue);
  if (column.generated !== undefined) modifiers.push(['generated', [sqlText(column.generated)]]);
  if (column.collation !== undefined) modifiers.push(['collate', [str(collationSql(column.collation))]]);
  if (column.storage !== undefined) modifiers.push(['storage', [str(column.storage)]]);
  if (column.compression !== undefined) modifiers.push(['compression', [str(column.compression)]]);
  if (column.statistics !== undefined) modifiers.push(['statistics', [num(column.statistics)]]);
  if (column.options !== undefined) modifiers.push(['options', [columnOptionsExpr(column.options)]]);
  const fk = short.references.get(column.name);
  if (fk) {
    const options = optional(obj(referenceEntries(fk, defaultName(table.name, column.name, 'fkey'))));
    modifiers.push(['references', [tableTarget(fk.references.table), str(fk.references.columns[0]!), ...(options ? [options] : [])]]);
  }
  for (const index of short.indexes.get(column.name) ?? []) {
    const options = obj([
      ['unique', index.unique ? bool(true) : undefined],
      ['method', index.method !== 'btree' ? str(index.method) : undefined],
      ['where', index.where !== undefined ? sqlText(index.where) : undefined],
      ['descending', keyColumn(index.keys[0]!)!.descending ? bool(true) : undefined],
    ]);
    modifiers.push(['index', optional(options) ? [options] : []]);
  }
  if (column.comment !== undefined) modifiers.push(['describe', [str(column.comment)]]);
  const start = columnType(column.type, ctx, { object: objectId(table.schema, table.name), what: `column "${column.name}"` });
  return modifiers.reduce((expr, [name, args]) => method(expr, name, ...args), start);
}

/** `identity()`, `identity('always')`, or `identity({ always: true, start: 100, ... })` with options. */
function identityArguments(column: Column): Expr[] {
  const options = column.identityOptions ?? {};
  if (Object.keys(options).length === 0) return column.identity === 'always' ? [str('always')] : [];
  return [
    obj([
      ['always', column.identity === 'always' ? bool(true) : undefined],
      ...(['start', 'increment', 'min', 'max', 'cache'] as const).map((key): [string, Expr | undefined] => [key, options[key] !== undefined ? num(options[key]!) : undefined]),
      ['cycle', options.cycle ? bool(true) : undefined],
    ]),
  ];
}

const deferralEntries = (constraint: Constraint): [string, Expr | undefined][] => [
  ['deferrable', constraint.deferrable ? bool(true) : undefined],
  ['initiallyDeferred', constraint.initiallyDeferred ? bool(true) : undefined],
];

/** Constraints the column lines did not take, in the table's own options. */
function tableConstraints(table: Table, constraints: Constraint[], short: Shorthands, ctx: PullContext): [string, Expr | undefined][] {
  const id = objectId(table.schema, table.name);
  const taken = new Set<Constraint>([...(short.primaryKey ? [short.primaryKey] : []), ...short.unique.values(), ...short.references.values()]);
  const rest = constraints.filter((c) => !taken.has(c));
  for (const constraint of constraints) {
    if (constraint.comment !== undefined) warn(ctx, id, `the comment on constraint "${constraint.name}" cannot be declared and is left out`);
  }
  const pk = rest.find((c): c is PrimaryKey => c.kind === 'primary key');
  const uniques = rest.filter((c): c is Unique => c.kind === 'unique');
  const checks = rest.filter((c): c is Check => c.kind === 'check');
  const fks = rest.filter((c): c is ForeignKey => c.kind === 'foreign key');
  const exclusions = rest.filter((c): c is Exclusion => c.kind === 'exclude');
  const plainPk = pk && pk.name === defaultName(table.name, undefined, 'pkey') && !pk.deferrable && !pk.initiallyDeferred;
  const pkExpr = pk && (plainPk ? strings(pk.columns) : obj([['columns', strings(pk.columns)], ['name', pk.name !== defaultName(table.name, undefined, 'pkey') ? str(pk.name) : undefined], ...deferralEntries(pk)]));
  const uniqueExprs = uniques.map((u) => {
    const named = u.name !== defaultName(table.name, u.columns.join('_'), 'key');
    if (!named && !u.nullsNotDistinct && !u.deferrable && !u.initiallyDeferred) return strings(u.columns);
    return obj([['columns', strings(u.columns)], ['name', named ? str(u.name) : undefined], ['nullsNotDistinct', u.nullsNotDistinct ? bool(true) : undefined], ...deferralEntries(u)]);
  });
  const checkExpr = (c: Check): Expr =>
    c.notValid || c.noInherit ? obj([['expression', sqlText(c.expression)], ['notValid', c.notValid ? bool(true) : undefined], ['noInherit', c.noInherit ? bool(true) : undefined]]) : sqlText(c.expression);
  const exclusionExpr = (c: Exclusion): Expr => (c.deferrable || c.initiallyDeferred ? obj([['definition', sqlText(c.definition)], ...deferralEntries(c)]) : sqlText(c.definition));
  const fkExprs = fks.map((fk) =>
    obj([
      ['columns', strings(fk.columns)],
      ['references', tableTarget(fk.references.table)],
      ['referencedColumns', fk.references.columns.join('\0') !== fk.columns.join('\0') ? strings(fk.references.columns) : undefined],
      ['match', fk.match ? str('full') : undefined],
      ...referenceEntries(fk, defaultName(table.name, fk.columns.join('_'), 'fkey')),
      ['onDeleteColumns', fk.onDeleteColumns ? strings(fk.onDeleteColumns) : undefined],
    ]),
  );
  return [
    ['primaryKey', pkExpr],
    ['unique', uniqueExprs.length ? arr(uniqueExprs) : undefined],
    ['checks', checks.length ? obj(checks.map((c) => [c.name, checkExpr(c)])) : undefined],
    ['foreignKeys', fkExprs.length ? arr(fkExprs) : undefined],
    ['exclusions', exclusions.length ? obj(exclusions.map((c) => [c.name, exclusionExpr(c)])) : undefined],
  ];
}

/** `table('leads', { description, columns: {...}, indexes, triggers, rls, policies, grants })`. */
export function tableExpr(table: Table, ctx: PullContext, options: { shorthands?: boolean } = {}): Expr {
  const constraints = byName(Object.values(table.constraints));
  // Without shorthands every constraint and index is a keyed table-level entry: `pull` compares
  // tables part by part that way when it merges into existing definitions.
  const short = options.shorthands === false ? { unique: new Map(), references: new Map(), indexes: new Map() } : shorthands(table, constraints);
  const shortIndexes = new Set([...short.indexes.values()].flat());
  const indexes = byName(Object.values(table.indexes)).filter((index) => !shortIndexes.has(index));
  const columns = ownColumns(table, table.partitionOf ? ctx.schema.tables[table.partitionOf.parent] : undefined);
  const rls = table.rls.enabled && !table.rls.forced ? bool(true) : table.rls.forced ? obj([['enabled', table.rls.enabled ? undefined : bool(false)], ['forced', bool(true)]]) : undefined;
  const entries = obj([
    ['schema', table.schema !== 'public' ? str(table.schema) : undefined],
    ['description', table.comment !== undefined ? str(table.comment) : undefined],
    ['columns', columns.length || !(table.partitionOf || table.inherits) ? obj(columns.map((column) => [checkKey(column.name, objectId(table.schema, table.name), 'column', ctx), columnExpr(table, column, short, ctx)])) : undefined],
    ...partitionEntries(table),
    ['unlogged', table.unlogged ? bool(true) : undefined],
    ...tableConstraints(table, constraints, short, ctx),
    ['indexes', indexes.length ? obj(indexes.map((index) => [index.name, indexExpr(index)])) : undefined],
    ['statistics', statisticsExpr(table)],
    ['triggers', triggersExpr(table, ctx)],
    ['rls', rls],
    ['policies', policiesExpr(table)],
    ['grants', tableGrantsExpr(table, ctx)],
    ['storage', storageExpr(table.storage)],
    ['replicaIdentity', replicaIdentityExpr(table)],
    ...membershipEntries(objectId(table.schema, table.name), ctx),
    ...distributionEntries(table, ctx),
  ]);
  return call('table', str(table.name), entries);
}

/**
 * Citus: `reference: true`, or `distributed: { by, colocateWith, shardCount }`. The shard count is
 * written for a group's first table only: the others have their group's.
 */
function distributionEntries(table: Table, ctx: PullContext): [string, Expr | undefined][] {
  const d = ctx.schema.distributions?.[objectId(table.schema, table.name)];
  if (!d) return [];
  if (d.kind === 'reference') return [['reference', bool(true)]];
  const other = d.colocateWith ? ctx.schema.tables[d.colocateWith] : undefined;
  const colocateWith = other ? str(other.schema === table.schema ? other.name : `${other.schema}.${other.name}`) : undefined;
  return [['distributed', obj([['by', str(d.column)], ['colocateWith', colocateWith], ['shardCount', !colocateWith && d.shardCount !== undefined ? num(d.shardCount) : undefined]])]];
}

function replicaIdentityExpr(table: Table): Expr | undefined {
  const identity = table.replicaIdentity;
  if (identity === undefined) return undefined;
  return typeof identity === 'object' ? obj([['index', str(identity.index)]]) : str(identity);
}

/** `realtime: true` for Supabase Realtime's publication, `publications: [...]` for the others a plain member of. */
function membershipEntries(id: string, ctx: PullContext): [string, Expr | undefined][] {
  for (const p of Object.values(ctx.schema.publications)) {
    const member = p.tables[id];
    if (p.external && member && (member.columns !== undefined || member.where !== undefined)) {
      warn(ctx, id, `publication ${p.name} narrows the table to some columns or rows, which realtime: true cannot say; it is pulled as the whole table`);
    }
  }
  const memberOf = Object.values(ctx.schema.publications).filter((p) => {
    const member = p.tables[id];
    return member !== undefined && member.columns === undefined && member.where === undefined;
  });
  const realtime = memberOf.some((p) => p.name === realtimePublication);
  const others = memberOf.filter((p) => p.name !== realtimePublication).map((p) => p.name);
  return [
    ['realtime', realtime ? bool(true) : undefined],
    ['publications', others.length ? strings(others) : undefined],
  ];
}

/** Table grants beyond the default privileges, then column privileges as grants naming their columns. */
function tableGrantsExpr(table: Table, ctx: PullContext): Expr | undefined {
  return relationGrantsExpr(pulledGrants(ctx, 'tables', table.schema, table.grants, objectId(table.schema, table.name)), table.columns);
}

