import type { Hazard } from '../../model/change.js';
import { statement, type Statement } from './step.js';

interface Bounds {
  start: string;
  min: string;
  max: string;
}

/**
 * PostgreSQL refuses new bounds that leave a sequence's position outside them. Before bounds
 * narrow, a position outside the new ones moves to the new START (the next value is START); one
 * inside stays, so the statement changes nothing where the new bounds keep the position.
 * `sequence` is an SQL expression naming the sequence as a regclass (an identity column's comes
 * from pg_get_serial_sequence).
 */
export function positionIntoBounds(sequence: string, label: string, from: Bounds, to: Bounds): Statement {
  const start = BigInt(to.start);
  const hazards: Hazard[] = [];
  if (start < BigInt(from.min) || start > BigInt(from.max)) {
    hazards.push({ code: 'MAY_FAIL', message: `the new START ${to.start} of ${label} lies outside its old bounds: moving a position outside the new bounds there fails` });
  }
  if (BigInt(to.max) < BigInt(from.max)) {
    hazards.push({ code: 'MAY_FAIL', message: `a position of ${label} above the new MAXVALUE ${to.max} restarts at ${to.start}: values already issued may come again` });
  }
  return statement(
    `DO $pgform$
DECLARE
  seq regclass := ${sequence};
  position bigint;
BEGIN
  EXECUTE format('SELECT last_value FROM %s', seq) INTO position;
  IF position NOT BETWEEN ${to.min} AND ${to.max} THEN
    PERFORM setval(seq, ${to.start}, false);
  END IF;
END
$pgform$`,
    hazards,
  );
}

/** Whether new bounds exclude part of the old range. */
export const boundsNarrow = (from: Bounds, to: Bounds) => BigInt(to.min) > BigInt(from.min) || BigInt(to.max) < BigInt(from.max);
