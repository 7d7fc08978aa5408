import type { Change, HashDistribution } from '../model/change.js';
import type { Distribution, Schema } from '../model/schema.js';

/** Two distributions alike; a shard count only one side states is Citus's default on the other. */
function sameDistribution(a: Distribution, b: Distribution): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'reference' || b.kind === 'reference') return true;
  return a.column === b.column && a.colocateWith === b.colocateWith && !shardCountChanged(a, b);
}

/**
 * Whether `to` states a shard count of its own other than `from`'s: a group's leader or a table
 * alone (a member's is its group's, which it follows).
 */
function shardCountChanged(from: HashDistribution, to: HashDistribution): boolean {
  return !to.colocateWith && to.shardCount !== undefined && from.shardCount !== undefined && to.shardCount !== from.shardCount;
}

/** The colocation group of each distributed table (its leader: the normalized form names it). */
function groupOf(distributions: Record<string, Distribution>, table: string): string | undefined {
  const d = distributions[table];
  return d?.kind === 'distributed' ? (d.colocateWith ?? table) : undefined;
}

/**
 * Citus distribution of the tables both sides have or `to` creates: a table distributed on one
 * side only is distributed or undistributed; a reference table becoming distributed (or the other
 * way) is undone and done again; a distributed table whose column, shard count or group changed is
 * altered in place (alter_distributed_table keeps its indexes, keys and grants). A dropped table
 * takes its distribution with it.
 */
export function diffDistributions(from: Schema, to: Schema, changes: Change[]): void {
  const a = from.distributions ?? {};
  const b = to.distributions ?? {};
  const alters: Extract<Change, { kind: 'alter distribution' }>[] = [];
  for (const table of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const before = a[table];
    const after = b[table];
    if (!(table in to.tables)) continue;
    if (before && after && sameDistribution(before, after)) continue;
    if (before?.kind === 'distributed' && after?.kind === 'distributed' && table in from.tables) {
      alters.push(alterDistribution(table, before, after, a, b));
      continue;
    }
    if (before && table in from.tables) changes.push({ kind: 'undistribute table', table, distribution: before });
    if (after) changes.push({ kind: 'distribute table', table, distribution: after });
  }
  // A table carried along by another's cascade is where it should be unless more than its group changed.
  const carried = new Set(alters.filter((c) => c.cascade).flatMap((c) => partners(a, c.table).filter((other) => groupOf(b, other) === groupOf(b, c.table))));
  changes.push(...alters.filter((c) => !(carried.has(c.table) && c.from.column === c.to.column && !shardCountChanged(c.from, c.to))));
}

/** The tables sharing `table`'s colocation group, itself left out. */
function partners(distributions: Record<string, Distribution>, table: string): string[] {
  const group = groupOf(distributions, table);
  return Object.keys(distributions).filter((other) => other !== table && group !== undefined && groupOf(distributions, other) === group);
}

/**
 * The change of one distributed table. A new shard count or group applies to the tables colocated
 * with it (`cascade_to_colocated`) when those that stay in its group are all that is left of it
 * once the others leave by changes of their own; it leaves them behind when none stay, or when one
 * would follow it where it should not (it is the one leaving).
 */
function alterDistribution(table: string, from: HashDistribution, to: HashDistribution, a: Record<string, Distribution>, b: Record<string, Distribution>): Extract<Change, { kind: 'alter distribution' }> {
  const regroups = shardCountChanged(from, to) || from.colocateWith !== to.colocateWith;
  const before = partners(a, table);
  if (!regroups || before.length === 0) return { kind: 'alter distribution', table, from, to };
  const after = new Set(partners(b, table));
  const leavesByItself = (other: string) => b[other]?.kind !== 'distributed' || (a[other] as HashDistribution).colocateWith !== b[other].colocateWith;
  const stay = before.filter((other) => after.has(other));
  return { kind: 'alter distribution', table, from, to, cascade: stay.length > 0 && before.every((other) => after.has(other) || leavesByItself(other)) };
}
