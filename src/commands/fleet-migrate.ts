import type { ResolvedConfig } from '../config/load.js';
import { redactUrl } from '../engine/redact.js';
import { targetError, type TargetError } from '../fleet/outcome.js';
import { runPool } from '../fleet/pool.js';
import type { Target } from '../fleet/targets.js';
import { listMigrations } from '../migrate/files.js';
import { migrateCommand, type MigrateEvent, type MigrateOptions } from './migrate.js';

/** A TargetState is where one target of a fleet run stands. */
export type TargetState = 'queued' | 'connecting' | 'waiting' | 'applying' | 'applied' | 'up to date' | 'failed' | 'skipped';

/** A FleetEvent reports one target's progress, for a live table. */
export interface FleetEvent {
  target: string;
  state: TargetState;
  /** The file being applied (applying) or last applied. */
  file?: string;
}

/** One target's record in a fleet migrate: `--json` prints one per target. */
export interface TargetMigration {
  target: string;
  database: string;
  state: Extract<TargetState, 'applied' | 'up to date' | 'failed' | 'skipped'>;
  applied: { name: string; durationMs: number }[];
  durationMs: number;
  /** Files already applied before this run. */
  upToDate: number;
  /** Applied migrations whose files are gone from the folder. */
  missing: string[];
  error?: TargetError;
}

export interface FleetMigrateOptions extends Pick<MigrateOptions, 'allowOutOfOrder' | 'lockTimeout'> {
  concurrency: number;
  /** Start no further target once one fails (those running finish). */
  failFast?: boolean;
  onEvent?: (event: FleetEvent) => void;
}

/**
 * Migrates every target as `pgform migrate` would, each with its own advisory lock and history,
 * at most `concurrency` at a time. A target's failure is recorded and the others go on (unless
 * `failFast`); a re-run finds what each target already applied, so it resumes where it stopped.
 */
export async function fleetMigrateCommand(config: ResolvedConfig, targets: Target[], options: FleetMigrateOptions): Promise<TargetMigration[]> {
  // A broken migrations folder is the same for every target: an error before any connects.
  listMigrations(config.root, config.migrations);
  const outcomes = await runPool(
    targets,
    options.concurrency,
    async (target) => {
      const started = performance.now();
      const emit = (state: TargetState, file?: string) => options.onEvent?.({ target: target.name, state, ...(file ? { file } : {}) });
      emit('connecting');
      const applied: TargetMigration['applied'] = [];
      try {
        const result = await migrateCommand(
          { ...config, url: target.url },
          {
            ...(options.allowOutOfOrder ? { allowOutOfOrder: true } : {}),
            ...(options.lockTimeout ? { lockTimeout: options.lockTimeout } : {}),
            onEvent: (event: MigrateEvent) => {
              // A target blocked by another session's lock waits, as one queued behind another migrate does.
              if (event.type === 'waiting' || event.type === 'blocked') emit('waiting');
              else if (event.type === 'applying' || event.type === 'rebuilding') emit('applying', event.name);
              else applied.push({ name: event.name, durationMs: event.durationMs });
            },
          },
        );
        const state = result.applied.length ? 'applied' : 'up to date';
        emit(state, result.applied.at(-1)?.name);
        return record(target, state, started, { applied: result.applied, upToDate: result.upToDate, missing: result.missing });
      } catch (error) {
        emit('failed', applied.at(-1)?.name);
        // The files applied before the failing one stay applied (each committed with its history row).
        return record(target, 'failed', started, { applied, error: targetError(error, target) });
      }
    },
    { failFast: options.failFast ?? false, isFailure: (result) => result.state === 'failed' },
  );
  return outcomes.map((outcome, index) => {
    if (outcome.status === 'done') return outcome.value;
    if (outcome.status === 'failed') return record(targets[index]!, 'failed', performance.now(), { error: targetError(outcome.error, targets[index]!) });
    options.onEvent?.({ target: targets[index]!.name, state: 'skipped' });
    return record(targets[index]!, 'skipped', performance.now(), {});
  });
}

function record(target: Target, state: TargetMigration['state'], started: number, rest: Partial<TargetMigration>): TargetMigration {
  return {
    target: target.name,
    database: redactUrl(target.url),
    state,
    applied: rest.applied ?? [],
    durationMs: Math.round(performance.now() - started),
    upToDate: rest.upToDate ?? 0,
    missing: rest.missing ?? [],
    ...(rest.error ? { error: rest.error } : {}),
  };
}
