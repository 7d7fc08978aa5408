/** A TextEdit replaces `[start, end)` of a file's original text; an insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The text with every edit applied. Edits are made against the original text, so every byte no
 * edit covers stays as it was; overlapping edits mean two merges touched one spot, a bug.
 */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits at offset ${edit.start}`);
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}
