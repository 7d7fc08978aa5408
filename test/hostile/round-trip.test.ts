import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engines, withDatabase } from '../support/engines.js';
import { roundTrip } from '../support/round-trip.js';

const root = join(import.meta.dirname, 'roundtrip');
const selected = process.env.PGFORM_CASE;
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => !selected || `hostile/${name}`.startsWith(selected) || name.startsWith(selected))
  .sort();

/** A case's `case.json` may pin a known bug: the case must fail until it is fixed (then unpin). */
function knownFailure(name: string): string | undefined {
  const file = join(root, name, 'case.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { knownFailure?: string }).knownFailure : undefined;
}

/**
 * Hostile names and values (63-byte multi-byte names, quotes, backslashes, comment ends, dollar
 * quotes, reserved words, dots) must survive definitions -> SQL -> apply -> introspect with no
 * difference and nothing left for a second diff, on both engines.
 */
describe.each(engines)('hostile round trip on $name', (engine) => {
  for (const name of cases) {
    const pinned = knownFailure(name);
    const test = pinned ? it.skipIf(Boolean(engine.unavailable)).fails : it.skipIf(Boolean(engine.unavailable));
    test(pinned ? `${name} (pinned: ${pinned})` : name, async () => {
      await withDatabase(engine, async ({ conn }) => {
        const result = await roundTrip(conn, join(root, name, 'definitions.ts'));
        expect(result.differences).toEqual([]);
        expect(result.remaining).toEqual([]);
      });
    });
  }
});
