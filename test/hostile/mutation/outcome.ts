import { buildSchema, type Definition } from '../../../src/dsl/build.js';
import { presets } from '../../../src/engine/presets.js';
import { isPgformError } from '../../../src/errors.js';
import { createPlan } from '../../../src/canonical/from-scratch.js';
import { planScript } from '../../../src/plan/index.js';
import { materialize, type Input } from './base.js';

/** Where definitions failed: in a builder call (the user's file), in `buildSchema`, or rendering SQL. */
export type Stage = 'builder' | 'build' | 'sql';

/**
 * An Outcome of running definitions in-process: SQL, a PgformError that says where, or a bug
 * (anything else thrown, or a PgformError with no location).
 */
export type Outcome =
  | { kind: 'sql'; script: string }
  | { kind: 'error'; stage: Stage; code: string; message: string }
  | { kind: 'bug'; stage: Stage; message: string };

const externalNamespaces = presets.supabase.externalNamespaces;

function classify(stage: Stage, error: unknown): Outcome {
  if (isPgformError(error)) {
    const { object, field, file } = error.location;
    if (error.code && (object || field || file)) return { kind: 'error', stage, code: error.code, message: error.message };
    return { kind: 'bug', stage, message: `PgformError without a location: ${error.code}: ${error.message}` };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : `thrown ${typeof error}: ${String(error)}`;
  return { kind: 'bug', stage, message };
}

/** Runs definitions the way `pgform sql` does: builders, then `buildSchema`, then the SQL. */
export function run(input: Input): Outcome {
  return runDefinitions(() => materialize(input));
}

/** The same for definitions made by calling builders directly. */
export function runDefinitions(make: () => Definition[]): Outcome {
  let stage: Stage = 'builder';
  try {
    const definitions = make();
    stage = 'build';
    const schema = buildSchema(definitions, { externalNamespaces, file: 'definitions.ts' });
    stage = 'sql';
    return { kind: 'sql', script: planScript(createPlan(schema)) };
  } catch (error) {
    return classify(stage, error);
  }
}

/** A bug's message with names and numbers blurred, to group many runs into a few kinds. */
export function bugKind(outcome: Extract<Outcome, { kind: 'bug' }>): string {
  return `${outcome.stage}: ${outcome.message.replace(/"[^"]*"|'[^']*'/g, '…').replace(/\d+/g, 'N').slice(0, 160)}`;
}
