import type { Finding } from '../lint/index.js';
import { paint } from './output.js';

/** How many findings a command that writes SQL lists before pointing at `pgform lint`. */
const listed = 10;

/** Short lines for the migration findings of SQL a command writes (`generate`, `diff --sql`). */
export function lintLines(findings: Finding[]): string[] {
  if (!findings.length) return [];
  const mark = (finding: Finding) => (finding.level === 'ERROR' ? paint.red('lint error') : finding.level === 'WARN' ? paint.yellow('lint warn') : paint.dim('lint info'));
  const lines = findings.slice(0, listed).map((finding) => `${mark(finding)} ${finding.source ? `line ${finding.source.line}: ` : ''}${finding.message} [${finding.rule}]`);
  if (findings.length > listed) lines.push(`… and ${findings.length - listed} more: run pgform lint`);
  return lines;
}
