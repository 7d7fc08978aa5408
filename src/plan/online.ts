import type { Change } from '../model/change.js';
import { objectId } from '../model/id.js';
import type { Schema } from '../model/schema.js';
import { addConstraintOnline, alterColumnOnline, createIndexOnline, dropIndexOnline, replaceIndexOnline, validateConstraintOnline } from './sql/online.js';
import type { Statement } from './sql/step.js';

/**
 * Chooses the lock-safe form of each change on a relation that exists before the plan runs
 * (see sql/online.ts); undefined keeps the plain form. Relations the plan creates keep the plain
 * form: nobody reads or writes them yet. Partitioned tables keep it too: PostgreSQL builds no
 * index on them CONCURRENTLY.
 */
export type OnlineForm = (change: Change) => Statement[] | undefined;

/** The changes of a plan an index replacement consumes: the drop gives way to the paired create. */
interface Replacements {
  drops: Set<Change>;
  creates: Set<Change>;
}

const objectsUnderIndexes = new Set<Change['kind']>(['drop routine', 'replace routine', 'drop enum', 'replace enum', 'drop domain', 'alter domain', 'drop extension', 'alter extension', 'drop collation', 'drop sequence', 'rename']);

/**
 * Indexes the differ drops and creates again under the same name (their definition changed).
 * Only the differ's own pairs: an index re-created around a column, enum or routine change must
 * go before that change, where the plain drop puts it.
 */
function replacedIndexes(requested: Change[], changes: Change[]): Replacements {
  const drops = new Set<Change>();
  const creates = new Set<Change>();
  // An old index may use a routine, type or collation the plan drops or re-creates: it must go
  // first, where the plain drop puts it.
  if (changes.some((c) => objectsUnderIndexes.has(c.kind))) return { drops, creates };
  const own = new Set(requested);
  const busy = new Set(changes.flatMap((c) => (c.kind === 'alter column' || c.kind === 'drop column' ? [c.table] : c.kind === 'replace enum' ? c.columns.map((col) => col.table) : [])));
  for (const create of changes) {
    if (create.kind !== 'create index' || !own.has(create) || busy.has(create.relation)) continue;
    const drop = changes.find((c) => c.kind === 'drop index' && own.has(c) && c.relation === create.relation && c.index.name === create.index.name);
    if (!drop) continue;
    drops.add(drop);
    creates.add(create);
  }
  return { drops, creates };
}

export function onlineForms(requested: Change[], changes: Change[], context: { from?: Schema }, created: Set<string>): OnlineForm {
  const partitioned = new Set(Object.values(context.from?.tables ?? {}).flatMap((t) => (t.partitionBy ? [objectId(t.schema, t.name)] : [])));
  const existing = (relation: string) => !created.has(relation) && !partitioned.has(relation);
  const replaced = replacedIndexes(requested, changes);
  return (change) => {
    switch (change.kind) {
      case 'create index':
        if (!existing(change.relation)) return undefined;
        return replaced.creates.has(change) ? replaceIndexOnline(change.relation, change.index) : createIndexOnline(change);
      case 'drop index':
        if (!existing(change.relation)) return undefined;
        return replaced.drops.has(change) ? [] : dropIndexOnline(change);
      case 'add constraint':
        // A key to a partitioned table added NOT VALID and validated does not reach the catalog state the plain
        // form gives on PostgreSQL 15 (test/cases/diff/partition/fk-to-partitioned): it keeps the plain form.
        if (change.constraint.kind === 'foreign key' && partitioned.has(change.constraint.references.table)) return undefined;
        return existing(change.table) && change.usingIndex === undefined ? addConstraintOnline(change) : undefined;
      case 'validate constraint':
        return existing(change.table) ? validateConstraintOnline(change) : undefined;
      case 'alter column':
        return existing(change.table) ? alterColumnOnline(change) : undefined;
      default:
        return undefined;
    }
  };
}
