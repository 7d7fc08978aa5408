import type { Schema } from '../model/schema.js';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * After `ALTER EXTENSION ... SET SCHEMA`, the server prints the extension's types, operator
 * classes and functions under the new schema, in every column, index, routine and view that
 * uses them: nothing about those objects changes. Returns `from` with each such text taken
 * from `to` where swapping the schema prefixes is the only difference, so the moved extension
 * alone is planned, never a column retyped or an index rebuilt.
 */
export function followExtensionMoves(from: Schema, to: Schema): Schema {
  const moves = Object.values(from.extensions).flatMap((a) => {
    const b = to.extensions[a.name];
    return b && b.schema !== a.schema ? [[a.schema, b.schema] as const] : [];
  });
  if (moves.length === 0) return from;
  const patterns = moves.map(([old, next]) => [new RegExp(`(^|[^a-zA-Z0-9_$."])${escape(old)}\\.`, 'g'), `$1${next}.`] as const);
  const moved = (text: string) => patterns.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
  const adopt = (a: string | undefined, b: string | undefined) => (a !== undefined && b !== undefined && a !== b && moved(a) === b ? b : a);
  const out = structuredClone(from);
  for (const [id, table] of Object.entries(out.tables)) {
    const target = to.tables[id];
    if (!target) continue;
    for (const column of table.columns) {
      const next = target.columns.find((c) => c.name === column.name);
      if (!next) continue;
      column.type = adopt(column.type, next.type)!;
      if (column.default !== undefined) column.default = adopt(column.default, next.default);
    }
    for (const [name, index] of Object.entries(table.indexes)) {
      const next = target.indexes[name];
      if (!next) continue;
      index.keys = index.keys.map((key, i) => adopt(key, next.keys[i])!);
      if (index.where !== undefined) index.where = adopt(index.where, next.where);
    }
    for (const [name, constraint] of Object.entries(table.constraints)) {
      const next = target.constraints[name];
      if (constraint.kind === 'check' && next?.kind === 'check') constraint.expression = adopt(constraint.expression, next.expression)!;
      if (constraint.kind === 'exclude' && next?.kind === 'exclude') constraint.definition = adopt(constraint.definition, next.definition)!;
    }
  }
  for (const [id, view] of Object.entries(out.views)) {
    const next = to.views[id];
    if (!next) continue;
    view.definition = adopt(view.definition, next.definition)!;
    view.columns = view.columns.map((column, i) => ({ ...column, type: adopt(column.type, next.columns[i]?.type)! }));
  }
  // Routines are keyed by their argument types: a moved type renames the key too.
  out.routines = Object.fromEntries(
    Object.entries(out.routines).map(([id, routine]) => {
      const nextId = moved(id);
      const next = to.routines[nextId];
      if (!next || nextId === id) return [id, routine];
      return [nextId, { ...routine, arguments: routine.arguments.map((arg, i) => ({ ...arg, type: adopt(arg.type, next.arguments[i]?.type)! })), ...(routine.returns !== undefined ? { returns: adopt(routine.returns, next.returns) } : {}) }];
    }),
  );
  return out;
}
