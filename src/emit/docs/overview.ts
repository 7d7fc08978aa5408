/** The top of the document: title, the system note, counts and the table of contents. */
import { displayId, sectionAnchor, type DocsContext } from './context.js';
import { blocks, code, heading, link, nestMarkdown, plain, plural, table } from './markdown.js';

/** A Section is one top-level part of the document, listed in the contents when present. */
export interface Section {
  anchor: string;
  title: string;
  body: string;
}

export function renderTitle(ctx: DocsContext): string {
  const { title, note } = ctx.schema.docs;
  return blocks(`# ${title ?? 'Database schema'}`, note && nestMarkdown(note, 1));
}

const backedByIndex = new Set(['primary key', 'unique', 'exclude']);

/** Counts of everything the schema holds, managed schemas and external references. */
export function renderCounts(ctx: DocsContext, gapCount: number): string {
  const { schema } = ctx;
  const tables = Object.values(schema.tables);
  const views = Object.values(schema.views);
  const routines = Object.values(schema.routines);
  const external = Object.values(schema.externalTables ?? {});
  const count = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
  const rows: [string, number][] = [
    ['Tables', tables.length],
    ['Views', views.filter((view) => !view.materialized).length],
    ['Materialized views', views.filter((view) => view.materialized).length],
    ['Functions', routines.filter((routine) => routine.kind === 'function').length],
    ['Procedures', routines.filter((routine) => routine.kind === 'procedure').length],
    ['Aggregates', Object.keys(schema.aggregates ?? {}).length],
    ['Triggers', count([...tables, ...external].map((t) => Object.keys(t.triggers).length))],
    ['Policies', count([...tables, ...external].map((t) => Object.keys(t.policies).length))],
    ['Enums', Object.keys(schema.enums).length],
    ['Domains', Object.keys(schema.domains).length],
    ['Composite types', Object.keys(schema.composites ?? {}).length],
    ['Range types', Object.keys(schema.ranges ?? {}).length],
    ['Sequences', Object.keys(schema.sequences).length],
    // Primary keys, unique and exclusion constraints are indexes too: a schema of keys alone has some.
    ['Indexes', count([...tables, ...views].map((r) => Object.keys(r.indexes).length)) + count(tables.map((t) => Object.values(t.constraints).filter((c) => backedByIndex.has(c.kind)).length))],
    ['Foreign keys', ctx.foreignKeys.length],
    ['Columns', count(tables.map((t) => t.columns.length))],
  ];
  const shown = rows.filter(([label, value]) => value > 0 || !['Procedures', 'Aggregates', 'Domains', 'Composite types', 'Range types', 'Sequences'].includes(label));
  const rlsOn = tables.filter((t) => t.rls.enabled).length;
  const managed = Object.values(schema.namespaces).filter((n) => !n.external).map((n) => n.name).sort();
  const externalNamespaces = Object.values(schema.namespaces).filter((n) => n.external).map((n) => n.name).sort();
  const extensions = Object.values(schema.extensions).map((e) => e.name).sort();
  const referenced = [...new Set(ctx.foreignKeys.map((fk) => fk.key.references.table))].filter((id) => !schema.tables[id]).sort();
  const facts = [
    `Schemas: ${managed.map(code).join(', ') || 'none'}${externalNamespaces.length ? `; references ${externalNamespaces.map(code).join(', ')} (external, not managed here)` : ''}.`,
    referenced.length ? `Foreign keys reference ${referenced.map((id) => code(displayId(id))).join(', ')}, outside the managed schemas.` : undefined,
    extensions.length ? `Extensions: ${extensions.map(code).join(', ')}.` : undefined,
    `Row-level security is enabled on ${rlsOn} of ${plural(tables.length, 'table')}.`,
    gapCount === 0 ? `No ${link('gaps', sectionAnchor.gaps)} found.` : `${link(plural(gapCount, 'gap'), sectionAnchor.gaps)} to look at.`,
  ].filter((fact): fact is string => Boolean(fact));
  return blocks(
    table(
      ['Object', 'Count'],
      shown.map(([label, value]) => [label, String(value)]),
    ),
    facts.map((fact) => `- ${fact}`).join('\n'),
  );
}

/** The table of contents: every section, and the groups under the inventory. */
export function renderContents(ctx: DocsContext, sections: Section[]): string {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(`- ${link(section.title, section.anchor)}`);
    if (section.anchor === sectionAnchor.inventory) {
      for (const group of ctx.groups) {
        const parts = [
          group.tables.length ? plural(group.tables.length, 'table') : '',
          plural(group.views.filter((id) => !ctx.schema.views[id]!.materialized).length, 'view'),
          plural(group.views.filter((id) => ctx.schema.views[id]!.materialized).length, 'materialized view'),
          group.routines.length ? plural(group.routines.length, 'function') : '',
          group.enums.length ? plural(group.enums.length, 'enum') : '',
        ].filter((part) => part !== '' && !part.startsWith('0 '));
        lines.push(`  - ${link(plain(group.name), group.anchor)}${parts.length ? ` (${parts.join(', ')})` : ''}`);
      }
    }
  }
  return lines.join('\n');
}

/** The overview section: counts, then contents. */
export function renderOverview(ctx: DocsContext, sections: Section[], gapCount: number): string {
  return blocks(heading(2, sectionAnchor.overview, 'Overview'), renderCounts(ctx, gapCount), '**Contents**', renderContents(ctx, sections));
}
