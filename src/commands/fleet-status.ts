import type { ResolvedConfig } from '../config/load.js';
import { redactUrl } from '../engine/redact.js';
import { targetError, type TargetError } from '../fleet/outcome.js';
import { runPool } from '../fleet/pool.js';
import type { Target } from '../fleet/targets.js';
import { listMigrations } from '../migrate/files.js';
import { statusCommand } from './status.js';

/** Where one target's history stands against the migrations folder. */
export interface TargetStatus {
  target: string;
  database: string;
  /** up to date: every file applied; behind: some pending; diverged: an applied file changed or gone; failed: not read. */
  state: 'up to date' | 'behind' | 'diverged' | 'failed';
  pending: string[];
  changed: string[];
  missing: string[];
  applied: number;
  error?: TargetError;
}

/** Reads every target's migration history, `concurrency` at a time; reads only, creates nothing. */
export async function fleetStatusCommand(config: ResolvedConfig, targets: Target[], options: { concurrency: number }): Promise<TargetStatus[]> {
  listMigrations(config.root, config.migrations);
  const outcomes = await runPool(targets, options.concurrency, async (target): Promise<TargetStatus> => {
    const base = { target: target.name, database: redactUrl(target.url) };
    try {
      const { migrations } = await statusCommand({ ...config, url: target.url });
      const named = (status: string) => migrations.filter((m) => m.status === status).map((m) => m.name);
      const [pending, changed, missing] = [named('pending'), named('changed'), named('missing')];
      const state = changed.length || missing.length ? 'diverged' : pending.length ? 'behind' : 'up to date';
      return { ...base, state, pending, changed, missing, applied: named('applied').length };
    } catch (error) {
      return { ...base, state: 'failed', pending: [], changed: [], missing: [], applied: 0, error: targetError(error, target) };
    }
  });
  return outcomes.map((outcome) => (outcome as { status: 'done'; value: TargetStatus }).value);
}
