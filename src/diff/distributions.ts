import type { Change } from '../model/change.js';
import type { Distribution, Schema } from '../model/schema.js';

/** Two distributions alike; a shard count only one side states is Citus's default on the other. */
function sameDistribution(a: Distribution, b: Distribution): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'reference' || b.kind === 'reference') return true;
  const shards = a.shardCount === undefined || b.shardCount === undefined || a.shardCount === b.shardCount;
  return a.column === b.column && a.colocateWith === b.colocateWith && shards;
}

/**
 * Citus distribution of the tables both sides have or `to` creates: a table distributed on one
 * side only is distributed or undistributed; a changed distribution is undone and done again. A
 * dropped table takes its distribution with it.
 */
export function diffDistributions(from: Schema, to: Schema, changes: Change[]): void {
  const a = from.distributions ?? {};
  const b = to.distributions ?? {};
  for (const table of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const before = a[table];
    const after = b[table];
    if (!(table in to.tables)) continue;
    if (before && after && sameDistribution(before, after)) continue;
    if (before && table in from.tables) changes.push({ kind: 'undistribute table', table, distribution: before });
    if (after) changes.push({ kind: 'distribute table', table, distribution: after });
  }
}
