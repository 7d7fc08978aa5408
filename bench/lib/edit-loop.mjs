/*
 * The edit loop: what a developer waits for between saving a definitions file and reading the
 * migration. On the revenue-intel example system (schemas/revenue-intel, its migrations folder)
 * and on the generated schema of N tables, each run starts from a fresh clone (definitions and
 * migrations copied, no .pgform cache) and times, as whole processes:
 *
 *   fresh clone   `pgform generate`: the existing files replayed, nothing to write
 *   edit          one column added to one table, `pgform generate`: the new file written
 *   unchanged     `pgform generate` again, then `pgform diff --from migrations --to definitions`
 *
 * beside drizzle-kit generate on the same schema as drizzle-kit pull reads it from a database
 * holding it (the same three steps; drizzle keeps its state in snapshot files, so it has no cold
 * cache). Writes bench/edit-loop-results.json and .md.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { generate } from '../generate.mjs';
import { createDatabase, dropDatabase, psql, template as benchTemplate } from './databases.mjs';
import { measure, median } from './measure.mjs';

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const editedColumn = 'bench_edit';

/** Adds one nullable text column to the first table of a pgform definitions file. */
function addPgformColumn(source) {
  const at = source.indexOf('columns: {');
  if (at < 0) throw new Error('edit loop: no table in the edited definitions file');
  const end = at + 'columns: {'.length;
  return `${source.slice(0, end)}\n    ${editedColumn}: text(),${source.slice(end)}`;
}

/** The same edit on drizzle's schema: one nullable text column on the first pgTable. */
function addDrizzleColumn(source) {
  const match = /= pgTable\("[^"]+", \{\n/.exec(source);
  if (!match) throw new Error('edit loop: no pgTable in the pulled drizzle schema');
  const end = match.index + match[0].length;
  return `${source.slice(0, end)}\t${editedColumn}: text("${editedColumn}"),\n${source.slice(end)}`;
}

/**
 * drizzle-kit pull writes what its generate cannot load: `unknown(...)` for types it does not
 * know (tsvector) and references to `users` (auth.users, outside the pulled schema) with no
 * declaration. Repaired as a drizzle user would: text columns, and auth.users declared (not
 * exported, so drizzle never plans it).
 */
function repairPulledSchema(source) {
  const auth = 'import { pgSchema as authSchema, uuid as authUuid } from "drizzle-orm/pg-core"\nconst users = authSchema("auth").table("users", { id: authUuid().primaryKey() })\n';
  return auth + source.replace(/\bunknown\("/g, 'text("');
}

function run(cmd, args, cwd, timeoutMs) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, ...(timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGKILL' } : {}) });
}

/** drizzle-kit pull of a large schema can take longer than the whole benchmark (see results.md). */
const pullMinutes = 10;

async function timed(label, cmd, args, cwd, okCodes = [0]) {
  const result = await measure(cmd, args, { cwd });
  if (!okCodes.includes(result.code)) throw new Error(`edit loop: ${label} exited ${result.code}: ${result.stderr.slice(-600)}`);
  return { ms: result.ms, rssMb: result.rssMb, cpuS: result.cpuS, stderr: result.stderr };
}

/** A system to measure: its definitions, a migrations folder that matches them, the file to edit, the SQL creating it. */
function revenueIntel(repoDir, pgformJs, work) {
  const definitions = join(repoDir, 'schemas', 'revenue-intel');
  const sqlFile = join(work, 'schema.sql');
  writeFileSync(sqlFile, run(process.execPath, [pgformJs, 'sql', '--definitions', definitions], work));
  return { name: 'revenue-intel', definitions, migrations: join(repoDir, 'migrations', 'revenue-intel'), editFile: 'calls.ts', sqlFile };
}

function generatedSchema(tables, seed, pgformJs, work, log) {
  const { definitions, sqlFile } = generate({ tables, seed, out: join(work, 'schema') });
  // The migrations a team would have: what pgform generate writes for these definitions (untimed).
  const migrations = join(work, 'migrations');
  if (!existsSync(migrations) || readdirSync(migrations).length === 0) {
    log(`    writing the migrations of the ${tables}-table schema (untimed)`);
    mkdirSync(migrations, { recursive: true });
    run(process.execPath, [pgformJs, 'generate', '--definitions', definitions, '--migrations', migrations, '--name', 'init'], work);
  }
  return { name: `generated, ${tables} tables`, definitions, migrations, editFile: 'tables-001.ts', sqlFile };
}

/** drizzle's side: the schema pulled from a database holding it, repaired, its snapshot brought level (untimed). */
function drizzleSeed(system, bin, work, dbName, template) {
  const url = createDatabase(dbName, template);
  try {
    psql(url, ['-f', system.sqlFile]);
    const out = join(work, 'drizzle-seed');
    rmSync(out, { recursive: true, force: true });
    try {
      run(join(bin, 'drizzle-kit'), ['pull', '--dialect', 'postgresql', '--url', url, '--out', out], work, pullMinutes * 60_000);
    } catch (error) {
      if (error.signal !== 'SIGKILL') throw error;
      return { failed: `drizzle-kit pull did not finish in ${pullMinutes} min: no drizzle schema to generate from` };
    }
    const schema = join(out, 'schema.ts');
    writeFileSync(schema, repairPulledSchema(readFileSync(schema, 'utf8')));
    run(join(bin, 'drizzle-kit'), ['generate', '--dialect', 'postgresql', '--schema', schema, '--out', out], work);
    return { out };
  } finally {
    dropDatabase(dbName);
  }
}

async function pgformRun(system, pgformJs, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(system.definitions, join(dir, 'schemas'), { recursive: true });
  cpSync(system.migrations, join(dir, 'migrations'), { recursive: true });
  const flags = ['--definitions', 'schemas', '--migrations', 'migrations'];
  const generate = (label) => timed(label, process.execPath, [pgformJs, 'generate', ...flags], dir);
  const before = readdirSync(join(dir, 'migrations')).length;
  const cold = await generate('fresh clone generate');
  const edited = join(dir, 'schemas', system.editFile);
  writeFileSync(edited, addPgformColumn(readFileSync(edited, 'utf8')));
  const edit = await generate('edit generate');
  if (readdirSync(join(dir, 'migrations')).length !== before + 1) throw new Error('edit loop: pgform generate wrote no file for the edit');
  const unchanged = await generate('unchanged generate');
  const diff = await timed('unchanged diff', process.execPath, [pgformJs, 'diff', '--from', 'migrations', '--to', 'definitions', ...flags], dir);
  return { 'fresh clone: generate': cold, 'one-column edit: generate': edit, 'nothing changed: generate': unchanged, 'nothing changed: diff': diff };
}

async function drizzleRun(seed, bin, dir) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(seed, dir, { recursive: true });
  const generate = (label) => timed(label, join(bin, 'drizzle-kit'), ['generate', '--dialect', 'postgresql', '--schema', 'schema.ts', '--out', '.'], dir);
  const cold = await generate('drizzle fresh clone generate');
  writeFileSync(join(dir, 'schema.ts'), addDrizzleColumn(readFileSync(join(dir, 'schema.ts'), 'utf8')));
  const edit = await generate('drizzle edit generate');
  const unchanged = await generate('drizzle unchanged generate');
  return { 'fresh clone: generate': cold, 'one-column edit: generate': edit, 'nothing changed: generate': unchanged };
}

/** One untimed warm-up, then `runs` timed runs; min, median and max per step. */
async function repeat(runs, once) {
  await once();
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await once());
  return Object.keys(all[0]).map((step) => {
    const ms = all.map((r) => r[step].ms);
    const cpuS = Number(median(all.map((r) => r[step].cpuS ?? 0)).toFixed(2));
    return { step, runsMs: ms.map(Math.round), minMs: Math.round(Math.min(...ms)), medianMs: Math.round(median(ms)), maxMs: Math.round(Math.max(...ms)), cpuS, peakRssMb: Math.round(Math.max(...all.map((r) => r[step].rssMb ?? 0))) };
  });
}

/** The edit-loop job: revenue-intel and the generated schema of `tables` tables, pgform beside drizzle-kit. */
/**
 * `template`: the bootstrapped database the drizzle side's database is cloned from; `systems`:
 * which of revenue-intel and the generated schema to measure.
 */
export async function benchEditLoop({ repoDir, benchDir, pgformJs, runs, tables, seed, log, template = benchTemplate, systems: which = ['revenue-intel', 'generated'] }) {
  const work = join(benchDir, '.work', 'edit-loop');
  mkdirSync(work, { recursive: true });
  const bin = join(benchDir, 'node_modules', '.bin');
  const systems = [];
  const setups = [
    ...(which.includes('revenue-intel') ? [() => revenueIntel(repoDir, pgformJs, work)] : []),
    ...(tables && which.includes('generated') ? [() => generatedSchema(tables, seed, pgformJs, join(work, `n${tables}`), log)] : []),
  ];
  for (const setup of setups) {
    const system = setup();
    // Named by the system, so two runs measuring different systems never share a folder or database.
    const slug = system.name.replace(/[^a-z0-9]+/g, '_');
    const dir = join(work, slug);
    mkdirSync(dir, { recursive: true });
    log(`  edit loop: ${system.name}`);
    const loadBefore = load();
    const pgform = await repeat(runs, () => pgformRun(system, pgformJs, join(dir, 'pgform')));
    const logSteps = (tool, steps) => steps.forEach((s) => log(`    ${tool} ${s.step}: median ${s.medianMs} ms (min ${s.minMs}, max ${s.maxMs}), CPU ${s.cpuS} s`));
    logSteps('pgform', pgform);
    const seeded = drizzleSeed(system, bin, dir, `pgform_bench_edit_${slug}`, template);
    if (seeded.failed) log(`    drizzle-kit: ${seeded.failed}`);
    const drizzle = seeded.out ? await repeat(runs, () => drizzleRun(seeded.out, bin, join(dir, 'drizzle'))) : [];
    logSteps('drizzle-kit', drizzle);
    systems.push({ name: system.name, loadBefore, loadAfter: load(), pgform, drizzle, ...(seeded.failed ? { drizzleNote: seeded.failed } : {}) });
  }
  return { date: new Date().toISOString().slice(0, 10), runs, systems };
}

const seconds = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);

/** bench/edit-loop-results.md. */
export function renderEditLoopReport(result) {
  const lines = [
    '# The edit loop',
    '',
    `Measured ${result.date} by \`npm run bench -- --only edit-loop\` (bench/lib/edit-loop.mjs): ${result.runs} timed runs after one warm-up, each from a fresh clone (no .pgform cache; the machine's PGlite template cache is kept). Wall time of the whole process, median (min – max); CPU: the median of user + system seconds of the process tree (what the wall time would be with no other process competing, roughly). On 2 cores, a load above 2 means other processes competed for the CPU.`,
    '',
    'drizzle-kit generate runs on the same schema as `drizzle-kit pull` reads it from a database holding it (repaired where pull writes what generate cannot load: `unknown(...)` types become text, `auth.users` is declared).',
  ];
  if (result.note) lines.push('', `${result.note}.`);
  for (const system of result.systems) {
    lines.push('', `## ${system.name}`, '', `Load average (1, 5, 15 min): ${system.loadBefore} before, ${system.loadAfter} after.${system.drizzleNote ? ` ${system.drizzleNote}.` : ''}`, '', '| step | pgform | drizzle-kit generate |', '| --- | --- | --- |');
    for (const step of system.pgform) {
      const peer = system.drizzle.find((s) => s.step === step.step);
      const cpu = (s) => (s.cpuS !== undefined ? `, CPU ${s.cpuS.toFixed(2)} s` : '');
      const cell = (s) => (s ? `${seconds(s.medianMs)} (${seconds(s.minMs)} – ${seconds(s.maxMs)})${cpu(s)}, ${s.peakRssMb} MB` : '—');
      lines.push(`| ${step.step} | ${cell(step)} | ${cell(peer)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
