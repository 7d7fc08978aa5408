import { expect } from 'vitest';
import { applyPlanInOrder } from '../../src/canonical/apply.js';
import { compareSchemas } from '../../src/commands/diff.js';
import type { Connection } from '../../src/engine/connection.js';
import { presets } from '../../src/engine/presets.js';
import { introspect } from '../../src/introspect/index.js';
import type { Schema } from '../../src/model/schema.js';
import { planScript } from '../../src/plan/index.js';
import type { TestEngine } from './engines.js';
import { fingerprint, linesExcept, linesOf } from './fingerprint.js';

/** CaseOptions are a diff case's case.json; the property test sets them too. */
export interface CaseOptions {
  engines?: TestEngine['name'][];
  reverse?: boolean;
  why?: string;
  error?: string;
  unmanaged?: string[];
  /** Why the case is known to fail; it must keep failing until the cause is fixed. */
  knownFailure?: string;
  /** A SQL file (relative to the case folder) run in both databases first: what the server provides, such as the Citus stand-in. */
  preamble?: string;
  /**
   * Text of the error applying the plan must fail with, when the seeded rows make it fail (a row
   * that fits no partition): the database then still holds its first state, rows and all.
   */
  applyError?: string;
}

const externalNamespaces = presets.supabase.externalNamespaces;

/** The model as `pgform diff` reads a live database: every schema but the preset's. */
export const readModel = (conn: Connection): Promise<Schema> => introspect(conn, { externalNamespaces });

/** What a database holds, read both ways: pgform's model and the catalog fingerprint. */
export interface ReadState {
  model: Schema;
  print: string[];
}

export const readState = async (conn: Connection): Promise<ReadState> => ({ model: await readModel(conn), print: await fingerprint(conn) });

/**
 * Plans `conn`, which holds `start`, into `target`, applies the plan, and checks that `conn` then
 * holds what `target.print` says.
 */
export async function migrateAndCheck(conn: Connection, start: ReadState, target: ReadState, options: CaseOptions, golden?: (script: string, hazards: string[]) => void) {
  const { plan } = compareSchemas(start.model, target.model);
  golden?.(planScript(plan), [...new Set(plan.steps.flatMap((s) => s.hazards.map((h) => h.code)))].sort());
  if (options.applyError !== undefined) {
    const failure = await applyPlanInOrder(conn, plan).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure, 'applying the plan must fail').toBeInstanceOf(Error);
    expect((failure as Error).message).toContain(options.applyError);
    expect(await fingerprint(conn)).toEqual(start.print);
    return;
  }
  await applyPlanInOrder(conn, plan);
  const after = await fingerprint(conn);
  const unmanaged = options.unmanaged ?? [];
  expect(linesExcept(after, unmanaged)).toEqual(linesExcept(target.print, unmanaged));
  // What pgform does not manage stays as it was, whatever the other side holds.
  expect(linesOf(after, unmanaged)).toEqual(linesOf(start.print, unmanaged));
  expect(compareSchemas(await readModel(conn), target.model).changes).toEqual([]);
}

