/*
 * The fleet job (`node bench/run.mjs --fleet 200`): N databases × the proxe system, migrated and
 * drift-checked by one fleet run (`--targets`, `--concurrency 8`) against the single-target
 * command run N times in a shell loop, as a team would script it without fleets. Both sides start
 * from the same fresh databases (cloned from the bootstrapped template); every target's history is
 * checked afterwards: each file recorded exactly once. Then a third fresh fleet: its run is killed
 * (SIGKILL) once a third of the targets are applied and run again, and every history must still
 * hold each file exactly once. Wall times, with the load average noted.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { baseUrl, psql, urlOf } from './databases.mjs';

/** The fleet job's own template (bootstrapped like the others), so no other benchmark's run touches it. */
export const fleetTemplate = 'pgform_bench_fleet_boot';

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/**
 * Runs statements on the server over 8 psql sessions at once. CREATE DATABASE … STRATEGY FILE_COPY
 * and DROP DATABASE each wait for a checkpoint; side by side they share them, so making and
 * dropping hundreds of databases takes minutes less (setup only: none of it is timed).
 */
async function onServer(statements, sessions = 8) {
  const chunks = Array.from({ length: sessions }, (_, i) => statements.filter((_, j) => j % sessions === i)).filter((c) => c.length > 0);
  await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise((resolve, reject) => {
          const child = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', baseUrl, ...chunk.flatMap((sql) => ['-c', sql])], { stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('error', reject);
          child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`psql: ${stderr}`))));
        }),
    ),
  );
}

async function makeFleet(n, tag) {
  const names = Array.from({ length: n }, (_, i) => `pgform_bench_fleet_${tag}_${String(i + 1).padStart(3, '0')}`);
  await dropFleet(names.map((name) => ({ name })));
  await onServer(names.map((name) => `CREATE DATABASE "${name}" TEMPLATE "${fleetTemplate}" STRATEGY FILE_COPY`));
  return names.map((name) => ({ name, url: urlOf(name) }));
}

async function dropFleet(fleet) {
  await onServer(fleet.map((target) => `DROP DATABASE IF EXISTS "${target.name}" WITH (FORCE)`));
}

/** Runs a command, returning its wall time in ms; `okCodes` are the exit codes that are not failures. */
function timed(cmd, args, { cwd, okCodes = [0] }) {
  const started = performance.now();
  const run = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' } });
  const ms = performance.now() - started;
  if (!okCodes.includes(run.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${run.status}: ${(run.stderr ?? '').slice(-2000)}`);
  return { ms, stdout: run.stdout };
}

/** Runs a command and sends it SIGKILL once `enough` applied-target lines are on its stderr; resolves with that count. */
function killedAfter(cmd, args, { cwd, enough }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' } });
    let stderr = '';
    let applied = 0;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      applied = (stderr.match(/: applied/g) ?? []).length;
      if (applied >= enough) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => (signal === 'SIGKILL' ? resolve(applied) : reject(new Error(`the run ended (${code}) before it was killed: ${stderr.slice(-2000)}`))));
  });
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

export async function runFleetBench({ n, concurrency, repoDir, pgformJs, benchDir, log }) {
  const work = join(benchDir, '.work', 'fleet');
  mkdirSync(work, { recursive: true });
  const node = process.execPath;
  const common = ['--system', 'proxe'];
  const files = Number(execFileSync('sh', ['-c', 'ls migrations/proxe/*.sql | wc -l'], { cwd: repoDir, encoding: 'utf8' }).trim());
  const result = { n, concurrency, system: 'proxe', files, loadBefore: load(), date: new Date().toISOString() };

  log(`fleet: ${n} databases for the fleet run (cloned from the bootstrapped template)`);
  const fleet = await makeFleet(n, 'a');
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
    const loopFleet = await makeFleet(n, 'b');
    writeFileSync(urlsFile, loopFleet.map((t) => t.url).join('\n') + '\n');
    try {
      const loop = (command) => `while read -r url; do node "${pgformJs}" ${command} --system proxe --url "$url" >/dev/null; code=$?; [ $code -ge 2 ] && exit $code; done < "${urlsFile}"; exit 0`;
      log('  shell loop: migrate');
      result.loopMigrateMs = timed('bash', ['-c', loop('migrate')], { cwd: repoDir }).ms;
      result.loopMigrateBad = checkHistories(loopFleet, files);
      log('  shell loop: diff');
      result.loopDiffMs = timed('bash', ['-c', loop('diff')], { cwd: repoDir }).ms;
    } finally {
      await dropFleet(loopFleet);
    }
  } finally {
    await dropFleet(fleet);
  }

  log(`  ${n} fresh databases for a run killed mid-way, then run again`);
  const killFleet = await makeFleet(n, 'c');
  const killTargets = join(work, 'targets-killed.txt');
  writeFileSync(killTargets, killFleet.map((t) => `${t.name} ${t.url}`).join('\n') + '\n');
  try {
    const args = [pgformJs, 'migrate', ...common, '--targets', killTargets, '--concurrency', String(concurrency)];
    result.killedAfterApplied = await killedAfter(node, args, { cwd: repoDir, enough: Math.ceil(n / 3) });
    const rerun = timed(node, [...args, '--json'], { cwd: repoDir });
    result.rerunApplied = rerun.stdout.trim().split('\n').filter((line) => JSON.parse(line).applied.length > 0).length;
    result.killedRerunBad = checkHistories(killFleet, files);
  } finally {
    await dropFleet(killFleet);
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

Killed and run again: a fleet run on ${r.n} fresh databases got SIGKILL once ${r.killedAfterApplied} targets were reported applied; the next run applied files on ${r.rerunApplied} targets (those the kill left behind, a transaction cut short rolled back). Every target's history holds each file exactly once: ${r.killedRerunBad.length === 0 ? 'yes' : `no (${r.killedRerunBad.slice(0, 3).join('; ')})`}.
`;
}
