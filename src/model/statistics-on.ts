/**
 * The items of a statistics object's printed `on` (`a, "B", lower(c), (a + b)`), split at the
 * commas outside parentheses and quotes, each trimmed.
 */
export function statisticsOnItems(on: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < on.length; i++) {
    const ch = on[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      items.push(on.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(on.slice(start).trim());
  return items;
}

/** Whether an item of a statistics object's `on` is a column: an identifier, bare or quoted (anything else is an expression). */
export function isColumnItem(item: string): boolean {
  return /^(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)$/.test(item);
}
