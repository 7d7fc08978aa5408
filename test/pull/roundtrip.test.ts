import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layouts, type Layout } from '../../src/emit/pull/index.js';
import type { Schema } from '../../src/model/schema.js';
import { drainPool } from '../support/database-pool.js';
import { engines } from '../support/engines.js';
import { formatPulled, formatSettled, pullRoundTrip, pulledSources } from './support.js';

const root = join(import.meta.dirname, '..', '..');
const roundtripCases = join(root, 'test', 'cases', 'roundtrip');

/** Every model feature (the round-trip cases) and the example systems, in the default layout. */
const sources: [name: string, layout: Layout, definitions: string][] = [
  ...readdirSync(roundtripCases, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry): [string, Layout, string] => [`roundtrip/${entry.name}`, 'group', join(roundtripCases, entry.name, 'definitions.ts')]),
  ['schemas/proxe', 'group', join(root, 'schemas', 'proxe')],
  ['schemas/chat-crm', 'group', join(root, 'schemas', 'chat-crm')],
  ['schemas/pulse', 'group', join(root, 'schemas', 'pulse')],
  ['schemas/revenue-intel', 'group', join(root, 'schemas', 'revenue-intel')],
  ['schemas/platform', 'group', join(root, 'schemas', 'platform')],
  // The other layouts only move declarations between files; cases with schemas, references and hostile names prove them.
  ['roundtrip/namespaces', 'table', join(roundtripCases, 'namespaces', 'definitions.ts')],
  ['roundtrip/hostile-identifiers', 'table', join(roundtripCases, 'hostile-identifiers', 'definitions.ts')],
  ['schemas/proxe', 'table', join(root, 'schemas', 'proxe')],
  ['schemas/chat-crm', 'single', join(root, 'schemas', 'chat-crm')],
  ['roundtrip/routines', 'single', join(roundtripCases, 'routines', 'definitions.ts')],
];
const selected = process.env.PGFORM_CASE;
const cases = sources.filter(([name]) => !selected || name.startsWith(selected));

/**
 * Pull lays its files out itself: in every layout, each file must be one prettier leaves as it
 * is, and the one prettier makes of the same declarations written one a line.
 */
async function expectPrettierLayout(live: Schema): Promise<void> {
  for (const layout of layouts) {
    for (const file of pulledSources(live, layout)) {
      const where = `${file.path} (--layout ${layout})`;
      expect(await formatPulled(file.content), where).toBe(file.content);
      expect(await formatSettled(file.oneLine, file.content), where).toBe(file.content);
    }
  }
}

/**
 * Apply definitions, pull the database into TypeScript, load what was pulled and put it in
 * canonical form on a fresh database of the same engine: it must equal the database exactly.
 * Each source's files in every layout are held to prettier once, with its default-layout case on PGlite.
 */
describe.each(engines)('pull round trip on $name', (engine) => {
  afterAll(() => drainPool(engine));
  it.skipIf(Boolean(engine.unavailable)).each(cases)('%s (--layout %s)', async (_name, layout, definitions) => {
    const result = await pullRoundTrip(engine, { definitions }, layout);
    expect(result.differences).toEqual([]);
    expect(result.render.warnings).toEqual([]);
    // The layout engine sees the same declarations on both engines: holding it to prettier once is enough.
    if (layout === 'group' && engine.name === 'pglite') await expectPrettierLayout(result.live);
  });
});
