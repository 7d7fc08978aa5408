import type { Change } from '../model/change.js';
import { objectId, routineId } from '../model/id.js';
import type { Routine, Schema, Table } from '../model/schema.js';

/**
 * Honours `renamedFrom` hints: an object of `to` that `from` lacks, whose previous name `from`
 * still has (and `to` no longer does), is renamed rather than dropped and created. Returns the
 * RENAME changes and `from` as it stands after them, for the rest of the diff to compare.
 */
export function applyRenames(original: Schema, to: Schema): { from: Schema; changes: Change[] } {
  // Copying a model of thousands of tables costs more than the rest of a no-change diff.
  if (!hasRenameHints(to)) return { from: original, changes: [] };
  const from = structuredClone(original);
  const changes: Change[] = [];

  for (const table of Object.values(to.tables)) {
    if (!table.renamedFrom) continue;
    const id = objectId(table.schema, table.name);
    const old = objectId(table.schema, table.renamedFrom);
    if (from.tables[id] || !from.tables[old] || to.tables[old]) continue;
    changes.push({ kind: 'rename', target: { type: 'table', schema: table.schema }, from: table.renamedFrom, to: table.name });
    from.tables[id] = { ...from.tables[old]!, name: table.name };
    delete from.tables[old];
    for (const other of Object.values(from.tables)) {
      for (const constraint of Object.values(other.constraints)) {
        if (constraint.kind === 'foreign key' && constraint.references.table === old) constraint.references.table = id;
      }
    }
    for (const sequence of Object.values(from.sequences)) if (sequence.ownedBy?.table === old) sequence.ownedBy.table = id;
    // A renamed table stays in its publications.
    for (const publication of Object.values(from.publications)) {
      const member = publication.tables[old];
      if (!member) continue;
      delete publication.tables[old];
      publication.tables = Object.fromEntries(Object.entries({ ...publication.tables, [id]: member }).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    }
  }

  for (const table of Object.values(to.tables)) {
    const id = objectId(table.schema, table.name);
    const current = from.tables[id];
    if (current) renameTableParts(id, table, current, from, changes);
  }

  for (const view of Object.values(to.views)) {
    const id = objectId(view.schema, view.name);
    if (!view.renamedFrom) {
      const current = from.views[id];
      if (current) renameIndexes(view.schema, view.indexes, current.indexes, changes);
      continue;
    }
    const old = objectId(view.schema, view.renamedFrom);
    if (from.views[id] || !from.views[old] || to.views[old]) continue;
    changes.push({ kind: 'rename', target: { type: view.materialized ? 'materialized view' : 'view', schema: view.schema }, from: view.renamedFrom, to: view.name });
    from.views[id] = { ...from.views[old]!, name: view.name };
    delete from.views[old];
  }

  for (const routine of Object.values(to.routines)) {
    if (!routine.renamedFrom) continue;
    const types = identityTypes(routine);
    const id = routineId(routine.schema, routine.name, types);
    const old = routineId(routine.schema, routine.renamedFrom, types);
    const previous = from.routines[old];
    if (from.routines[id] || !previous || to.routines[old]) continue;
    changes.push({ kind: 'rename', target: { type: 'routine', routine: previous }, from: routine.renamedFrom, to: routine.name });
    from.routines[id] = { ...previous, name: routine.name };
    delete from.routines[old];
    const oldName = objectId(routine.schema, routine.renamedFrom);
    for (const table of Object.values(from.tables)) {
      for (const trigger of Object.values(table.triggers)) if (trigger.function === oldName) trigger.function = objectId(routine.schema, routine.name);
    }
  }

  for (const en of Object.values(to.enums)) {
    const id = objectId(en.schema, en.name);
    if (en.renamedFrom) {
      const old = objectId(en.schema, en.renamedFrom);
      if (!from.enums[id] && from.enums[old] && !to.enums[old]) {
        changes.push({ kind: 'rename', target: { type: 'enum', schema: en.schema }, from: en.renamedFrom, to: en.name });
        from.enums[id] = { ...from.enums[old]!, name: en.name };
        delete from.enums[old];
        retypeColumns(from, old, id);
      }
    }
    const current = from.enums[id];
    for (const [value, previous] of Object.entries(en.renamedValues ?? {})) {
      if (!current || current.values.includes(value) || !current.values.includes(previous) || en.values.includes(previous)) continue;
      changes.push({ kind: 'rename', target: { type: 'enum value', enum: id }, from: previous, to: value });
      current.values = current.values.map((v) => (v === previous ? value : v));
    }
  }
  for (const composite of Object.values(to.composites ?? {})) {
    const id = objectId(composite.schema, composite.name);
    const current = from.composites?.[id];
    if (!current) continue;
    for (const attribute of composite.attributes) {
      const old = attribute.renamedFrom;
      const has = (attributes: { name: string }[], name: string) => attributes.some((a) => a.name === name);
      if (!old || has(current.attributes, attribute.name) || !has(current.attributes, old) || has(composite.attributes, old)) continue;
      changes.push({ kind: 'rename', target: { type: 'attribute', composite: id }, from: old, to: attribute.name });
      current.attributes = current.attributes.map((a) => (a.name === old ? { ...a, name: attribute.name } : a));
    }
  }
  return { from, changes };
}

/** Whether any object of the model says what it was called before. */
function hasRenameHints(schema: Schema): boolean {
  const hinted = (record: Record<string, { renamedFrom?: string }> | { renamedFrom?: string }[]) => Object.values(record).some((item) => item.renamedFrom !== undefined);
  return (
    hinted(schema.views) ||
    Object.values(schema.views).some((view) => hinted(view.indexes)) ||
    hinted(schema.routines) ||
    Object.values(schema.composites ?? {}).some((composite) => hinted(composite.attributes)) ||
    Object.values(schema.enums).some((en) => en.renamedFrom !== undefined || (en.renamedValues && Object.keys(en.renamedValues).length > 0)) ||
    Object.values(schema.tables).some(
      (table) =>
        table.renamedFrom !== undefined ||
        table.columns.some((column) => column.renamedFrom !== undefined) ||
        hinted(table.constraints) ||
        hinted(table.indexes),
    )
  );
}

function identityTypes(routine: Routine): string[] {
  return routine.arguments.filter((a) => a.mode !== 'out').map((a) => a.type);
}

function renameTableParts(id: string, target: Table, current: Table, from: Schema, changes: Change[]): void {
  for (const column of target.columns) {
    const old = column.renamedFrom;
    if (!old || current.columns.some((c) => c.name === column.name) || !current.columns.some((c) => c.name === old) || target.columns.some((c) => c.name === old)) continue;
    changes.push({ kind: 'rename', target: { type: 'column', table: id }, from: old, to: column.name });
    renameColumn(id, current, old, column.name, from);
  }
  for (const constraint of Object.values(target.constraints)) {
    const old = constraint.renamedFrom;
    if (!old || current.constraints[constraint.name] || !current.constraints[old] || target.constraints[old]) continue;
    changes.push({ kind: 'rename', target: { type: 'constraint', table: id }, from: old, to: constraint.name });
    current.constraints[constraint.name] = { ...current.constraints[old]!, name: constraint.name };
    delete current.constraints[old];
  }
  renameIndexes(target.schema, target.indexes, current.indexes, changes);
}

function renameIndexes(schema: string, target: Table['indexes'], current: Table['indexes'], changes: Change[]): void {
  for (const index of Object.values(target)) {
    const old = index.renamedFrom;
    if (!old || current[index.name] || !current[old] || target[old]) continue;
    changes.push({ kind: 'rename', target: { type: 'index', schema }, from: old, to: index.name });
    current[index.name] = { ...current[old]!, name: index.name };
    delete current[old];
  }
}

/** A bare lower-case identifier in printed SQL, outside quotes and qualified names. */
function replaceIdentifier(text: string, old: string, next: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(old)) return text;
  return text.replace(new RegExp(`(^|[^a-z0-9_$".])${old}(?=$|[^a-z0-9_$"(])`, 'g'), `$1${/^[a-z_][a-z0-9_]*$/.test(next) ? next : `"${next.replace(/"/g, '""')}"`}`);
}

/** Renames a column in `from` the way PostgreSQL does: everything that names it follows. */
function renameColumn(id: string, table: Table, old: string, next: string, from: Schema): void {
  const swap = (names: string[]) => names.map((n) => (n === old ? next : n));
  table.columns = table.columns.map((c) => (c.name === old ? { ...c, name: next } : c));
  for (const constraint of Object.values(table.constraints)) {
    if (constraint.kind === 'check') constraint.expression = replaceIdentifier(constraint.expression, old, next);
    if (constraint.kind === 'exclude') constraint.definition = replaceIdentifier(constraint.definition, old, next);
    if ('columns' in constraint) constraint.columns = swap(constraint.columns);
    if (constraint.kind === 'foreign key' && constraint.onDeleteColumns) constraint.onDeleteColumns = swap(constraint.onDeleteColumns);
  }
  for (const index of Object.values(table.indexes)) {
    index.keys = index.keys.map((k) => replaceIdentifier(k, old, next));
    index.include = swap(index.include);
    if (index.where) index.where = replaceIdentifier(index.where, old, next);
  }
  for (const trigger of Object.values(table.triggers)) if (trigger.updateOf) trigger.updateOf = swap(trigger.updateOf);
  for (const policy of Object.values(table.policies)) {
    if (policy.using) policy.using = replaceIdentifier(policy.using, old, next);
    if (policy.withCheck) policy.withCheck = replaceIdentifier(policy.withCheck, old, next);
  }
  for (const other of Object.values(from.tables)) {
    for (const constraint of Object.values(other.constraints)) {
      if (constraint.kind === 'foreign key' && constraint.references.table === id) constraint.references.columns = swap(constraint.references.columns);
    }
  }
  for (const sequence of Object.values(from.sequences)) {
    if (sequence.ownedBy?.table === id && sequence.ownedBy.column === old) sequence.ownedBy.column = next;
  }
}

/** Columns typed with a renamed enum follow it (PostgreSQL keeps the type by oid). */
function retypeColumns(from: Schema, oldId: string, newId: string): void {
  const plain = (type: string) => type.replace(/\[\]$/, '').replace(/"/g, '');
  for (const table of Object.values(from.tables)) {
    for (const column of table.columns) {
      if (plain(column.type) === oldId) column.type = newId + (column.type.endsWith('[]') ? '[]' : '');
    }
  }
}
