import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlan } from '../../src/canonical/from-scratch.js';
import { buildSchema } from '../../src/dsl/build.js';
import { lintMigrations, lintSchema } from '../../src/lint/index.js';
import { planScript } from '../../src/plan/index.js';
import { externalNamespaces } from '../support/round-trip.js';
import { spec } from './arbitraries.js';
import { specDefinitions } from './build.js';
import { seedOf } from './property.js';

/**
 * The lint property: for random valid definitions drawn across the model, `lint` never throws,
 * every schema finding points at a definition's file and line, and the migration rules read the
 * create-from-scratch plan of the same definitions without throwing, each finding at a line.
 */
const runs = Number(process.env.PGFORM_RUNS ?? 100);

describe('lint property', () => {
  it(`random definitions never crash lint and every finding has a file:line (${runs} systems)`, () => {
    let findings = 0;
    fc.assert(
      fc.property(spec, (drawn) => {
        const schema = buildSchema(specDefinitions(drawn), { externalNamespaces });
        const report = lintSchema(schema);
        for (const finding of [...report.findings, ...report.suppressed]) {
          expect(finding.source, `${finding.rule}: ${finding.message}`).toBeDefined();
          expect(finding.source!.file).toMatch(/\.ts$/);
          expect(finding.source!.line).toBeGreaterThan(0);
        }
        const plan = lintMigrations([{ file: 'plan.sql', text: planScript(createPlan(schema)) }]);
        for (const finding of plan.findings) expect(finding.source?.line).toBeGreaterThan(0);
        findings += report.findings.length + plan.findings.length;
      }),
      { numRuns: runs, seed: seedOf(20_261_206) },
    );
    // The systems drawn are varied enough to trigger rules at all: a property over no findings proves little.
    expect(findings).toBeGreaterThan(0);
  });
});
