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
}

const externalNamespaces = presets.supabase.externalNamespaces;

/** The model as `pgform diff` reads a live database: every schema but the preset's. */
export const readModel = (conn: Connection): Promise<Schema> => introspect(conn, { externalNamespaces });

/** Plans `from` into `target`, applies it, and checks that `conn` then holds what `expected` lines say. */
export async function migrateAndCheck(conn: Connection, target: Schema, expected: string[], options: CaseOptions, golden?: (script: string, hazards: string[]) => void) {
  const before = await fingerprint(conn);
  const { plan } = compareSchemas(await readModel(conn), target);
  golden?.(planScript(plan), [...new Set(plan.steps.flatMap((s) => s.hazards.map((h) => h.code)))].sort());
  await applyPlanInOrder(conn, plan);
  const after = await fingerprint(conn);
  const unmanaged = options.unmanaged ?? [];
  expect(linesExcept(after, unmanaged)).toEqual(linesExcept(expected, unmanaged));
  // What pgform does not manage stays as it was, whatever the other side holds.
  expect(linesOf(after, unmanaged)).toEqual(linesOf(before, unmanaged));
  expect(compareSchemas(await readModel(conn), target).changes).toEqual([]);
}

