import { PgformError } from '../errors.js';
import type { Change } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import { objectId, parseQualifiedName } from '../model/id.js';
import { multirangeId } from '../model/range.js';
import type { RangeType, Schema } from '../model/schema.js';

/**
 * What in `from` stores or is built on the range type and stays in `to`: table columns of the
 * range, its multirange or arrays of them, composite attributes and domains over it. PostgreSQL
 * drops no type they use, and pgform converts no value from one range to another.
 */
function usersOf(from: Schema, to: Schema, range: RangeType): string[] {
  const ids = new Set([objectId(range.schema, range.name), multirangeId(range)]);
  const uses = (type: string) => {
    const name = parseQualifiedName(type);
    return name !== undefined && ids.has(objectId(name.schema, name.name));
  };
  const found: string[] = [];
  for (const [id, table] of Object.entries(from.tables)) {
    const kept = to.tables[id];
    if (!kept) continue;
    for (const column of table.columns) if (uses(column.type) && kept.columns.some((c) => c.name === column.name)) found.push(`column ${id}.${column.name}`);
  }
  for (const [id, composite] of Object.entries(from.composites ?? {})) {
    if (!to.composites?.[id]) continue;
    for (const attribute of composite.attributes) if (uses(attribute.type)) found.push(`attribute ${id}.${attribute.name}`);
  }
  for (const [id, domain] of Object.entries(from.domains)) if (to.domains[id] && uses(domain.type)) found.push(`domain ${id}`);
  return found;
}

/**
 * Range types: created, dropped, commented. No option of a range type can be altered, so a
 * changed one is dropped and created again; the routines using it are re-created around it by
 * the planner. While a column (or an attribute or domain) uses it, planning stops instead: a
 * range over another subtype holds other values, which no cast converts.
 */
export function diffRanges(from: Record<string, RangeType>, to: Record<string, RangeType>, fromSchema: Schema, toSchema: Schema, changes: Change[]): void {
  for (const id of Object.keys(from).sort()) if (!(id in to)) changes.push({ kind: 'drop range type', type: from[id]! });
  for (const id of Object.keys(to).sort()) {
    const b = to[id]!;
    const a = from[id];
    if (!a) {
      changes.push({ kind: 'create range type', type: b });
      if (b.comment !== undefined) changes.push({ kind: 'set comment', target: { type: 'type', id }, to: b.comment });
      continue;
    }
    const { comment: commentA, ...shapeA } = a;
    const { comment: commentB, ...shapeB } = b;
    const remade = !sameValue(shapeA, shapeB);
    if (remade) {
      const users = usersOf(fromSchema, toSchema, a);
      if (users.length) {
        throw new PgformError(
          'CONVERSION_REQUIRED',
          `range type ${id} changes (${changedOptions(shapeA, shapeB).join(', ')}), which PostgreSQL cannot alter, while ${users.join(', ')} ${users.length === 1 ? 'uses' : 'use'} it`,
          { object: id, field: changedOptions(shapeA, shapeB)[0] ?? 'subtype' },
          'move them off the range type first (drop them or change their type), or give the changed range type a new name',
        );
      }
      changes.push({ kind: 'drop range type', type: a }, { kind: 'create range type', type: b });
    }
    const before = remade ? undefined : commentA;
    if ((before ?? null) !== (commentB ?? null)) changes.push({ kind: 'set comment', target: { type: 'type', id }, ...(before !== undefined ? { from: before } : {}), ...(commentB !== undefined ? { to: commentB } : {}) });
  }
}

function changedOptions(a: Omit<RangeType, 'comment'>, b: Omit<RangeType, 'comment'>): string[] {
  const keys = ['subtype', 'subtypeOpclass', 'collation', 'canonical', 'subtypeDiff', 'multirange'] as const;
  return keys.filter((key) => (a[key] ?? null) !== (b[key] ?? null));
}
