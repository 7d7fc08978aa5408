/**
 * A unified diff of two texts, trimmed to the changed lines and `context` lines around them: a
 * function body or view query that differs in one line shows that line, not two copies cut at
 * the same width.
 */
export function unifiedDiff(expected: string, actual: string, context = 2): string[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  // Longest common subsequence of lines; bodies are short enough for the quadratic table.
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: { mark: ' ' | '-' | '+'; text: string; a: number; b: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ mark: ' ', text: a[i]!, a: i++, b: j++ });
    else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ mark: '-', text: a[i]!, a: i++, b: j });
    else ops.push({ mark: '+', text: b[j]!, a: i, b: j++ });
  }
  const near = ops.map((_, index) => ops.slice(Math.max(0, index - context), index + context + 1).some((op) => op.mark !== ' '));
  const lines: string[] = [];
  for (let start = 0; start < ops.length; start++) {
    if (!near[start]) continue;
    let end = start;
    while (end + 1 < ops.length && near[end + 1]) end++;
    const hunk = ops.slice(start, end + 1);
    const from = hunk.filter((op) => op.mark !== '+');
    const to = hunk.filter((op) => op.mark !== '-');
    lines.push(`@@ -${(from[0]?.a ?? hunk[0]!.a) + 1},${from.length} +${(to[0]?.b ?? hunk[0]!.b) + 1},${to.length} @@`);
    for (const op of hunk) lines.push(`${op.mark}${op.text}`);
    start = end;
  }
  return lines;
}
