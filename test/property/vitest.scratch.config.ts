import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['test/property/*.fuzz.test.ts'], testTimeout: 3_600_000, pool: 'forks' }, root: new URL('../..', import.meta.url).pathname });
