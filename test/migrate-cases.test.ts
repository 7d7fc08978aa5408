import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPlan, applyPlanInOrder } from '../src/canonical/apply.js';
import { canonicalize } from '../src/canonical/index.js';
import { diffSchemas } from '../src/diff/index.js';
import { inTransaction, type Connection } from '../src/engine/connection.js';
import { introspect } from '../src/introspect/index.js';
import { loadSchema } from '../src/load/definitions.js';
import { listDifferences } from '../src/model/compare.js';
import type { Schema } from '../src/model/schema.js';
import { createPlan } from '../src/canonical/from-scratch.js';
import { planChanges, planScript } from '../src/plan/index.js';
import { drainPool, withPooledDatabase } from './support/database-pool.js';
import { engines, type TestEngine } from './support/engines.js';
import { databasePart, externalNamespaces } from './support/round-trip.js';

const root = join(import.meta.dirname, 'cases', 'migrate');
const selected = process.env.PGFORM_CASE?.replace(/^migrate\//, '');
const cases = readdirSync(root).filter((name) => !selected || name.startsWith(selected)).sort();

/** The canonical model of a definitions file, printed by a fresh empty database of the engine. */
async function canonicalOn(engine: TestEngine, path: string): Promise<Schema> {
  const declared = await loadSchema(path, { externalNamespaces });
  return withPooledDatabase(engine, ({ conn }) => canonicalize(declared, conn, { externalNamespaces }));
}

async function readLive(conn: Connection, model: Schema): Promise<Schema> {
  const namespaces = Object.values(model.namespaces).filter((n) => !n.external).map((n) => n.name);
  return introspect(conn, { namespaces: [...new Set([...namespaces, 'public'])], externalNamespaces });
}

function seededTables(seed: string): string[] {
  return [...seed.matchAll(/INSERT INTO\s+([\w."]+)/gi)].map((m) => m[1]!);
}

async function counts(conn: Connection, tables: string[]): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) result[table] = Number((await conn.query<{ n: string }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
  return result;
}

/**
 * A case is a migration: before.ts applied, seed.sql inserted, then the plan to after.ts. The
 * plan must equal plan.sql (PGFORM_UPDATE=1 rewrites; compared on PGlite, whose printing it
 * holds), its hazards hazards.json, the result after.ts exactly, the seeded rows must survive
 * (or rows.json queries count as listed), and the way back must work too unless case.json says
 * `{ "reverse": false }` (a way back that must lose data, such as un-renaming a value in use).
 */
describe.each(engines)('migrations on $name', (engine) => {
  afterAll(() => drainPool(engine));
  it.skipIf(Boolean(engine.unavailable)).each(cases)('%s', async (name) => {
    const folder = join(root, name);
    const before = await canonicalOn(engine, join(folder, 'before.ts'));
    const after = await canonicalOn(engine, join(folder, 'after.ts'));
    const seed = existsSync(join(folder, 'seed.sql')) ? readFileSync(join(folder, 'seed.sql'), 'utf8') : '';
    await withPooledDatabase(engine, async ({ conn }) => {
      await inTransaction(conn, () => applyPlan(conn, createPlan(before)));
      if (seed) await conn.exec(seed);
      const seeded = await counts(conn, seededTables(seed));
      const live = await readLive(conn, before);
      const plan = planChanges(diffSchemas(live, after), { from: live, to: after });
      const script = planScript(plan);
      if (engine.name === 'pglite') {
        const planPath = join(folder, 'plan.sql');
        if (process.env.PGFORM_UPDATE || !existsSync(planPath)) writeFileSync(planPath, script);
        expect(script).toBe(readFileSync(planPath, 'utf8'));
      }
      const hazards = [...new Set(plan.steps.flatMap((s) => s.hazards.map((h) => h.code)))].sort();
      expect(hazards).toEqual(JSON.parse(readFileSync(join(folder, 'hazards.json'), 'utf8')));
      await applyPlanInOrder(conn, plan);
      const migrated = await readLive(conn, after);
      expect(listDifferences(databasePart(after), databasePart(migrated))).toEqual([]);
      expect(diffSchemas(migrated, after)).toEqual([]);
      const rowsPath = join(folder, 'rows.json');
      if (existsSync(rowsPath)) {
        for (const [query, expected] of Object.entries(JSON.parse(readFileSync(rowsPath, 'utf8')) as Record<string, number>)) {
          expect(Number((await conn.query<{ n: string }>(query))[0]!.n), query).toBe(expected);
        }
      } else {
        expect(await counts(conn, Object.keys(seeded))).toEqual(seeded);
      }
      const options = existsSync(join(folder, 'case.json')) ? (JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as { reverse?: boolean }) : {};
      if (options.reverse === false) return;
      const back = planChanges(diffSchemas(migrated, before), { from: migrated, to: before });
      await applyPlanInOrder(conn, back);
      expect(listDifferences(databasePart(before), databasePart(await readLive(conn, before)))).toEqual([]);
    });
  });
});
