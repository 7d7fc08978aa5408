/**
 * Gaps: what the schema is missing, at a glance. A summary table counts each kind; below it
 * every finding is listed with links. Kinds: objects, columns and indexes without a description, tables
 * without RLS or with RLS but no policy, foreign keys no index serves, SECURITY DEFINER routines
 * without a pinned search_path; and, when the caller ran it, what `pgform lint` leaves open.
 */
import { relationRef, routineRef, sectionAnchor, type DocsContext } from './context.js';
import { coveringIndex } from './facts.js';
import { pinnedSearchPath } from './functions.js';
import { blocks, code, codeList, heading, link, plural, table } from './markdown.js';

/** A GapKind is one check with its findings, each a line of Markdown. */
export interface GapKind {
  anchor: string;
  title: string;
  findings: string[];
  /** What the summary counts when it is not the findings (columns, not tables). */
  count?: number;
}

function columnGaps(ctx: DocsContext): GapKind {
  const missing = ctx.tableOrder
    // A partition's or child's inherited columns are described on the parent.
    .map((id) => ({ id, t: ctx.schema.tables[id]!, names: ctx.schema.tables[id]!.columns.filter((c) => !c.comment && !c.inherited).map((c) => c.name) }))
    .filter(({ names }) => names.length > 0);
  return {
    anchor: 'gap-column-descriptions',
    title: 'Columns without a description',
    findings: missing.map(({ id, t, names }) => `${relationRef(ctx, id)} (${names.length} of ${t.columns.length}): ${codeList(names)}`),
    count: missing.reduce((sum, { names }) => sum + names.length, 0),
  };
}

/** Indexes with no description that serve no foreign key: nothing says what they are for. */
function indexGaps(ctx: DocsContext): GapKind {
  const unexplained = ctx.tableOrder
    .map((id) => {
      const t = ctx.schema.tables[id]!;
      const serving = new Set((ctx.foreignKeysFrom.get(id) ?? []).map((fk) => coveringIndex(t, fk.key.columns)));
      return { id, names: Object.keys(t.indexes).sort().filter((name) => !t.indexes[name]!.comment && !serving.has(name)) };
    })
    .filter(({ names }) => names.length > 0);
  return {
    anchor: 'gap-index-descriptions',
    title: 'Indexes whose purpose is not described',
    findings: unexplained.map(({ id, names }) => `${relationRef(ctx, id)}: ${codeList(names)}`),
    count: unexplained.reduce((sum, { names }) => sum + names.length, 0),
  };
}

/** An AdvisorFinding is one open `pgform lint` finding, as the docs list it. */
export interface AdvisorFinding {
  rule: string;
  level: string;
  message: string;
  source?: { file: string; line: number };
}

function advisorGaps(findings: AdvisorFinding[]): GapKind {
  return {
    anchor: 'gap-advisor',
    title: 'Open advisor findings (pgform lint)',
    findings: findings.map((f) => `**${f.level}** ${code(f.rule)}: ${f.message}${f.source ? ` (${code(`${f.source.file}:${f.source.line}`)})` : ''}`),
  };
}

/** Every gap check, in a fixed order, with its findings; the advisor's open findings last when given. */
export function findGaps(ctx: DocsContext, advisor?: AdvisorFinding[]): GapKind[] {
  const { schema } = ctx;
  const tables = ctx.tableOrder.map((id) => ({ id, t: schema.tables[id]! }));
  const views = ctx.groups.flatMap((g) => g.views);
  const routines = ctx.groups.flatMap((g) => g.routines);
  return [
    {
      anchor: 'gap-table-descriptions',
      title: 'Tables without a description',
      findings: tables.filter(({ t }) => !t.comment).map(({ id }) => relationRef(ctx, id)),
    },
    columnGaps(ctx),
    {
      anchor: 'gap-view-descriptions',
      title: 'Views without a description',
      findings: views.filter((id) => !schema.views[id]!.comment).map((id) => relationRef(ctx, id)),
    },
    {
      anchor: 'gap-function-descriptions',
      title: 'Functions without a description',
      findings: routines.filter((id) => !schema.routines[id]!.comment).map((id) => routineRef(ctx, id)),
    },
    indexGaps(ctx),
    {
      anchor: 'gap-rls-off',
      title: 'Tables without row-level security',
      findings: tables.filter(({ t }) => !t.rls.enabled).map(({ id }) => relationRef(ctx, id)),
    },
    {
      anchor: 'gap-no-policies',
      title: 'Tables with row-level security but no policy',
      findings: tables.filter(({ t }) => t.rls.enabled && Object.keys(t.policies).length === 0).map(({ id }) => relationRef(ctx, id)),
    },
    {
      anchor: 'gap-unindexed-foreign-keys',
      title: 'Foreign keys without a covering index',
      findings: ctx.foreignKeys
        .filter((fk) => !coveringIndex(schema.tables[fk.table]!, fk.key.columns))
        .map((fk) => `${relationRef(ctx, fk.table)}.(${codeList(fk.key.columns)}) → ${relationRef(ctx, fk.key.references.table)} (${code(fk.key.name)}): deletes and updates of the parent scan the child`),
    },
    {
      anchor: 'gap-search-path',
      title: 'SECURITY DEFINER functions without a pinned search_path',
      findings: routines.filter((id) => schema.routines[id]!.securityDefiner && !pinnedSearchPath(schema.routines[id]!)).map((id) => routineRef(ctx, id)),
    },
    ...(advisor ? [advisorGaps(advisor)] : []),
  ];
}

const countOf = (gap: GapKind) => gap.count ?? gap.findings.length;

/** How many gaps there are in all. */
export function gapCount(gaps: GapKind[]): number {
  return gaps.reduce((sum, gap) => sum + countOf(gap), 0);
}

export function renderGaps(gaps: GapKind[]): string {
  const summary = table(
    ['Check', 'Found'],
    gaps.map((gap) => [
      gap.findings.length ? link(gap.title, gap.anchor) : gap.title,
      gap.findings.length === 0 ? 'none' : gap.count === undefined ? `**${countOf(gap)}**` : `**${countOf(gap)}** in ${plural(gap.findings.length, 'table')}`,
    ]),
  );
  const details = gaps
    .filter((gap) => gap.findings.length > 0)
    .map((gap) => blocks(heading(3, gap.anchor, gap.title), gap.findings.map((finding) => `- ${finding}`).join('\n')));
  return blocks(heading(2, sectionAnchor.gaps, 'Gaps'), summary, ...details);
}
