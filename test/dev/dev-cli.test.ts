import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectPostgres } from '../../src/engine/pg.js';
import { openEmbeddedPglite } from '../../src/engine/pglite.js';
import { postgresEngine, serverUrl, withDatabase } from '../support/engines.js';
import { scratchFolder } from '../support/scratch.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'pgform.js');

const definitions = (columns: string) => `import { table, text, uuid } from 'pgform';

export const notes = table('notes', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    body: text().notNull(),${columns}
  },
});
`;

/** A running `pgform dev` and everything it printed so far. */
class Dev {
  output = '';
  private readonly waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    const heard = (chunk: Buffer) => {
      this.output += chunk.toString();
      if (process.env.PGFORM_DEBUG) process.stderr.write(chunk);
      this.waiters.splice(0).forEach((wake) => wake());
    };
    child.stdout!.on('data', heard);
    child.stderr!.on('data', heard);
    this.exited = new Promise((resolve) =>
      child.on('close', (code) => {
        resolve(code);
        this.waiters.splice(0).forEach((wake) => wake());
      }),
    );
  }

  /** Waits until the output holds `count` matches of `pattern` (the test's own timeout bounds the wait). */
  async until(pattern: RegExp, count = 1): Promise<void> {
    const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
    while ((this.output.match(global) ?? []).length < count) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`pgform dev exited (${this.child.exitCode}):\n${this.output}`);
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }
}

describe('pgform dev', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('applies each save to the embedded database and regenerates the types; an error keeps it running; Ctrl-C exits 0 with nothing written to migrations', async () => {
    const root = scratchFolder('dev');
    roots.push(root);
    mkdirSync(join(root, 'schemas'));
    mkdirSync(join(root, 'migrations'));
    writeFileSync(join(root, 'pgform.config.ts'), "import { defineConfig } from 'pgform';\nexport default defineConfig({ definitions: 'schemas', out: 'generated' });\n");
    const file = join(root, 'schemas', 'notes.ts');
    writeFileSync(file, definitions(''));
    const dev = new Dev(spawn(process.execPath, [bin, 'dev'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } }));
    const ready = /^waiting for changes$/m;
    await dev.until(ready, 1);
    expect(dev.output).toContain('create table public.notes');

    writeFileSync(file, definitions('\n    title: text(),'));
    await dev.until(ready, 2);
    expect(dev.output).toMatch(/-- cycle 2: schemas\/notes\.ts\n {2}add column public\.notes\.title\n.*applied 1 statement\nwrote generated\/db\.ts\ntypes fresh \d+ ms after the save/);
    expect(readFileSync(join(root, 'generated', 'db.ts'), 'utf8')).toMatch(/title: string \| null/);

    writeFileSync(file, definitions('\n    title: text(),\n    broken: text(,'));
    await dev.until(ready, 3);
    expect(dev.output).toMatch(/error DEFINITION_LOAD_FAILED: .*\n {2}at schemas\/notes\.ts:8\n/);
    expect(dev.child.exitCode).toBe(null);

    // Ctrl-C once the fixing save's cycle has started: that cycle still ends (applied, types
    // written), then the database is closed.
    writeFileSync(file, definitions('\n    title: text(),\n    done: text(),'));
    await dev.until(/^-- cycle 4/m);
    dev.child.kill('SIGINT');
    expect(await dev.exited, dev.output).toBe(0);
    expect(dev.output).toContain('add column public.notes.done');
    expect(readFileSync(join(root, 'generated', 'db.ts'), 'utf8')).toMatch(/done: string \| null/);
    expect(readdirSync(join(root, 'migrations'))).toEqual([]);
    expect(readdirSync(join(root, 'generated')).sort()).toEqual(['SCHEMA.md', 'db.ts']);
    expect(existsSync(join(root, '.pgform', 'default', 'db.lock'))).toBe(false);

    // The database was closed cleanly, holds the columns, and the files are what `gen` writes.
    const conn = await openEmbeddedPglite(join(root, '.pgform', 'default', 'db'));
    try {
      const columns = await conn.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'notes' ORDER BY ordinal_position");
      expect(columns.map((row) => row.column_name)).toEqual(['id', 'body', 'title', 'done']);
    } finally {
      await conn.close();
    }
    const check = spawnSync(process.execPath, [bin, 'gen', '--check'], { cwd: root, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }, 120_000);

  it.skipIf(Boolean(postgresEngine.unavailable))('--once --url on PostgreSQL: applies and writes the types; a data-losing edit is refused (exit 2); the printing database is dropped', async () => {
    const root = scratchFolder('dev-url');
    roots.push(root);
    mkdirSync(join(root, 'schemas'));
    const file = join(root, 'schemas', 'notes.ts');
    await withDatabase(postgresEngine, async ({ url }) => {
      const once = () => spawnSync(process.execPath, [bin, 'dev', '--once', '--url', url!, '--definitions', 'schemas', '--out', 'generated'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      writeFileSync(file, definitions('\n    title: text(),'));
      const first = once();
      expect(first.status, first.stdout + first.stderr).toBe(0);
      expect(first.stdout).toContain('create table public.notes');
      expect(readFileSync(join(root, 'generated', 'db.ts'), 'utf8')).toMatch(/title: string \| null/);

      writeFileSync(file, definitions(''));
      const refused = once();
      expect(refused.status, refused.stdout + refused.stderr).toBe(2);
      expect(refused.stderr).toMatch(/refused: 1 statement would delete data; nothing applied/);
      expect(readFileSync(join(root, 'generated', 'db.ts'), 'utf8')).toMatch(/title: string \| null/);

      const conn = await connectPostgres(url!);
      try {
        const columns = await conn.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'notes' ORDER BY ordinal_position");
        expect(columns.map((row) => row.column_name)).toEqual(['id', 'body', 'title']);
      } finally {
        await conn.close();
      }
      const admin = await connectPostgres(serverUrl);
      try {
        const left = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2', [`pgform_scratch_${first.pid}_%`, `pgform_scratch_${refused.pid}_%`]);
        expect(left).toEqual([]);
      } finally {
        await admin.close();
      }
    });
  }, 120_000);
});
