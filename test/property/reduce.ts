import { stableText } from '../../src/model/compare.js';
import { specSchema } from './build.js';
import type { PairOutcome } from './run-pair.js';
import type { Spec, TableSpec } from './spec.js';

/**
 * Reduces a failing pair to a minimal one, the way a person would: remove one object, or one
 * part of a table, from a and b together, and keep the removal when the pair still fails the
 * same way. Removing from both sides keeps the mutation itself, which generic shrinking of the
 * mutation ops (they pick by position) does not.
 */
export async function reducePair(
  a: Spec,
  b: Spec,
  outcome: PairOutcome,
  run: (a: Spec, b: Spec) => Promise<PairOutcome>,
  budget: { runs: number; ms: number },
): Promise<{ a: Spec; b: Spec; outcome: PairOutcome; runs: number }> {
  const signature = signatureOf(outcome);
  const started = Date.now();
  let runs = 0;
  let current = { a, b, outcome };
  let progress = true;
  while (progress) {
    progress = false;
    // One pass tries every edit once against the pair as it stands at that moment.
    for (const edit of edits(current.a, current.b)) {
      if (runs >= budget.runs || Date.now() - started > budget.ms) return { ...current, runs };
      const [x, y] = [structuredClone(current.a), structuredClone(current.b)];
      edit(x);
      edit(y);
      if (stableText(x) === stableText(current.a) && stableText(y) === stableText(current.b)) continue;
      // An edit that builds the same models is kept without a database run: the spec gets shorter.
      if (sameModels(x, current.a) && sameModels(y, current.b)) {
        current = { a: x, b: y, outcome: current.outcome };
        continue;
      }
      runs++;
      const result = await run(x, y);
      if (result.stage && signatureOf(result) === signature) {
        current = { a: x, b: y, outcome: result };
        progress = true;
      }
    }
  }
  return { ...current, runs };
}

function sameModels(x: Spec, y: Spec): boolean {
  try {
    return stableText(specSchema(x)) === stableText(specSchema(y));
  } catch {
    return false;
  }
}

/** What kind of failure an outcome is, without the names in it. */
export function signatureOf(outcome: PairOutcome): string {
  const words = (outcome.error ?? '').split('\n')[0]!.replace(/^canonical\([ab]\): /, '').split(/\s+/);
  // A name follows these words in PostgreSQL's messages ("column note of table orders").
  const named = new Set(['column', 'table', 'function', 'type', 'constraint', 'view', 'index', 'trigger', 'policy']);
  const plain = words.filter((w, i) => /^[a-z]+$/.test(w) && !(named.has(words[i - 1] ?? '') && !['of', 'a', 'because', 'used'].includes(w))).slice(0, 7);
  const paths = (outcome.differences ?? []).map((d) => d.path.split('.').filter((_, i, all) => i === 0 || i === all.length - 1).join('.*.'));
  return [outcome.stage, ...plain, ...new Set(paths)].join(' ');
}

type Edit = (spec: Spec) => void;

/** Edits that make a spec smaller, biggest cuts first: whole objects, then parts, then details. */
function* edits(a: Spec, b: Spec): Generator<Edit> {
  const both = (edit: Edit): Edit => edit;
  const tableNames = new Set([...a.tables, ...b.tables].map((t) => t.name));
  for (const name of tableNames) yield both((s) => (s.tables = s.tables.filter((t) => t.name !== name)));
  for (const name of new Set([...a.views, ...b.views].map((v) => v.name))) yield both((s) => (s.views = s.views.filter((v) => v.name !== name)));
  for (const name of new Set([...a.functions, ...b.functions].map((f) => f.name))) yield both((s) => (s.functions = s.functions.filter((f) => f.name !== name)));
  for (const name of new Set([...a.triggerFunctions, ...b.triggerFunctions].map((f) => f.name))) yield both((s) => (s.triggerFunctions = s.triggerFunctions.filter((f) => f.name !== name)));
  for (const name of new Set([...a.enums, ...b.enums].map((e) => e.name))) yield both((s) => (s.enums = s.enums.filter((e) => e.name !== name)));
  for (const name of tableNames) {
    const table = (s: Spec): TableSpec | undefined => s.tables.find((t) => t.name === name);
    const parts = (pick: (t: TableSpec) => { name: string }[]) => new Set([...(table(a) ? pick(table(a)!) : []), ...(table(b) ? pick(table(b)!) : [])].map((p) => p.name));
    const inTable = (edit: (t: TableSpec) => void) => both((s) => { const t = table(s); if (t) edit(t); });
    for (const column of parts((t) => t.columns)) yield inTable((t) => (t.columns.length > 1 ? (t.columns = t.columns.filter((c) => c.name !== column)) : undefined));
    for (const policy of parts((t) => t.policies)) yield inTable((t) => (t.policies = t.policies.filter((p) => p.name !== policy)));
    for (const trigger of parts((t) => t.triggers)) yield inTable((t) => (t.triggers = t.triggers.filter((p) => p.name !== trigger)));
    for (const index of parts((t) => t.indexes)) yield inTable((t) => (t.indexes = t.indexes.filter((p) => p.name !== index)));
    for (const fk of parts((t) => t.foreignKeys.map((f) => ({ name: f.column })))) yield inTable((t) => (t.foreignKeys = t.foreignKeys.filter((f) => f.column !== fk)));
    yield inTable((t) => (t.grants = []));
    yield inTable((t) => (t.uniques = []));
    yield inTable((t) => (t.primaryKey = []));
    yield inTable((t) => delete t.comment);
    yield inTable((t) => (t.rls.forced = false));
    for (const column of parts((t) => t.columns)) {
      for (const key of ['comment', 'check', 'index', 'unique', 'default', 'identity', 'generated'] as const) {
        yield inTable((t) => { const c = t.columns.find((x) => x.name === column); if (c) delete c[key]; });
      }
      yield inTable((t) => { const c = t.columns.find((x) => x.name === column); if (c) c.notNull = false; });
    }
    for (const policy of parts((t) => t.policies)) yield inTable((t) => { const p = t.policies.find((x) => x.name === policy); if (p) { delete p.comment; p.roles = []; } });
    for (const trigger of parts((t) => t.triggers)) {
      yield inTable((t) => {
        const p = t.triggers.find((x) => x.name === trigger);
        if (p) Object.assign(p, { comment: undefined, when: undefined, updateOf: undefined, arguments: [], enabled: 'origin' });
      });
    }
    for (const index of parts((t) => t.indexes)) yield inTable((t) => { const p = t.indexes.find((x) => x.name === index); if (p) { delete p.comment; p.keys = p.keys.slice(0, 1); } });
  }
  for (const name of new Set([...a.views, ...b.views].map((v) => v.name))) {
    yield both((s) => { const v = s.views.find((x) => x.name === name); if (v) { delete v.comment; delete v.columnComment; v.grants = []; } });
    yield both((s) => { const v = s.views.find((x) => x.name === name); if (v) { delete v.cast; delete v.filter; delete v.call; delete v.securityInvoker; delete v.index; } });
  }
  for (const name of new Set([...a.functions, ...b.functions].map((f) => f.name))) {
    yield both((s) => { const f = s.functions.find((x) => x.name === name); if (f) { delete f.comment; delete f.grants; delete f.reads; f.securityDefiner = false; } });
  }
  for (const name of new Set([...a.enums, ...b.enums, ...a.triggerFunctions, ...b.triggerFunctions].map((e) => e.name))) {
    yield both((s) => { for (const e of [...s.enums, ...s.triggerFunctions]) if (e.name === name) delete e.comment; });
  }
  if (a.namespaces.length && b.namespaces.length) {
    yield both((s) => {
      s.namespaces = [];
      for (const list of [s.enums, s.functions, s.tables, s.views]) for (const item of list) item.schema = 'public';
      for (const t of s.tables) for (const fk of t.foreignKeys) fk.references = fk.references.replace(/^"App ""Data"""\./, 'public.');
      for (const v of s.views) v.base = v.base.replace(/^"App ""Data"""\./, 'public.');
      for (const f of s.functions) if (f.reads) f.reads = f.reads.replace(/^"App ""Data"""\./, 'public.');
    });
  }
}
