import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../src/canonical/apply.js';
import { diffCommand } from '../src/commands/diff.js';
import { openDatabase, withConnection } from '../src/commands/database.js';
import { inTransaction } from '../src/engine/connection.js';
import { loadSchema } from '../src/load/definitions.js';
import type { Plan } from '../src/plan/index.js';
import { createPlan } from '../src/canonical/from-scratch.js';
import { testConfig } from './support/config.js';
import { engines, withDatabase, type TestEngine } from './support/engines.js';
import { externalNamespaces } from './support/round-trip.js';

const root = join(import.meta.dirname, 'cases', 'drift');
const base = join(root, 'base', 'definitions.ts');
const cases = readdirSync(root).filter((name) => name !== 'base').sort();
const systems = readdirSync(join(import.meta.dirname, '..', 'schemas')).sort();

/** Runs work against a configured database on an engine: a fresh PostgreSQL database, or a private embedded one. */
async function onEngine(engine: TestEngine, definitions: string, work: (config: ReturnType<typeof testConfig>) => Promise<void>) {
  if (engine.name === 'pglite') {
    const config = testConfig({ definitions });
    try {
      await work(config);
    } finally {
      config.dispose();
    }
    return;
  }
  await withDatabase(engine, async ({ url }) => {
    const config = testConfig({ definitions, url: url! });
    try {
      await work(config);
    } finally {
      config.dispose();
    }
  });
}

async function run(config: ReturnType<typeof testConfig>, work: (plan?: Plan) => Promise<unknown>, script?: string) {
  await withConnection(() => openDatabase(config), async (conn) => {
    if (script) await conn.exec(script);
    await work();
  });
}

async function applyTo(config: ReturnType<typeof testConfig>, plan: Plan) {
  await withConnection(() => openDatabase(config), (conn) => inTransaction(conn, () => applyPlan(conn, plan)));
}

describe.each(engines)('drift on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable)).each(cases)('%s is reported once, and --sql repairs it', async (name) => {
    await onEngine(engine, base, async (config) => {
      await applyTo(config, createPlan(await loadSchema(base, { externalNamespaces })));
      expect((await diffCommand(config, {})).items).toEqual([]);
      await run(config, async () => undefined, readFileSync(join(root, name, 'drift.sql'), 'utf8'));
      const drifted = await diffCommand(config, {});
      const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
      expect(drifted.items.map(({ type, object, change }) => ({ type, object, change }))).toEqual(expected);
      await applyTo(config, drifted.plan);
      expect((await diffCommand(config, {})).items).toEqual([]);
    });
  });

  it.skipIf(Boolean(engine.unavailable)).each(systems)('no false drift after applying %s', async (system) => {
    const definitions = join(import.meta.dirname, '..', 'schemas', system);
    await onEngine(engine, definitions, async (config) => {
      await applyTo(config, createPlan(await loadSchema(definitions, { externalNamespaces })));
      const result = await diffCommand(config, {});
      expect(result.items).toEqual([]);
    });
  });
});
