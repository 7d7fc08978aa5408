import mermaid from 'mermaid';
import { expect } from 'vitest';

/** The Mermaid sources of the ```mermaid blocks of a Markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(`{3,})mermaid\n([\s\S]*?)\n\1$/gm)].map((match) => match[2]!);
}

/**
 * The subset of erDiagram the emitter writes, checked line by line: plain identifiers for
 * entities and attributes, single-token types, key markers, quoted labels without quotes inside.
 * Mermaid's own parser is lenient (it takes `a-b` as an entity name); this is our contract.
 */
const name = '[A-Za-z_][A-Za-z0-9_]*';
const forms = [
  /^erDiagram$/,
  new RegExp(`^  ${name} \\{$`),
  new RegExp(`^    ${name}(\\[\\])* ${name}( (PK|FK|UK)(, (PK|FK|UK))*)?( "[^"\\n]*")?$`),
  /^  \}$/,
  new RegExp(`^  ${name} (\\|\\||\\|o)--(o\\{|o\\|) ${name} : "[^"\\n]*"$`),
];

/** Lines of a diagram outside the emitted subset. */
export function strictProblems(source: string): string[] {
  return source.split('\n').filter((line) => !forms.some((form) => form.test(line)));
}

/** A diagram is in the subset and Mermaid itself parses it. */
export async function expectValidDiagram(source: string): Promise<void> {
  expect(strictProblems(source)).toEqual([]);
  await expect(mermaid.parse(source)).resolves.toMatchObject({ diagramType: 'er' });
}

/** Markdown outside fenced code blocks, line by line. */
function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (!fence) lines.push(line);
  }
  return lines;
}

/** In-document links (`](#x)`) whose anchor no `<a id="x">` defines. */
export function brokenLinks(markdown: string): string[] {
  const anchors = new Set([...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]!));
  const links = proseLines(markdown).flatMap((line) => [...line.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]!));
  return [...new Set(links.filter((anchor) => !anchors.has(anchor)))];
}

/** Cells of a table row: pipes not escaped with a backslash split cells. */
function cellCount(row: string): number {
  return row.replace(/\\\|/g, '').split('|').length - 2;
}

/** Table rows whose cell count differs from their header's (an unescaped `|` or newline). */
export function raggedRows(markdown: string): string[] {
  const ragged: string[] = [];
  let header: number | undefined;
  for (const line of proseLines(markdown)) {
    if (!line.startsWith('|')) {
      header = undefined;
      continue;
    }
    if (header === undefined) header = cellCount(line);
    else if (cellCount(line) !== header) ragged.push(line);
  }
  return ragged;
}
