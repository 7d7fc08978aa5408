import { objectId } from '../../src/model/id.js';
import type { Schema } from '../../src/model/schema.js';
import { enumOfType, type ExpressionSpec, type Spec, type TableSpec } from './spec.js';
import { specSchema } from './build.js';
import { hasCast } from './values.js';

/**
 * Shapes pgform does not support yet, which the generator avoids so the normal run stays green
 * while the lead fixes them. Each is named after its finding in FINDINGS.md; set one to false
 * (or run with PGFORM_EXCLUSIONS=off) to draw those shapes again.
 */
const on = process.env.PGFORM_EXCLUSIONS !== 'off';

export const exclusions = {
  /** F1: a UNIQUE on exactly the primary key columns (the builder leaves it out). */
  uniqueSameAsPrimaryKey: on,
  /** F2: a commented policy is re-created (command or PERMISSIVE changes, USING or WITH CHECK goes). */
  policyRecreatedWithComment: false, // fixed
  /** F3: a function a policy of a calls is dropped or changes signature. */
  policyFunctionDropped: false, // fixed
  /** F4: a trigger function is dropped together with a table whose trigger uses it. */
  triggerFunctionDropped: false, // fixed
  /** F5: an enum a column of a uses is dropped. */
  enumDroppedInUse: false, // fixed
  /** F6: values removed from or reordered in an enum in use whose schema or name has a double quote. */
  enumRecreatedQuoted: false, // fixed
  /** F7: a column a policy reads changes type. */
  typeChangeUnderPolicy: false, // fixed
  /** F8: a column a trigger names (UPDATE OF, WHEN) changes type. */
  typeChangeUnderTrigger: false, // fixed
  /** F9: a column a policy reads is dropped. */
  columnDropUnderPolicy: false, // fixed
  /** F10: a view reads a table or view, or calls a function, whose name has a double quote (the builder leaves it out). */
  viewOnQuotedRelation: false, // fixed
  /** F11: a column a view reads is dropped. */
  columnDropUnderView: false, // fixed
  /** F12: a primary key that a foreign key of a references changes or goes. */
  referencedKeyChanged: false, // fixed
  /** F13: the type of a referenced primary key column changes. */
  referencedKeyTypeChanged: false, // fixed
  /**
   * F14: a column changes between types without a cast (uuid -> integer). Resolved by refusing:
   * planning stops with CONVERSION_REQUIRED until the definitions give a conversion, which the
   * property does not draw, so the shape stays out of its pairs.
   */
  typeChangeWithoutCast: on,
  /** F15: a grant loses WITH GRANT OPTION. */
  grantOptionRevoked: false, // fixed
  /** F16: values removed from or reordered in an enum whose column has a CHECK. */
  enumRecreatedUnderCheck: false, // fixed
  /** F17: two tables go, one referencing the other. */
  droppedTablesReferencing: false, // fixed
  /** F18: a column changes from one enum to another. */
  enumToEnum: false, // fixed
  /** F19: values removed from or reordered in an enum that a new column (or a new table's) uses. */
  enumRecreatedNewColumn: false, // fixed
  /** F20: a column becomes generated, stops being generated, or changes its expression. */
  generatedChanged: false, // fixed
  /** F21: a generated column changes type. */
  generatedTypeChanged: false, // fixed
  /** F22: values removed from or reordered in an enum that a generated column uses. */
  enumRecreatedGenerated: false, // fixed
  /** F23: values removed from or reordered in an enum that a column of a leaves. */
  enumRecreatedColumnLeaves: false, // fixed
};

const key = (t: { schema: string; name: string }) => objectId(t.schema, t.name);
/** Whether an object of the spec is built at all (its schema is there). */
const present = (spec: Spec, o: { schema: string }) => o.schema === 'public' || spec.namespaces.includes(o.schema);
const columnOf = (e: ExpressionSpec | undefined) => (e && (e.kind === 'column' || e.kind === 'owner') ? e.column : undefined);
const functionOf = (e: ExpressionSpec | undefined) => (e?.kind === 'function' ? e.function : undefined);

/** Columns of a table that its policies and triggers name. */
function namedBy(table: TableSpec): { policies: Set<string>; triggers: Set<string>; functions: Set<string> } {
  const policies = new Set(table.policies.flatMap((p) => [columnOf(p.using), columnOf(p.withCheck)]).filter((c): c is string => c !== undefined));
  const triggers = new Set(table.triggers.flatMap((t) => [t.updateOf, typeof t.when === 'object' ? t.when.column : undefined]).filter((c): c is string => c !== undefined));
  const functions = new Set(table.policies.flatMap((p) => [functionOf(p.using), functionOf(p.withCheck)]).filter((f): f is string => f !== undefined));
  return { policies, triggers, functions };
}

/** Every column's spec type by `table key / column`, foreign key columns typed like their key. */
function columnTypes(spec: Spec): Map<string, string> {
  const types = new Map<string, string>();
  for (const table of spec.tables) {
    for (const column of table.columns) types.set(`${key(table)}/${column.name}`, column.type);
    for (const fk of table.foreignKeys) {
      const target = spec.tables.find((t) => key(t) === fk.references);
      const pk = target?.primaryKey.length === 1 ? target.columns.find((c) => c.name === target.primaryKey[0]) : undefined;
      if (pk) types.set(`${key(table)}/${fk.column}`, pk.type);
    }
  }
  return types;
}

/**
 * The first exclusion a pair falls under, or undefined. Checked on the specs, so it may hold back
 * a little more than the failing shape (a policy on a column that the builder drops anyway).
 */
export function excludedBy(a: Spec, b: Spec): keyof typeof exclusions | undefined {
  let built: [Schema, Schema] | null | undefined;
  const models = () => {
    if (built === undefined) {
      try {
        built = [specSchema(a), specSchema(b)];
      } catch {
        built = null;
      }
    }
    return built;
  };
  const typesA = columnTypes(a);
  const typesB = columnTypes(b);
  const enumsB = new Map(b.enums.filter((e) => present(b, e)).map((e) => [e.name, e]));
  for (const [column, type] of typesB) {
    const before = typesA.get(column);
    if (exclusions.typeChangeWithoutCast && before !== undefined && !hasCast(before, type)) return 'typeChangeWithoutCast';
    const [x, y] = [before && enumOfType(before), enumOfType(type)];
    if (exclusions.enumToEnum && x && y && x.name !== y.name) return 'enumToEnum';
  }
  const gone = (t: TableSpec) => present(a, t) && !b.tables.some((x) => key(x) === key(t) && present(b, x));
  for (const table of a.tables.filter(gone)) {
    const referencing = table.foreignKeys.some((fk) => fk.references !== key(table) && a.tables.some((t) => key(t) === fk.references && gone(t)));
    if (exclusions.droppedTablesReferencing && referencing) return 'droppedTablesReferencing';
  }
  for (const en of a.enums) {
    const inUse = a.tables.some((t) => t.columns.some((c) => enumOfType(c.type)?.name === en.name));
    const after = enumsB.get(en.name);
    if (exclusions.enumDroppedInUse && inUse && (!after || after.schema !== en.schema)) return 'enumDroppedInUse';
    const quoted = en.name.includes('"') || en.schema.includes('"');
    // Re-created (not just extended): a value goes, or the kept values change order.
    const kept = (x: string[], y: string[]) => x.filter((v) => y.includes(v)).join('\0');
    const recreated = after && (en.values.some((v) => !after.values.includes(v)) || kept(after.values, en.values) !== kept(en.values, after.values));
    if (exclusions.enumRecreatedQuoted && inUse && quoted && recreated) return 'enumRecreatedQuoted';
    const columns = a.tables.flatMap((t) => t.columns.filter((c) => enumOfType(c.type)?.name === en.name).map((c) => ({ table: t, column: c })));
    const newColumn = [...typesB].some(([column, type]) => enumOfType(type)?.name === en.name && enumOfType(typesA.get(column) ?? '')?.name !== en.name);
    if (exclusions.enumRecreatedNewColumn && recreated && newColumn) return 'enumRecreatedNewColumn';
    const leaves = [...typesA].some(([column, type]) => enumOfType(type)?.name === en.name && typesB.has(column) && enumOfType(typesB.get(column)!)?.name !== en.name);
    if (exclusions.enumRecreatedColumnLeaves && recreated && leaves) return 'enumRecreatedColumnLeaves';
    if (exclusions.enumRecreatedGenerated && recreated && columns.some(({ column }) => column.generated !== undefined)) return 'enumRecreatedGenerated';
    if (exclusions.enumRecreatedUnderCheck && recreated && columns.some(({ column }) => column.check !== undefined)) return 'enumRecreatedUnderCheck';
    // Re-creating the enum changes its columns' type, as a type change does.
    if (exclusions.typeChangeUnderPolicy && recreated && columns.some(({ table, column }) => namedBy(table).policies.has(column.name))) return 'typeChangeUnderPolicy';
    if (exclusions.typeChangeUnderTrigger && recreated && columns.some(({ table, column }) => namedBy(table).triggers.has(column.name))) return 'typeChangeUnderTrigger';
  }
  for (const fn of a.functions) {
    const used = a.tables.some((t) => namedBy(t).functions.has(fn.name));
    const after = b.functions.find((f) => f.name === fn.name && present(b, f));
    const signature = (f: typeof fn) => JSON.stringify([f.schema, f.argument, f.returns]);
    if (exclusions.policyFunctionDropped && used && (!after || signature(after) !== signature(fn))) return 'policyFunctionDropped';
  }
  for (const fn of a.triggerFunctions) {
    const usedByDroppedTable = a.tables.some((t) => t.triggers.some((tr) => tr.function === fn.name) && !b.tables.some((x) => key(x) === key(t) && present(b, x)));
    if (exclusions.triggerFunctionDropped && usedByDroppedTable && !b.triggerFunctions.some((f) => f.name === fn.name)) return 'triggerFunctionDropped';
  }
  for (const table of a.tables) {
    const after = b.tables.find((t) => key(t) === key(table));
    const named = namedBy(table);
    for (const fk of table.foreignKeys) {
      const target = a.tables.find((t) => key(t) === fk.references);
      const targetAfter = b.tables.find((t) => key(t) === fk.references);
      if (exclusions.referencedKeyChanged && target && targetAfter && target.primaryKey.join('\0') !== targetAfter.primaryKey.join('\0')) return 'referencedKeyChanged';
      const pk = target?.primaryKey.length === 1 ? `${fk.references}/${target.primaryKey[0]}` : undefined;
      if (exclusions.referencedKeyTypeChanged && pk && typesB.has(pk) && typesA.get(pk) !== typesB.get(pk)) return 'referencedKeyTypeChanged';
    }
    if (!after) continue;
    if (exclusions.policyRecreatedWithComment && policyRecreated(models(), table)) return 'policyRecreatedWithComment';
    const generated = generatedChange(models(), table);
    if (generated && exclusions[generated]) return generated;
    for (const grant of table.grants) {
      if (exclusions.grantOptionRevoked && grant.withGrantOption && after.grants.some((g) => g.role === grant.role && !g.withGrantOption)) return 'grantOptionRevoked';
    }
    for (const column of table.columns) {
      const id = `${key(table)}/${column.name}`;
      const dropped = !typesB.has(id);
      const retyped = !dropped && typesA.get(id) !== typesB.get(id);
      if (exclusions.columnDropUnderPolicy && dropped && named.policies.has(column.name)) return 'columnDropUnderPolicy';
      if (exclusions.typeChangeUnderPolicy && retyped && named.policies.has(column.name)) return 'typeChangeUnderPolicy';
      if (exclusions.typeChangeUnderTrigger && retyped && named.triggers.has(column.name)) return 'typeChangeUnderTrigger';
      const readByView = a.views.some((v) => v.base === key(table) && [...v.columns, v.filter, v.cast].includes(column.name));
      if (exclusions.columnDropUnderView && dropped && readByView) return 'columnDropUnderView';
    }
  }
  return undefined;
}

/**
 * Whether a commented policy of the table is dropped and re-created: its command or kind
 * changes, or it loses its USING or WITH CHECK (what ALTER POLICY cannot do). Read on the built
 * models, where a clause the command does not allow is already gone.
 */
function policyRecreated(models: [Schema, Schema] | null, table: TableSpec): boolean {
  const before = models?.[0].tables[key(table)];
  const after = models?.[1].tables[key(table)];
  if (!before || !after) return false;
  return Object.values(after.policies).some((p) => {
    const q = before.policies[p.name];
    if (p.comment === undefined || q === undefined) return false;
    const lostClause = (q.using !== undefined && p.using === undefined) || (q.withCheck !== undefined && p.withCheck === undefined);
    return q.command !== p.command || q.permissive !== p.permissive || lostClause;
  });
}

/**
 * How a generated column of the table changes, read on the built models: the builder derives
 * the expression from the column's type, so a type or enum change can change it too.
 */
function generatedChange(models: [Schema, Schema] | null, table: TableSpec): 'generatedChanged' | 'generatedTypeChanged' | undefined {
  const before = models?.[0].tables[key(table)];
  const after = models?.[1].tables[key(table)];
  if (!before || !after) return undefined;
  for (const column of before.columns) {
    const later = after.columns.find((c) => c.name === column.name);
    if (!later || (column.generated === undefined && later.generated === undefined)) continue;
    if (column.generated !== later.generated) return 'generatedChanged';
    if (column.type !== later.type) return 'generatedTypeChanged';
  }
  return undefined;
}
