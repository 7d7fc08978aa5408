/** Enums with their values in order and the columns that use them; domains with their rules. */
import { displayId, relationRef, sectionAnchor, sorted, shortType, typeId, type DocsContext } from './context.js';
import { blocks, code, codeList, heading, nestMarkdown, table } from './markdown.js';
import { readableCheck } from './sql-text.js';

/** For every type id, the `table.column` places that use it (arrays included). */
function columnsByType(ctx: DocsContext): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  for (const tableId of sorted(Object.keys(ctx.schema.tables))) {
    for (const column of ctx.schema.tables[tableId]!.columns) {
      const id = typeId(column.type);
      if (id) uses.set(id, [...(uses.get(id) ?? []), `${relationRef(ctx, tableId)}.${code(column.name)}`]);
    }
  }
  for (const domainId of sorted(Object.keys(ctx.schema.domains))) {
    const id = typeId(ctx.schema.domains[domainId]!.type);
    if (id) uses.set(id, [...(uses.get(id) ?? []), `domain ${code(displayId(domainId))}`]);
  }
  return uses;
}

export function renderEnums(ctx: DocsContext): string {
  const enumIds = ctx.groups.flatMap((group) => group.enums);
  const domainIds = ctx.groups.flatMap((group) => group.domains);
  if (enumIds.length + domainIds.length === 0) return '';
  const uses = columnsByType(ctx);
  return blocks(
    heading(2, sectionAnchor.types, 'Enums and domains'),
    ...enumIds.map((id) => {
      const e = ctx.schema.enums[id]!;
      return blocks(
        heading(3, ctx.anchor('enum', id)!, `${code(displayId(id))} (enum)`),
        e.comment,
        e.note && nestMarkdown(e.note, 3),
        `Values, in sort order: ${codeList(e.values)}.`,
        `Used by: ${(uses.get(id) ?? []).join(', ') || 'no column'}.`,
      );
    }),
    ...domainIds.map((id) => {
      const d = ctx.schema.domains[id]!;
      const rules = [
        `base type ${code(shortType(d.type))}`,
        d.notNull ? 'NOT NULL' : '',
        d.default !== undefined ? `DEFAULT ${code(d.default)}` : '',
        d.collation ? `COLLATE ${code(d.collation)}` : '',
      ].filter(Boolean);
      const checks = Object.keys(d.checks).sort();
      return blocks(
        heading(3, ctx.anchor('domain', id)!, `${code(displayId(id))} (domain)`),
        d.comment,
        d.note && nestMarkdown(d.note, 3),
        `${rules.join(', ')}.`,
        checks.length > 0 &&
          table(
            ['Check', 'Condition'],
            checks.map((name) => [code(name), code(`(${readableCheck(d.checks[name]!.expression)})`)]),
          ),
        `Used by: ${(uses.get(id) ?? []).join(', ') || 'no column'}.`,
      );
    }),
  );
}
