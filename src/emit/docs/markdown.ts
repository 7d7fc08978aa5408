/**
 * Markdown building blocks for the docs emitter. Every piece of user text (names, descriptions,
 * SQL) reaches the document through these helpers, so escaping happens in one place: code spans
 * pick a fence longer than any backtick run inside, table cells escape `|` and turn newlines into
 * `<br>` (tbls `output/md/md_pipe_escape_test.go` shows what an unescaped pipe does to a table).
 */

/** An inline code span that holds any text, backticks included. Newlines become spaces. */
export function code(text: string): string {
  const flat = text.replace(/\r?\n\s*/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A span that starts or ends with a backtick (or is only spaces) needs padding to parse.
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ *$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Code spans for a list of names: `a`, `b`. */
export function codeList(items: string[]): string {
  return items.map(code).join(', ');
}

/** A link to an anchor in the same document. */
export function link(text: string, anchor: string): string {
  return `[${text}](#${anchor})`;
}

/** Text made safe for one table cell: pipes escaped, line breaks kept as `<br>`. */
export function cell(text: string): string {
  return text
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/**
 * A GitHub table; every cell goes through `cell()`. Columns named in `optional` are left out
 * when no row has anything in them (a Description column nobody filled in says nothing).
 */
export function table(header: string[], rows: string[][], optional: string[] = []): string {
  const keep = header.map((name, i) => !optional.includes(name) || rows.some((row) => (row[i] ?? '').trim() !== ''));
  const pick = (cells: string[]) => cells.filter((_, i) => keep[i]);
  const line = (cells: string[]) => `| ${pick(cells).map((c) => cell(c) || ' ').join(' | ')} |`;
  return [line(header), `| ${pick(header).map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** A fenced code block whose fence is longer than any fence inside the text. */
export function fence(language: string, text: string): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const marker = '`'.repeat(longest + 1);
  return `${marker}${language}\n${text.replace(/\s+$/, '')}\n${marker}`;
}

/** A collapsed block; the body is Markdown. */
export function details(summary: string, body: string): string {
  return `<details>\n<summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}

/** A heading carrying an explicit anchor, so links never depend on a renderer's slug rules. */
export function heading(level: number, anchor: string, text: string): string {
  return `${'#'.repeat(level)} <a id="${anchor}"></a>${text}`;
}

/** Text for HTML contexts (summary lines, attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Free text shown as is (group names): Markdown punctuation escaped so it cannot format or link. */
export function plain(text: string): string {
  return text.replace(/([\\[\]*_`<>|#])/g, '\\$1');
}

/** Plural words for counts: `plural(2, 'table')` -> `2 tables`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/**
 * Markdown written by people (system and group notes), placed under a heading of `level`:
 * headings inside it are pushed down so they nest below that heading. Fenced code is left alone.
 */
export function nestMarkdown(text: string, level: number): string {
  const lines = text.replace(/\r\n/g, '\n').trim().split('\n');
  let top = 7;
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = !inFence && /^(#{1,6})\s/.exec(line);
    if (match) top = Math.min(top, match[1]!.length);
  }
  const shift = top <= level ? level + 1 - top : 0;
  if (shift === 0) return lines.join('\n');
  inFence = false;
  return lines
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      const match = !inFence && /^(#{1,6})(\s.*)$/.exec(line);
      return match ? `${'#'.repeat(Math.min(6, match[1]!.length + shift))}${match[2]}` : line;
    })
    .join('\n');
}

/** Joins blocks with one blank line, dropping empty ones. */
export function blocks(...parts: (string | undefined | false)[]): string {
  return nonEmpty(parts).join('\n\n');
}

/**
 * Blocks as a whole file: ending in one newline. Added to the last block before the join, not to
 * the joined text, which would be copied whole again (tens of megabytes at thousands of tables).
 */
export function fileOf(...parts: (string | undefined | false)[]): string {
  const kept = nonEmpty(parts);
  if (kept.length === 0) return '\n';
  kept[kept.length - 1] += '\n';
  return kept.join('\n\n');
}

const nonEmpty = (parts: (string | undefined | false)[]) => parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '');
