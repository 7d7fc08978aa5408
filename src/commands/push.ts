import type { ResolvedConfig } from '../config/load.js';
import { applyPlan, statementError } from '../canonical/apply.js';
import { inTransaction, type Connection } from '../engine/connection.js';
import { diffSchemas } from '../diff/index.js';
import { introspect } from '../introspect/index.js';
import { refusedStatements, type RefusedStatement } from '../migrate/guard.js';
import { withMigrationLock, type LockHolder } from '../migrate/lock.js';
import { planHazards, splitByTransaction, splitPlan, summarizePlan } from '../migrate/render.js';
import { planChanges, planScript, type Step } from '../plan/index.js';
import { canonicalOnServer } from './canonical-on-server.js';
import { databaseLabel, openDatabase, presetReads, withConnection } from './database.js';
import { defaultLockTimeout } from './migrate.js';
import { definitionsState } from './states.js';

/** PushOptions: the data-loss guard and how long statements wait for locks. */
export interface PushOptions {
  allowDataLoss?: boolean;
  /** Apply statements that revoke from the API's roles or weaken row level security and views. */
  allowSecurityChanges?: boolean;
  lockTimeout?: string;
  /** Plan only: the plan is returned and nothing is applied. */
  dryRun?: boolean;
  /** Hears why the definitions were printed by the embedded engine instead of the server. */
  onFallback?: (reason: string) => void;
  onWait?: (holder: LockHolder | undefined) => void;
}

/** A PushResult says whether the database was changed, already matched, or the guard refused. */
export type PushResult =
  | { status: 'unchanged'; database: string }
  | { status: 'refused'; database: string; refused: RefusedStatement[] }
  | { status: 'applied'; database: string; statements: number; summary: string[]; hazards: string[] }
  | { status: 'planned'; database: string; statements: number; script: string; hazards: string[] };

/**
 * Makes a database match the definitions directly, without migration files (local
 * development): the database is read, compared with the definitions printed by the same
 * engine, and the plan applied in one transaction. Statements that delete data, or that take
 * access away or weaken security, are refused unless allowed. Nothing is recorded in the migration history.
 */
export async function pushCommand(config: ResolvedConfig, options: PushOptions = {}): Promise<PushResult> {
  const database = databaseLabel(config);
  const definitions = config.url ? await canonicalOnServer(config, config.url, options.onFallback ? { onFallback: options.onFallback } : {}) : await definitionsState(config);
  return withConnection(
    () => openDatabase(config),
    (conn) =>
      withMigrationLock(
        conn,
        async (): Promise<PushResult> => {
          const live = await introspect(conn, { ...presetReads(config), ...(config.schemas ? { namespaces: config.schemas } : {}) });
          const plan = planChanges(diffSchemas(live, definitions), { from: live, to: definitions }, { online: config.online });
          if (plan.steps.length === 0) return { status: 'unchanged', database };
          if (options.dryRun) return { status: 'planned', database, statements: plan.steps.length, script: planScript(plan, { header: `-- pgform push --dry-run: the plan for ${database}; nothing applied\n` }), hazards: planHazards(plan) };
          const refused = refusedStatements(plan, options);
          if (refused.length) return { status: 'refused', database, refused };
          await applySteps(conn, plan.steps, options.lockTimeout ?? defaultLockTimeout);
          return { status: 'applied', database, statements: plan.steps.length, summary: summarizePlan(plan), hazards: planHazards(plan) };
        },
        options.onWait,
      ),
  );
}

/**
 * Runs a plan's statements in order: each run of steps that may share a transaction in one (new
 * enum values in one of their own first: a value cannot be used in the transaction that adds
 * it), each step that must commit alone by itself (CONCURRENTLY, online VALIDATE).
 */
export async function applySteps(conn: Connection, steps: Step[], lockTimeout: string): Promise<void> {
  for (const run of splitByTransaction(steps)) {
    if (!run[0]!.transactional) {
      await conn.query('SELECT set_config($1, $2, false)', ['lock_timeout', lockTimeout]);
      for (const step of run) {
        await conn.exec(`${step.sql};`).catch((error: unknown) => {
          throw statementError(error, step);
        });
      }
      continue;
    }
    for (const part of splitPlan({ steps: run })) {
      await inTransaction(conn, async () => {
        await conn.query('SELECT set_config($1, $2, true)', ['lock_timeout', lockTimeout]);
        await applyPlan(conn, part);
      });
    }
  }
}
