import type { Finding, LintLevel, LintReport, RuleInfo } from '../../lint/index.js';
import type { SourceLocation } from '../../model/schema.js';
import { githubAnnotation, renderSarif } from '../sarif.js';
import type { Paint } from '../drift/text.js';

const plain: Paint = { red: (t) => t, green: (t) => t, yellow: (t) => t, dim: (t) => t, bold: (t) => t };

/** Reads one line of a file for the text report (the CLI reads the disk; tests pass text). */
export type LineReader = (file: string, line: number) => string | undefined;

/** Counts of findings by level: `2 errors, 5 warnings, 1 info`. */
export function lintSummary(findings: Finding[]): string {
  const count = (level: LintLevel) => findings.filter((f) => f.level === level).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
  return findings.length === 0 ? 'no findings' : [plural(count('ERROR'), 'error'), plural(count('WARN'), 'warning'), plural(count('INFO'), 'info')].join(', ');
}

const placeOf = (source: SourceLocation | undefined) => (source ? `${source.file}:${source.line}` : '');

/**
 * The report for people: findings grouped by file, each under the line of its definition;
 * findings without a location (a live database) last, then stale suppressions.
 */
export function renderLintText(report: LintReport, labels: { schemaSource?: string; migrationFiles: number }, paint: Paint = plain, readLine: LineReader = () => undefined): string {
  const lines: string[] = [];
  const read = [labels.schemaSource, labels.migrationFiles ? `${labels.migrationFiles} migration file${labels.migrationFiles === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  const mark = (level: LintLevel) => (level === 'ERROR' ? paint.red('error') : level === 'WARN' ? paint.yellow('warn ') : paint.dim('info '));
  let file: string | undefined = '\u0000';
  let line = -1;
  for (const finding of report.findings) {
    const findingFile = finding.source?.file;
    if (findingFile !== file) {
      file = findingFile;
      line = -1;
      lines.push('', paint.bold(findingFile ?? 'no definition location (read from a database)'));
    }
    if (finding.source && finding.source.line !== line) {
      line = finding.source.line;
      const text = readLine(finding.source.file, line);
      lines.push(paint.dim(`  ${String(line).padStart(5)} | ${text !== undefined ? text.trim() : ''}`.trimEnd()));
    }
    lines.push(`    ${mark(finding.level)} ${finding.message} ${paint.dim(`[${finding.rule}]`)}`);
  }
  if (report.unusedSuppressions.length) {
    lines.push('', paint.bold('unused suppressions (nothing to allow there any more: remove them)'));
    for (const unused of report.unusedSuppressions) lines.push(`  ${placeOf(unused.source) || unused.object}  ${unused.rule}: ${unused.reason}`);
  }
  const suppressed = report.suppressed.length ? `, ${report.suppressed.length} suppressed` : '';
  lines.push('', `${report.findings.length ? paint.bold('pgform lint') : paint.green('pgform lint')}: ${lintSummary(report.findings)}${suppressed}${read ? ` in ${read}` : ''}`);
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
}

/**
 * The JSON report (`--json`), a stable documented shape:
 * { summary: { error, warn, info, suppressed, unusedSuppressions },
 *   findings: [{ rule, level, category, message, kind, object, source?: { file, line } }],
 *   suppressed: [... finding, reason], unusedSuppressions: [{ rule, reason, object, source? }] }
 */
export function renderLintJson(report: LintReport): string {
  const count = (level: LintLevel) => report.findings.filter((f) => f.level === level).length;
  const summary = { error: count('ERROR'), warn: count('WARN'), info: count('INFO'), suppressed: report.suppressed.length, unusedSuppressions: report.unusedSuppressions.length };
  return `${JSON.stringify({ summary, ...report }, null, 2)}\n`;
}

const githubLevel = { ERROR: 'error', WARN: 'warning', INFO: 'notice' } as const;
const sarifLevel = { ERROR: 'error', WARN: 'warning', INFO: 'note' } as const;

/** GitHub Actions annotations at each finding's file and line. */
export function renderLintGithub(report: LintReport): string {
  return [
    ...report.findings.map((finding) => githubAnnotation(githubLevel[finding.level], `pgform lint: ${finding.rule}`, finding.message, finding.source)),
    ...report.unusedSuppressions.map((unused) => githubAnnotation('notice', 'pgform lint: unused suppression', `${unused.rule} is allowed on ${unused.object} but finds nothing there: remove the suppression`, unused.source)),
  ].join('');
}

/** SARIF 2.1.0 through the writer drift reports use: one result per finding, at its definition. */
export function renderLintSarif(report: LintReport, rules: RuleInfo[], version: string): string {
  const used = new Set(report.findings.map((finding) => finding.rule));
  return renderSarif(
    version,
    rules.filter((rule) => used.has(rule.id)).map((rule) => ({ id: rule.id, description: rule.description })),
    report.findings.map((finding) => ({ ruleId: finding.rule, level: sarifLevel[finding.level], message: finding.message, ...(finding.source ? { location: finding.source } : {}) })),
  );
}

/** One line per rule for `pgform lint --rules`. */
export function renderRuleList(rules: RuleInfo[], levels: (rule: RuleInfo) => string): string {
  return `${rules.map((rule) => `${rule.id.padEnd(36)} ${levels(rule).padEnd(5)} ${rule.category.padEnd(11)} ${rule.description}`).join('\n')}\n`;
}
