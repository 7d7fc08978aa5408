import { objectId } from '../../model/id.js';
import type { Check, Column, Constraint, Exclusion, ForeignKey, Grant, Index, PrimaryKey, Table, Unique } from '../../model/schema.js';
import { arr, bool, call, method, obj, optional, sqlText, str, strings, type Expr } from './code.js';
import { checkKey, pulledGrants, warn, type PullContext } from './context.js';
import { defaultModifier, type Modifier } from './defaults.js';
import { defaultName } from './names.js';
import { byName, collationSql, grantExprs, indexExpr, tableTarget } from './parts.js';
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
    if (constraint.kind === 'foreign key' && !constraint.match && !out.references.has(column)) out.references.set(column, constraint);
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
    ['name', fk.name !== defaultFkName ? str(fk.name) : undefined],
  ];
}

/** One column on one line: `uuid().primaryKey().defaultRandom().describe('...')`. */
function columnExpr(table: Table, column: Column, short: Shorthands, ctx: PullContext): Expr {
  const modifiers: Modifier[] = [];
  const primaryKey = short.primaryKey?.columns[0] === column.name;
  if (primaryKey) modifiers.push(['primaryKey', []]);
  if (column.identity) modifiers.push(['identity', column.identity === 'always' ? [str('always')] : []]);
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
  if (column.collation !== undefined) modifiers.push(['collate', [str(collationSql(column.collation, ctx.schema.namespaces))]]);
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

/** Constraints the column lines did not take, in the table's own options. */
function tableConstraints(table: Table, constraints: Constraint[], short: Shorthands, ctx: PullContext): [string, Expr | undefined][] {
  const id = objectId(table.schema, table.name);
  const taken = new Set<Constraint>([...(short.primaryKey ? [short.primaryKey] : []), ...short.unique.values(), ...short.references.values()]);
  const rest = constraints.filter((c) => !taken.has(c));
  for (const constraint of constraints) {
    if (constraint.comment !== undefined) warn(ctx, id, `the comment on constraint "${constraint.name}" cannot be declared and is left out`);
    if ((constraint.kind === 'primary key' || constraint.kind === 'unique' || constraint.kind === 'check' || constraint.kind === 'exclude') && (constraint.deferrable || constraint.initiallyDeferred)) {
      warn(ctx, id, `constraint "${constraint.name}" is deferrable, which only foreign keys can declare; it is pulled as not deferrable`);
    }
    if (constraint.kind === 'check' && constraint.noInherit) warn(ctx, id, `check "${constraint.name}" is NO INHERIT, which cannot be declared`);
  }
  const pk = rest.find((c): c is PrimaryKey => c.kind === 'primary key');
  const uniques = rest.filter((c): c is Unique => c.kind === 'unique');
  const checks = rest.filter((c): c is Check => c.kind === 'check');
  const fks = rest.filter((c): c is ForeignKey => c.kind === 'foreign key');
  const exclusions = rest.filter((c): c is Exclusion => c.kind === 'exclude');
  const pkExpr = pk && (pk.name === defaultName(table.name, undefined, 'pkey') ? strings(pk.columns) : obj([['columns', strings(pk.columns)], ['name', str(pk.name)]]));
  const uniqueExprs = uniques.map((u) => {
    const named = u.name !== defaultName(table.name, u.columns.join('_'), 'key');
    if (!named && !u.nullsNotDistinct) return strings(u.columns);
    return obj([['columns', strings(u.columns)], ['name', named ? str(u.name) : undefined], ['nullsNotDistinct', u.nullsNotDistinct ? bool(true) : undefined]]);
  });
  const fkExprs = fks.map((fk) =>
    obj([
      ['columns', strings(fk.columns)],
      ['references', tableTarget(fk.references.table)],
      ['referencedColumns', fk.references.columns.join('\0') !== fk.columns.join('\0') ? strings(fk.references.columns) : undefined],
      ['match', fk.match ? str('full') : undefined],
      ...referenceEntries(fk, defaultName(table.name, fk.columns.join('_'), 'fkey')),
    ]),
  );
  return [
    ['primaryKey', pkExpr],
    ['unique', uniqueExprs.length ? arr(uniqueExprs) : undefined],
    ['checks', checks.length ? obj(checks.map((c) => [c.name, sqlText(c.expression)])) : undefined],
    ['foreignKeys', fkExprs.length ? arr(fkExprs) : undefined],
    ['exclusions', exclusions.length ? obj(exclusions.map((c) => [c.name, sqlText(c.definition)])) : undefined],
  ];
}

/** `table('leads', { description, columns: {...}, indexes, triggers, rls, policies, grants })`. */
export function tableExpr(table: Table, ctx: PullContext): Expr {
  const constraints = byName(Object.values(table.constraints));
  const short = shorthands(table, constraints);
  const shortIndexes = new Set([...short.indexes.values()].flat());
  const indexes = byName(Object.values(table.indexes)).filter((index) => !shortIndexes.has(index));
  const rls = table.rls.enabled && !table.rls.forced ? bool(true) : table.rls.forced ? obj([['enabled', table.rls.enabled ? undefined : bool(false)], ['forced', bool(true)]]) : undefined;
  const options = obj([
    ['schema', table.schema !== 'public' ? str(table.schema) : undefined],
    ['description', table.comment !== undefined ? str(table.comment) : undefined],
    ['columns', obj(table.columns.map((column) => [checkKey(column.name, objectId(table.schema, table.name), 'column', ctx), columnExpr(table, column, short, ctx)]))],
    ...tableConstraints(table, constraints, short, ctx),
    ['indexes', indexes.length ? obj(indexes.map((index) => [index.name, indexExpr(index)])) : undefined],
    ['triggers', triggersExpr(table, ctx)],
    ['rls', rls],
    ['policies', policiesExpr(table)],
    ['grants', tableGrantsExpr(table, ctx)],
  ]);
  return call('table', str(table.name), options);
}

/** Table grants beyond the default privileges, then column privileges as grants naming their columns. */
function tableGrantsExpr(table: Table, ctx: PullContext): Expr | undefined {
  const grants = pulledGrants(ctx, 'tables', table.schema, table.grants, objectId(table.schema, table.name));
  const columnGrants = table.columns.flatMap((column) => (column.grants ?? []).map((grant) => ({ column: column.name, grant })));
  if (grants.length === 0 && columnGrants.length === 0) return undefined;
  // Columns granted the same privileges to the same role share one entry, in column order.
  const grouped = new Map<string, { grant: Grant; columns: string[] }>();
  for (const { column, grant } of columnGrants) {
    const key = JSON.stringify(grant);
    const entry = grouped.get(key) ?? { grant, columns: [] };
    entry.columns.push(column);
    grouped.set(key, entry);
  }
  const sortedGroups = [...grouped.values()].sort((a, b) => (a.grant.grantee < b.grant.grantee ? -1 : a.grant.grantee > b.grant.grantee ? 1 : 0));
  return arr([...grantExprs(grants), ...sortedGroups.map(({ grant, columns }) => grantExprs([grant], columns)[0]!)]);
}
