/**
 * The inventory: one section per documentation group with its description and note, and tables
 * of what it holds (tables with RLS state and policy count, views, functions, types), every name
 * linking to its own section. This is the seeds' "table inventory", kept true by construction.
 */
import { displayId, relationRef, routineRef, sectionAnchor, shortType, type DocGroup, type DocsContext } from './context.js';
import { blocks, code, heading, link, nestMarkdown, plain, table } from './markdown.js';
import { colocationGroups } from '../../model/distribution.js';

export function renderInventory(ctx: DocsContext): string {
  return blocks(heading(2, sectionAnchor.inventory, 'Inventory'), ...ctx.groups.map((group) => renderGroup(ctx, group)), renderColocation(ctx));
}

/** Citus: a table's distribution in one cell (`by tenant_id`, `reference`); empty for a plain table. */
function distributionCell(ctx: DocsContext, id: string): string {
  const d = ctx.schema.distributions?.[id];
  if (!d) return '';
  if (d.kind === 'reference') return 'reference (on every node)';
  return [`by ${code(d.column)}`, d.colocateWith ? `colocated with ${relationRef(ctx, d.colocateWith)}` : '', d.shardCount !== undefined ? `${d.shardCount} shards` : ''].filter(Boolean).join(', ');
}

/** Citus: the colocation groups, whose tables' shards sit together (joins and foreign keys stay on one node). */
function renderColocation(ctx: DocsContext): string | undefined {
  const groups = colocationGroups(ctx.schema.distributions ?? {});
  if (groups.length === 0) return undefined;
  return blocks(
    heading(3, 'colocation-groups', 'Colocation groups'),
    'Tables of one group are sharded alike by their distribution columns, so rows with the same value live on the same node.',
    groups.map((members, i) => `${i + 1}. ${members.map((id) => relationRef(ctx, id)).join(', ')}`).join('\n'),
  );
}

/** How RLS reads in one cell. */
export function rlsLabel(rls: { enabled: boolean; forced: boolean }): string {
  if (!rls.enabled) return '**off**';
  return rls.forced ? 'on (forced)' : 'on';
}

function renderGroup(ctx: DocsContext, group: DocGroup): string {
  const { schema } = ctx;
  const empty = group.tables.length + group.views.length + group.routines.length + group.enums.length + group.domains.length + group.composites.length + group.ranges.length === 0;
  const diagram = ctx.anchor('diagram', group.name);
  return blocks(
    heading(3, group.anchor, plain(group.name)),
    group.description,
    group.note && nestMarkdown(group.note, 3),
    empty && '_Nothing is in this group yet._',
    group.tables.length > 0 &&
      table(
        ['Table', 'Purpose', 'Columns', 'RLS', 'Policies', 'Distribution'],
        group.tables.map((id) => {
          const t = schema.tables[id]!;
          return [relationRef(ctx, id), t.comment ?? '', String(t.columns.length), rlsLabel(t.rls), String(Object.keys(t.policies).length), distributionCell(ctx, id)];
        }),
        ['Distribution'],
      ),
    group.views.length > 0 &&
      table(
        ['View', 'Kind', 'Purpose'],
        group.views.map((id) => {
          const v = schema.views[id]!;
          return [relationRef(ctx, id), v.materialized ? 'materialized view' : 'view', v.comment ?? ''];
        }),
      ),
    group.routines.length > 0 &&
      table(
        ['Function', 'Returns', 'Purpose'],
        group.routines.map((id) => {
          const r = schema.routines[id]!;
          return [routineRef(ctx, id), r.kind === 'procedure' ? 'procedure' : code(shortType(r.returns ?? 'void')), r.comment ?? ''];
        }),
      ),
    group.enums.length + group.domains.length + group.composites.length + group.ranges.length > 0 &&
      table(
        ['Type', 'Kind', 'Purpose'],
        [
          ...group.enums.map((id) => [link(code(displayId(id)), ctx.anchor('enum', id)!), 'enum', schema.enums[id]!.comment ?? '']),
          ...group.domains.map((id) => [link(code(displayId(id)), ctx.anchor('domain', id)!), 'domain', schema.domains[id]!.comment ?? '']),
          ...group.composites.map((id) => [link(code(displayId(id)), ctx.anchor('composite', id)!), 'composite type', schema.composites![id]!.comment ?? '']),
          ...group.ranges.map((id) => [link(code(displayId(id)), ctx.anchor('range', id)!), 'range type', schema.ranges![id]!.comment ?? '']),
        ],
      ),
    group.tables.length > 0 && diagram && `ER diagram: ${link('tables of this group', diagram)}.`,
  );
}
