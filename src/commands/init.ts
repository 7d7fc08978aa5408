import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PgformError } from '../errors.js';

export interface InitOptions {
  /** Wire in the Supabase CLI's project: `supabase/config.toml`, `supabase/migrations`. */
  supabase?: boolean;
}

/** An InitFile says what `init` did with one path. */
export interface InitFile {
  path: string;
  status: 'written' | 'updated' | 'kept';
}

export interface InitResult {
  files: InitFile[];
  /** The port of a Supabase project's local database (`[db] port`), for DATABASE_URL. */
  localPort?: number;
}

const exampleDefinitions = `import { sql, table, text, timestamptz, uuid } from 'pgform';

/** One table to start from: edit it, then \`pgform generate\` writes the migration. */
export const notes = table('notes', {
  description: 'Notes people write',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull().describe('What the note is about'),
    body: text(),
    created_at: timestamptz().notNull().defaultNow().index(),
  },
  checks: { notes_title_not_blank: sql\`length(trim(title)) > 0\` },
});
`;

function configText(options: { migrations: string; preset: 'supabase' | 'none' }): string {
  return `import { defineConfig } from 'pgform';

export default defineConfig({
  definitions: 'schemas',
  migrations: '${options.migrations}',
  out: 'generated',
  preset: '${options.preset}',
});
`;
}

/**
 * The drift job: definitions against the migrations on every push (no database needed), and
 * against the deployed database when the repository has a DATABASE_URL secret.
 */
const driftWorkflow = `name: pgform drift

on:
  push:
  pull_request:
  schedule:
    - cron: '0 6 * * *'

jobs:
  drift:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Migrations match the definitions
        run: npx pgform diff --from migrations --to definitions --format github
      - name: The database matches the definitions
        if: \${{ env.DATABASE_URL != '' }}
        env:
          DATABASE_URL: \${{ secrets.DATABASE_URL }}
        run: npx pgform diff --format github
`;

/** `[db] port = 54322` of a Supabase config.toml. */
function supabasePort(toml: string): number | undefined {
  const section = /^\[db\]\s*$([\s\S]*?)(?=^\[|$(?![\s\S]))/m.exec(toml);
  const port = section && /^\s*port\s*=\s*(\d+)/m.exec(section[1]!);
  return port ? Number(port[1]) : undefined;
}

/**
 * Starts a project in `root`: pgform.config.ts, a definitions folder, `.pgform/` ignored, a
 * GitHub Actions drift job. Existing files are kept, and an existing config is refused.
 */
export function initCommand(root: string, options: InitOptions = {}): InitResult {
  if (existsSync(join(root, 'pgform.config.ts'))) {
    throw new PgformError('USAGE', 'pgform.config.ts already exists', { file: 'pgform.config.ts' }, 'edit it, or run init in another folder');
  }
  let migrations = 'migrations';
  let localPort: number | undefined;
  if (options.supabase) {
    const toml = join(root, 'supabase', 'config.toml');
    if (!existsSync(toml)) {
      throw new PgformError('USAGE', 'no supabase/config.toml here', { file: 'supabase/config.toml' }, 'run init --supabase in the folder where `supabase init` was run');
    }
    migrations = 'supabase/migrations';
    localPort = supabasePort(readFileSync(toml, 'utf8'));
  }
  const files: InitFile[] = [];
  const write = (path: string, content: string) => {
    const target = join(root, path);
    if (existsSync(target)) return files.push({ path, status: 'kept' });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    return files.push({ path, status: 'written' });
  };
  write('pgform.config.ts', configText({ migrations, preset: options.supabase ? 'supabase' : 'none' }));
  // An existing Supabase project's tables come from `pgform pull`; a new project starts from one example.
  if (options.supabase) mkdirSync(join(root, 'schemas'), { recursive: true });
  else write('schemas/example.ts', exampleDefinitions);
  if (!existsSync(join(root, migrations))) {
    mkdirSync(join(root, migrations), { recursive: true });
    files.push({ path: `${migrations}/`, status: 'written' });
  }
  const gitignore = join(root, '.gitignore');
  const ignored = existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '';
  if (ignored.split(/\r?\n/).some((line) => /^\/?\.pgform\/?$/.test(line.trim()))) files.push({ path: '.gitignore', status: 'kept' });
  else {
    writeFileSync(gitignore, `${ignored}${ignored && !ignored.endsWith('\n') ? '\n' : ''}# pgform's embedded database and caches\n.pgform/\n`);
    files.push({ path: '.gitignore', status: ignored ? 'updated' : 'written' });
  }
  write('.github/workflows/pgform-drift.yml', driftWorkflow);
  return { files, ...(localPort ? { localPort } : {}) };
}
