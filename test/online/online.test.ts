import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCommand } from '../../src/commands/generate.js';
import { postgresEngine } from '../support/engines.js';
import { withProject, type Project } from '../migrate/project.js';
import { definitions, kinds as changeKinds, pgform, seedSql, startMonitor, startWriters, writerCompatible, type Sample, type State } from '../../bench/lib/workload.mjs';

/*
 * Online migrations proven under load (PostgreSQL only: PGlite has one session, so nothing
 * writes beside a migration there). Writers insert and update public.events while `pgform
 * migrate` applies each kind of change; a monitor samples the locks the migrating session holds.
 * PGFORM_ONLINE_ROWS sets the table's size (default 200,000).
 */

const rows = Number(process.env.PGFORM_ONLINE_ROWS ?? 200_000);
const writerCount = 4;
const repo = join(import.meta.dirname, '..', '..');

/** Each kind: the state it reaches, the online form its file must use, and the statement that scans the table. */
/** The online form each kind's file must use, and the statement that scans the table (none for a drop). */
const forms: Record<string, { form: RegExp; scan?: RegExp }> = {
  'add index': { form: /CREATE INDEX CONCURRENTLY "events_kind_idx"/, scan: /CREATE INDEX CONCURRENTLY/ },
  'replace index': { form: /CREATE INDEX CONCURRENTLY "events_kind_idx_pgform_new"[\s\S]*DROP INDEX CONCURRENTLY[\s\S]*RENAME TO "events_kind_idx"/, scan: /CREATE INDEX CONCURRENTLY/ },
  'drop index': { form: /DROP INDEX CONCURRENTLY "public"."events_kind_idx"/ },
  'add unique': { form: /CREATE UNIQUE INDEX CONCURRENTLY "events_code_key"[\s\S]*UNIQUE USING INDEX "events_code_key"/, scan: /CREATE UNIQUE INDEX CONCURRENTLY/ },
  'add foreign key': { form: /FOREIGN KEY[^;]*NOT VALID;[\s\S]*VALIDATE CONSTRAINT/, scan: /VALIDATE CONSTRAINT/ },
  'add check': { form: /CHECK \(\(?amount >= 0\)?\) NOT VALID;[\s\S]*VALIDATE CONSTRAINT/, scan: /VALIDATE CONSTRAINT/ },
  'set not null': { form: /CHECK \("note" IS NOT NULL\) NOT VALID;[\s\S]*VALIDATE CONSTRAINT[\s\S]*SET NOT NULL;[\s\S]*DROP CONSTRAINT "note_pgform_not_null"/, scan: /VALIDATE CONSTRAINT/ },
};
const kinds = changeKinds.map(({ kind, state }) => ({ kind, state, ...forms[kind]! }));

const migrateArgs = (url: string) => ['migrate', '--url', url, '--migrations', 'migrations', '--definitions', 'definitions.ts'];

/** Writes the next migration for a state and returns the text of the files written. */
async function generateFor(project: Project, state: State, online = true): Promise<string> {
  project.define(definitions(state));
  const result = await generateCommand({ ...project.config, online });
  expect(result.status).toBe('written');
  return result.status === 'written' ? result.files.map((file) => project.readMigration(file.name)).join('\n') : '';
}

async function count(project: Project): Promise<number> {
  return Number((await project.query<{ n: number }>('SELECT count(*)::int AS n FROM public.events'))[0]!.n);
}

/** Runs `pgform migrate` while the writers write and the monitor samples; returns what each saw. */
async function migrateUnderLoad(project: Project) {
  const url = project.config.url!;
  const monitor = await startMonitor(url);
  const writers = await startWriters(url, writerCount);
  const run = await pgform(project.root, migrateArgs(url)).done;
  const report = await writers.stop();
  const samples = await monitor.stop();
  return { run, report, samples };
}

const blocking = (samples: Sample[]) => samples.flatMap((s) => s.modes.filter((mode) => !writerCompatible.has(mode)));

describe('online migrations under load (PostgreSQL)', () => {
  it.skipIf(Boolean(postgresEngine.unavailable))(`each kind of change applies while writers write, ${rows} rows`, { timeout: 900_000 }, async () => {
    expect(existsSync(join(repo, 'dist', 'cli', 'commands', 'migrate.js')), 'build first: npm run build').toBe(true);
    await withProject(postgresEngine, async (project) => {
      await generateFor(project, {});
      expect((await pgform(project.root, migrateArgs(project.config.url!)).done).code).toBe(0);
      await project.query(seedSql(rows));
      let expected = rows;

      // The control: the plain form, which the monitor must see take a lock writers wait for.
      const plain = await generateFor(project, { plainIndex: true }, false);
      expect(plain).toMatch(/CREATE INDEX "events_amount_idx"/);
      const control = await migrateUnderLoad(project);
      expect(control.run.code, control.run.stderr).toBe(0);
      expect(blocking(control.samples.filter((s) => /CREATE INDEX "events_amount_idx"/.test(s.query)))).toContain('ShareLock');
      expected += control.report.inserted;

      // Samples taken during each kind of scan, over all kinds: a quick one (a CHECK validated on a
      // quiet machine) may finish between two samples, but every kind of scan must have been seen
      // at work somewhere, or the lock checks above would prove nothing.
      const seen = new Map<string, number>();
      for (const { kind, state, form, scan } of kinds) {
        const text = await generateFor(project, { ...state, plainIndex: true });
        expect(text, kind).toMatch(form);
        expect(text, kind).toMatch(/^-- pgform:no-transaction/);
        const { run, report, samples } = await migrateUnderLoad(project);
        expect(run.code, `${kind}: ${run.stderr}`).toBe(0);
        expect(report.errors, kind).toEqual([]);
        // While its statements ran, the migration held only locks that let writes through, and
        // no writer waited on it during the long one.
        const scanning = scan ? samples.filter((s) => scan.test(s.query) && !s.waiting) : [];
        if (scan) seen.set(scan.source, (seen.get(scan.source) ?? 0) + scanning.length);
        expect(blocking(scanning), kind).toEqual([]);
        expect(scanning.filter((s) => s.writersBlocked > 0), kind).toEqual([]);
        expected += report.inserted;
        expect(await count(project), `${kind}: every row survives`).toBe(expected);
        console.log(`${kind}: ${report.operations} writes, longest wait per writer ${report.longestWaitMs.join('/')} ms, ${scanning.length} samples during the scan`);
      }
      for (const [scan, sampled] of seen) expect(sampled, `the monitor saw ${scan} at work`).toBeGreaterThan(0);
      expect(await project.remaining()).toEqual([]);
      expect(await project.query('SELECT indexrelid::regclass::text AS index FROM pg_index WHERE NOT indisvalid')).toEqual([]);
      expect(await project.query('SELECT * FROM pgform.migration_progress')).toEqual([]);
    });
  });
});

/** Resolves once `check` holds, polling the monitor's samples. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A project with the tables applied and `n` rows seeded, for the kill and blocker tests. */
async function seededProject(project: Project, n: number): Promise<void> {
  await generateFor(project, {});
  expect((await pgform(project.root, migrateArgs(project.config.url!)).done).code).toBe(0);
  await project.query(seedSql(n));
}

/** Whether a backend still runs (a killed client's statement goes on until the server notices). */
const alive = async (project: Project, pid: number) => (await project.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1', [pid]))[0]!.n > 0;

describe('online migrations interrupted and blocked (PostgreSQL)', () => {
  it.skipIf(Boolean(postgresEngine.unavailable))('a migrate killed during a concurrent index build leaves an INVALID index; the re-run rebuilds it', { timeout: 300_000 }, async () => {
    await withProject(postgresEngine, async (project) => {
      const url = project.config.url!;
      await seededProject(project, 20_000);
      const text = await generateFor(project, { index: ['kind'] });
      expect(text).toMatch(/CREATE INDEX CONCURRENTLY/);
      // An open writing transaction: the build waits for it after registering the index, INVALID until done.
      const { connectPostgres } = await import('../../src/engine/pg.js');
      const holder = await connectPostgres(url);
      const monitor = await startMonitor(url);
      try {
        await holder.exec("BEGIN; INSERT INTO public.events (account_id, code, amount, note, kind) VALUES (1, 'held', 1, 'h', 1)");
        const { child, done } = pgform(project.root, [...migrateArgs(url), '--lock-timeout', '5min']);
        await until(() => monitor.samples.some((s) => /CREATE INDEX CONCURRENTLY/.test(s.query) && s.waiting), 'the build to wait');
        child.kill('SIGKILL');
        await done;
        // The server notices the closed connection (client_connection_check_interval) and cancels the build.
        const pid = monitor.samples.find((s) => /CREATE INDEX CONCURRENTLY/.test(s.query))!.pid;
        await until(async () => !(await alive(project, pid)), 'the killed session to end');
        await holder.exec('COMMIT');
      } finally {
        await monitor.stop();
        await holder.close();
      }
      expect(await project.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'public.events_kind_idx'::regclass")).toEqual([{ indisvalid: false }]);
      const rerun = await pgform(project.root, migrateArgs(url)).done;
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stderr).toMatch(/rebuilding "public"\."events_kind_idx": an interrupted concurrent build of \S+ left it INVALID/);
      expect(await project.query('SELECT indexrelid::regclass::text AS index FROM pg_index WHERE NOT indisvalid')).toEqual([]);
      expect(await project.remaining()).toEqual([]);
      expect((await project.query<{ name: string }>('SELECT name FROM pgform.migrations ORDER BY name')).map((row) => row.name)).toEqual(project.migrationNames());
      expect(await project.query('SELECT * FROM pgform.migration_progress')).toEqual([]);
    });
  });

  it.skipIf(Boolean(postgresEngine.unavailable))('a migrate killed during a validation resumes after the statements it finished', { timeout: 300_000 }, async () => {
    await withProject(postgresEngine, async (project) => {
      const url = project.config.url!;
      await seededProject(project, 20_000);
      // A check slow to evaluate, so the validation scan is still running when the kill comes.
      project.define(definitions({}).replace('amount: integer()', 'amount: integer().check(sql`pg_sleep(0.0002) IS NOT NULL AND amount >= 0`)'));
      const result = await generateCommand(project.config);
      expect(result.status).toBe('written');
      const monitor = await startMonitor(url);
      try {
        const { child, done } = pgform(project.root, migrateArgs(url));
        await until(() => monitor.samples.some((s) => /VALIDATE CONSTRAINT/.test(s.query) && !s.waiting), 'the validation to run');
        child.kill('SIGKILL');
        await done;
        const pid = monitor.samples.find((s) => /VALIDATE CONSTRAINT/.test(s.query))!.pid;
        await until(async () => !(await alive(project, pid)), 'the killed session to end');
      } finally {
        await monitor.stop();
      }
      expect(await project.query('SELECT statement FROM pgform.migration_progress')).toEqual([{ statement: 0 }]);
      expect(await project.query("SELECT convalidated FROM pg_constraint WHERE conname = 'events_amount_check'")).toEqual([{ convalidated: false }]);
      // The re-run starts at the VALIDATE: adding the constraint again would fail.
      const rerun = await pgform(project.root, migrateArgs(url)).done;
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(await project.query("SELECT convalidated FROM pg_constraint WHERE conname = 'events_amount_check'")).toEqual([{ convalidated: true }]);
      expect(await project.remaining()).toEqual([]);
      expect((await project.query<{ name: string }>('SELECT name FROM pgform.migrations ORDER BY name')).map((row) => row.name)).toEqual(project.migrationNames());
      expect(await project.query('SELECT * FROM pgform.migration_progress')).toEqual([]);
    });
  });

  it.skipIf(Boolean(postgresEngine.unavailable))('a long transaction holding a lock: migrate gives way, names it, retries, and finishes once it ends', { timeout: 300_000 }, async () => {
    await withProject(postgresEngine, async (project) => {
      const url = project.config.url!;
      await seededProject(project, 20_000);
      await generateFor(project, { check: true });
      const blocker = new (await import('pg')).default.Client({ connectionString: url, application_name: 'online-blocker' });
      await blocker.connect();
      const writers = await startWriters(url, writerCount);
      let stopped: Awaited<ReturnType<typeof writers.stop>> | undefined;
      try {
        await blocker.query('BEGIN');
        await blocker.query('SELECT count(*) FROM public.events');
        const pid = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
        let blockedAt: number | undefined;
        const { done } = pgform(project.root, [...migrateArgs(url), '--lock-timeout', '200ms'], (stderr) => {
          if (blockedAt === undefined && /blocked: /.test(stderr)) blockedAt = writers.completions.length;
        });
        await until(() => blockedAt !== undefined, 'migrate to report the blocker');
        // Between its tries the migration waits for nothing: the writers go on.
        await until(() => writers.completions.length > blockedAt! + 50, 'the writers to go on while migrate waits');
        await blocker.query('COMMIT');
        const run = await done;
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).toMatch(new RegExp(`blocked: \\S+ waited out its lock timeout \\(try 1 of 10\\), held by pid ${pid} \\(online-blocker, [^)]*idle in transaction[^)]*\\) holds locks on public\\.events\\b[^;]*; query started \\d{4}-`));
      } finally {
        stopped = await writers.stop();
        await blocker.end();
      }
      expect(stopped.errors).toEqual([]);
      expect(await project.query("SELECT convalidated FROM pg_constraint WHERE conname = 'events_amount_check'")).toEqual([{ convalidated: true }]);
      expect(await project.remaining()).toEqual([]);
    });
  });
});
