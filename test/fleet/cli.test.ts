import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresEngine } from '../support/engines.js';
import { fleetMigrations, withFleet, type FleetProject } from './fleet-project.js';

const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'bin', 'pgform.js');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `killWhen` sends SIGKILL as soon as stderr shows that text. */
function pgform(cwd: string, args: string[], killWhen?: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (killWhen?.test(stderr)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function writeTargets(fleet: FleetProject, lines: string[]): void {
  writeFileSync(join(fleet.root, 'targets.txt'), `${lines.join('\n')}\n`);
}

async function logCounts(fleet: FleetProject): Promise<Record<string, number>[]> {
  return Promise.all(
    fleet.targets.map(async (target) => {
      const found = await fleet.query<{ t: string | null }>(target, "SELECT to_regclass('public.fleet_log')::text AS t");
      if (!found[0]?.t) return {};
      const rows = await fleet.query<{ name: string; n: number }>(target, 'SELECT name, count(*)::int AS n FROM public.fleet_log GROUP BY name');
      return Object.fromEntries(rows.map((row) => [row.name, row.n]));
    }),
  );
}

describe('pgform migrate/status/diff --targets (PostgreSQL, the CLI)', () => {
  it.skipIf(Boolean(postgresEngine.unavailable))('reads a targets file with names and comments, prints one JSON record per target, exits 1 when one fails', async () => {
    expect(existsSync(join(repo, 'dist', 'cli', 'fleet.js')), 'build first: npm run build').toBe(true);
    await withFleet(3, async (fleet) => {
      for (const [name, sql] of fleetMigrations) fleet.writeMigration(name, sql);
      const [a, b, c] = fleet.targets;
      writeTargets(fleet, ['# the fleet', `eu ${a!.url}   # Frankfurt`, '', b!.url, `broken ${c!.url.replace(/\/[^/]+$/, '/pgform_no_such_db')}`]);
      const run = await pgform(fleet.root, ['migrate', '--targets', 'targets.txt', '--json', '--concurrency', '2']);
      expect(run.code).toBe(1);
      const records = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { target: string; state: string; applied: { name: string }[]; error?: { code: string } });
      expect(records.map((r) => [r.target, r.state, r.applied.length])).toEqual([
        ['eu', 'applied', 3],
        [b!.url.split('/').at(-1), 'applied', 3],
        ['broken', 'failed', 0],
      ]);
      expect(records[2]!.error?.code).toBe('DATABASE_UNREACHABLE');

      writeTargets(fleet, [`eu ${a!.url}`, b!.url]);
      const status = await pgform(fleet.root, ['status', '--targets', 'targets.txt']);
      expect(status.code).toBe(0);
      expect(status.stdout).toContain('2 targets up to date');
      await fleet.query(a!, 'DROP INDEX public.items_label_idx');
      await fleet.query(b!, 'DROP INDEX public.items_label_idx');
      const diff = await pgform(fleet.root, ['diff', '--targets', 'targets.txt']);
      expect(diff.code).toBe(1);
      expect(diff.stdout).toMatch(/^2 targets: missing index public\.items \(index "items_label_idx"\)\s+\(definitions\.ts:2\)$/m);
      const sarif = JSON.parse((await pgform(fleet.root, ['diff', '--targets', 'targets.txt', '--format', 'sarif'])).stdout);
      expect(sarif.runs[0].results).toEqual([expect.objectContaining({ ruleId: 'drift/missing', properties: { targets: ['eu', b!.url.split('/').at(-1)] } })]);
    });
  });

  it.skipIf(Boolean(postgresEngine.unavailable))('refuses a targets file holding a password without printing it, and nothing runs', async () => {
    await withFleet(1, async (fleet) => {
      for (const [name, sql] of fleetMigrations) fleet.writeMigration(name, sql);
      const url = new URL(fleet.targets[0]!.url);
      url.password = 'hunter2-secret';
      writeTargets(fleet, ['# one', `eu ${url}`]);
      const run = await pgform(fleet.root, ['migrate', '--targets', 'targets.txt']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('CONFIG_INVALID');
      expect(run.stderr).toContain('targets.txt:2');
      expect(run.stdout + run.stderr).not.toContain('hunter2-secret');
      expect(await logCounts(fleet)).toEqual([{}]);
    });
  });

  it.skipIf(Boolean(postgresEngine.unavailable))('a fleet run killed mid-way, then run again, leaves every target with every file applied exactly once', async () => {
    await withFleet(8, async (fleet) => {
      // Slow files, so the kill lands while several targets are part-way through.
      for (const [name, sql] of fleetMigrations) fleet.writeMigration(name, `${sql}SELECT pg_sleep(0.3);\n`);
      writeTargets(fleet, fleet.targets.map((t) => `${t.name} ${t.url}`));
      const killed = await pgform(fleet.root, ['migrate', '--targets', 'targets.txt', '--concurrency', '3'], /: applied/);
      expect(killed.signal).toBe('SIGKILL');
      const between = await logCounts(fleet);
      const appliedBefore = between.reduce((n, counts) => n + Object.keys(counts).length, 0);
      expect(appliedBefore).toBeGreaterThan(0);
      expect(appliedBefore).toBeLessThan(fleet.targets.length * fleetMigrations.length);

      const rerun = await pgform(fleet.root, ['migrate', '--targets', 'targets.txt', '--concurrency', '3', '--json']);
      expect(rerun.code).toBe(0);
      const appliedAfter = rerun.stdout.trim().split('\n').reduce((n, line) => n + (JSON.parse(line) as { applied: unknown[] }).applied.length, 0);
      expect(appliedBefore + appliedAfter).toBe(fleet.targets.length * fleetMigrations.length);
      expect(await logCounts(fleet)).toEqual(fleet.targets.map(() => ({ m1: 1, m2: 1, m3: 1 })));
    });
  });

  it.skipIf(Boolean(postgresEngine.unavailable))('migrate and status --schemas: a line per tenant schema, exit 1 while one is behind, one JSON record per schema', async () => {
    await withFleet(1, async (fleet) => {
      const [db] = fleet.targets;
      writeFileSync(join(fleet.root, 'definitions.ts'), "import { integer, schema, table } from 'pgform';\nexport const tenant = schema('tenant');\nexport const items = table('items', { schema: 'tenant', columns: { id: integer().primaryKey() } });\n");
      fleet.writeMigration('20240101000000_items.sql', 'CREATE SCHEMA tenant;\nCREATE TABLE tenant.items (id integer PRIMARY KEY);\n');
      for (const name of ['tenant_a', 'tenant_b']) await fleet.query(db!, `CREATE SCHEMA ${name}`);
      const status = (...extra: string[]) => pgform(fleet.root, ['status', '--url', db!.url, '--schemas', 'tenant_*', ...extra]);

      const before = await status();
      expect(before.code).toBe(1);
      expect(before.stdout).toContain('tenant_a: behind by 1: 20240101000000_items.sql\ntenant_b: behind by 1: 20240101000000_items.sql\n');
      const run = await pgform(fleet.root, ['migrate', '--url', db!.url, '--schemas', 'tenant_*', '--json']);
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown)).toMatchObject([
        { schema: 'tenant_a', state: 'applied', applied: [{ name: '20240101000000_items.sql' }] },
        { schema: 'tenant_b', state: 'applied', applied: [{ name: '20240101000000_items.sql' }] },
      ]);
      const after = await status();
      expect(after.code).toBe(0);
      expect(after.stdout).toContain('tenant_a: up to date\ntenant_b: up to date\n');
      expect((await pgform(fleet.root, ['migrate', '--url', db!.url, '--schemas', 'tenant_*', '--targets', 'targets.txt'])).code).toBe(2);
    });
  });
});
