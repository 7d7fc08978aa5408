/**
 * Relationships: the parent -> children map the seeds draw by hand, the foreign key table
 * (From | To | ON DELETE | ON UPDATE, with whether the child must have a parent and which index
 * serves the join), and the key joins: every foreign key plus the joins declared in the system
 * documentation, marked when no foreign key enforces them.
 */
import type { LogicalJoin } from '../../model/schema.js';
import { displayId, relationRef, sectionAnchor, sorted, type DocsContext, type ForeignKeyRef } from './context.js';
import { cardinality, coveringIndex, isRequired } from './facts.js';
import { blocks, code, codeList, heading, table } from './markdown.js';

const same = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** `child.col` (or `child.(a, b)`) with the child linked. */
function columnsOf(ctx: DocsContext, tableId: string, columns: string[]): string {
  return `${relationRef(ctx, tableId)}.${columns.length === 1 ? code(columns[0]!) : `(${codeList(columns)})`}`;
}

function relationWords(ctx: DocsContext, fk: ForeignKeyRef): string {
  const child = ctx.schema.tables[fk.table]!;
  const words = [cardinality(child, fk.key), isRequired(child, fk.key) ? 'required' : 'optional'];
  if (fk.key.onDelete !== 'NO ACTION') words.push(`ON DELETE ${fk.key.onDelete}`);
  if (fk.key.onUpdate !== 'NO ACTION') words.push(`ON UPDATE ${fk.key.onUpdate}`);
  return words.join(', ');
}

/** Parents in name order, each with its children: the seeds' "Parent → Child" tree. */
function renderMap(ctx: DocsContext): string {
  const parents = sorted(new Set(ctx.foreignKeys.map((fk) => fk.key.references.table)));
  return parents
    .map((parent) => {
      const children = ctx.foreignKeysTo.get(parent)!;
      const externalNote = ctx.schema.tables[parent] ? '' : ' (external)';
      const lines = children.map(
        (fk) => `  - ${columnsOf(ctx, fk.table, fk.key.columns)} → ${codeList(fk.key.references.columns)} (${relationWords(ctx, fk)})`,
      );
      return [`- ${relationRef(ctx, parent)}${externalNote}`, ...lines].join('\n');
    })
    .join('\n');
}

function renderForeignKeys(ctx: DocsContext): string {
  return table(
    ['From', 'To', 'ON DELETE', 'ON UPDATE', 'Required', 'Index on From', 'Constraint'],
    ctx.foreignKeys.map((fk) => {
      const child = ctx.schema.tables[fk.table]!;
      const index = coveringIndex(child, fk.key.columns);
      return [
        columnsOf(ctx, fk.table, fk.key.columns),
        columnsOf(ctx, fk.key.references.table, fk.key.references.columns),
        fk.key.onDelete,
        fk.key.onUpdate,
        isRequired(child, fk.key) ? 'yes (NOT NULL)' : 'no (NULL allowed)',
        index ? code(index) : '**missing**',
        code(fk.key.name),
      ];
    }),
  );
}

/** The foreign key a declared join restates, in either direction. */
function backingKey(ctx: DocsContext, join: LogicalJoin): ForeignKeyRef | undefined {
  return ctx.foreignKeys.find(
    (fk) =>
      (fk.table === join.from.table && fk.key.references.table === join.to.table && same(fk.key.columns, join.from.columns) && same(fk.key.references.columns, join.to.columns)) ||
      (fk.table === join.to.table && fk.key.references.table === join.from.table && same(fk.key.columns, join.to.columns) && same(fk.key.references.columns, join.from.columns)),
  );
}

function condition(from: { table: string; columns: string[] }, to: { table: string; columns: string[] }): string {
  return from.columns.map((column, i) => `${displayId(from.table)}.${column} = ${displayId(to.table)}.${to.columns[i] ?? '?'}`).join(' AND ');
}

function renderJoins(ctx: DocsContext): string {
  const declared = ctx.schema.docs.joins.map((join) => ({ join, fk: backingKey(ctx, join) }));
  const restated = new Set(declared.map((d) => d.fk).filter(Boolean));
  const rows: { sort: string; cells: string[] }[] = [];
  for (const fk of ctx.foreignKeys) {
    if (restated.has(fk)) continue;
    const from = { table: fk.table, columns: fk.key.columns };
    const to = { table: fk.key.references.table, columns: fk.key.references.columns };
    rows.push({ sort: `${fk.table}\0${to.table}\0${fk.key.name}`, cells: [relationRef(ctx, fk.table), relationRef(ctx, to.table), code(condition(from, to)), `foreign key ${code(fk.key.name)}`, ''] });
  }
  for (const { join, fk } of declared) {
    const kind = fk ? `foreign key ${code(fk.key.name)}` : '**no foreign key** (declared)';
    rows.push({
      sort: `${join.from.table}\0${join.to.table}\0${join.from.columns.join(',')}`,
      cells: [relationRef(ctx, join.from.table), relationRef(ctx, join.to.table), code(condition(join.from, join.to)), kind, join.description ?? ''],
    });
  }
  rows.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
  return table(
    ['From', 'To', 'Join on', 'Enforced by', 'Note'],
    rows.map((row) => row.cells),
    ['Note'],
  );
}

export function renderRelationships(ctx: DocsContext): string {
  if (ctx.foreignKeys.length === 0) return '';
  return blocks(
    heading(2, sectionAnchor.relationships, 'Relationships'),
    '**Parent → children**',
    renderMap(ctx),
    '**Foreign keys**',
    renderForeignKeys(ctx),
  );
}

export function renderKeyJoins(ctx: DocsContext): string {
  if (ctx.foreignKeys.length === 0 && ctx.schema.docs.joins.length === 0) return '';
  const undeclared = ctx.schema.docs.joins.filter((join) => !backingKey(ctx, join)).length;
  return blocks(
    heading(2, sectionAnchor.joins, 'Key joins'),
    `Every foreign key, and the joins the application relies on as declared in the system documentation${undeclared ? ` (${undeclared} of them with no foreign key: nothing in the database keeps them true)` : ''}.`,
    renderJoins(ctx),
  );
}
