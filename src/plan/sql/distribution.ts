import type { Change } from '../../model/change.js';
import { literal } from '../../sql/quote.js';
import { nameOf } from './names.js';
import { statement, type Render } from './step.js';

/**
 * Citus: `create_reference_table`, or `create_distributed_table` by the column, with its group
 * (`colocate_with => 'none'` when it sits alone or leads the group: no implicit colocation, the
 * model holds only what was declared) and shard count when given.
 */
export const distributeTable: Render<Extract<Change, { kind: 'distribute table' }>> = ({ table, distribution }) => {
  const where = distribution.kind === 'reference' ? 'every node' : 'the shards on the worker nodes';
  const hazards = [{ code: 'MOVES_DATA' as const, message: `distributing ${table} copies its rows to ${where}; writes to it wait until they are copied` }];
  if (distribution.kind === 'reference') return [statement(`SELECT create_reference_table(${literal(nameOf(table))})`, hazards)];
  const args = [literal(nameOf(table)), literal(distribution.column), `colocate_with => ${literal(distribution.colocateWith ? nameOf(distribution.colocateWith) : 'none')}`];
  // A colocated table has its group's shard count; Citus refuses both together.
  if (distribution.shardCount !== undefined && !distribution.colocateWith) args.push(`shard_count => ${distribution.shardCount}`);
  return [statement(`SELECT create_distributed_table(${args.join(', ')})`, hazards)];
};

/** Citus: `undistribute_table`, the shards' rows gathered back into one table on the coordinator. */
export const undistributeTable: Render<Extract<Change, { kind: 'undistribute table' }>> = ({ table }) => [
  statement(`SELECT undistribute_table(${literal(nameOf(table))})`, [{ code: 'MOVES_DATA', message: `undistributing ${table} brings every shard's rows back into one table on the coordinator; writes to it wait meanwhile` }]),
];

/**
 * Citus: `alter_distributed_table` with what changed: the column, the shard count of a table that
 * is not colocated with another, the group (`colocate_with => 'none'` to leave one), and whether
 * the tables colocated with it follow. Citus builds the table anew and copies its rows into the
 * new shards.
 */
export const alterDistribution: Render<Extract<Change, { kind: 'alter distribution' }>> = ({ table, from, to, cascade }) => {
  const args = [literal(nameOf(table))];
  const changed: string[] = [];
  if (from.column !== to.column) {
    args.push(`distribution_column => ${literal(to.column)}`);
    changed.push(`by ${to.column}`);
  }
  if (!to.colocateWith && to.shardCount !== undefined && to.shardCount !== from.shardCount) {
    args.push(`shard_count => ${to.shardCount}`);
    changed.push(`${to.shardCount} shards`);
  }
  if (from.colocateWith !== to.colocateWith) {
    args.push(`colocate_with => ${literal(to.colocateWith ? nameOf(to.colocateWith) : 'none')}`);
    changed.push(to.colocateWith ? `colocated with ${to.colocateWith}` : 'in a group of its own');
  }
  if (cascade !== undefined) args.push(`cascade_to_colocated => ${cascade}`);
  const followers = cascade ? ' and the tables colocated with it' : '';
  const message = `redistributing ${table}${followers} (${changed.join(', ')}) copies the rows into new shards on the worker nodes; writes to them wait until they are copied`;
  return [statement(`SELECT alter_distributed_table(${args.join(', ')})`, [{ code: 'MOVES_DATA', message }])];
};
