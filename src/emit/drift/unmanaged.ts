import type { Schema, Unmanaged } from '../../model/schema.js';

/** An UnmanagedItem is an object of a kind pgform does not manage, and which side holds it. */
export interface UnmanagedItem extends Unmanaged {
  /** `both`, or the one side of a comparison that has it; `both` for a single model. */
  in: 'both' | 'from' | 'to';
}

/** The unmanaged objects of one model, or of two with the side each is on, sorted by kind and identity. */
export function unmanagedItems(from: Schema, to?: Schema): UnmanagedItem[] {
  const a = from.unmanaged ?? {};
  const b = to ? (to.unmanaged ?? {}) : a;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .map((key): UnmanagedItem => ({ ...(a[key] ?? b[key])!, in: key in a && key in b ? 'both' : key in a ? 'from' : 'to' }))
    .sort((x, y) => (x.kind === y.kind ? (x.identity < y.identity ? -1 : x.identity > y.identity ? 1 : 0) : x.kind < y.kind ? -1 : 1));
}

/** The headline every comparing or pulling command prints: `3 objects of kinds pgform does not manage: ...`. */
export function unmanagedHeadline(items: UnmanagedItem[]): string {
  const kinds = [...new Set(items.map((i) => i.kind))];
  return `${items.length} object${items.length === 1 ? '' : 's'} of kinds pgform does not manage: ${kinds.join(', ')}`;
}

/**
 * The report for people: the headline, then one line per object, marked with the side that
 * alone has it. `labels` name the sides of a comparison.
 */
export function renderUnmanagedText(items: UnmanagedItem[], labels?: { from: string; to: string }, note = 'left as they are'): string {
  if (items.length === 0) return '';
  const lines = [`${unmanagedHeadline(items)} (${note})`];
  for (const item of items) {
    const side = item.in === 'both' || !labels ? '' : `  (only in ${item.in === 'from' ? labels.from : labels.to})`;
    lines.push(`  ${item.kind} ${item.identity}${side}`);
  }
  return `${lines.join('\n')}\n`;
}

/** SQL comment lines for the top of a plan: the objects it leaves alone. */
export function unmanagedSqlComment(items: UnmanagedItem[]): string {
  if (items.length === 0) return '';
  // An identity may hold a line break inside quotes: it must not end the comment.
  const oneLine = items.map((item) => ({ ...item, identity: item.identity.replace(/[\r\n]+/g, ' ') }));
  return renderUnmanagedText(oneLine, undefined, 'pgform writes no statement for them')
    .trimEnd()
    .split('\n')
    .map((line) => `-- ${line}`)
    .join('\n');
}
