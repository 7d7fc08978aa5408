import { securityHazards, type Hazard } from '../../model/change.js';
import { githubAnnotation, renderSarif, type SarifResult } from '../sarif.js';
import type { DriftItem } from './items.js';
import type { UnmanagedItem } from './unmanaged.js';

/**
 * The JSON report (`--json`), a stable documented shape:
 * { drift: boolean, from: string, to: string, summary: { missing, unexpected, changed },
 *   items: [{ schema, type, object, change, details: [{ field, expected, actual }], source? }],
 *   hazards: [{ code, message, statement }],
 *   unmanaged: [{ kind, schema?, name, identity, in: 'both' | 'from' | 'to' }] }
 * `unmanaged` lists objects of kinds pgform does not manage; they never count as drift.
 */
export function renderDriftJson(items: DriftItem[], labels: { from: string; to: string }, hazards: (Hazard & { statement: string })[], unmanaged: UnmanagedItem[] = []): string {
  const count = (change: DriftItem['change']) => items.filter((i) => i.change === change).length;
  const report = {
    drift: items.length > 0,
    from: labels.from,
    to: labels.to,
    summary: { missing: count('missing'), unexpected: count('unexpected'), changed: count('changed') },
    items,
    hazards,
    unmanaged,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One drift item as a sentence: what differs, field by field. */
export function driftMessage(item: DriftItem): string {
  const verb = item.change === 'missing' ? 'is missing from the database' : item.change === 'unexpected' ? 'exists in the database but not in the definitions' : 'differs from its definition';
  const details = item.details.map((d) => `${d.field}: expected ${JSON.stringify(d.expected ?? null)}, actual ${JSON.stringify(d.actual ?? null)}`).join('; ');
  return `${item.type} ${item.object} ${verb}${details ? ` (${details})` : ''}`;
}

function unmanagedMessage(item: UnmanagedItem): string {
  const side = item.in === 'both' ? '' : ` (only in the ${item.in === 'from' ? 'actual' : 'expected'} state)`;
  return `${item.kind} ${item.identity} is of a kind pgform does not manage: reported, never changed${side}`;
}

/** GitHub Actions workflow commands: an annotation on the definition's file and line. */
export function renderDriftGithub(items: DriftItem[], unmanaged: UnmanagedItem[] = []): string {
  return items
    .map((item) => githubAnnotation('error', `pgform drift: ${item.type}`, driftMessage(item), item.source))
    .concat(unmanaged.map((item) => githubAnnotation('notice', 'pgform: not managed', unmanagedMessage(item))))
    .join('');
}

/**
 * SARIF 2.1.0 for code scanning: one result per drifted object, located at its definition, and
 * a note for each object of a kind pgform does not manage, and one result per hazard of the plan
 * that would remove the drift (security hazards as errors).
 */
export function renderDriftSarif(items: DriftItem[], version: string, unmanaged: UnmanagedItem[] = [], hazards: (Hazard & { statement: string })[] = []): string {
  const rules = [...new Set([...items.map((i) => `drift/${i.change}`), ...hazards.map((h) => `hazard/${h.code}`)])].sort();
  if (unmanaged.length) rules.push('unmanaged');
  const describe = (id: string) => (id === 'unmanaged' ? 'Object of a kind pgform does not manage' : id.startsWith('drift/') ? `Schema drift: object ${id.slice(6)}` : `Plan hazard: ${id.slice(7)}`);
  const results: SarifResult[] = [
    ...items.map((item): SarifResult => ({ ruleId: `drift/${item.change}`, level: 'error', message: driftMessage(item), ...(item.source ? { location: item.source } : {}) })),
    ...hazards.map((hazard): SarifResult => ({ ruleId: `hazard/${hazard.code}`, level: securityHazards.includes(hazard.code) ? 'error' : 'warning', message: `${hazard.message}: ${hazard.statement.split('\n')[0]}` })),
    ...unmanaged.map((item): SarifResult => ({ ruleId: 'unmanaged', level: 'note', message: unmanagedMessage(item) })),
  ];
  return renderSarif(version, rules.map((id) => ({ id, description: describe(id) })), results);
}
