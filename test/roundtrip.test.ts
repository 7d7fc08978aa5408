import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drainPool, withPooledDatabase } from './support/database-pool.js';
import { engines } from './support/engines.js';
import { roundTrip } from './support/round-trip.js';

const root = join(import.meta.dirname, 'cases', 'roundtrip');
const selected = process.env.PGFORM_CASE;
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => !selected || `roundtrip/${name}`.startsWith(selected) || name.startsWith(selected))
  .sort();

/**
 * One case per model feature: its definitions are applied to an empty database on each engine,
 * read back, and must equal their canonical model exactly, with nothing left for a second diff.
 */
describe.each(engines)('round trip on $name', (engine) => {
  afterAll(() => drainPool(engine));
  it.skipIf(Boolean(engine.unavailable)).each(cases)('%s', async (name) => {
    await withPooledDatabase(engine, async ({ conn }) => {
      const result = await roundTrip(conn, join(root, name, 'definitions.ts'));
      expect(result.differences).toEqual([]);
      expect(result.remaining).toEqual([]);
    });
  });
});
