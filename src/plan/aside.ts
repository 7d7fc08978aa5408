import type { Change } from '../model/change.js';

/**
 * Replaced tables whose rows are copied step aside first: each is renamed, with the indexes whose
 * names its replacement takes, where it was dropped before (the drop itself waits for the copy).
 * Returns the changes with those renames, and the renames, which the planner places there.
 */
export function stepAside(changes: Change[]): { changes: Change[]; renames: Set<Change> } {
  const renames = new Set<Change>();
  const out: Change[] = [];
  for (const change of changes) {
    out.push(change);
    if (change.kind !== 'drop table' || !change.aside) continue;
    const { schema, name } = change.table;
    const moves: Change[] = change.aside.indexes.map((index) => ({ kind: 'rename', target: { type: 'index', schema }, from: index.from, to: index.to }));
    if (change.aside.name !== name) moves.unshift({ kind: 'rename', target: { type: 'table', schema }, from: name, to: change.aside.name });
    for (const move of moves) renames.add(move);
    out.push(...moves);
  }
  return { changes: out, renames };
}
