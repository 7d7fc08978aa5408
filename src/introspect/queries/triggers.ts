import { objectId } from '../../model/id.js';
import type { Trigger, TriggerEvent } from '../../model/schema.js';
import { triggerArguments, triggerWhen } from '../printed.js';
import { asJsonRows, columnNames, commentOf, inSelectedNamespaces, notExtensionMember } from './fragments.js';

/**
 * User triggers of tables and views. Internal ones (foreign key enforcement) and the clones a
 * partition receives from its parent's trigger (tgparentid) are not declared by anyone. A
 * constraint trigger (tgconstraint set) is read here, with its deferral; its pg_constraint row is
 * not a table constraint. Triggers on tables
 * outside the selected schemas count when their function is inside them (a trigger on
 * auth.users calling public.handle_new_user). tgargs is sent as
 * hex: its arguments are separated by zero bytes, which text cannot hold.
 */
export const triggersSql = asJsonRows(
  `SELECT n.nspname::text AS schema, c.relname::text AS "table", tg.tgname::text AS name,
     tg.tgtype AS type,
     ${columnNames('tg.tgrelid', 'tg.tgattr::int2[]')} AS "updateOf",
     pg_get_triggerdef(tg.oid, true) AS definition,
     fn.nspname::text AS "functionSchema", p.proname::text AS "functionName",
     tg.tgnargs AS "argumentCount", encode(tg.tgargs, 'hex') AS "argumentsHex",
     tg.tgenabled AS enabled, tg.tgoldtable::text AS "oldTable", tg.tgnewtable::text AS "newTable",
     CASE WHEN tg.tgconstraint <> 0 THEN json_build_object('deferrable', tg.tgdeferrable,
       'initiallyDeferred', tg.tginitdeferred,
       'fromSchema', (SELECT rn.nspname FROM pg_class rc JOIN pg_namespace rn ON rn.oid = rc.relnamespace WHERE rc.oid = tg.tgconstrrelid),
       'fromTable', (SELECT rc.relname FROM pg_class rc WHERE rc.oid = tg.tgconstrrelid)) END AS "constraint",
     ${commentOf('pg_trigger', 'tg.oid')} AS comment
   FROM pg_trigger tg
   JOIN pg_class c ON c.oid = tg.tgrelid
   JOIN pg_namespace n ON n.oid = c.relnamespace
   JOIN pg_proc p ON p.oid = tg.tgfoid
   JOIN pg_namespace fn ON fn.oid = p.pronamespace
   WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND c.relkind IN ('r', 'p', 'v')
     AND (${inSelectedNamespaces('n.nspname')} OR ${inSelectedNamespaces('fn.nspname')})
     AND ${notExtensionMember('pg_class', 'c.oid')}`,
  'x.schema, x."table", x.name',
);

export interface TriggerRow {
  schema: string;
  table: string;
  name: string;
  type: number;
  updateOf: string[];
  definition: string;
  functionSchema: string;
  functionName: string;
  argumentCount: number;
  argumentsHex: string;
  enabled: 'O' | 'A' | 'R' | 'D';
  /** Transition table names (REFERENCING OLD/NEW TABLE AS). */
  oldTable: string | null;
  newTable: string | null;
  /** A constraint trigger's deferral and `FROM` table. */
  constraint: { deferrable: boolean; initiallyDeferred: boolean; fromSchema: string | null; fromTable: string | null } | null;
  comment: string | null;
}

// tgtype bits, from PostgreSQL's catalog/pg_trigger.h.
const ROW = 1;
const BEFORE = 2;
const INSTEAD = 64;
const eventBits: [TriggerEvent, number][] = [
  ['INSERT', 4],
  ['UPDATE', 16],
  ['DELETE', 8],
  ['TRUNCATE', 32],
];

const enabledStates = { O: 'origin', A: 'always', R: 'replica', D: 'disabled' } as const;

export function toTrigger(row: TriggerRow): Trigger {
  const when = triggerWhen(row.definition);
  return {
    name: row.name,
    timing: row.type & INSTEAD ? 'INSTEAD OF' : row.type & BEFORE ? 'BEFORE' : 'AFTER',
    events: eventBits.filter(([, bit]) => row.type & bit).map(([event]) => event),
    ...(row.updateOf.length > 0 ? { updateOf: row.updateOf } : {}),
    level: row.type & ROW ? 'ROW' : 'STATEMENT',
    ...(when !== undefined ? { when } : {}),
    function: objectId(row.functionSchema, row.functionName),
    arguments: triggerArguments(row.argumentsHex, row.argumentCount),
    enabled: enabledStates[row.enabled],
    ...(row.constraint ? { constraint: toConstraintDeferral(row.constraint) } : {}),
    ...(row.oldTable !== null || row.newTable !== null
      ? { referencing: { ...(row.oldTable !== null ? { old: row.oldTable } : {}), ...(row.newTable !== null ? { new: row.newTable } : {}) } }
      : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
}

function toConstraintDeferral(row: NonNullable<TriggerRow['constraint']>): NonNullable<Trigger['constraint']> {
  return {
    deferrable: row.deferrable,
    initiallyDeferred: row.initiallyDeferred,
    ...(row.fromSchema !== null && row.fromTable !== null ? { from: objectId(row.fromSchema, row.fromTable) } : {}),
  };
}
