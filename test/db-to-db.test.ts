import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan, applyPlanInOrder } from '../src/canonical/apply.js';
import { openDatabase, withConnection } from '../src/commands/database.js';
import { diffCommand } from '../src/commands/diff.js';
import { connectPostgres } from '../src/engine/pg.js';
import type { Connection } from '../src/engine/connection.js';
import { testConfig } from './support/config.js';
import { postgresEngine, withDatabase } from './support/engines.js';

const folder = join(import.meta.dirname, 'cases', 'db-to-db');
const a = readFileSync(join(folder, 'a.sql'), 'utf8');
const b = readFileSync(join(folder, 'b.sql'), 'utf8');

async function apply(conn: Connection, plan: Parameters<typeof applyPlan>[1]) {
  await applyPlanInOrder(conn, plan);
}

/**
 * Two databases built from different scripts: the SQL of `diff --from a --to b` applied to a
 * leaves nothing to report, between two PostgreSQL databases and from PostgreSQL to PGlite.
 */
describe('diff between two databases', () => {
  it.skipIf(Boolean(postgresEngine.unavailable))('PostgreSQL to PostgreSQL', async () => {
    await withDatabase(postgresEngine, async (first) => {
      await withDatabase(postgresEngine, async (second) => {
        await first.conn.exec(a);
        await second.conn.exec(b);
        const config = testConfig({ definitions: folder });
        try {
          const result = await diffCommand(config, { from: first.url!, to: second.url! });
          expect(result.items.length).toBeGreaterThan(10);
          expect(result.hazards.map((h) => h.code)).toContain('DELETES_DATA');
          await apply(first.conn, result.plan);
          expect((await diffCommand(config, { from: first.url!, to: second.url! })).items).toEqual([]);
        } finally {
          config.dispose();
        }
      });
    });
  });

  it.skipIf(Boolean(postgresEngine.unavailable))('PostgreSQL to the embedded PGlite database', async () => {
    await withDatabase(postgresEngine, async (first) => {
      const config = testConfig({ definitions: folder });
      try {
        await withConnection(() => openDatabase(config), (conn) => conn.exec(b));
        await first.conn.exec(a);
        const result = await diffCommand(config, { from: first.url!, to: 'database' });
        expect(result.items.length).toBeGreaterThan(10);
        const conn = await connectPostgres(first.url!);
        try {
          await apply(conn, result.plan);
        } finally {
          await conn.close();
        }
        expect((await diffCommand(config, { from: first.url!, to: 'database' })).items).toEqual([]);
        expect((await diffCommand(config, { from: 'database', to: first.url! })).items).toEqual([]);
      } finally {
        config.dispose();
      }
    });
  });
});
