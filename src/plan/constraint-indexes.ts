import type { Change } from '../model/change.js';
import type { Constraint, Index } from '../model/schema.js';
import { ident } from '../sql/quote.js';

/** An index key naming exactly this column, as PostgreSQL prints it (bare, or quoted). */
function keyIs(key: string, column: string): boolean {
  return key === column || key === ident(column);
}

/** Whether a unique index can become this key's index as it stands (ADD CONSTRAINT ... USING INDEX). */
function fits(index: Index, constraint: Constraint): boolean {
  if (constraint.kind !== 'primary key' && constraint.kind !== 'unique') return false;
  if (!index.unique || index.method !== 'btree' || index.include.length || index.where !== undefined) return false;
  if (!!index.nullsNotDistinct !== (constraint.kind === 'unique' && !!constraint.nullsNotDistinct)) return false;
  return index.keys.length === constraint.columns.length && index.keys.every((key, i) => keyIs(key, constraint.columns[i]!));
}

/**
 * A unique index that goes while a primary key or unique constraint on the same columns arrives
 * is handed to the constraint (`ADD CONSTRAINT ... USING INDEX`, which renames it): nothing is
 * rebuilt and the table is never without its uniqueness.
 */
export function adoptIndexes(changes: Change[]): Change[] {
  // Dropped indexes by relation: a first plan adds thousands of keys and drops no index at all.
  const drops = new Map<string, Extract<Change, { kind: 'drop index' }>[]>();
  for (const change of changes) if (change.kind === 'drop index') drops.set(change.relation, [...(drops.get(change.relation) ?? []), change]);
  if (drops.size === 0) return changes;
  const taken = new Set<Change>();
  const adopted = new Map<Change, string>();
  for (const add of changes) {
    if (add.kind !== 'add constraint') continue;
    const drop = drops.get(add.table)?.find((c) => !taken.has(c) && fits(c.index, add.constraint));
    if (!drop) continue;
    taken.add(drop);
    adopted.set(add, drop.index.name);
  }
  if (adopted.size === 0) return changes;
  return changes.filter((c) => !taken.has(c)).map((c) => (adopted.has(c) && c.kind === 'add constraint' ? { ...c, usingIndex: adopted.get(c)! } : c));
}
