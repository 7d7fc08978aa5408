import type { Change } from '../../model/change.js';
import { readParts } from '../../model/id.js';
import type { RangeType } from '../../model/schema.js';
import { ident, qualified } from '../../sql/quote.js';
import { statement, type Render } from './step.js';

/** A name the model keeps as an id of one part (pg_catalog's) or two, quoted as SQL. */
function catalogNameSql(id: string): string {
  const { parts } = readParts(id, '');
  return parts.length === 2 ? qualified(parts[0]!, parts[1]!) : ident(parts[0] ?? id);
}

/** The options of CREATE TYPE ... AS RANGE, only those the model holds (the rest are PostgreSQL's defaults). */
function rangeOptions(type: RangeType): string[] {
  // A multirange named alone is in the range's schema, where PostgreSQL would put it anyway.
  const multirange = type.multirange === undefined ? undefined : readParts(type.multirange, '').parts;
  return [
    `SUBTYPE = ${type.subtype}`,
    ...(type.subtypeOpclass ? [`SUBTYPE_OPCLASS = ${catalogNameSql(type.subtypeOpclass)}`] : []),
    ...(type.collation ? [`COLLATION = ${catalogNameSql(type.collation)}`] : []),
    ...(type.canonical ? [`CANONICAL = ${catalogNameSql(type.canonical)}`] : []),
    ...(type.subtypeDiff ? [`SUBTYPE_DIFF = ${catalogNameSql(type.subtypeDiff)}`] : []),
    ...(multirange?.length ? [`MULTIRANGE_TYPE_NAME = ${multirange.length === 2 ? qualified(multirange[0]!, multirange[1]!) : qualified(type.schema, multirange[0]!)}`] : []),
  ];
}

export const createRangeType: Render<Extract<Change, { kind: 'create range type' }>> = ({ type }) => [
  statement(`CREATE TYPE ${qualified(type.schema, type.name)} AS RANGE (${rangeOptions(type).join(', ')})`),
];

/**
 * Its multirange type and constructor functions go with it. No hazard: PostgreSQL drops no range
 * type a column stores (without CASCADE, which pgform never asks for), and the differ re-creates
 * none that one stores.
 */
export const dropRangeType: Render<Extract<Change, { kind: 'drop range type' }>> = ({ type }) => [statement(`DROP TYPE ${qualified(type.schema, type.name)}`)];
