import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countObjects } from '../src/cli/summary.js';
import { engines, withDatabase } from './support/engines.js';
import { roundTrip } from './support/round-trip.js';

const repo = join(import.meta.dirname, '..');
const systems = readdirSync(join(repo, 'schemas'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Expected object counts per system, so nothing disappears silently; PGFORM_UPDATE=1 rewrites them. */
function expectedCounts(system: string, actual: Record<string, number>): Record<string, number> {
  const path = join(repo, 'test', 'cases', 'systems', `${system}.counts.json`);
  if (process.env.PGFORM_UPDATE || !existsSync(path)) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, number>;
}

/**
 * Every example system applies from scratch on both engines, reads back as exactly its model,
 * and keeps the object counts recorded for it.
 */
describe.each(engines)('example systems on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable)).each(systems)('%s', async (system) => {
    await withDatabase(engine, async ({ conn }) => {
      const result = await roundTrip(conn, join(repo, 'schemas', system));
      expect(result.differences).toEqual([]);
      expect(result.remaining).toEqual([]);
      const counts = countObjects(result.live);
      expect(counts).toEqual(expectedCounts(system, counts));
    });
  });
});
