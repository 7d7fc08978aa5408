/**
 * The preset's tables the definitions attach to: a trigger on `auth.users` creating a profile, the
 * Storage policies on `storage.objects`. The tables themselves belong to the platform (it enables
 * their row-level security), so only what the definitions declare on them is listed.
 */
import { displayId, type DocsContext } from './context.js';
import { blocks, code, heading, plural } from './markdown.js';
import { orderedPolicies, policySentence } from './policies.js';
import { renderTriggerList } from './table-section.js';

export const presetTablesAnchor = 'section-preset-tables';

/** The anchor of a preset table's section. */
export function presetTableAnchor(id: string): string {
  return `preset-table-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

export function renderExternalTables(ctx: DocsContext): string {
  const tables = Object.entries(ctx.schema.externalTables ?? {})
    .filter(([, t]) => Object.keys(t.triggers).length + Object.keys(t.policies).length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (tables.length === 0) return '';
  return blocks(
    heading(2, presetTablesAnchor, "The preset's tables"),
    "Tables the platform owns: their columns and row-level security are the platform's; the triggers and policies below are declared here.",
    ...tables.map(([id, t]) => {
      const policies = orderedPolicies(t);
      return blocks(
        heading(3, presetTableAnchor(id), code(displayId(id))),
        renderTriggerList(ctx, t.triggers),
        policies.length ? [`**Policies** (${plural(policies.length, 'policy', 'policies')}):`, '', ...policies.map((policy) => `- ${policySentence(policy)}`)].join('\n') : '',
      );
    }),
  );
}
