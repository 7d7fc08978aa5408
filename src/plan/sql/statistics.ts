import type { Change } from '../../model/change.js';
import { parseObjectId } from '../../model/id.js';
import type { StatisticsObject } from '../../model/schema.js';
import { literal, qualified } from '../../sql/quote.js';
import { nameOf } from './names.js';
import { statement, type Render, type Statement } from './step.js';

/** A statistics object's name, in its own schema or its table's. */
function statisticsName(table: string, statistics: StatisticsObject): string {
  return qualified(statistics.schema ?? parseObjectId(table).schema, statistics.name);
}

function targetSql(table: string, statistics: StatisticsObject): Statement {
  return statement(`ALTER STATISTICS ${statisticsName(table, statistics)} SET STATISTICS ${statistics.target ?? -1}`);
}

function commentSql(table: string, statistics: StatisticsObject): Statement {
  return statement(`COMMENT ON STATISTICS ${statisticsName(table, statistics)} IS ${statistics.comment === undefined ? 'NULL' : literal(statistics.comment)}`);
}

/**
 * CREATE STATISTICS, then its target and comment. The statistics themselves are gathered by the
 * next ANALYZE (autovacuum's or the user's); until then the planner goes on without them.
 */
export const createStatistics: Render<Extract<Change, { kind: 'create statistics' }>> = ({ table, statistics }) => {
  const kinds = statistics.kinds.length ? ` (${statistics.kinds.join(', ')})` : '';
  const steps = [statement(`CREATE STATISTICS ${statisticsName(table, statistics)}${kinds} ON ${statistics.on} FROM ${nameOf(table)}`)];
  if (statistics.target !== undefined) steps.push(targetSql(table, statistics));
  if (statistics.comment !== undefined) steps.push(commentSql(table, statistics));
  return steps;
};

export const dropStatistics: Render<Extract<Change, { kind: 'drop statistics' }>> = ({ table, statistics }) => [statement(`DROP STATISTICS ${statisticsName(table, statistics)}`)];

export const alterStatistics: Render<Extract<Change, { kind: 'alter statistics' }>> = ({ table, from, to }) => [
  ...(from.target !== to.target ? [targetSql(table, to)] : []),
  ...(from.comment !== to.comment ? [commentSql(table, to)] : []),
];
