import { describe, it } from 'vitest';
import { pgliteEngine, postgresEngine } from './support/engines.js';
import { lintCases, runDatabaseCase, runDefinitionsCase, runMigrationCase } from './support/lint-cases.js';

/** The lint cases of test/cases/lint (see test/support/lint-cases.ts). */
describe('lint cases', () => {
  it.each(lintCases('definitions'))('definitions %s', (name) => runDefinitionsCase(name));
  it.each(lintCases('migration'))('migration %s', (name) => runMigrationCase(name));
  for (const engine of [pgliteEngine, postgresEngine]) {
    it.skipIf(Boolean(engine.unavailable)).each(lintCases('database'))(`${engine.name} %s`, (name) => runDatabaseCase(engine, name));
  }
});
