import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };

/**
 * The package as a user gets it: `npm pack`, then `npm install` of the tarball in a throwaway
 * project. The install is offline: pgform's own dependencies are linked from this repository's
 * node_modules, so only the tarball's content (files, bin, exports, types) is what is tested.
 */
describe('the packed package', () => {
  it('installs from its tarball: npx pgform works, init writes a project, its definitions typecheck and load', async () => {
    expect(existsSync(join(repoRoot, 'dist', 'index.js')), 'dist/ is missing: npm run build').toBe(true);
    const project = mkdtempSync(join(tmpdir(), 'pgform-install-'));
    try {
      const packed = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], { cwd: repoRoot });
      const tarball = packed.stdout.trim().split('\n').pop()!;
      expect(tarball).toBe(`pgform-${pkg.version}.tgz`);
      const dependencies: Record<string, string> = { pgform: `file:./${tarball}` };
      for (const name of Object.keys(pkg.dependencies)) dependencies[name] = `file:${realpathSync(join(repoRoot, 'node_modules', name))}`;
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'trial', version: '1.0.0', private: true, type: 'module', dependencies }, null, 2));
      await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project });
      expect(existsSync(join(project, 'node_modules', 'pgform', 'src')), 'the tarball ships src/').toBe(false);

      const npx = (...args: string[]) => run('npx', ['--offline', '--no-install', 'pgform', ...args], { cwd: project, env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' } });
      expect((await npx('--version')).stdout.trim()).toBe(pkg.version);
      expect((await npx('--help')).stdout).toContain('Usage: pgform');
      expect((await npx('init')).stdout).toContain('wrote schemas/example.ts');

      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: [] }, include: ['schemas', 'pgform.config.ts'] }),
      );
      await run(join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: project });

      const sql = await npx('sql');
      expect(sql.stdout).toContain('CREATE TABLE "public"."notes"');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 180_000);
});
