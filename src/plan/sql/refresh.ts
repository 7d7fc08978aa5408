import type { Change } from '../../model/change.js';
import { nameOf } from './names.js';
import { statement, type Render } from './step.js';

/**
 * Fills a materialized view left WITH NO DATA (its query runs under an exclusive lock that
 * blocks reads of it), or empties one: until the next refresh, reading it fails.
 */
export const refreshMaterializedView: Render<Extract<Change, { kind: 'refresh materialized view' }>> = ({ view, withNoData }) => [
  withNoData
    ? statement(`REFRESH MATERIALIZED VIEW ${nameOf(view)} WITH NO DATA`, [{ code: 'DELETES_DATA', message: `empties materialized view ${view}: reading it fails until it is refreshed` }])
    : statement(`REFRESH MATERIALIZED VIEW ${nameOf(view)}`, [{ code: 'LONG_LOCK', message: `runs the query of ${view} and blocks reads of it until it finishes` }]),
];
