import type { DriftItem } from './items.js';
import { renderSarif, type SarifResult } from '../sarif.js';
import { driftMessage } from './formats.js';
import type { Paint } from './text.js';

/** One target's side of a fleet drift report: its items, or the error that kept it unread. */
export interface FleetDriftInput {
  target: string;
  database: string;
  items: DriftItem[];
  error?: { code: string; message: string };
}

/** A DriftGroup is one difference and every target that has it, the same way. */
export interface DriftGroup {
  item: DriftItem;
  targets: string[];
}

/** The fleet report: the targets read, the ones in sync, the ones unread, and the differences grouped. */
export interface FleetDriftReport {
  drift: boolean;
  definitions: string;
  summary: { targets: number; inSync: number; drifted: number; failed: number };
  groups: DriftGroup[];
  failed: { target: string; database: string; error: { code: string; message: string } }[];
  targets: { target: string; database: string; state: 'in sync' | 'drifted' | 'failed'; differences: number }[];
}

/** Two items drift "the same way" when object, change and every field's values are equal. */
function signature(item: DriftItem): string {
  return JSON.stringify([item.type, item.object, item.change, item.details, item.parts ?? []]);
}

/** Groups the targets' differences: each distinct difference once, with the targets that have it, most common first. */
export function fleetDriftReport(inputs: FleetDriftInput[], definitions: string): FleetDriftReport {
  const groups = new Map<string, DriftGroup>();
  for (const input of inputs) {
    for (const item of input.items) {
      const key = signature(item);
      const group = groups.get(key) ?? { item, targets: [] };
      group.targets.push(input.target);
      groups.set(key, group);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => b.targets.length - a.targets.length || a.item.object.localeCompare(b.item.object) || a.item.change.localeCompare(b.item.change));
  const state = (input: FleetDriftInput) => (input.error ? 'failed' : input.items.length ? 'drifted' : 'in sync');
  const targets = inputs.map((input) => ({ target: input.target, database: input.database, state: state(input), differences: input.items.length }) as const);
  const failed = inputs.flatMap((input) => (input.error ? [{ target: input.target, database: input.database, error: { code: input.error.code, message: input.error.message } }] : []));
  return {
    drift: ordered.length > 0,
    definitions,
    summary: {
      targets: inputs.length,
      inSync: targets.filter((t) => t.state === 'in sync').length,
      drifted: targets.filter((t) => t.state === 'drifted').length,
      failed: failed.length,
    },
    groups: ordered,
    failed,
    targets,
  };
}

/** Names a group's targets, shortened past a handful: "eu, us and 35 more". */
function targetList(targets: string[], all: number, noun: string): string {
  if (targets.length === all && all > 1) return `every ${noun}`;
  if (targets.length <= 5) return targets.join(', ');
  return `${targets.slice(0, 4).join(', ')} and ${targets.length - 4} more`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The fleet report for people: "37 targets: missing index ...", one line per distinct difference. */
export function renderFleetDriftText(report: FleetDriftReport, paint: Paint, noun: 'target' | 'schema' = 'target'): string {
  const { summary } = report;
  const lines = [`${noun === 'target' ? 'Fleet' : 'Tenant schema'} drift against ${report.definitions}: ${plural(summary.targets, noun)}, ${summary.inSync} in sync, ${summary.drifted} drifted, ${summary.failed} not read`];
  if (report.groups.length) lines.push('');
  for (const group of report.groups) {
    const mark = group.item.change === 'missing' ? paint.green('missing') : group.item.change === 'unexpected' ? paint.red('unexpected') : paint.yellow('changed');
    const where = group.item.source ? paint.dim(`  (${group.item.source.file}:${group.item.source.line})`) : '';
    lines.push(`${paint.bold(plural(group.targets.length, noun))}: ${mark} ${group.item.type} ${group.item.object}${where}`);
    for (const detail of group.item.details) {
      if (group.item.change !== 'changed' && (detail.expected === undefined || detail.actual === undefined)) continue;
      lines.push(`    ${detail.field}: expected ${short(detail.expected)}, actual ${short(detail.actual)}`);
    }
    lines.push(paint.dim(`    on ${targetList(group.targets, summary.targets, noun)}`));
  }
  if (report.failed.length) lines.push('', paint.red(`${plural(report.failed.length, noun)} not read:`));
  for (const failure of report.failed) lines.push(`  ${failure.target}: ${failure.error.code}: ${failure.error.message.split('\n')[0]}`);
  return `${lines.join('\n')}\n`;
}

function short(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const line = text.replace(/\s+/g, ' ');
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

/** The fleet report as JSON (`--json`), the shape of FleetDriftReport. */
export function renderFleetDriftJson(report: FleetDriftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * SARIF 2.1.0: one result per distinct difference, located at its definition, its message
 * naming how many targets have it and its properties listing them; one error per target not read.
 */
export function renderFleetDriftSarif(report: FleetDriftReport, version: string): string {
  const rules = [...new Set(report.groups.map((g) => `drift/${g.item.change}`))].sort();
  if (report.failed.length) rules.push('fleet/unreachable');
  const results: SarifResult[] = [
    ...report.groups.map((group): SarifResult => ({
      ruleId: `drift/${group.item.change}`,
      level: 'error',
      message: `${plural(group.targets.length, 'target')}: ${driftMessage(group.item)}`,
      ...(group.item.source ? { location: group.item.source } : {}),
      properties: { targets: group.targets },
    })),
    ...report.failed.map((failure): SarifResult => ({ ruleId: 'fleet/unreachable', level: 'error', message: `${failure.target} (${failure.database}): ${failure.error.code}: ${failure.error.message}` })),
  ];
  const describe = (id: string) => (id === 'fleet/unreachable' ? 'Fleet target not read' : `Schema drift: object ${id.slice(6)}`);
  return renderSarif(version, rules.map((id) => ({ id, description: describe(id) })), results);
}
