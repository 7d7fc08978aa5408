import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/support/sequencer.js';

// Long fuzz runs (`npm run test:fuzz`) are left out of `npm test`, which must stay under 15 minutes.
const fuzz = Boolean(process.env.PGFORM_FUZZ);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...(fuzz ? [] : ['test/**/*.fuzz.test.ts']), 'node_modules/**', 'bench/**'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Four on two cores: a worker waiting on PostgreSQL, on a CLI it spawned or on the file system
    // leaves its core to another (three kept the cores about 90% busy).
    maxWorkers: 4,
    // Test files share their worker's modules: each file importing the engine and the whole
    // library afresh cost minutes of the suite. Every test makes its own databases and folders.
    isolate: false,
    // Longest files first, so no long file starts last while the other workers have finished.
    sequence: { sequencer: LongestFirst },
    alias: { pgform: new URL('./src/index.ts', import.meta.url).pathname },
  },
});
