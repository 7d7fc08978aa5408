/*
 * The fleet job (`node bench/run.mjs --fleet 200`): N databases × the proxe system, migrated and
 * drift-checked by one fleet run (`--targets`, `--concurrency 8`) against the single-target
 * command run N times in a shell loop, as a team would script it without fleets. Both sides start
 * from the same fresh databases (cloned from the bootstrapped template); every target's history is
 * checked afterwards: each file recorded exactly once. Wall times, with the load average noted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDatabase, dropDatabase, psql } from './databases.mjs';

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function makeFleet(n, tag, template) {
  const names = Array.from({ length: n }, (_, i) => `pgform_bench_fleet_${tag}_${String(i + 1).padStart(3, '0')}`);
  return names.map((name) => ({ name, url: createDatabase(name, template) }));
}

function dropFleet(fleet) {
  for (const target of fleet) dropDatabase(target.name);
}

/** Runs a command, returning its wall time in ms; `okCodes` are the exit codes that are not failures. */
function timed(cmd, args, { cwd, okCodes = [0] }) {
  const started = performance.now();
  const run = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' } });
  const ms = performance.now() - started;
  if (!okCodes.includes(run.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${run.status}: ${(run.stderr ?? '').slice(-2000)}`);
  return { ms, stdout: run.stdout };
}

/** Each target's history must hold every file exactly once. */
function checkHistories(fleet, files) {
  const bad = [];
  for (const target of fleet) {
    const rows = psql(target.url, ['-At', '-c', 'SELECT name, count(*) FROM pgform.migrations GROUP BY name ORDER BY name']).trim().split('\n').filter(Boolean);
    const ok = rows.length === files && rows.every((row) => row.endsWith('|1'));
    if (!ok) bad.push(`${target.name}: ${rows.join(', ') || 'no history'}`);
  }
  return bad;
}

export async function runFleetBench({ n, concurrency, repoDir, pgformJs, benchDir, log, template }) {
  const work = join(benchDir, '.work', 'fleet');
  mkdirSync(work, { recursive: true });
  const node = process.execPath;
  const common = ['--system', 'proxe'];
  const files = Number(execFileSync('sh', ['-c', 'ls migrations/proxe/*.sql | wc -l'], { cwd: repoDir, encoding: 'utf8' }).trim());
  const result = { n, concurrency, system: 'proxe', files, loadBefore: load(), date: new Date().toISOString() };

  log(`fleet: ${n} databases for the fleet run (cloned from the bootstrapped template)`);
  const fleet = makeFleet(n, 'a', template);
  const targetsFile = join(work, 'targets.txt');
  writeFileSync(targetsFile, fleet.map((t) => `${t.name} ${t.url}`).join('\n') + '\n');
  const urlsFile = join(work, 'urls.txt');
  try {
    log('  fleet migrate');
    result.fleetMigrateMs = timed(node, [pgformJs, 'migrate', ...common, '--targets', targetsFile, '--concurrency', String(concurrency), '--json'], { cwd: repoDir }).ms;
    result.fleetMigrateBad = checkHistories(fleet, files);
    // Both sides then find the definitions already printed for this server (the cache under .pgform/).
    log('  warming the definitions cache (one single-target diff, untimed)');
    timed(node, [pgformJs, 'diff', ...common, '--url', fleet[0].url], { cwd: repoDir, okCodes: [0, 1] });
    log('  fleet drift check');
    const fleetDiff = timed(node, [pgformJs, 'diff', ...common, '--targets', targetsFile, '--concurrency', String(concurrency), '--json'], { cwd: repoDir, okCodes: [0, 1] });
    result.fleetDiffMs = fleetDiff.ms;
    result.fleetDiffSummary = JSON.parse(fleetDiff.stdout).summary;

    log(`  ${n} fresh databases for the shell loop`);
    const loopFleet = makeFleet(n, 'b', template);
    writeFileSync(urlsFile, loopFleet.map((t) => t.url).join('\n') + '\n');
    try {
      const loop = (command) => `while read -r url; do node "${pgformJs}" ${command} --system proxe --url "$url" >/dev/null; code=$?; [ $code -ge 2 ] && exit $code; done < "${urlsFile}"; exit 0`;
      log('  shell loop: migrate');
      result.loopMigrateMs = timed('bash', ['-c', loop('migrate')], { cwd: repoDir }).ms;
      result.loopMigrateBad = checkHistories(loopFleet, files);
      log('  shell loop: diff');
      result.loopDiffMs = timed('bash', ['-c', loop('diff')], { cwd: repoDir }).ms;
    } finally {
      dropFleet(loopFleet);
    }
  } finally {
    dropFleet(fleet);
  }
  result.loadAfter = load();
  result.migrateSpeedup = result.loopMigrateMs / result.fleetMigrateMs;
  result.diffSpeedup = result.loopDiffMs / result.fleetDiffMs;
  return result;
}

export function renderFleetReport(r) {
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  return `# Fleet benchmark

${r.n} databases × the proxe system (${r.files} migration file${r.files === 1 ? '' : 's'}), PostgreSQL on this machine, ${r.date.slice(0, 16)}Z.
Load average (1, 5, 15 min) before: ${r.loadBefore}; after: ${r.loadAfter}. One run each, wall time, warm definitions cache.

| job | fleet run (\`--targets\`, \`--concurrency ${r.concurrency}\`) | shell loop (${r.n} × single-target command) | fleet is faster by |
| --- | --- | --- | --- |
| migrate | ${s(r.fleetMigrateMs)} | ${s(r.loopMigrateMs)} | ${r.migrateSpeedup.toFixed(1)}× |
| drift check (diff) | ${s(r.fleetDiffMs)} | ${s(r.loopDiffMs)} | ${r.diffSpeedup.toFixed(1)}× |

Every target's history holds each file exactly once: fleet ${r.fleetMigrateBad.length === 0 ? 'yes' : `no (${r.fleetMigrateBad.slice(0, 3).join('; ')})`}, loop ${r.loopMigrateBad.length === 0 ? 'yes' : `no (${r.loopMigrateBad.slice(0, 3).join('; ')})`}.
Fleet drift summary: ${JSON.stringify(r.fleetDiffSummary)}.
`;
}
