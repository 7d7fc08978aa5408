/*
 * The jobs of the benchmark for one schema size: for each, pgform's command and the commands a
 * user would run instead (peers) or that bound what is possible (floors). A job's `prepare`
 * runs untimed before each run (fresh databases, empty output folders, a cold cache).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, dropDatabase } from './databases.mjs';

const fresh = (dir) => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
};

/**
 * ctx: { n, work, cwd, definitions, sqlFile, urls: { full, twin, empty }, pgform (bin/pgform.js),
 * bin (bench/node_modules/.bin), catalogRead (bench/catalog-read.mjs), available(command) }.
 */
export function jobsFor(ctx) {
  const node = process.execPath;
  const out = (name) => join(ctx.work, 'out', name);
  const pgform = (command, args, extra = {}) => ({
    tool: 'pgform',
    role: 'pgform',
    command: `pgform ${command}`,
    available: ctx.available(command),
    run: (state) => ({ cmd: node, args: [ctx.pgform, ...command.split(' '), ...args, ...(state?.args ?? [])], cwd: ctx.cwd }),
    ...extra,
  });
  const coldCache = () => rmSync(join(ctx.cwd, '.pgform'), { recursive: true, force: true });
  const migrations = join(ctx.work, 'migrations');
  let applyCount = 0;
  const applyTarget = () => {
    const name = `pgform_bench_${ctx.n}_apply_${++applyCount}`;
    return { url: createDatabase(name), cleanup: () => dropDatabase(name) };
  };

  return [
    {
      id: 'inspect',
      title: 'read a live schema into the model',
      tools: [
        pgform('inspect', ['--json', '--url', ctx.urls.full], { stdout: out('inspect.json') }),
        { tool: 'pg_dump --schema-only', role: 'floor', run: () => ({ cmd: 'pg_dump', args: ['--schema-only', '-d', ctx.urls.full, '-f', out('dump.sql')] }) },
        { tool: 'node + pg catalog read', role: 'peer', stdout: out('catalog.json'), run: () => ({ cmd: node, args: [ctx.catalogRead, ctx.urls.full] }) },
      ],
    },
    {
      id: 'types',
      title: 'Kysely types from a live database',
      tools: [
        pgform('gen types', ['--url', ctx.urls.full, '--out', out('types')]),
        { tool: 'kysely-codegen', role: 'peer', run: () => ({ cmd: join(ctx.bin, 'kysely-codegen'), args: ['--dialect', 'postgres', '--url', ctx.urls.full, '--out-file', out('kysely/db.d.ts')] }) },
      ],
    },
    {
      id: 'diff-create',
      title: 'diff DB to DB: empty to full (the SQL creating everything)',
      tools: [
        pgform('diff', ['--from', ctx.urls.empty, '--to', ctx.urls.full, '--sql'], { stdout: out('diff-create.sql'), okCodes: [0, 1] }),
        { tool: '@pgkit/migra', role: 'peer', stdout: out('migra-create.sql'), okCodes: [0, 2], run: () => ({ cmd: join(ctx.bin, 'migra'), args: ['run', ctx.urls.empty, ctx.urls.full, '--unsafe'] }) },
      ],
    },
    {
      id: 'diff-twin',
      title: 'diff DB to DB: full to its identical twin (no changes)',
      tools: [
        pgform('diff', ['--from', ctx.urls.full, '--to', ctx.urls.twin, '--sql'], { stdout: out('diff-twin.sql'), okCodes: [0, 1] }),
        { tool: '@pgkit/migra', role: 'peer', stdout: out('migra-twin.sql'), okCodes: [0, 2], run: () => ({ cmd: join(ctx.bin, 'migra'), args: ['run', ctx.urls.full, ctx.urls.twin, '--unsafe'] }) },
      ],
    },
    {
      id: 'generate-cold',
      title: 'generate a migration from definitions (shadow replay; cold cache: definitions just changed)',
      perTable: true,
      tools: [
        pgform('generate', ['--definitions', ctx.definitions, '--migrations', migrations], {
          prepare: () => {
            coldCache();
            fresh(migrations);
          },
        }),
      ],
    },
    {
      id: 'generate-warm',
      title: 'generate a migration from definitions (warm cache: printed forms reused)',
      perTable: true,
      tools: [pgform('generate', ['--definitions', ctx.definitions, '--migrations', join(ctx.work, 'migrations-warm')], { prepare: () => fresh(join(ctx.work, 'migrations-warm')) })],
    },
    {
      id: 'migrate',
      title: 'apply the full schema from scratch (fresh bootstrapped database)',
      tools: [
        pgform('migrate', [], {
          prepare: () => {
            const target = applyTarget();
            const folder = migrationsToApply(ctx, migrations);
            const note = folder === migrations ? 'applies the file pgform generate wrote' : 'no file from pgform generate (not available or failed): applies schema.sql as one migration file';
            return { ...target, note, args: ['--url', target.url, '--migrations', folder] };
          },
        }),
        {
          // Statement by statement: one transaction (-1) over 2000 tables runs out of lock slots
          // (max_locks_per_transaction) on a default server.
          tool: 'psql -f schema.sql',
          role: 'floor',
          prepare: applyTarget,
          run: (state) => ({ cmd: 'psql', args: ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', state.url, '-f', ctx.sqlFile] }),
        },
      ],
    },
    {
      id: 'pull',
      title: 'pull a live database into definitions',
      tools: [
        pgform('pull', ['--url', ctx.urls.full, '--out', out('pull')], { prepare: () => void fresh(out('pull')) }),
        {
          tool: 'drizzle-kit pull',
          role: 'peer',
          prepare: () => void fresh(out('drizzle')),
          run: () => ({ cmd: join(ctx.bin, 'drizzle-kit'), args: ['pull', '--dialect', 'postgresql', '--url', ctx.urls.full, '--out', out('drizzle')] }),
        },
      ],
    },
    {
      id: 'lint',
      title: 'lint the definitions (schema rules, no database)',
      perTable: true,
      tools: [pgform('lint', ['--definitions', ctx.definitions, '--json'], { stdout: out('lint.json'), okCodes: [0, 1] })],
    },
    {
      // The warm-up run prints the definitions (or finds them printed by an earlier job): the
      // timed runs read the printed forms from the cache, as every run after an edit-free one does.
      id: 'supabase-types',
      title: 'supabase-js types from definitions (warm cache)',
      perTable: true,
      tools: [pgform('gen types', ['--target', 'supabase', '--definitions', ctx.definitions, '--out', out('supabase')])],
    },
    {
      id: 'zod',
      title: 'Zod validators from definitions (warm cache)',
      perTable: true,
      tools: [pgform('gen zod', ['--definitions', ctx.definitions, '--out', out('zod')])],
    },
    {
      id: 'docs',
      title: 'Markdown docs from definitions (cold cache)',
      perTable: true,
      tools: [pgform('gen docs', ['--definitions', ctx.definitions, '--out', out('docs')], { prepare: coldCache })],
    },
  ];
}

/**
 * The migration `pgform generate` wrote; when generate is not available or failed, the plain
 * SQL as a single migration file, so migrate is still measured on the same schema.
 */
function migrationsToApply(ctx, generated) {
  if (existsSync(generated) && readdirSync(generated).some((name) => name.endsWith('.sql'))) return generated;
  const folder = join(ctx.work, 'migrations-sql');
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true });
    copyFileSync(ctx.sqlFile, join(folder, '20000101000000_schema.sql'));
  }
  return folder;
}
