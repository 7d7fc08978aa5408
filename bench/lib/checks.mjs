/*
 * Safety checks on the outputs of the timed runs (untimed, once per size): a diff of identical
 * databases is empty, the SQL a diff prints turns the empty database into the full one, a
 * migration applied from scratch leaves no drift, and inspect read every table.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, dropDatabase, psql } from './databases.mjs';

function pgformDiff(ctx, from, to) {
  const result = spawnSync(process.execPath, [ctx.pgform, 'diff', '--from', from, '--to', to], { cwd: ctx.cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { code: result.status, firstLine: `${result.stdout}${result.stderr}`.trim().split('\n')[0]?.replace(/postgres(ql)?:\/\/\S+/g, '<url>') ?? '' };
}

function migra(ctx, from, to) {
  return execFileSync(join(ctx.bin, 'migra'), ['run', from, to, '--unsafe'], { encoding: 'utf8', maxBuffer: 1 << 30 }).trim();
}

/** Applies a diff's SQL to a fresh bootstrapped database, then compares it with the full one. */
function roundTrip(ctx, name, sqlFile, compare) {
  if (!existsSync(sqlFile)) return { name, ok: false, detail: 'no SQL (the diff did not run)' };
  const db = `pgform_bench_${ctx.n}_check_${name.replace(/\W+/g, '_')}`;
  const url = createDatabase(db);
  try {
    psql(url, ['-f', sqlFile]);
    return { name, ...compare(url) };
  } catch (error) {
    return { name, ok: false, detail: String(error.stderr || error.message).split('\n').find(Boolean)?.slice(0, 200) };
  } finally {
    dropDatabase(db);
  }
}

const statement = /^\s*(create|alter|drop|comment|grant|revoke|set|select|insert|update|delete)\b/gim;

export function runChecks(ctx, results) {
  const out = (file) => join(ctx.work, 'out', file);
  const ran = (job, tool) => results.some((r) => r.job === job && r.tool === tool && r.status === 'ok');
  const checks = [];
  if (ran('diff-twin', 'pgform')) {
    const text = readFileSync(out('diff-twin.sql'), 'utf8');
    checks.push({ name: 'pgform diff full -> twin is empty', ok: /no changes/.test(text) && !/^\s*(CREATE|ALTER|DROP)/m.test(text) });
  }
  if (ran('diff-twin', '@pgkit/migra')) {
    // migra may print a client warning on stdout; only statements count.
    const statements = readFileSync(out('migra-twin.sql'), 'utf8').match(statement) ?? [];
    checks.push({ name: 'migra full -> twin is empty', ok: statements.length === 0, detail: statements.length ? `${statements.length} statements` : '' });
  }
  if (ran('diff-create', 'pgform')) {
    checks.push(
      roundTrip(ctx, 'pgform diff SQL (empty -> full) applied, then no drift', out('diff-create.sql'), (url) => {
        const diff = pgformDiff(ctx, url, ctx.urls.full);
        return { ok: diff.code === 0, detail: diff.firstLine };
      }),
    );
  }
  if (ran('diff-create', '@pgkit/migra')) {
    checks.push(
      roundTrip(ctx, 'migra SQL (empty -> full) applied, then migra finds nothing', out('migra-create.sql'), (url) => {
        const rest = migra(ctx, url, ctx.urls.full).match(statement) ?? [];
        return { ok: rest.length === 0, detail: rest.length ? `${rest.length} statements left` : '' };
      }),
    );
  }
  if (ran('migrate', 'pgform')) {
    const db = `pgform_bench_${ctx.n}_check_migrate`;
    const url = createDatabase(db);
    try {
      const folder = existsSync(join(ctx.work, 'migrations')) ? join(ctx.work, 'migrations') : join(ctx.work, 'migrations-sql');
      execFileSync(process.execPath, [ctx.pgform, 'migrate', '--url', url, '--migrations', folder], { cwd: ctx.cwd, stdio: 'ignore' });
      const diff = pgformDiff(ctx, url, ctx.urls.full);
      checks.push({ name: 'pgform migrate from scratch, then no drift against the psql-applied schema', ok: diff.code === 0, detail: diff.firstLine });
    } finally {
      dropDatabase(db);
    }
  }
  if (ran('inspect', 'pgform')) {
    const model = JSON.parse(readFileSync(out('inspect.json'), 'utf8'));
    const tables = Object.keys(model.tables ?? {}).length;
    checks.push({ name: `pgform inspect read all ${ctx.n} tables`, ok: tables === ctx.n, detail: `${tables} tables` });
  }
  return checks;
}
