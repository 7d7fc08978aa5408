#!/usr/bin/env node
/*
 * `npm run bench`: pgform against the tools a user would pick instead, on generated
 * Supabase-style schemas of N tables, against a real PostgreSQL. Writes bench/results.json
 * (every size measured so far) and bench/results.md.
 *
 *   node bench/run.mjs [--sizes 100,500,2000] [--runs 3] [--seed 42] [--only inspect,diff-twin]
 *                      [--slow-seconds 120] [--timeout-minutes 30] [--keep] [--online-rows 1000000]
 *                      [--shape supabase|wide]
 *     --shape wide: the schemas of generate-wide.mjs, into results-wide.json and results-wide.md
 *   node bench/run.mjs --fleet 200 [--concurrency 8]
 *     the fleet job instead: N databases × proxe, one fleet run against N single-target runs in a
 *     shell loop (bench/fleet-results.md and .json)
 *
 * `--only online` runs only the online-migration benchmark (bench/lib/online.mjs): writers on a
 * table of --online-rows rows while each kind of change applies, plain DDL beside pgform's plan.
 * `--only edit-loop` runs only the edit loop (bench/lib/edit-loop.mjs): revenue-intel and the
 * largest --sizes schema, pgform generate beside drizzle-kit generate (bench/edit-loop-results.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecks } from './lib/checks.mjs';
import { createDatabase, createTemplate, dropDatabase, dropSizeDatabases, psql, serverVersion } from './lib/databases.mjs';
import { benchEditLoop, renderEditLoopReport } from './lib/edit-loop.mjs';
import { execute } from './lib/execute.mjs';
import { fleetTemplate, renderFleetReport, runFleetBench } from './lib/fleet.mjs';
import { jobsFor } from './lib/jobs.mjs';
import { requireGnuTime } from './lib/measure.mjs';
import { benchOnline } from './lib/online.mjs';
import { renderReport } from './lib/report.mjs';
import { shapeNamed } from './lib/shapes.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoDir = resolve(benchDir, '..');
const pgformJs = join(repoDir, 'bin', 'pgform.js');
const log = (line) => console.log(line);

function parseArgs(argv) {
  const args = { sizes: [100, 500, 2000], runs: 3, seed: 42, only: undefined, keep: false, slowSeconds: 120, timeoutMinutes: 30, onlineRows: 1_000_000, shape: shapeNamed('supabase') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i] ?? '';
    if (flag === '--sizes') args.sizes = value().split(',').map(Number);
    else if (flag === '--runs') args.runs = Number(value());
    else if (flag === '--seed') args.seed = Number(value());
    else if (flag === '--only') args.only = value().split(',');
    else if (flag === '--keep') args.keep = true;
    else if (flag === '--slow-seconds') args.slowSeconds = Number(value());
    else if (flag === '--timeout-minutes') args.timeoutMinutes = Number(value());
    else if (flag === '--online-rows') args.onlineRows = Number(value());
    else if (flag === '--shape') args.shape = shapeNamed(value());
    else throw new Error(`unknown flag ${flag}: use --sizes 100,500,2000 --runs 3 --seed 42 --only <job,...> --slow-seconds 120 --timeout-minutes 30 --keep`);
  }
  if (!args.sizes.every((n) => Number.isInteger(n) && n >= 4)) throw new Error('--sizes takes table counts of at least 4');
  if (!(args.runs >= 1)) throw new Error('--runs takes a positive number');
  if (!(args.onlineRows >= 1000)) throw new Error('--online-rows takes a number of rows, at least 1000');
  return args;
}

/** The peers live in bench/node_modules only; install them on first use. */
function ensurePeers() {
  if (existsSync(join(benchDir, 'node_modules', '.bin', 'migra'))) return;
  log('installing the peers into bench/node_modules');
  const install = existsSync(join(benchDir, 'package-lock.json')) ? 'ci' : 'install';
  execFileSync('npm', [install, '--prefix', benchDir, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}

/** Builds dist/ with the repo's tsc, so the benchmark measures the current source. */
function buildPgform() {
  log('building pgform (tsc -p tsconfig.build.json)');
  execFileSync(join(repoDir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: repoDir, stdio: 'inherit' });
}

/** The commands this build has: `inspect`, `gen types`... (others are reported "not available"). */
function availableCommands() {
  const help = (args) => spawnSync(process.execPath, [pgformJs, ...args, '--help'], { encoding: 'utf8' }).stdout ?? '';
  const names = (text) => [...text.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]);
  const top = names(help([]).split(/^Commands:/m)[1] ?? '');
  const gen = top.includes('gen') ? names(help(['gen']).split(/^Commands:/m)[1] ?? '').map((sub) => `gen ${sub}`) : [];
  return new Set([...top, ...gen]);
}

/**
 * Jobs that read the definitions alone. Run by themselves (`--only lint,zod`), the benchmark
 * creates no database and drops none: other benchmarks may be using theirs on the same server.
 */
const definitionsOnly = new Set(['lint', 'supabase-types', 'zod']);
const needsDatabases = (args) => !args.only?.every((job) => definitionsOnly.has(job));

function loadResults(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { sizes: {} };
}

async function benchSize(n, args, commands) {
  const work = join(benchDir, '.work', `${args.shape.folder}${n}`);
  const cwd = join(work, 'cwd');
  mkdirSync(cwd, { recursive: true });
  mkdirSync(join(work, 'out'), { recursive: true });
  log(`\nN = ${n}: generating the ${args.shape.name} schema (seed ${args.seed})`);
  const { definitions, sqlFile } = args.shape.generate({ tables: n, seed: args.seed, out: work });
  const urls = {};
  if (needsDatabases(args)) {
    log('  creating databases: full and twin (psql -f schema.sql), empty (bootstrapped)');
    for (const name of ['full', 'twin']) {
      urls[name] = createDatabase(`pgform_bench_${n}_${name}`);
      psql(urls[name], ['-f', sqlFile]);
    }
    urls.empty = createDatabase(`pgform_bench_${n}_empty`);
  }
  const ctx = { n, work, cwd, definitions, sqlFile, urls, pgform: pgformJs, bin: join(benchDir, 'node_modules', '.bin'), catalogRead: join(benchDir, 'catalog-read.mjs'), available: (c) => commands.has(c) };

  const results = [];
  for (const job of jobsFor(ctx)) {
    if (args.only && !args.only.includes(job.id)) continue;
    log(`  ${job.id}: ${job.title}`);
    for (const tool of job.tools) results.push({ job: job.id, ...(await execute(tool, { runs: args.runs, log, slowSeconds: args.slowSeconds, timeoutMs: args.timeoutMinutes * 60_000 })) });
  }
  if (!needsDatabases(args)) return { results, checks: [] };
  log('  checks');
  const checks = runChecks(ctx, results);
  for (const check of checks) log(`    ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}${check.detail ? ` (${check.detail})` : ''}`);
  return { results, checks };
}

/** `--fleet N [--concurrency C]`: the fleet job alone, its own report. */
async function fleetMain(argv) {
  const n = Number(argv[argv.indexOf('--fleet') + 1]);
  const at = argv.indexOf('--concurrency');
  const concurrency = at >= 0 ? Number(argv[at + 1]) : 8;
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(concurrency) || concurrency < 1) throw new Error('use --fleet <databases> [--concurrency <n>]');
  buildPgform();
  createTemplate(pgformJs, fleetTemplate);
  try {
    const result = await runFleetBench({ n, concurrency, repoDir, pgformJs, benchDir, log });
    writeFileSync(join(benchDir, 'fleet-results.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(benchDir, 'fleet-results.md'), renderFleetReport(result));
    log(renderFleetReport(result));
  } finally {
    dropDatabase(fleetTemplate);
  }
}

async function benchOnlineInto(all, args, resultsFile) {
  log(`\nonline migrations: ${args.onlineRows} rows, plain DDL and pgform's plan under writers`);
  all.online = await benchOnline({ rows: args.onlineRows, work: join(benchDir, '.work'), log, pgformJs });
  writeFileSync(resultsFile, `${JSON.stringify(all, null, 2)}\n`);
  writeFileSync(join(benchDir, 'results.md'), renderReport(all));
}

async function benchEditLoopInto(args, template) {
  const tables = Math.max(...args.sizes);
  log(`\nedit loop: revenue-intel and the ${tables}-table schema, pgform beside drizzle-kit generate`);
  const result = await benchEditLoop({ repoDir, benchDir, pgformJs, runs: args.runs, tables, seed: args.seed, log, template });
  writeFileSync(join(benchDir, 'edit-loop-results.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(benchDir, 'edit-loop-results.md'), renderEditLoopReport(result));
}

async function main() {
  if (process.argv.includes('--fleet')) return fleetMain(process.argv.slice(2));
  const args = parseArgs(process.argv.slice(2));
  // The online benchmark times writers in process: it needs neither GNU time nor the peers.
  const onlineOnly = args.only?.every((job) => job === 'online');
  if (!onlineOnly) {
    requireGnuTime();
    ensurePeers();
  }
  buildPgform();
  // The edit loop alone clones a template of its own and touches no other benchmark database.
  if (args.only?.every((job) => job === 'edit-loop')) {
    const own = 'pgform_bench_edit_boot';
    createTemplate(pgformJs, own);
    try {
      await benchEditLoopInto(args, own);
    } finally {
      dropDatabase(own);
    }
    log(`\nwrote bench/edit-loop-results.md and bench/edit-loop-results.json`);
    return;
  }
  const commands = availableCommands();
  const resultsFile = join(benchDir, `${args.shape.results}.json`);
  const all = loadResults(resultsFile);
  // The online run keeps the peer results and their context, and touches only its own databases (pgform_bench_online_*): other benchmarks may be running.
  if (onlineOnly) {
    await benchOnlineInto(all, args, resultsFile);
    log(`\nwrote bench/results.md and bench/results.json`);
    return;
  }
  all.context = {
    node: process.version,
    postgres: serverVersion(),
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown'}`,
    loadAverage: loadavg().map((l) => l.toFixed(1)).join(' '),
    runs: args.runs,
    slowSeconds: args.slowSeconds,
    seed: args.seed,
    shape: args.shape.title,
    date: new Date().toISOString().slice(0, 10),
  };
  const databases = needsDatabases(args);
  if (databases) {
    dropSizeDatabases(args.sizes);
    createTemplate(pgformJs);
  }
  try {
    for (const n of args.sizes) {
      const started = { loadAverage: loadavg().map((l) => l.toFixed(1)).join(' '), date: new Date().toISOString().slice(0, 10) };
      const measured = await benchSize(n, args, commands);
      const previous = all.sizes[n];
      // With --only, keep the jobs of this size that were not re-run.
      const kept = args.only && previous ? previous.results.filter((r) => !args.only.includes(r.job)) : [];
      const context = args.only && previous?.context ? { ...previous.context, reruns: [...(previous.context.reruns ?? []), { jobs: args.only.join(', '), ...started }] } : started;
      all.sizes[n] = { context, results: [...kept, ...measured.results], checks: args.only && previous ? previous.checks : measured.checks };
      if (!args.keep && databases) for (const name of ['full', 'twin', 'empty']) dropDatabase(`pgform_bench_${n}_${name}`);
      writeFileSync(resultsFile, `${JSON.stringify(all, null, 2)}\n`);
      writeFileSync(join(benchDir, `${args.shape.results}.md`), renderReport(all));
    }
    // The edit loop and the online job do not depend on the schema shape: they run with the default one only.
    if ((!args.only || args.only.includes('edit-loop')) && args.shape.name === 'supabase') await benchEditLoopInto(args);
    if ((!args.only || args.only.includes('online')) && args.shape.name === 'supabase') await benchOnlineInto(all, args, resultsFile);
  } finally {
    if (!args.keep && databases) dropSizeDatabases(args.sizes);
  }
  log(`\nwrote bench/${args.shape.results}.md and bench/${args.shape.results}.json`);
}

await main();
