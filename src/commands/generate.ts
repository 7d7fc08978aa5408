import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../config/load.js';
import { diffSchemas } from '../diff/index.js';
import { migrationsFolder, nextVersion, slugify, writeMigration } from '../migrate/files.js';
import { refusedStatements, type RefusedStatement } from '../migrate/guard.js';
import { migrationText, noTransactionReason, planHazards, splitByTransaction, splitPlan, summarizePlan } from '../migrate/render.js';
import type { ReplayProgress } from '../migrate/replay.js';
import { derivedState } from '../migrate/derived-state.js';
import { splitByLockBudget } from '../plan/lock-budget.js';
import { planChanges, type Plan } from '../plan/index.js';
import type { Finding } from '../lint/index.js';
import type { Change } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import type { Schema } from '../model/schema.js';
import { lintPlanText } from './lint-settings.js';
import { listedMigrations, migrationsState, stateKey, storeDerivedState, type ListedMigrations, type MigrationsState } from './shadow.js';
import { loadConfiguredSchema } from './sql.js';
import { comparedStates } from './compared-states.js';
import { sizeEngineFor } from '../engine/wasm-tiering.js';
import { relationCount } from './relation-count.js';
import { declaredText, knownSame, rememberSame, verdictKey } from './verdicts.js';
import { definitionsReadAgain } from './states.js';

export { migrationsState, type MigrationsState } from './shadow.js';

/** GenerateOptions: the new file's name and the guards. */
export interface GenerateOptions {
  /** The slug of the file name; derived from the changes when absent. */
  name?: string;
  /** Write the file even when statements delete data. */
  allowDataLoss?: boolean;
  /** Write the file even when statements revoke from the API's roles or weaken security. */
  allowSecurityChanges?: boolean;
  /** The clock, for tests. */
  now?: Date;
  /** The most relations one file may create before the plan is cut into several files. */
  relationsPerFile?: number;
  onProgress?: ReplayProgress;
}

/** A WrittenMigration is one file `generate` wrote. */
export interface WrittenMigration {
  /** The path, relative to the project root. */
  file: string;
  name: string;
  statements: number;
  summary: string[];
  hazards: string[];
  transactional: boolean;
  /** What the migration rules of `pgform lint` find in the file. */
  lint: Finding[];
}

/**
 * A GenerateResult says whether files were written, nothing changed, or the guard refused.
 * Usually one file is written; a plan adding enum values writes them in a file of their own
 * first, since a value cannot be used in the transaction that adds it.
 */
export type GenerateResult =
  | ({ status: 'unchanged' } & ShadowCounts)
  | ({ status: 'refused'; refused: RefusedStatement[] } & ShadowCounts)
  | ({ status: 'written'; files: WrittenMigration[]; after: AfterWrite } & ShadowCounts);

/**
 * ShadowCounts say how the state of the existing files was reached: `replayed` files applied to a
 * shadow database in this run, on top of the stored state of the first `reused` (see migrationsState).
 */
interface ShadowCounts {
  folder: string;
  replayed: number;
  reused: number;
}

/**
 * An AfterWrite is the check of the files just written: applied to the shadow on top of the
 * existing files' state (which is then stored, so the next run starts from it), and compared with
 * the definitions again. `remaining` counts the changes they still leave, 0 when the plan is exact.
 * `derived` counts the files whose state was read off the state before them instead, with no
 * database (plain added columns, comments: see derivedState); then nothing was replayed.
 */
export interface AfterWrite {
  replayed: number;
  reused: number;
  derived: number;
  remaining: number;
}

/**
 * Writes the next migration file: the migrations replayed into a shadow database are compared
 * with the definitions, and the plan between them becomes `<timestamp>_<slug>.sql`. No change
 * writes nothing; statements that delete data write nothing unless allowed.
 */
export async function generateCommand(config: ResolvedConfig, options: GenerateOptions = {}): Promise<GenerateResult> {
  const folder = migrationsFolder(config.root, config.migrations).display;
  // Read once: the files' key decides the remembered answer, and the same files are replayed.
  const listed = listedMigrations(config);
  const existing = listed.files;
  // The declared model is printed once and then let go (tens of megabytes at thousands of
  // tables): the remembered answers need only its text.
  let declared: Schema | undefined = await loadConfiguredSchema(config);
  const declaredKey = declaredText(declared);
  if (knownSame(config, nothingToWriteKey(declaredKey, stateKey(listed)))) {
    await definitionsReadAgain(config, declared);
    return { status: 'unchanged', folder, replayed: 0, reused: existing.length };
  }
  sizeEngineFor(relationCount(declared));
  const { definitions, shadow } = await comparedStates(config, declared, listed, options.onProgress);
  declared = undefined;
  const counts = { folder, replayed: shadow.replayed, reused: shadow.reused };
  const written = writePlanned(config, shadow, definitions, existing, options);
  if (written.status === 'refused') return { status: 'refused', ...counts, refused: written.refused };
  if (written.status === 'unchanged') {
    if (written.remember) rememberSame(config, nothingToWriteKey(declaredKey, stateKey(listed)));
    return { status: 'unchanged', ...counts };
  }
  const { files } = written;
  // The folder as it is now, read once for the state after it and the answer remembered.
  const now = listedMigrations(config);
  const after = derivedAfter(config, now, shadow, written.derivable, definitions, files.length) ?? (await checkWritten(config, now, definitions, files));
  if (after.remaining === 0) rememberSame(config, nothingToWriteKey(declaredKey, stateKey(now)));
  return { status: 'written', ...counts, files, after };
}

/**
 * What writing the plan between the two states gave: nothing to write (`remember`: the states
 * are the same, so the answer may be stored), a refusal, or the files written. The changes and
 * the plan (every statement's text, tens of megabytes at thousands of tables) stay here: the
 * check of the files replays them with only the written files' summaries in memory.
 */
type Written =
  | { status: 'unchanged'; remember: boolean }
  | { status: 'refused'; refused: RefusedStatement[] }
  | { status: 'written'; files: WrittenMigration[]; derivable: Change[] | undefined };

function writePlanned(config: ResolvedConfig, shadow: MigrationsState, definitions: Schema, existing: ListedMigrations['files'], options: GenerateOptions): Written {
  const changes = diffSchemas(shadow.schema, definitions);
  if (changes.length === 0) return { status: 'unchanged', remember: true };
  const plan = planChanges(changes, { from: shadow.schema, to: definitions }, { online: config.online });
  if (plan.steps.length === 0) return { status: 'unchanged', remember: false };
  const refused = refusedStatements(plan, options);
  if (refused.length) return { status: 'refused', refused };
  const slug = options.name ? slugify(options.name) : defaultSlug(plan, existing.length === 0);
  const parts = fileParts(plan, slug, options.relationsPerFile);
  const files: WrittenMigration[] = [];
  let last = existing.at(-1)?.version;
  for (const { part, suffix } of parts) {
    last = nextVersion(options.now ?? new Date(), last);
    const name = `${last}_${suffix}.sql`;
    const text = migrationText(part, { name, source: config.definitions });
    const lint = lintPlanText(config, join(migrationsFolder(config.root, config.migrations).display, name), text).findings;
    const file = writeMigration(config.root, config.migrations, name, text);
    files.push({ file, name, statements: part.steps.length, summary: summarizePlan(part), hazards: planHazards(part), transactional: !noTransactionReason(part), lint });
  }
  return { status: 'written', files, derivable: onePerChange(plan, changes) ? changes : undefined };
}

/** The key under which "these definitions over these files: nothing to write" is remembered. */
function nothingToWriteKey(declaredKey: string, migrations: string): string {
  return verdictKey(declaredKey, migrations, 'generate: nothing to write');
}

/** Whether the files hold one statement per change: then the state after them may be read off the state before (see derivedAfter). */
function onePerChange(plan: Plan, changes: Change[]): boolean {
  const kinds = (list: { kind: string }[]) => JSON.stringify(list.map((item) => item.kind).sort());
  return kinds(plan.steps) === kinds(changes);
}

/**
 * The state after the files just written, when it can be read off the state before them (see
 * derivedState), stored as a replay would store it; undefined when they must be replayed.
 * Trusted only when the files hold one statement per change (`changes` given: see
 * onePerChange), and it meets the definitions exactly: otherwise the replay decides what remains.
 */
function derivedAfter(config: ResolvedConfig, listed: ListedMigrations, before: MigrationsState, changes: Change[] | undefined, definitions: Schema, written: number): AfterWrite | undefined {
  if (!changes) return undefined;
  const schema = derivedState(before.schema, changes);
  if (!schema || !meetsDefinitions(schema, before.schema, definitions)) return undefined;
  storeDerivedState(config, before, changes, schema, listed);
  return { replayed: 0, reused: before.replayed + before.reused, derived: written, remaining: 0 };
}

/**
 * Whether a state derived from `before` is the definitions' exactly. The changes it was derived
 * with were the whole difference between `before` and the definitions, and a derivation shares
 * every table it does not change with `before` (see derivedState): when the tables it replaced
 * equal the definitions' (sameValue, the differ's own equality), nothing can differ. A table that
 * differs only in form has the models compared whole, as a plan compares them. At 2,000 tables
 * the whole comparison took a quarter of a second of a one-column edit.
 */
function meetsDefinitions(derived: Schema, before: Schema, definitions: Schema): boolean {
  const replaced = Object.keys(derived.tables).filter((id) => derived.tables[id] !== before.tables[id]);
  if (replaced.every((id) => sameValue(derived.tables[id], definitions.tables[id]))) return true;
  return diffSchemas(derived, definitions).length === 0;
}

/**
 * Applies the files just written to the shadow, on top of the state the files before them built,
 * and stores the result: the next run over an unchanged folder opens no database, and one with a
 * file more replays that file alone. A file that does not apply is removed again (with the others
 * written in this run), so nothing half-written stays behind.
 */
async function checkWritten(config: ResolvedConfig, listed: ListedMigrations, definitions: Schema, files: WrittenMigration[]): Promise<AfterWrite> {
  try {
    const after = await migrationsState(config, undefined, listed);
    const remaining = diffSchemas(after.schema, definitions).length;
    return { replayed: after.replayed, reused: after.reused, derived: 0, remaining };
  } catch (error) {
    for (const written of files) rmSync(join(config.root, written.file), { force: true });
    throw error;
  }
}

/**
 * The files a plan is written as: new enum values first (see splitPlan), then the rest, cut where
 * steps must commit alone (online forms on tables in use: see splitByTransaction), and cut again
 * when one transaction would create more relations than a default server's lock table holds (a
 * first migration of thousands of tables). Each file commits on its own, in order.
 */
function fileParts(plan: Plan, slug: string, budget?: number): { part: Plan; suffix: string }[] {
  const [first, ...rest] = splitPlan(plan);
  const enumValues = rest.length ? [{ part: first!, suffix: `${slug}_enum_values` }] : [];
  const main = rest.length ? rest[0]! : first!;
  const runs = splitByTransaction(main.steps).flatMap((run) => (run[0]!.transactional ? splitByLockBudget(run, budget) : [run]));
  const pieces = runs.map((steps, index) => ({ part: { steps }, suffix: runs.length > 1 ? `${slug}_part_${index + 1}_of_${runs.length}` : slug }));
  return [...enumValues, ...pieces];
}

/** A slug saying what the file does: `init` first, the one change when there is one. */
function defaultSlug(plan: Plan, first: boolean): string {
  if (first) return 'init';
  const objects = [...new Set(plan.steps.map((step) => step.object.split(' (')[0]!))];
  if (objects.length !== 1) return 'schema_changes';
  const kinds = [...new Set(plan.steps.map((step) => step.kind))];
  const object = objects[0]!.replace(/^public\./, '');
  return slugify(kinds.length === 1 ? `${kinds[0]} ${object}` : `alter ${object}`);
}
