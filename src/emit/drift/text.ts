import type { Hazard } from '../../model/change.js';
import type { DriftItem } from './items.js';
import { unifiedDiff } from './line-diff.js';

export interface Paint {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain: Paint = { red: (t) => t, green: (t) => t, yellow: (t) => t, dim: (t) => t, bold: (t) => t };

function show(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const long = (text: string) => text.includes('\n') || text.length > 60;

/** The report for people: grouped by schema, one line per object, then expected vs actual. */
export function renderDriftText(items: DriftItem[], labels: { from: string; to: string }, paint: Paint = plain, hazards: (Hazard & { statement: string })[] = []): string {
  if (items.length === 0) return `${paint.green('No drift')}: ${labels.from} matches ${labels.to}.\n`;
  const lines: string[] = [`Drift: ${labels.from} (actual) vs ${labels.to} (expected)`, ''];
  let schema = '';
  for (const item of items) {
    if (item.schema !== schema) {
      schema = item.schema;
      lines.push(paint.bold(`schema ${schema}`));
    }
    const mark = item.change === 'missing' ? paint.green('+ missing   ') : item.change === 'unexpected' ? paint.red('- unexpected') : paint.yellow('~ changed   ');
    const where = item.source ? paint.dim(`  (${item.source.file}:${item.source.line})`) : '';
    lines.push(`  ${mark} ${item.type} ${item.object}${where}`);
    if (item.parts?.length) lines.push(`      with its ${item.parts.join(', ')}`);
    for (const detail of item.details) {
      if (item.change !== 'changed' && (detail.expected === undefined || detail.actual === undefined)) continue;
      if (isText(detail.expected) && isText(detail.actual) && (long(detail.expected) || long(detail.actual))) {
        // Texts (bodies, queries, policy expressions) differ as lines: expected is -, actual is +.
        lines.push(`      ${detail.field}: ${paint.dim('--- expected  +++ actual')}`);
        for (const line of unifiedDiff(detail.expected, detail.actual)) {
          const colour = line.startsWith('-') ? paint.red : line.startsWith('+') ? paint.green : line.startsWith('@@') ? paint.dim : (t: string) => t;
          lines.push(`        ${colour(line)}`);
        }
        continue;
      }
      lines.push(`      ${detail.field}: expected ${show(detail.expected)}, actual ${show(detail.actual)}`);
    }
  }
  const count = (change: DriftItem['change']) => items.filter((i) => i.change === change).length;
  lines.push('', `${items.length} difference${items.length === 1 ? '' : 's'}: ${count('missing')} missing, ${count('unexpected')} unexpected, ${count('changed')} changed`);
  if (hazards.length) {
    lines.push('', paint.bold(`Hazards of applying ${labels.to} to ${labels.from}:`));
    for (const hazard of hazards) lines.push(`  ${paint.yellow(hazard.code)} ${hazard.message}`, paint.dim(`      ${hazard.statement.split('\n')[0]}`));
  }
  return `${lines.join('\n')}\n`;
}
