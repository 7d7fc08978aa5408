import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { definitionsState } from '../../src/commands/states.js';
import { resolveConfig } from '../../src/config/load.js';
import { renderDocs } from '../../src/emit/docs/index.js';
import { brokenLinks, expectValidDiagram, mermaidBlocks, raggedRows } from './checks.js';

const casesRoot = join(import.meta.dirname, '..', 'cases', 'docs');
const repoRoot = join(import.meta.dirname, '..', '..');

/** What every generated document must hold: diagrams Mermaid parses, links that land, even tables. */
async function expectWellFormed(markdown: string): Promise<void> {
  expect(brokenLinks(markdown)).toEqual([]);
  expect(raggedRows(markdown)).toEqual([]);
  const diagrams = mermaidBlocks(markdown);
  expect(diagrams.length).toBeGreaterThan(0);
  for (const diagram of diagrams) await expectValidDiagram(diagram);
}

describe('generated documents are well formed', () => {
  it.each(readdirSync(casesRoot).sort())('the %s golden', async (golden) => {
    await expectWellFormed(readFileSync(join(casesRoot, golden, 'expected.md'), 'utf8'));
  });

  // The example systems the other helpers declared complete; each is rendered from its definitions.
  it.each(['proxe', 'chat-crm', 'pulse'])('the %s example system', async (system) => {
    const config = await resolveConfig({ system, config: join(repoRoot, 'pgform.config.ts') });
    await expectWellFormed(renderDocs(await definitionsState(config)));
  });
});
