import { normalizeColocation } from '../model/distribution.js';
import { objectId } from '../model/id.js';
import type { Distribution, Schema } from '../model/schema.js';
import { at, invalid, targetIdOf } from './build.js';
import type { TableDef } from './table.js';

/**
 * Citus distribution from tables' `distributed` and `reference` options, checked against Citus's
 * rules before anything runs: the distribution column is in every primary key, unique constraint
 * and unique index; a distributed table's foreign keys go to a reference table or to a table of
 * its colocation group through the distribution columns; a reference table references no
 * distributed one. Runs once keys and foreign keys are resolved.
 */
export function buildDistributions(schema: Schema, tables: TableDef[], options: { file?: string }): void {
  const declared: Record<string, Distribution> = {};
  const defs = new Map(tables.map((def) => [objectId(def.schema, def.name), def]));
  for (const [id, def] of defs) {
    const d = def.distribution;
    if (!d) continue;
    const source = def.source ? { source: def.source } : {};
    if (d.kind === 'reference') {
      declared[id] = { kind: 'reference', table: id, ...source };
      continue;
    }
    const where = at(def.source, id, 'distributed.by', options.file);
    const table = schema.tables[id]!;
    if (!table.columns.some((c) => c.name === d.by)) invalid(`distribution column "${d.by}" does not exist in ${id}`, where);
    for (const constraint of Object.values(table.constraints)) {
      if ((constraint.kind === 'primary key' || constraint.kind === 'unique') && !constraint.columns.includes(d.by)) {
        invalid(`${constraint.kind} ${constraint.name} (${constraint.columns.join(', ')}) does not include the distribution column "${d.by}"`, where, 'Citus enforces keys per shard: add the distribution column to the key');
      }
    }
    for (const index of Object.values(table.indexes)) {
      if (index.unique && !index.keys.some((key) => key.replace(/"/g, '') === d.by)) {
        invalid(`unique index ${index.name} does not include the distribution column "${d.by}"`, at(def.source, id, `indexes.${index.name}`, options.file), 'Citus enforces uniqueness per shard: add the distribution column to the index');
      }
    }
    const colocateWith = d.colocateWith === undefined ? undefined : targetIdOf(d.colocateWith, at(def.source, id, 'distributed.colocateWith', options.file));
    declared[id] = { kind: 'distributed', table: id, column: d.by, ...(colocateWith ? { colocateWith } : {}), ...(d.shardCount !== undefined ? { shardCount: d.shardCount } : {}), ...source };
  }
  for (const [id, d] of Object.entries(declared)) {
    if (d.kind !== 'distributed' || !d.colocateWith) continue;
    const where = at(defs.get(id)!.source, id, 'distributed.colocateWith', options.file);
    const other = declared[d.colocateWith];
    if (!other || other.kind !== 'distributed') invalid(`colocates with ${d.colocateWith}, which is not a distributed table of the definitions`, where);
    const type = (table: string, column: string) => schema.tables[table]!.columns.find((c) => c.name === column)?.type;
    if (type(id, d.column) !== type(other.table, other.column)) {
      invalid(`colocates with ${other.table}, whose distribution column "${other.column}" is of type ${type(other.table, other.column)}, not ${type(id, d.column)}`, where, 'colocated tables are distributed by columns of one type');
    }
  }
  const distributions = normalizeColocation(declared);
  const groupOf = (d: Distribution | undefined) => (d?.kind === 'distributed' ? (d.colocateWith ?? d.table) : undefined);
  for (const [id, def] of defs) {
    const own = distributions[id];
    for (const fk of Object.values(schema.tables[id]!.constraints)) {
      if (fk.kind !== 'foreign key') continue;
      const where = at(def.source, id, `foreignKeys.${fk.name}`, options.file);
      const target = distributions[fk.references.table];
      if (own?.kind === 'reference' && target?.kind === 'distributed') invalid(`reference table ${id} has a foreign key to the distributed table ${fk.references.table}`, where, 'a reference table may reference only reference tables');
      if (own?.kind !== 'distributed' || target?.kind === 'reference') continue;
      if (!target) invalid(`distributed table ${id} has a foreign key to ${fk.references.table}, which is neither distributed nor a reference table`, where, 'make the referenced table a reference table, or distribute it in the same colocation group');
      if (groupOf(own) !== groupOf(target)) invalid(`foreign key to ${fk.references.table}, which is not colocated with ${id}`, where, `colocate them: distributed: { by: '${own.column}', colocateWith: '${fk.references.table}' }`);
      const at_ = fk.columns.indexOf(own.column);
      if (at_ < 0 || fk.references.columns[at_] !== target.column) {
        invalid(`foreign key to the colocated table ${fk.references.table} does not pair the distribution columns ("${own.column}" with "${target.column}")`, where, 'include the distribution column in the foreign key, referencing the other table\'s distribution column');
      }
    }
  }
  if (Object.keys(distributions).length) schema.distributions = distributions;
}
