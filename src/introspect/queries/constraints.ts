import { objectId } from '../../model/id.js';
import type { Constraint, ReferentialAction } from '../../model/schema.js';
import { asJsonRows, columnNames, commentOf, inSelectedNamespaces, notExtensionMember } from './fragments.js';

/**
 * Table constraints. NOT NULL is a column property: PostgreSQL 18 also stores it here (contype
 * 'n'), so only p/u/c/f/x are read. A check's expression comes from pg_get_expr(conbin, true),
 * the very deparse pg_get_constraintdef wraps in `CHECK (...)` with NO INHERIT, NOT VALID or
 * NOT ENFORCED behind it, so nothing has to be cut off the printed text. Constraints a table has
 * only from a parent (a partition's clones of keys and foreign keys, conparentid; an inherited
 * check, not conislocal) are the parent's, as are the clones a foreign key to a partitioned table
 * gets per referenced partition.
 * `nullsNotDistinct` exists from PostgreSQL 15.
 */
export function constraintsSql(serverVersion: number): string {
  const nullsNotDistinct = serverVersion >= 150000 ? 'ix.indnullsnotdistinct' : 'false';
  const onDeleteColumns = serverVersion >= 150000 ? `CASE WHEN k.confdelsetcols IS NOT NULL THEN ${columnNames('k.conrelid', 'k.confdelsetcols')} END` : 'NULL';
  return asJsonRows(
    `SELECT n.nspname::text AS schema, c.relname::text AS "table", k.conname::text AS name, k.contype AS type,
       k.condeferrable AS deferrable, k.condeferred AS "initiallyDeferred",
       ${columnNames('k.conrelid', 'k.conkey')} AS columns,
       CASE WHEN k.contype = 'f' THEN json_build_object('schema', rn.nspname, 'table', rc.relname,
         'columns', ${columnNames('k.confrelid', 'k.confkey')}) END AS "references",
       k.confdeltype AS "onDelete", ${onDeleteColumns} AS "onDeleteColumns", k.confupdtype AS "onUpdate", k.confmatchtype AS "matchType",
       CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid, true) END AS expression,
       k.connoinherit AS "noInherit", NOT k.convalidated AS "notValid",
       CASE WHEN k.contype = 'x' THEN pg_get_constraintdef(k.oid, true) END AS definition,
       coalesce(${nullsNotDistinct}, false) AS "nullsNotDistinct",
       ${commentOf('pg_constraint', 'k.oid')} AS comment
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_class rc ON rc.oid = k.confrelid
     LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
     LEFT JOIN pg_index ix ON ix.indexrelid = k.conindid
     WHERE k.contype IN ('p', 'u', 'c', 'f', 'x') AND c.relkind IN ('r', 'p') AND k.conparentid = 0 AND k.conislocal
       AND ${inSelectedNamespaces('n.nspname')} AND ${notExtensionMember('pg_class', 'c.oid')}`,
    'x.schema, x."table", x.name',
  );
}

export interface ConstraintRow {
  schema: string;
  table: string;
  name: string;
  type: 'p' | 'u' | 'c' | 'f' | 'x';
  deferrable: boolean;
  initiallyDeferred: boolean;
  columns: string[];
  references: { schema: string; table: string; columns: string[] } | null;
  onDelete: string;
  /** `confdelsetcols`: null when SET NULL / SET DEFAULT sets every column of the key. */
  onDeleteColumns: string[] | null;
  onUpdate: string;
  matchType: string;
  expression: string | null;
  noInherit: boolean;
  notValid: boolean;
  definition: string | null;
  nullsNotDistinct: boolean;
  comment: string | null;
}

const actions: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

function action(code: string): ReferentialAction {
  const found = actions[code];
  if (!found) throw new Error(`unknown referential action code "${code}"`);
  return found;
}

export function toConstraint(row: ConstraintRow): Constraint {
  const base = {
    name: row.name,
    ...(row.deferrable ? { deferrable: true } : {}),
    ...(row.initiallyDeferred ? { initiallyDeferred: true } : {}),
    ...(row.comment !== null ? { comment: row.comment } : {}),
  };
  switch (row.type) {
    case 'p':
      return { kind: 'primary key', ...base, columns: row.columns };
    case 'u':
      return { kind: 'unique', ...base, columns: row.columns, ...(row.nullsNotDistinct ? { nullsNotDistinct: true } : {}) };
    case 'c':
      return { kind: 'check', ...base, expression: row.expression ?? '', ...(row.noInherit ? { noInherit: true } : {}), ...(row.notValid ? { notValid: true } : {}) };
    case 'f': {
      const ref = row.references!;
      return {
        kind: 'foreign key',
        ...base,
        columns: row.columns,
        references: { table: objectId(ref.schema, ref.table), columns: ref.columns },
        onDelete: action(row.onDelete),
        ...(row.onDeleteColumns?.length ? { onDeleteColumns: row.onDeleteColumns } : {}),
        onUpdate: action(row.onUpdate),
        ...(row.matchType === 'f' ? { match: 'FULL' as const } : {}),
        ...(row.notValid ? { notValid: true } : {}),
      };
    }
    case 'x':
      // The deferral is held in the flags; the printed definition ends with it too.
      return { kind: 'exclude', ...base, definition: (row.definition ?? '').replace(/( NOT)? DEFERRABLE( INITIALLY (DEFERRED|IMMEDIATE))?$|( INITIALLY DEFERRED)$/, '') };
  }
}
