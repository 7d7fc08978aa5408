/*
 * The online-migration benchmark: a table of `rows` events with writers inserting and updating
 * it while `pgform migrate` applies each of seven kinds of change, once with the plain DDL
 * (`generate --no-online`) and once with pgform's online plan. Measured per kind: the longest
 * stall any writer saw during the migration, writer errors, rows kept, and the migration's
 * wall time. The stall of the same writers with no migration running is the noise floor. A
 * monitor samples the writers blocked by the migration's locks (pg_blocking_pids): the longest
 * span it saw them blocked tells a stall that is a lock wait from one that is the machine's load.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createDatabase, createTemplate, dropDatabase, psql } from './databases.mjs';
import { definitions, kinds, pgform, seedSql, startMonitor, startWriters } from './workload.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (url) => Number(psql(url, ['-At', '-c', 'SELECT count(*) FROM public.events']).trim());

async function step(cwd, args, what) {
  const run = await pgform(cwd, args).done;
  if (run.code !== 0) throw new Error(`${what} failed (exit ${run.code}): ${run.stderr.trim()}`);
  return run;
}

/** Writers alone for a while: the longest wait they see when nothing migrates (and the rows they add). */
async function floor(url, writers) {
  const pool = await startWriters(url, writers);
  await sleep(3000);
  const report = await pool.stop();
  return { stallMs: Math.max(...report.longestWaitMs), inserted: report.inserted };
}

/**
 * The longest span of consecutive monitor samples in which a writer was blocked by the
 * migration's session (0 when none was): at most one sampling interval short of the real wait.
 */
function longestLockWait(samples) {
  let longest = 0;
  let since;
  for (const sample of samples) {
    if (sample.writersBlocked > 0) {
      since ??= sample.at;
      longest = Math.max(longest, sample.at - since);
    } else since = undefined;
  }
  return longest;
}

/** Its own bootstrapped template: the online run leaves every other bench database alone. */
const onlineTemplate = 'pgform_bench_online_boot';

async function benchMode(mode, { rows, writers, work, log }) {
  const name = `pgform_bench_online_${mode}`;
  const url = createDatabase(name, onlineTemplate);
  const cwd = join(work, `online-${mode}`);
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(join(cwd, 'migrations'), { recursive: true });
  const generate = ['generate', '--definitions', 'definitions.ts', '--migrations', 'migrations', ...(mode === 'plain' ? ['--no-online'] : [])];
  const migrate = ['migrate', '--url', url, '--definitions', 'definitions.ts', '--migrations', 'migrations'];
  try {
    writeFileSync(join(cwd, 'definitions.ts'), definitions({}));
    await step(cwd, generate, 'generate');
    await step(cwd, migrate, 'migrate');
    log(`  ${mode}: seeding ${rows} rows`);
    psql(url, ['-c', seedSql(rows)]);
    const idle = await floor(url, writers);
    let expected = rows + idle.inserted;
    const results = [];
    for (const { kind, state } of kinds) {
      writeFileSync(join(cwd, 'definitions.ts'), definitions(state));
      await step(cwd, generate, `generate (${kind})`);
      const pool = await startWriters(url, writers);
      await sleep(500);
      pool.resetLongest();
      const monitor = await startMonitor(url);
      const started = performance.now();
      await step(cwd, migrate, `migrate (${kind})`);
      const migrateMs = performance.now() - started;
      await sleep(200);
      const samples = await monitor.stop();
      const report = await pool.stop();
      expected += report.inserted;
      const kept = count(url);
      const result = { kind, mode, stallMs: Math.max(...report.longestWaitMs), writerErrors: report.errors.length, firstError: report.errors[0], rowsExpected: expected, rowsKept: kept, migrateMs: Math.round(migrateMs), writes: report.operations, lockWaitMs: longestLockWait(samples), blockedSamples: samples.filter((x) => x.writersBlocked > 0).length, samples: samples.length };
      log(`  ${mode} ${kind}: longest writer stall ${result.stallMs} ms (blocked by the migration's locks: ${result.lockWaitMs} ms), ${result.writerErrors} errors, rows ${kept}/${expected}, migrate ${result.migrateMs} ms`);
      results.push(result);
    }
    return { idleStallMs: idle.stallMs, results };
  } finally {
    dropDatabase(name);
  }
}

/** Runs both modes one after the other and returns the numbers with the load they ran under. */
export async function benchOnline({ rows = 1_000_000, writers = 4, work, log, pgformJs }) {
  const started = { loadAverage: loadavg().map((l) => l.toFixed(2)).join(' '), date: new Date().toISOString() };
  createTemplate(pgformJs, onlineTemplate);
  let plain;
  let online;
  try {
    plain = await benchMode('plain', { rows, writers, work, log });
    online = await benchMode('pgform', { rows, writers, work, log });
  } finally {
    dropDatabase(onlineTemplate);
  }
  const finished = { loadAverage: loadavg().map((l) => l.toFixed(2)).join(' ') };
  return { rows, writers, started, finished, plain, online };
}

/** The results as a Markdown table, plain and pgform side by side. */
export function onlineTable(measured) {
  if (!measured) return '_not measured yet: `npm run bench -- --only online`_';
  const lines = [
    `${measured.rows.toLocaleString('en')} rows, ${measured.writers} writers (each inserting and updating rows of the table being changed), started ${measured.started.date.slice(0, 16).replace('T', ' ')} UTC; load average (1, 5, 15 min) ${measured.started.loadAverage} at the start, ${measured.finished.loadAverage} at the end, on 2 shared cores.`,
    `Longest writer stall with no migration running: ${measured.plain.idleStallMs} ms (plain run), ${measured.online.idleStallMs} ms (pgform run): the noise floor of this machine.`,
    '',
    "Lock wait seen: the longest span between two samples of the lock monitor that both saw a writer blocked by the migration's session (a lower bound: under load the monitor samples less often); 0 ms means no sample saw a writer waiting for the migration's locks, so a stall there is the machine's, not the plan's.",
    '',
    '| change | plain DDL: longest writer stall | pgform: longest writer stall | plain / pgform | lock wait seen (plain, pgform) | writer errors (plain, pgform) | rows kept (plain, pgform) | migrate wall time (plain, pgform) |',
    '| --- | ---: | ---: | ---: | --- | --- | --- | --- |',
  ];
  for (const plain of measured.plain.results) {
    const online = measured.online.results.find((r) => r.kind === plain.kind);
    const lockWait = (r) => (r.lockWaitMs === undefined ? 'not sampled' : `${r.lockWaitMs} ms`);
    const kept = (r) => (r.rowsKept === r.rowsExpected ? 'all' : `${r.rowsKept}/${r.rowsExpected}`);
    lines.push(
      `| ${plain.kind} | ${plain.stallMs} ms | ${online.stallMs} ms | ${(plain.stallMs / Math.max(1, online.stallMs)).toFixed(1)}× | ${lockWait(plain)}, ${lockWait(online)} | ${plain.writerErrors}, ${online.writerErrors} | ${kept(plain)}, ${kept(online)} | ${plain.migrateMs} ms, ${online.migrateMs} ms |`,
    );
  }
  return lines.join('\n');
}
