import type { Change } from '../../model/change.js';
import { parseObjectId } from '../../model/id.js';
import type { Index } from '../../model/schema.js';
import { ident, qualified } from '../../sql/quote.js';
import { alterColumn } from './alter-column.js';
import { nameOf } from './names.js';
import type { Statement } from './step.js';
import { constraintSql } from './table.js';
import { indexSql } from './trigger-index.js';

/*
 * The lock-safe forms of changes to tables that already hold rows and serve writes. Every
 * statement here commits on its own (`transactional: false`): CONCURRENTLY refuses a transaction
 * block, and a VALIDATE sharing a transaction with its ADD ... NOT VALID would keep the ADD's
 * lock for the whole scan, which is what the split is for.
 */

const alone = (sql: string, hazards?: Statement['hazards']): Statement => ({ sql, transactional: false, ...(hazards?.length ? { hazards } : {}) });

/** A name PostgreSQL keeps whole (63 bytes at most) made of a base and a suffix. */
export function helperName(base: string, suffix: string): string {
  let cut = base;
  while (Buffer.byteLength(cut + suffix) > 63) cut = cut.slice(0, -1);
  return cut + suffix;
}

/** CREATE INDEX CONCURRENTLY: writes go on while the index builds (SHARE UPDATE EXCLUSIVE). */
export function concurrentIndexSql(relation: string, index: Index): string {
  return indexSql(relation, index).replace(/^CREATE( UNIQUE)? INDEX /, (head) => `${head}CONCURRENTLY `);
}

export const createIndexOnline = ({ relation, index }: Extract<Change, { kind: 'create index' }>): Statement[] => [alone(concurrentIndexSql(relation, index))];

export const dropIndexOnline = ({ relation, index }: Extract<Change, { kind: 'drop index' }>): Statement[] => [
  alone(`DROP INDEX CONCURRENTLY ${qualified(parseObjectId(relation).schema, index.name)}`),
];

/** A partition that an index built on its partitioned parent must reach (see createPartitionedIndexOnline). */
export interface PartitionTarget {
  id: string;
  /** The name its index takes, as CREATE INDEX on the parent would name it, or of a matching index it already has. */
  indexName: string;
  /** It already has a matching index: attached, not built. */
  hasIndex: boolean;
  /** Created by the plan, so empty: its index needs no CONCURRENTLY. */
  created: boolean;
  /** Partitioned itself: its own partitions, reached the same way. */
  partitions?: PartitionTarget[];
}

/**
 * An index on a partitioned table, built online: PostgreSQL builds none CONCURRENTLY there. The
 * parent's is created ON ONLY the parent (invalid, no rows read), each partition's concurrently,
 * and each attached; the parent's turns valid once every partition's is attached.
 */
export function createPartitionedIndexOnline(relation: string, index: Index, partitions: PartitionTarget[]): Statement[] {
  const schema = parseObjectId(relation).schema;
  const steps = [alone(indexSql(relation, index, true))];
  for (const partition of partitions) {
    const own: Index = { ...index, name: partition.indexName };
    delete own.comment;
    if (partition.hasIndex) {
      // Attached as it is, as CREATE INDEX on the parent would take it over.
    } else if (partition.partitions) steps.push(...createPartitionedIndexOnline(partition.id, own, partition.partitions));
    else steps.push(alone(partition.created ? indexSql(partition.id, own) : concurrentIndexSql(partition.id, own)));
    steps.push(alone(`ALTER INDEX ${qualified(schema, index.name)} ATTACH PARTITION ${qualified(parseObjectId(partition.id).schema, partition.indexName)}`));
  }
  return steps;
}

/**
 * A changed index: the new one is built beside the old under a temporary name, the old one goes,
 * and the new one takes its name. The table has an index serving its queries at every moment.
 */
export function replaceIndexOnline(relation: string, index: Index): Statement[] {
  const schema = parseObjectId(relation).schema;
  const temporary = helperName(index.name, '_pgform_new');
  return [
    alone(concurrentIndexSql(relation, { ...index, name: temporary })),
    alone(`DROP INDEX CONCURRENTLY ${qualified(schema, index.name)}`),
    alone(`ALTER INDEX ${qualified(schema, temporary)} RENAME TO ${ident(index.name)}`),
  ];
}

/**
 * A key built online: its unique index concurrently, then the constraint takes the index over
 * (`USING INDEX`, a brief lock with no scan). Foreign keys and checks are added NOT VALID, which
 * checks only new rows, then validated in a transaction of their own, which lets writes through.
 */
export function addConstraintOnline({ table, constraint }: Extract<Change, { kind: 'add constraint' }>): Statement[] | undefined {
  const target = nameOf(table);
  switch (constraint.kind) {
    case 'primary key':
    case 'unique': {
      const index: Index = { name: constraint.name, unique: true, method: 'btree', keys: constraint.columns.map(ident), include: [], ...(constraint.kind === 'unique' && constraint.nullsNotDistinct ? { nullsNotDistinct: true } : {}) };
      const key = constraint.kind === 'primary key' ? 'PRIMARY KEY' : 'UNIQUE';
      const deferral = `${constraint.deferrable ? ' DEFERRABLE' : ''}${constraint.initiallyDeferred ? ' INITIALLY DEFERRED' : ''}`;
      return [
        alone(concurrentIndexSql(table, index)),
        alone(`ALTER TABLE ${target} ADD CONSTRAINT ${ident(constraint.name)} ${key} USING INDEX ${ident(constraint.name)}${deferral}`),
      ];
    }
    case 'check':
    case 'foreign key':
      if (constraint.notValid) return undefined;
      return [alone(`ALTER TABLE ${target} ADD ${constraintSql({ ...constraint, notValid: true })}`), alone(`ALTER TABLE ${target} VALIDATE CONSTRAINT ${ident(constraint.name)}`)];
    case 'exclude':
      return undefined;
  }
}

/** A leaf partition of a partitioned table a key or foreign key is added to: it takes its part first. */
export interface KeyPartition {
  id: string;
  /** The name of its own constraint: the name PostgreSQL gives it when the parent's key reaches it. */
  name: string;
}

/**
 * A key or foreign key added to a partitioned table with rows: PostgreSQL builds no index
 * CONCURRENTLY and (before 18) adds no foreign key NOT VALID on a partitioned table, but the
 * parent's ADD CONSTRAINT takes over each partition's matching constraint instead of building or
 * checking its own. So each leaf partition gets its part first: a key's unique index
 * concurrently and the constraint over it (USING INDEX), a foreign key NOT VALID then validated
 * while writes go on. The parent's statement then only attaches them: a brief lock, no index
 * build and no scan (test/cases/diff/partition/add-key-online, fk-from-partitioned-online).
 */
export function addPartitionedConstraintOnline(change: Extract<Change, { kind: 'add constraint' }>, leaves: KeyPartition[]): Statement[] {
  const parent = alone(`ALTER TABLE ${nameOf(change.table)} ADD ${constraintSql(change.constraint)}`);
  return [...leaves.flatMap((leaf) => addConstraintOnline({ ...change, table: leaf.id, constraint: { ...change.constraint, name: leaf.name } }) ?? []), parent];
}

/**
 * DROP INDEX on a partitioned table: PostgreSQL drops no partitioned index CONCURRENTLY, and a
 * partition's index cannot leave it on its own. The plain form stays, marked.
 */
export const dropPartitionedIndex = ({ relation, index }: Extract<Change, { kind: 'drop index' }>): Statement[] => [
  {
    sql: `DROP INDEX ${qualified(parseObjectId(relation).schema, index.name)}`,
    hazards: [
      {
        code: 'LONG_LOCK',
        message: `PostgreSQL drops no index of a partitioned table CONCURRENTLY: dropping ${index.name} takes an ACCESS EXCLUSIVE lock on ${relation} and each partition (brief, no rows read, but writes queue behind it while it waits for that lock; lock_timeout bounds the wait). To avoid it, detach each partition (DETACH PARTITION ... CONCURRENTLY), drop its copy of the index CONCURRENTLY, then drop the parent's index and attach the partitions again`,
      },
    ],
  },
];

/**
 * SET NOT NULL without its scan under ACCESS EXCLUSIVE: a helper `CHECK (col IS NOT NULL)` is
 * added NOT VALID and validated while writes go on; SET NOT NULL then finds it proven (PostgreSQL
 * 12 and later skip the scan), and the helper goes. Other alterations of the column come first,
 * as the plain form orders them.
 */
export function alterColumnOnline(change: Extract<Change, { kind: 'alter column' }>): Statement[] | undefined {
  const { table, from, to } = change;
  if (to.identity || from.identity || !to.notNull || from.notNull || to.type !== from.type || to.generated !== from.generated) return undefined;
  const target = nameOf(table);
  const helper = ident(helperName(to.name, '_pgform_not_null'));
  return [
    ...alterColumn({ ...change, to: { ...to, notNull: false } }),
    alone(`ALTER TABLE ${target} ADD CONSTRAINT ${helper} CHECK (${ident(to.name)} IS NOT NULL) NOT VALID`),
    alone(`ALTER TABLE ${target} VALIDATE CONSTRAINT ${helper}`, [{ code: 'MAY_FAIL', message: `fails if ${table}.${to.name} holds NULLs` }]),
    alone(`ALTER TABLE ${target} ALTER COLUMN ${ident(to.name)} SET NOT NULL`),
    alone(`ALTER TABLE ${target} DROP CONSTRAINT ${helper}`),
  ];
}

/** A NOT VALID constraint validated on a table in use: in its own transaction, so writes go on. */
export const validateConstraintOnline = ({ table, constraint }: Extract<Change, { kind: 'validate constraint' }>): Statement[] => [
  alone(`ALTER TABLE ${nameOf(table)} VALIDATE CONSTRAINT ${ident(constraint.name)}`, [{ code: 'MAY_FAIL', message: `fails if rows of ${table} break ${constraint.name}` }]),
];
