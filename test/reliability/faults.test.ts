import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres } from '../../src/engine/pg.js';
import { postgresEngine, withDatabase } from '../support/engines.js';

const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'pgform.js');
let folders = 0;

/** A throwaway project folder with a history of migrations; each creates table t<i> and fills it. */
function project(files: number, extra: (i: number) => string = () => ''): string {
  const root = join(repo, 'test', `.tmp-reliability-${process.pid}-${++folders}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'migrations'), { recursive: true });
  writeFileSync(join(root, 'definitions.ts'), "export {};\n");
  for (let i = 1; i <= files; i++) {
    const sql = `CREATE TABLE public.t${i} (id integer PRIMARY KEY, note text);\n${extra(i)}INSERT INTO public.t${i} SELECT g, md5(g::text) FROM generate_series(1, 2000) g;\nCREATE INDEX t${i}_note ON public.t${i} (note);\n`;
    writeFileSync(join(root, 'migrations', `2026010100000${i}_step_${i}.sql`), sql);
  }
  return root;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs `pgform migrate` as a child process; `killAfter` sends SIGKILL after that many ms. */
function migrate(root: string, url: string, killAfter?: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'migrate', '--url', url, '--definitions', 'definitions.ts', '--migrations', 'migrations'], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

/** Every migration is either applied and recorded, or neither: history rows match the tables. */
async function checkAllOrNothing(url: string, files: number): Promise<number> {
  const conn = await connectPostgres(url);
  try {
    const history = await conn.query<{ name: string }>("SELECT name FROM pgform.migrations ORDER BY name").catch(() => [] as { name: string }[]);
    const recorded = new Set(history.map((row) => row.name));
    for (let i = 1; i <= files; i++) {
      const [table] = await conn.query<{ exists: boolean; rows: number | null }>(
        `SELECT to_regclass('public.t${i}') IS NOT NULL AS exists, (SELECT count(*)::int FROM pg_class WHERE relname = 't${i}_note') AS rows`,
      );
      const applied = recorded.has(`2026010100000${i}_step_${i}.sql`);
      expect(table!.exists, `t${i} exists exactly when its migration is recorded`).toBe(applied);
      if (applied) {
        const [{ n }] = (await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM public.t${i}`)) as [{ n: number }];
        expect(n).toBe(2000);
        expect(table!.rows).toBe(1);
      }
    }
    return recorded.size;
  } finally {
    await conn.close();
  }
}

const pg = postgresEngine;

describe.skipIf(Boolean(pg.unavailable))('faults while migrating (PostgreSQL)', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('SIGKILL at random points: each migration is applied and recorded, or not at all; a re-run completes', async () => {
    const files = 6;
    // Seeded delays (ms) spread over the whole run, so kills land before, during and between files.
    const delays = [150, 320, 480, 650, 900, 1200, 260, 700];
    for (const delay of delays) {
      await withDatabase(pg, async ({ url }) => {
        const root = project(files);
        roots.push(root);
        const killed = await migrate(root, url!, delay);
        expect(killed.output).not.toMatch(/INTERNAL/);
        await checkAllOrNothing(url!, files);
        const rerun = await migrate(root, url!);
        expect(rerun.code, rerun.output).toBe(0);
        expect(await checkAllOrNothing(url!, files)).toBe(files);
      });
    }
  });

  it('a connection cut mid-migration: a clear error naming the file, nothing half-applied, a re-run completes', async () => {
    await withDatabase(pg, async ({ url }) => {
      const root = project(3, (i) => (i === 2 ? 'SELECT pg_sleep(3);\n' : ''));
      roots.push(root);
      const running = migrate(root, url!);
      const admin = await connectPostgres(url!);
      try {
        // Wait until migrate sleeps inside the second file, then terminate its backend.
        for (let tries = 0; tries < 100; tries++) {
          const rows = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'pgform' AND pid <> pg_backend_pid() AND query LIKE '%pg_sleep(3)%'");
          if (rows.length) {
            await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
            break;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        await admin.close();
      }
      const cut = await running;
      expect(cut.code).toBe(2);
      expect(cut.output).toContain('step_2');
      expect(cut.output).not.toMatch(/INTERNAL|\n\s+at .*node:/);
      expect(await checkAllOrNothing(url!, 3)).toBe(1);
      const rerun = await migrate(root, url!);
      expect(rerun.code, rerun.output).toBe(0);
      expect(await checkAllOrNothing(url!, 3)).toBe(3);
    });
  });

  it('four concurrent migrate processes apply each migration exactly once and all exit cleanly', async () => {
    await withDatabase(pg, async ({ url }) => {
      const root = project(5);
      roots.push(root);
      const runs = await Promise.all([1, 2, 3, 4].map(() => migrate(root, url!)));
      for (const run of runs) expect(run.code, run.output).toBe(0);
      expect(await checkAllOrNothing(url!, 5)).toBe(5);
      const conn = await connectPostgres(url!);
      try {
        const [{ n }] = (await conn.query<{ n: number }>('SELECT count(*)::int AS n FROM pgform.migrations')) as [{ n: number }];
        expect(n).toBe(5);
      } finally {
        await conn.close();
      }
      const applied = runs.map((run) => (run.output.match(/^applied \d/gm) ?? []).length);
      expect(applied.reduce((a, b) => a + b, 0)).toBe(5);
    });
  });
});

describe('the embedded database directory', () => {
  let root: string;
  beforeAll(() => {
    root = project(1);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const run = (args: string[]) =>
    new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, [bin, ...args, '--definitions', 'definitions.ts', '--migrations', 'migrations'], { cwd: root, env: { ...process.env, DATABASE_URL: '' } });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', (code, signal) => resolve({ code, signal, output }));
    });

  it('locked by another pgform process: a clear error, nothing touched', async () => {
    expect((await run(['migrate'])).code).toBe(0);
    const lock = join(root, '.pgform', 'default', 'db.lock');
    writeFileSync(lock, String(process.pid));
    try {
      const locked = await run(['status']);
      expect(locked.code).toBe(2);
      expect(locked.output).toContain('ENGINE_LOCKED');
      expect(locked.output).toContain(String(process.pid));
    } finally {
      rmSync(lock, { force: true });
    }
    expect((await run(['status'])).code).toBe(0);
  });

  it('damaged: a clear error, never a silent re-creation that loses data', async () => {
    const dir = join(root, '.pgform', 'default', 'db');
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    writeFileSync(join(dir, 'global', 'pg_control'), 'not a control file');
    const damaged = await run(['status']);
    expect(damaged.code).toBe(2);
    expect(damaged.output).toMatch(/cannot be opened|DATABASE_UNREACHABLE/);
    expect(damaged.output).not.toMatch(/INTERNAL/);
    // The data directory is still there, as it was: pgform never re-creates it on its own.
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
  });
});
