import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPlanInOrder } from '../src/canonical/apply.js';
import { diffCommand } from '../src/commands/diff.js';
import { renderDriftText } from '../src/emit/drift/text.js';
import { openDatabase, withConnection } from '../src/commands/database.js';
import { loadSchema } from '../src/load/definitions.js';
import type { Plan } from '../src/plan/index.js';
import { createPlan } from '../src/canonical/from-scratch.js';
import { testConfig } from './support/config.js';
import { drainPool, withPooledDatabase } from './support/database-pool.js';
import { engines, postgresEngine, type TestEngine } from './support/engines.js';
import { externalNamespaces } from './support/round-trip.js';

const root = join(import.meta.dirname, 'cases', 'drift');
const base = join(root, 'base', 'definitions.ts');
const cases = readdirSync(root).filter((name) => name !== 'base').sort();
const systems = readdirSync(join(import.meta.dirname, '..', 'schemas')).sort();

type Config = ReturnType<typeof testConfig>;

/** Runs work against a configured database on an engine: a fresh PostgreSQL database, or a private embedded one. */
async function onEngine(engine: TestEngine, definitions: string, work: (config: Config) => Promise<void>, seed?: string) {
  if (engine.name === 'pglite') {
    const config = testConfig({ definitions });
    try {
      if (seed) cpSync(seed, config.embeddedDir, { recursive: true });
      await work(config);
    } finally {
      config.dispose();
    }
    return;
  }
  await withPooledDatabase(engine, async ({ url }) => {
    const config = testConfig({ definitions, url: url! });
    try {
      await work(config);
    } finally {
      config.dispose();
    }
  });
}

/** The base definitions applied, and checked free of drift before any case drifts from them. */
async function applyBase(config: Config) {
  await applyTo(config, createPlan(await loadSchema(base, { externalNamespaces })));
  expect((await diffCommand(config, {})).items).toEqual([]);
}

async function run(config: ReturnType<typeof testConfig>, work: (plan?: Plan) => Promise<unknown>, script?: string) {
  await withConnection(() => openDatabase(config), async (conn) => {
    if (script) await conn.exec(script);
    await work();
  });
}

async function applyTo(config: ReturnType<typeof testConfig>, plan: Plan) {
  await withConnection(() => openDatabase(config), (conn) => applyPlanInOrder(conn, plan));
}

describe.each(engines)('drift on $name', (engine) => {
  // On the embedded engine the base is applied once and its data directory copied for each case.
  let seed: Config | undefined;
  afterAll(async () => {
    seed?.dispose();
    await drainPool(engine);
  });
  it.skipIf(Boolean(engine.unavailable)).each(cases)('%s is reported once, and --sql repairs it', async (name) => {
    if (engine.name === 'pglite' && !seed) {
      seed = testConfig({ definitions: base });
      await applyBase(seed);
    }
    const work = async (config: Config) => {
      if (!seed) await applyBase(config);
      await run(config, async () => undefined, readFileSync(join(root, name, 'drift.sql'), 'utf8'));
      const drifted = await diffCommand(config, {});
      const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
      expect(drifted.items.map(({ type, object, change }) => ({ type, object, change }))).toEqual(expected);
      // Every item the definitions declare (or whose table they declare) points at its line.
      expect(drifted.items.filter((item) => item.change !== 'unexpected' && !item.source?.line).map((item) => item.object)).toEqual([]);
      // The text report of a case is a golden (PGlite's printing): PGFORM_UPDATE=1 rewrites it.
      const report = join(root, name, 'report.txt');
      if (engine.name === 'pglite') {
        const text = renderDriftText(drifted.items, { from: 'database', to: 'definitions' });
        if (!existsSync(report) || process.env.PGFORM_UPDATE) writeFileSync(report, text);
        expect(text).toBe(readFileSync(report, 'utf8'));
      }
      await applyTo(config, drifted.plan);
      expect((await diffCommand(config, {})).items).toEqual([]);
    };
    await onEngine(engine, base, work, seed?.embeddedDir);
  });
});

// A live server is where drift is checked; that each system reads back from the embedded engine
// as exactly its model is test/systems.test.ts's.
describe('drift of the example systems on postgres', () => {
  afterAll(() => drainPool(postgresEngine));
  it.skipIf(Boolean(postgresEngine.unavailable)).each(systems)('no false drift after applying %s', async (system) => {
    const definitions = join(import.meta.dirname, '..', 'schemas', system);
    await onEngine(postgresEngine, definitions, async (config) => {
      await applyTo(config, createPlan(await loadSchema(definitions, { externalNamespaces })));
      const result = await diffCommand(config, {});
      expect(result.items).toEqual([]);
    });
  });
});
