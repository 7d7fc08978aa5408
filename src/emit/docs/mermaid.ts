/**
 * Mermaid `erDiagram`s, one per group: its tables with their columns (type, PK/FK/UK markers)
 * and the foreign keys they hold, with parents from other groups drawn by name only. A group
 * over `maxTables` tables is cut into parts of tables that reference each other, so each picture
 * stays readable. Mermaid accepts only plain identifiers and single-token types, and some words
 * (`end`, `class`, `one`, `to`...) are its keywords: every name is mapped once for the whole
 * document, and the mapping is printed under a diagram whenever a name had to change.
 */
import { parseObjectId } from '../../model/id.js';
import type { Table } from '../../model/schema.js';
import { displayId, displayName, primaryKeyColumns, sectionAnchor, sorted, type DocGroup, type DocsContext } from './context.js';
import { cardinality, isRequired } from './facts.js';
import { blocks, code, fence, heading, link, plain } from './markdown.js';

/** Tables per diagram before a group is split. */
export const maxTables = 25;

/** Words Mermaid's erDiagram grammar reads as keywords (case-insensitive). */
const reserved = new Set([
  'erdiagram', 'end', 'class', 'classdef', 'style', 'direction', 'title', 'acctitle', 'accdescr',
  'one', 'many', 'only', 'zero', 'to', 'optionally', 'u', 'pk', 'fk', 'uk',
]);

/** A Mermaid-safe identifier: ASCII letters, digits and `_`, not starting with a digit, no keyword. */
export function mermaidName(text: string): string {
  let name = text.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(name)) name = `_${name}`;
  if (reserved.has(name.toLowerCase())) name = `${name}_`;
  return name;
}

const typeAliases: [RegExp, string][] = [
  [/^timestamp with time zone$/, 'timestamptz'],
  [/^timestamp without time zone$/, 'timestamp'],
  [/^time with time zone$/, 'timetz'],
  [/^time without time zone$/, 'time'],
  [/^character varying$/, 'varchar'],
  [/^character$/, 'char'],
  [/^bit varying$/, 'varbit'],
  [/^double precision$/, 'float8'],
];

/** A column type as one Mermaid token: modifiers and schema dropped, `text[]` kept. */
export function mermaidType(type: string): string {
  const array = /(\[\d*\])+$/.exec(type)?.[0].replace(/\d/g, '') ?? '';
  let base = type
    .slice(0, type.length - (/(\[\d*\])+$/.exec(type)?.[0].length ?? 0))
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, alias] of typeAliases) base = base.replace(pattern, alias);
  // A user type keeps its own name: `public.lead_status` -> `lead_status`.
  const unquoted = base.replace(/"/g, '');
  const name = unquoted.includes('.') ? unquoted.slice(unquoted.lastIndexOf('.') + 1) : unquoted;
  return `${mermaidName(name)}${array}`;
}

/** Diagram names of every table and referenced relation, unique across the document. */
export function diagramNames(ctx: DocsContext): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const ids = [...sorted(Object.keys(ctx.schema.tables)), ...sorted(new Set(ctx.foreignKeys.map((fk) => fk.key.references.table)))];
  for (const id of ids) {
    if (names.has(id)) continue;
    const { schema, name } = parseObjectId(id);
    const base = mermaidName(displayName(schema, name));
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
    taken.add(candidate.toLowerCase());
    names.set(id, candidate);
  }
  return names;
}

function attributes(t: Table): string[] {
  const primaryKey = primaryKeyColumns(t);
  const constraints = Object.values(t.constraints);
  const used = new Set<string>();
  return t.columns.map((column) => {
    const keys = [
      primaryKey.includes(column.name) ? 'PK' : '',
      constraints.some((c) => c.kind === 'foreign key' && c.columns.includes(column.name)) ? 'FK' : '',
      constraints.some((c) => c.kind === 'unique' && c.columns.length === 1 && c.columns[0] === column.name) ? 'UK' : '',
    ].filter(Boolean);
    const base = mermaidName(column.name);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    used.add(name.toLowerCase());
    const comment = name === column.name ? '' : ` "${column.name.replace(/"/g, "'")}"`;
    return `    ${mermaidType(column.type)} ${name}${keys.length ? ` ${keys.join(', ')}` : ''}${comment}`;
  });
}

/** The group's tables in an order that keeps tables joined by foreign keys next to each other. */
function connectedOrder(ctx: DocsContext, tables: string[]): string[] {
  const inGroup = new Set(tables);
  const neighbours = new Map<string, Set<string>>(tables.map((id) => [id, new Set<string>()]));
  for (const fk of ctx.foreignKeys) {
    const parent = fk.key.references.table;
    if (inGroup.has(fk.table) && inGroup.has(parent) && parent !== fk.table) {
      neighbours.get(fk.table)!.add(parent);
      neighbours.get(parent)!.add(fk.table);
    }
  }
  const order: string[] = [];
  const seen = new Set<string>();
  for (const start of tables) {
    if (seen.has(start)) continue;
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const id = queue.shift()!;
      order.push(id);
      for (const next of sorted(neighbours.get(id)!)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  return order;
}

/** Splits a group's tables into parts of at most `maxTables`, of even size. */
export function diagramParts(ctx: DocsContext, group: DocGroup): string[][] {
  const order = connectedOrder(ctx, group.tables);
  const count = Math.ceil(order.length / maxTables);
  const size = Math.ceil(order.length / Math.max(1, count));
  const parts: string[][] = [];
  for (let i = 0; i < order.length; i += size) parts.push(order.slice(i, i + size));
  return parts;
}

/** The Mermaid source of one diagram: the tables, and the foreign keys they hold. */
export function erDiagram(ctx: DocsContext, tables: string[], names: Map<string, string>): string {
  const lines = ['erDiagram'];
  for (const id of tables) {
    const t = ctx.schema.tables[id]!;
    lines.push(`  ${names.get(id)!} {`, ...attributes(t), '  }');
  }
  const drawn = new Set(tables);
  for (const fk of ctx.foreignKeys) {
    if (!drawn.has(fk.table)) continue;
    const child = ctx.schema.tables[fk.table]!;
    const parentSide = isRequired(child, fk.key) ? '||' : '|o';
    const childSide = cardinality(child, fk.key) === 'one-to-one' ? 'o|' : 'o{';
    const label = fk.key.columns.join(', ').replace(/"/g, "'").replace(/\s+/g, ' ');
    lines.push(`  ${names.get(fk.key.references.table)!} ${parentSide}--${childSide} ${names.get(fk.table)!} : "${label}"`);
  }
  return lines.join('\n');
}

/** Every diagram of the document as [group, Mermaid source] pairs (tests parse each one). */
export function allDiagrams(ctx: DocsContext): { group: DocGroup; part: number; tables: string[]; source: string }[] {
  const names = diagramNames(ctx);
  return ctx.groups.flatMap((group) =>
    diagramParts(ctx, group).map((tables, part) => ({ group, part, tables, source: erDiagram(ctx, tables, names) })),
  );
}

export function renderDiagrams(ctx: DocsContext): string {
  const diagrams = allDiagrams(ctx);
  if (diagrams.length === 0) return '';
  const names = diagramNames(ctx);
  const sections = ctx.groups
    .filter((group) => group.tables.length > 0)
    .map((group) => {
      const parts = diagrams.filter((d) => d.group === group);
      const body = parts.map((diagram) => {
        const drawn = new Set(diagram.tables);
        const outside = sorted(new Set(ctx.foreignKeys.filter((fk) => drawn.has(fk.table) && !drawn.has(fk.key.references.table)).map((fk) => fk.key.references.table)));
        const renamed = [...drawn, ...outside].filter((id) => names.get(id) !== displayId(id));
        return blocks(
          parts.length > 1 && `**Part ${diagram.part + 1} of ${parts.length}**`,
          fence('mermaid', diagram.source),
          outside.length > 0 && `Drawn by name only (from another group or part, or external): ${outside.map((id) => code(displayId(id))).join(', ')}.`,
          renamed.length > 0 && `Diagram names: ${renamed.map((id) => `${code(names.get(id)!)} is ${code(displayId(id))}`).join(', ')}.`,
        );
      });
      return blocks(heading(3, ctx.anchor('diagram', group.name)!, plain(group.name)), `Back to the ${link('group', group.anchor)}.`, ...body);
    });
  return blocks(heading(2, sectionAnchor.diagrams, 'ER diagrams'), ...sections);
}
