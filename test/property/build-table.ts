import { ColumnBuilder } from '../../src/dsl/column.js';
import { objectName } from '../../src/dsl/names.js';
import { sql } from '../../src/dsl/sql.js';
import { table, type IndexInput, type PolicyInput, type TableDef, type TriggerInput } from '../../src/dsl/table.js';
import { column } from '../../src/dsl/types.js';
import { objectId } from '../../src/model/id.js';
import { ident } from '../../src/sql/quote.js';
import { functionCall, type BuildContext } from './build.js';
import { enumOfType, keyTypes, type ColumnSpec, type ExpressionSpec, type PolicySpec, type TableSpec, type TriggerSpec } from './spec.js';
import { exclusions } from './exclusions.js';
import { checkSql, defaultSql, isTextual, kindOf, type TypeKind } from './values.js';

/** One column as the builder keeps it: spec, resolved DSL builder and kind. */
interface BuiltColumn {
  name: string;
  type: string;
  kind: TypeKind;
  builder: ColumnBuilder;
  generated?: boolean;
}

/**
 * A table spec as a `table()` definition, with what a mutation left dangling repaired: unknown
 * columns, enums, functions and tables are dropped from the parts that named them, and names
 * PostgreSQL would reject (taken index names, duplicate constraints) are skipped.
 */
export function buildTable(spec: TableSpec, ctx: BuildContext): TableDef | undefined {
  if (!ctx.namespaces.has(spec.schema) || !ctx.claim(spec.schema, spec.name)) return undefined;
  const id = objectId(spec.schema, spec.name);
  const values = (name: string) => ctx.enums.get(name)?.values;
  const constraintNames = new Set<string>();
  const constraint = (name: string, claimsIndex: boolean) => {
    if (constraintNames.has(name) || (claimsIndex && !ctx.claim(spec.schema, name))) return false;
    constraintNames.add(name);
    return true;
  };

  const seen = new Set<string>();
  const specColumns = spec.columns.filter((c) => !seen.has(c.name) && seen.add(c.name));
  const primaryKey = spec.primaryKey.length && spec.primaryKey.every((name) => specColumns.some((c) => c.name === name && keyTypes.has(c.type))) ? [...new Set(spec.primaryKey)] : [];
  const pkName = objectName(spec.name, undefined, 'pkey');
  const hasPrimaryKey = primaryKey.length > 0 && constraint(pkName, true);

  const columns: BuiltColumn[] = specColumns.map((c) => buildColumn(c, ctx, values, hasPrimaryKey && primaryKey.includes(c.name)));
  for (const c of columns) {
    const s = specColumns.find((x) => x.name === c.name)!;
    const duplicatesKey = exclusions.uniqueSameAsPrimaryKey && hasPrimaryKey && primaryKey.length === 1 && primaryKey[0] === c.name;
    if (s.unique && !duplicatesKey && constraint(objectName(spec.name, c.name, 'key'), true)) c.builder.unique();
    if (s.check !== undefined) {
      const name = objectName(spec.name, c.name, 'check');
      if (constraint(name, false)) c.builder.check(sql(checkSql(c.kind, s.check, c.name, values(enumOfType(c.type)?.name ?? '') ?? [])), name);
    }
    if (s.index) {
      const name = `idx_${spec.name}_${c.name}`;
      if (Buffer.byteLength(name) <= 63 && ctx.claim(spec.schema, name)) c.builder.index({ name, descending: s.index === 'desc' });
    }
  }
  const pkSpecType = hasPrimaryKey && primaryKey.length === 1 ? specColumns.find((c) => c.name === primaryKey[0])!.type : undefined;
  if (pkSpecType) ctx.relations.set(id, { schema: spec.schema, name: spec.name, columns: [], kinds: new Map(), primaryKey: { column: primaryKey[0]!, type: pkSpecType } });

  const foreignKeys = [];
  for (const fk of spec.foreignKeys) {
    const target = ctx.relations.get(fk.references);
    if (!target?.primaryKey || columns.some((c) => c.name === fk.column)) continue;
    if (!constraint(objectName(spec.name, fk.column, 'fkey'), false)) continue;
    const builder = column(target.primaryKey.type);
    if (fk.notNull) builder.notNull();
    columns.push({ name: fk.column, type: target.primaryKey.type, kind: kindOf(target.primaryKey.type, values), builder });
    foreignKeys.push({ columns: [fk.column], references: () => ({ schema: target.schema, name: target.name }), referencedColumns: [target.primaryKey.column], onDelete: fk.onDelete });
  }
  const kinds = new Map(columns.map((c) => [c.name, c.kind]));
  const has = (name: string | undefined): name is string => name !== undefined && kinds.has(name);

  const uniques: { columns: string[] }[] = [];
  for (const group of spec.uniques) {
    const names = [...new Set(group)];
    if (names.length < 2 || !names.every(has)) continue;
    if (exclusions.uniqueSameAsPrimaryKey && hasPrimaryKey && names.join('\0') === primaryKey.join('\0')) continue;
    if (constraint(objectName(spec.name, names.join('_'), 'key'), true)) uniques.push({ columns: names });
  }

  const indexes: Record<string, IndexInput> = {};
  for (const index of spec.indexes) {
    const keys = index.keys.filter((k) => has(k.column));
    if (keys.length === 0 || indexes[index.name] || !ctx.claim(spec.schema, index.name)) continue;
    indexes[index.name] = {
      on: keys.map((k) => `${k.lower && isTextual(kinds.get(k.column)!) ? `lower(${ident(k.column)})` : ident(k.column)}${k.desc ? ' DESC' : ''}`),
      ...(index.unique ? { unique: true } : {}),
      ...(index.partial ? { where: sql(`${ident(keys[0]!.column)} IS NOT NULL`) } : {}),
      ...(index.comment !== undefined ? { description: index.comment } : {}),
    };
  }

  const generatedColumns = new Set(columns.filter((c) => c.generated).map((c) => c.name));
  const triggers: Record<string, TriggerInput> = {};
  for (const trigger of spec.triggers) {
    const fn = ctx.triggerFunctions.get(trigger.function);
    if (!fn || triggers[trigger.name]) continue;
    triggers[trigger.name] = buildTrigger(trigger, fn, has, generatedColumns);
  }

  const policies: Record<string, PolicyInput> = {};
  if (spec.rls.enabled) for (const policy of spec.policies) if (!policies[policy.name]) policies[policy.name] = buildPolicy(policy, ctx, kinds);

  ctx.relations.set(id, {
    schema: spec.schema,
    name: spec.name,
    columns: columns.map((c) => c.name),
    kinds,
    ...(pkSpecType ? { primaryKey: { column: primaryKey[0]!, type: pkSpecType } } : {}),
  });
  return table(spec.name, {
    schema: spec.schema,
    columns: Object.fromEntries(columns.map((c) => [c.name, c.builder])),
    ...(hasPrimaryKey ? { primaryKey: primaryKey } : {}),
    ...(uniques.length ? { unique: uniques } : {}),
    ...(foreignKeys.length ? { foreignKeys } : {}),
    ...(Object.keys(indexes).length ? { indexes } : {}),
    ...(Object.keys(triggers).length ? { triggers } : {}),
    rls: spec.rls.enabled ? { enabled: true, forced: spec.rls.forced } : false,
    ...(Object.keys(policies).length ? { policies } : {}),
    grants: spec.grants.map((g) => ({ to: g.role, privileges: g.privileges, ...(g.withGrantOption ? { withGrantOption: true } : {}) })),
    ...(spec.comment !== undefined ? { description: spec.comment } : {}),
  });
}

function buildColumn(c: ColumnSpec, ctx: BuildContext, values: (name: string) => string[] | undefined, inPrimaryKey: boolean): BuiltColumn {
  const en = enumOfType(c.type);
  const enumDef = en ? ctx.enums.get(en.name)?.def : undefined;
  const type = en && !enumDef ? (en.array ? 'text[]' : 'text') : c.type;
  const kind = kindOf(type, values);
  let builder = enumDef ? enumDef.column() : column(type);
  if (en?.array && enumDef) builder = builder.array();
  const identity = c.identity && kind === 'int' ? c.identity : undefined;
  if (identity) builder.identity(identity);
  if (c.notNull || inPrimaryKey || identity) builder.notNull();
  const generated = c.generated !== undefined && !identity ? defaultSql(kind, c.generated, values(en?.name ?? '') ?? [], true) : undefined;
  if (generated !== undefined) builder.generated(sql(generated));
  if (c.default !== undefined && !identity && generated === undefined) {
    const text = defaultSql(kind, c.default, values(en?.name ?? '') ?? []);
    if (text !== undefined) builder.default(sql(text));
  }
  if (c.comment !== undefined) builder.describe(c.comment);
  return { name: c.name, type, kind, builder, ...(generated !== undefined ? { generated: true } : {}) };
}

function buildTrigger(spec: TriggerSpec, fn: TriggerInput['function'], has: (name: string | undefined) => name is string, generated: Set<string>): TriggerInput {
  const level = spec.level;
  let events = [...new Set(spec.events)].filter((e) => e !== 'truncate' || level === 'statement');
  if (events.length === 0) events = ['insert'];
  const updateOf = spec.updateOf && events.includes('update') && has(spec.updateOf) ? [spec.updateOf] : undefined;
  let when: string | undefined;
  if (spec.when === 'depth') when = 'pg_trigger_depth() < 5';
  else if (spec.when) {
    // PostgreSQL: NEW only where a row is new, and a BEFORE trigger cannot read generated columns.
    const newAllowed = level === 'row' && events.every((e) => e === 'insert' || e === 'update') && !(spec.timing === 'before' && generated.has(spec.when.column));
    when = newAllowed && has(spec.when.column) ? `NEW.${ident(spec.when.column)} IS NOT NULL` : 'pg_trigger_depth() < 5';
  }
  return {
    timing: spec.timing,
    events,
    ...(updateOf ? { updateOf } : {}),
    forEach: level,
    ...(when ? { when: sql(when) } : {}),
    function: fn,
    arguments: spec.arguments,
    enabled: spec.enabled,
    ...(spec.comment !== undefined ? { description: spec.comment } : {}),
  };
}

function expression(spec: ExpressionSpec, ctx: BuildContext, kinds: Map<string, TypeKind>): string {
  if (spec.kind === 'column' && kinds.has(spec.column)) return `${ident(spec.column)} IS NOT NULL`;
  if (spec.kind === 'owner' && kinds.has(spec.column)) return kinds.get(spec.column) === 'uuid' ? `${ident(spec.column)} = auth.uid()` : `${ident(spec.column)} IS NOT NULL`;
  if (spec.kind === 'function') {
    const fn = ctx.functions.get(spec.function);
    if (fn) return functionCall(fn.spec);
  }
  return 'true';
}

function buildPolicy(spec: PolicySpec, ctx: BuildContext, kinds: Map<string, TypeKind>): PolicyInput {
  let using = spec.using && spec.command !== 'insert' ? expression(spec.using, ctx, kinds) : undefined;
  let withCheck = spec.withCheck && spec.command !== 'select' && spec.command !== 'delete' ? expression(spec.withCheck, ctx, kinds) : undefined;
  if (!using && !withCheck) {
    if (spec.command === 'insert') withCheck = 'true';
    else using = 'true';
  }
  return {
    for: spec.command,
    ...(spec.roles.length ? { to: [...new Set(spec.roles)] } : {}),
    ...(using ? { using: sql(using) } : {}),
    ...(withCheck ? { withCheck: sql(withCheck) } : {}),
    ...(spec.permissive ? {} : { restrictive: true }),
    ...(spec.comment !== undefined ? { description: spec.comment } : {}),
  };
}
