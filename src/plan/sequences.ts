import type { Change } from '../model/change.js';
import { objectId } from '../model/id.js';
import type { Schema } from '../model/schema.js';
import { mentions } from './mentions.js';

/**
 * Fits sequence drops around the columns that use them. A sequence OWNED BY a column goes with
 * that column or its table, so no DROP SEQUENCE is planned for it (it would find nothing). A
 * column that becomes an identity while giving up a `nextval` default (serial -> identity) first
 * drops the default, so the old sequence can go before the identity creates its own, usually of
 * the same name. An identity given up goes early, with the drops: its sequence's name may be
 * taken by a sequence created for a default (identity -> serial).
 */
export function fitSequenceDrops(changes: Change[]): Change[] {
  const droppedTables = new Set(changes.flatMap((c) => (c.kind === 'drop table' ? [objectId(c.table.schema, c.table.name)] : [])));
  const droppedColumns = new Set(changes.flatMap((c) => (c.kind === 'drop column' ? [`${c.table}\u0000${c.column.name}`] : [])));
  const out: Change[] = [];
  for (const change of changes) {
    if (change.kind === 'drop sequence' && change.sequence.ownedBy) {
      const { table, column } = change.sequence.ownedBy;
      if (droppedTables.has(table) || droppedColumns.has(`${table}\u0000${column}`)) continue;
    }
    if (change.kind === 'alter column' && change.to.identity && !change.from.identity && change.from.default !== undefined) {
      const bare = { ...change.from, default: undefined };
      out.push({ ...change, to: bare }, { ...change, from: bare });
      continue;
    }
    if (change.kind === 'alter column' && change.from.identity && !change.to.identity) {
      const plain = { ...change.from, identity: undefined, identityOptions: undefined };
      out.push({ ...change, to: plain }, { ...change, from: plain });
      continue;
    }
    out.push(change);
  }
  return out;
}

/**
 * The phase and rank within it of a change whose place depends on sequences: identities given up
 * go with the drops; in the column phase, defaults are dropped first, then the sequences they
 * used, then identities are added (their sequence may take a dropped sequence's name).
 */
export function sequenceRank(change: Change, from: Schema | undefined, phases: { drops: number; columns: number }): [number, number] | undefined {
  if (change.kind === 'alter column' && change.from.identity && !change.to.identity) return [phases.drops, -1];
  if (change.kind === 'alter column' && change.to.identity && !change.from.identity) return [phases.columns, 2];
  if (change.kind !== 'drop sequence' || !from) return undefined;
  const id = objectId(change.sequence.schema, change.sequence.name);
  const candidate = [{ id, schema: change.sequence.schema, name: change.sequence.name }];
  const used = Object.values(from.tables).some((table) => table.columns.some((column) => column.default !== undefined && mentions(column.default, candidate).length > 0));
  return used ? [phases.columns, 1] : undefined;
}
