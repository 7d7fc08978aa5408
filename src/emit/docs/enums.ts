/** Enums with their values in order and the columns that use them; domains with their rules; composite types with their attributes; range types with their options. */
import { multirangeId } from '../../model/range.js';
import { displayId, relationRef, sectionAnchor, sorted, shortType, typeId, typeRef, type DocsContext } from './context.js';
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
  for (const compositeId of sorted(Object.keys(ctx.schema.composites ?? {}))) {
    const used = new Set(ctx.schema.composites![compositeId]!.attributes.map((a) => typeId(a.type)).filter((id): id is string => id !== undefined));
    for (const id of used) uses.set(id, [...(uses.get(id) ?? []), `composite type ${code(displayId(compositeId))}`]);
  }
  for (const rangeId of sorted(Object.keys(ctx.schema.ranges ?? {}))) {
    const id = typeId(ctx.schema.ranges![rangeId]!.subtype);
    if (id) uses.set(id, [...(uses.get(id) ?? []), `range type ${code(displayId(rangeId))}`]);
  }
  // A column of a range's multirange type uses the range.
  for (const rangeId of sorted(Object.keys(ctx.schema.ranges ?? {}))) {
    const multi = uses.get(multirangeId(ctx.schema.ranges![rangeId]!));
    if (multi) uses.set(rangeId, [...(uses.get(rangeId) ?? []), ...multi]);
  }
  return uses;
}

export function renderEnums(ctx: DocsContext): string {
  const enumIds = ctx.groups.flatMap((group) => group.enums);
  const domainIds = ctx.groups.flatMap((group) => group.domains);
  const compositeIds = ctx.groups.flatMap((group) => group.composites);
  const rangeIds = ctx.groups.flatMap((group) => group.ranges);
  if (enumIds.length + domainIds.length + compositeIds.length + rangeIds.length === 0) return '';
  const uses = columnsByType(ctx);
  return blocks(
    heading(2, sectionAnchor.types, typesTitle(ctx)),
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
    ...compositeIds.map((id) => {
      const c = ctx.schema.composites![id]!;
      return blocks(
        heading(3, ctx.anchor('composite', id)!, `${code(displayId(id))} (composite type)`),
        c.comment,
        c.note && nestMarkdown(c.note, 3),
        table(
          ['Attribute', 'Type'],
          c.attributes.map((a) => [code(a.name), `${typeRef(ctx, a.type)}${a.collation ? ` COLLATE ${code(a.collation)}` : ''}`]),
        ),
        `Used by: ${(uses.get(id) ?? []).join(', ') || 'no column'}.`,
      );
    }),
    ...rangeIds.map((id) => {
      const r = ctx.schema.ranges![id]!;
      const options = [
        `subtype ${typeRef(ctx, r.subtype)}`,
        r.subtypeOpclass ? `operator class ${code(r.subtypeOpclass)}` : '',
        r.collation ? `COLLATE ${code(r.collation)}` : '',
        r.canonical ? `canonical function ${code(r.canonical)}` : '',
        r.subtypeDiff ? `difference function ${code(r.subtypeDiff)}` : '',
        `multirange type ${code(displayId(multirangeId(r)))}`,
      ].filter(Boolean);
      return blocks(
        heading(3, ctx.anchor('range', id)!, `${code(displayId(id))} (range type)`),
        r.comment,
        r.note && nestMarkdown(r.note, 3),
        `${options.join(', ')}.`,
        `Used by: ${(uses.get(id) ?? []).join(', ') || 'no column'}.`,
      );
    }),
  );
}

/** The types section's title: composite and range types are named only where the model has some. */
export function typesTitle(ctx: DocsContext): string {
  const kinds = ['Enums', 'domains', ...(Object.keys(ctx.schema.composites ?? {}).length ? ['composite types'] : []), ...(Object.keys(ctx.schema.ranges ?? {}).length ? ['range types'] : [])];
  return `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
}
