import type { Connection } from '../engine/connection.js';
import { PgformError } from '../errors.js';
import { blockingHolders, type LockHolder } from './lock.js';

/**
 * LockRetry bounds how a migration waits for locks. Each statement waits at most `timeout`
 * (lock_timeout): a DDL statement queued behind a long transaction makes every later query on
 * the table queue behind it, so it gives up quickly, lets them through, and tries again after a
 * pause that doubles each time, up to `attempts` tries.
 */
export interface LockRetry {
  /** lock_timeout as PostgreSQL reads it: "2s", "500ms". */
  timeout: string;
  attempts: number;
  /** The first pause; each next one doubles, up to maxPauseMs. */
  pauseMs: number;
  maxPauseMs: number;
}

export const defaultLockRetry: Omit<LockRetry, 'timeout'> = { attempts: 10, pauseMs: 500, maxPauseMs: 15_000 };

/** A Blocked report: a statement gave up waiting for a lock, who held it, and when it tries again. */
export interface Blocked {
  file: string;
  statement?: string;
  attempt: number;
  attempts: number;
  pauseMs: number;
  holders: LockHolder[];
}

/** lock_not_available: lock_timeout expired. */
export const lockNotAvailable = '55P03';

export const isLockTimeout = (error: unknown): boolean => (error as { code?: string })?.code === lockNotAvailable;

/** A lock_timeout in milliseconds (a plain number is milliseconds, as PostgreSQL reads it). */
export function durationMs(value: string): number {
  const match = /^(\d+)\s*(us|ms|s|min|h|d)?$/.exec(value.trim());
  if (!match) throw new PgformError('USAGE', `invalid lock timeout "${value}"`, { field: 'lock-timeout' }, 'use e.g. 2s, 500ms or 1min (0 waits forever)');
  const factor = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? 'ms']!;
  return Number(match[1]) * factor;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one attempt after another while they fail on lock_timeout, pausing between them and
 * reporting who held the lock. `attempt` must leave nothing behind when it fails (its
 * transaction rolled back). The last failure is thrown as it is.
 */
export async function retryOnLockTimeout<T>(
  conn: Connection,
  retry: LockRetry | undefined,
  where: { file: string; statement?: string },
  attempt: () => Promise<T>,
  onBlocked?: (blocked: Blocked) => void,
): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (!retry || !isLockTimeout(error) || tried >= retry.attempts) throw error;
      const pauseMs = Math.min(retry.maxPauseMs, retry.pauseMs * 2 ** (tried - 1));
      const holders = conn.engine === 'postgres' ? await blockingHolders(conn, durationMs(retry.timeout)).catch(() => []) : [];
      onBlocked?.({ ...where, attempt: tried, attempts: retry.attempts, pauseMs, holders });
      await sleep(pauseMs);
    }
  }
}
