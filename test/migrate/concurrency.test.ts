import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateCommand, type MigrateEvent } from '../../src/commands/migrate.js';
import { connectPostgres } from '../../src/engine/pg.js';
import { PgformError } from '../../src/errors.js';
import { migrationLockKey } from '../../src/migrate/lock.js';
import { postgresEngine } from '../support/engines.js';
import { withProject } from './project.js';

const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'pgform.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function pgform(cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The URL with a password when the server ignores it (trust authentication), so redaction is tested too. */
async function withPassword(url: string): Promise<{ url: string; password?: string }> {
  const parsed = new URL(url);
  if (parsed.password) return { url, password: decodeURIComponent(parsed.password) };
  parsed.password = 'pgform-test-secret';
  try {
    await (await connectPostgres(parsed.toString())).close();
    return { url: parsed.toString(), password: 'pgform-test-secret' };
  } catch {
    return { url };
  }
}

const names = Array.from({ length: 6 }, (_, i) => `2024010${i + 1}000000_step_${i + 1}.sql`);

describe('migrate under concurrency (PostgreSQL)', () => {
  it.skipIf(Boolean(postgresEngine.unavailable))('two processes apply each migration exactly once; no password is printed', async () => {
    expect(existsSync(join(repo, 'dist', 'cli', 'commands', 'migrate.js')), 'build first: npm run build').toBe(true);
    await withProject(postgresEngine, async (project) => {
      project.define('export {};\n');
      project.writeMigration(names[0]!, 'CREATE TABLE public.runs (name text NOT NULL);\n');
      for (const name of names.slice(1)) project.writeMigration(name, `INSERT INTO public.runs VALUES ('${name}');\nSELECT pg_sleep(0.2);\n`);
      const { url, password } = await withPassword(project.config.url!);
      const args = ['migrate', '--url', url, '--migrations', 'migrations', '--definitions', 'definitions.ts'];
      const runs = await Promise.all([pgform(project.root, args), pgform(project.root, args)]);

      expect(runs.map((run) => run.code)).toEqual([0, 0]);
      const applied = runs.flatMap((run) => run.stdout.split('\n').filter((line) => line.startsWith('applied ')).map((line) => line.split(' ')[1]));
      expect(applied.sort()).toEqual(names);
      expect(await project.query('SELECT name, count(*)::int AS n FROM public.runs GROUP BY name ORDER BY name')).toEqual(names.slice(1).map((name) => ({ name, n: 1 })));
      expect(await project.query('SELECT count(*)::int AS n FROM pgform.migrations')).toEqual([{ n: names.length }]);
      const output = runs.map((run) => run.stdout + run.stderr).join('\n');
      expect(output).toContain('127.0.0.1');
      if (password) expect(output).not.toContain(password);

      // The CLI reports a failing file with its line, exit 2.
      project.writeMigration('20240201000000_broken.sql', 'SELECT 1;\nSELECT no_such_column FROM public.runs;\n');
      const broken = await pgform(project.root, args);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain('error STATEMENT_FAILED: migration 20240201000000_broken.sql failed at line 2: column "no_such_column" does not exist');
      expect(broken.stderr).toContain(`at ${join('migrations', '20240201000000_broken.sql')}:2`);
      if (password) expect(broken.stderr).not.toContain(password);
      const status = await pgform(project.root, ['status', '--json', ...args.slice(1)]);
      expect(status.code).toBe(1);
      expect(JSON.parse(status.stdout).counts).toEqual({ applied: 6, pending: 1, changed: 0, missing: 0 });
    });
  });

  it.skipIf(Boolean(postgresEngine.unavailable))('waits for the advisory lock, and reports what blocks a statement past lock_timeout', async () => {
    await withProject(postgresEngine, async (project) => {
      const url = project.config.url!;
      project.writeMigration('20240101000000_t.sql', 'CREATE TABLE public.t (a int);\n');
      const other = await connectPostgres(url);
      try {
        await other.query('SELECT pg_advisory_lock($1::bigint)', [migrationLockKey]);
        const pid = (await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid;
        const events: MigrateEvent[] = [];
        const running = migrateCommand(project.config, { onEvent: (event) => events.push(event) });
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(events).toEqual([{ type: 'waiting', holder: expect.objectContaining({ pid }) }]);
        await other.query('SELECT pg_advisory_unlock($1::bigint)', [migrationLockKey]);
        expect((await running).applied.map((m) => m.name)).toEqual(['20240101000000_t.sql']);

        await other.exec('BEGIN; LOCK TABLE public.t IN ACCESS EXCLUSIVE MODE');
        project.writeMigration('20240102000000_b.sql', '-- waits behind the lock\nALTER TABLE public.t ADD COLUMN b int;\n');
        const started = Date.now();
        const error = await migrateCommand(project.config, { lockTimeout: '300ms', lockRetries: 0 }).catch((e: unknown) => e);
        expect(Date.now() - started).toBeLessThan(5000);
        expect(error).toBeInstanceOf(PgformError);
        expect((error as PgformError).message).toMatch(new RegExp(`^migration 20240102000000_b\\.sql waited longer than lock_timeout \\(300ms\\) for a lock: blocked by pid ${pid} \\(.*idle in transaction.*\\) holds locks on public\\.t`));
        expect((error as PgformError).location.line).toBe(2);
        await other.exec('ROLLBACK');
        expect((await migrateCommand(project.config)).applied.map((m) => m.name)).toEqual(['20240102000000_b.sql']);
      } finally {
        await other.close();
      }
    });
  });
});
