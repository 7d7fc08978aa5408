/**
 * Views and materialized views: purpose, options, the relations they read (found in the query
 * text), the functions they call, their columns with types and descriptions, their indexes, and
 * the query itself collapsed in a <details> block.
 */
import { displayId, relationRef, routineRef, sectionAnchor, typeRef, type DocsContext } from './context.js';
import { routinesCalled, viewSources } from './facts.js';
import { blocks, code, codeList, details, fence, heading, link, nestMarkdown, plain, table } from './markdown.js';
import { indexKind, renderGrants } from './table-section.js';

function renderView(ctx: DocsContext, id: string): string {
  const view = ctx.schema.views[id]!;
  const group = ctx.groupOf.get(id)!;
  const options = [
    view.materialized ? 'materialized view' : 'view',
    view.securityInvoker ? '`security_invoker` (callers’ privileges and RLS apply)' : '',
    view.securityBarrier ? '`security_barrier`' : '',
    view.checkOption ? `WITH ${view.checkOption.toUpperCase()} CHECK OPTION` : '',
  ].filter(Boolean);
  const sources = viewSources(ctx, id);
  const calls = routinesCalled(ctx, view.definition, view.schema);
  const indexNames = Object.keys(view.indexes).sort();
  return blocks(
    heading(3, ctx.anchor('view', id)!, code(displayId(id))),
    view.comment,
    [`Group: ${link(plain(group.name), group.anchor)}`, options.join(', '), view.source ? `defined in ${code(view.source.file)}` : ''].filter(Boolean).join(' · '),
    view.note && nestMarkdown(view.note, 3),
    [
      sources.length ? `- Reads: ${sources.map((source) => relationRef(ctx, source)).join(', ')}` : '- Reads: no table or view of this schema',
      calls.length ? `- Calls: ${calls.map((call) => routineRef(ctx, call)).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    table(
      ['Column', 'Type', 'Description'],
      view.columns.map((column) => [code(column.name), typeRef(ctx, column.type), column.comment ?? '']),
    ),
    indexNames.length > 0 &&
      blocks(
        '**Indexes**',
        table(
          ['Index', 'Keys', 'Kind', 'Serves'],
          indexNames.map((name) => {
            const index = view.indexes[name]!;
            return [code(name), codeList(index.keys), indexKind(index), index.comment ?? ''];
          }),
          ['Serves'],
        ),
      ),
    renderGrants(view.grants),
    details('SQL', fence('sql', view.definition.trim())),
  );
}

export function renderViews(ctx: DocsContext): string {
  const ids = ctx.groups.flatMap((group) => group.views);
  if (ids.length === 0) return '';
  return blocks(heading(2, sectionAnchor.views, 'Views'), ...ids.map((id) => renderView(ctx, id)));
}
