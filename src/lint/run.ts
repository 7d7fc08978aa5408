import { PgformError } from '../errors.js';
import type { SourceLocation } from '../model/schema.js';
import type { Finding, Hit, LintTarget, RuleInfo } from './rule.js';
import { levelOf, type LintSettings } from './settings.js';

/** A Suppressed finding was allowed where it is declared, with the reason given there. */
export interface Suppressed extends Finding {
  reason: string;
}

/** An UnusedSuppression allows a rule on an object where the rule finds nothing: stale, remove it. */
export interface UnusedSuppression {
  rule: string;
  reason: string;
  object: string;
  source?: SourceLocation;
}

/** A LintReport is everything one lint run found, sorted by file, line and rule. */
export interface LintReport {
  findings: Finding[];
  suppressed: Suppressed[];
  unusedSuppressions: UnusedSuppression[];
}

/** Each rule with the hits it reported. */
export type RuleHits = { rule: RuleInfo; hits: Hit[] }[];

const where = (source: SourceLocation | undefined) => (source ? `${source.file}:${String(source.line).padStart(8, '0')}` : '~');
/** Sorted by file, line, rule and object; each item's key is made once, not at every comparison. */
function byPlace<T extends { source?: SourceLocation; rule: string; object: string }>(items: T[]): T[] {
  const keyed = items.map((item) => ({ key: `${where(item.source)} ${item.rule} ${item.object}`, item }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ item }) => item);
}

/**
 * Applies the project's settings and the suppressions declared on the targets to the rules'
 * hits. `declared` lists every target that carries suppressions, so that those no hit used are
 * reported. A suppression naming no known rule is an error at its location.
 */
export function settle(results: RuleHits, declared: LintTarget[], settings: LintSettings): LintReport {
  const known = new Map(results.map(({ rule }) => [rule.id, rule]));
  for (const target of declared) {
    for (const rule of Object.keys(target.allow ?? {})) {
      if (!known.has(rule)) {
        throw new PgformError('DEFINITION_INVALID', `lint suppression names unknown rule "${rule}"`, { ...(target.source ? { file: target.source.file, line: target.source.line } : {}), object: target.object, field: `lint.allow.${rule}` }, `known rules: ${[...known.keys()].sort().join(', ')}`);
      }
    }
  }
  const findings: Finding[] = [];
  const suppressed: Suppressed[] = [];
  const used = new Set<string>();
  const key = (rule: string, object: string) => `${rule}\u0000${object}`;
  for (const { rule, hits } of results) {
    for (const hit of hits) {
      const level = levelOf(rule, settings, hit.level);
      if (!level) continue;
      const finding: Finding = { rule: rule.id, level, category: rule.category, message: hit.message, kind: hit.kind, object: hit.object, ...(hit.source ? { source: hit.source } : {}) };
      const reason = hit.allow?.[rule.id];
      if (reason !== undefined) {
        used.add(key(rule.id, hit.allowedBy?.[rule.id] ?? hit.object));
        suppressed.push({ ...finding, reason });
      } else findings.push(finding);
    }
  }
  const unusedSuppressions: UnusedSuppression[] = [];
  for (const target of declared) {
    for (const [rule, reason] of Object.entries(target.allow ?? {})) {
      if (used.has(key(rule, target.object)) || !levelOf(known.get(rule)!, settings)) continue;
      unusedSuppressions.push({ rule, reason, object: target.object, ...(target.source ? { source: target.source } : {}) });
    }
  }
  return { findings: byPlace(findings), suppressed: byPlace(suppressed), unusedSuppressions: byPlace(unusedSuppressions) };
}

/** Two reports as one (schema rules and migration rules of one run). */
export function mergeReports(a: LintReport, b: LintReport): LintReport {
  return {
    findings: byPlace([...a.findings, ...b.findings]),
    suppressed: byPlace([...a.suppressed, ...b.suppressed]),
    unusedSuppressions: byPlace([...a.unusedSuppressions, ...b.unusedSuppressions]),
  };
}
