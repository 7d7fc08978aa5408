import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalize, canonicalizeWith } from '../../src/canonical/index.js';
import { openScratch, presetOf, withConnection } from '../../src/commands/database.js';
import { comparedStates } from '../../src/commands/compared-states.js';
import { generateCommand, migrationsState } from '../../src/commands/generate.js';
import { listedMigrations, replaysEveryFile } from '../../src/commands/shadow.js';
import { cacheDir, definitionsState, embeddedPrinter } from '../../src/commands/states.js';
import { diffCommand } from '../../src/commands/diff.js';
import { loadKey } from '../../src/load/model-cache.js';
import { asFinishedCommand, saveAWhileAgo } from '../support/finished-command.js';
import { loadConfiguredSchema } from '../../src/commands/sql.js';
import type { ResolvedConfig } from '../../src/config/load.js';
import type { Connection } from '../../src/engine/connection.js';
import { diffSchemas } from '../../src/diff/index.js';
import type { Schema } from '../../src/model/schema.js';
import { scratchRoot } from '../../src/engine/pglite.js';
import { engines, pgliteEngine, withDatabase } from '../support/engines.js';
import { withProject } from './project.js';

const v1 = `import { table, integer, text } from 'pgform';
export const items = table('items', {
  columns: { id: integer().primaryKey(), label: text().notNull() },
});
`;
const v2 = v1.replace('label: text().notNull()', 'label: text().notNull(), note: text()');
const v3 = v2.replace('note: text()', "note: text(), kind: text().notNull().default('plain')");

const printing = `import { enumType, integer, numeric, rpc, sql, table, text, timestamptz, view } from 'pgform';
export const stage = enumType('stage', ['new', 'won']);
export const deals = table('deals', {
  columns: { id: integer().primaryKey(), stage: stage.column().notNull().default('new'), amount: numeric(12, 2).default(0), created_at: timestamptz().defaultNow() },
});
export const notes = table('notes', {
  columns: { id: integer().primaryKey(), note: text(), },
});
export const noteCount = rpc('note_count', { args: {}, returns: 'bigint', language: 'sql', body: sql\`SELECT count(*) FROM public.notes\` });
export const openDeals = view('open_deals', { query: sql\`SELECT * FROM public.deals\` });
`;

/** The state of the project's migration files replayed from the first one, with no stored state at all. */
async function replayedFromScratch(root: string, config: ResolvedConfig): Promise<Schema> {
  const cold = mkdtempSync(join(scratchRoot(), 'pgform-test-cold-cache-'));
  try {
    const state = await migrationsState({ ...config, root: cold, migrations: join(root, 'migrations') });
    expect(state).toMatchObject({ replayed: readdirSync(join(root, 'migrations')).length, reused: 0 });
    return state.schema;
  } finally {
    rmSync(cold, { recursive: true, force: true });
  }
}

/** The definitions' canonical form as the embedded printer makes it; `onOpen` hears each scratch engine started for it. */
function printInScratch(config: ResolvedConfig, schema: Schema, options: { cacheDir: string; loadKey?: string }, onOpen: () => void): Promise<Schema> {
  const opening = <T>(work: (conn: Connection) => Promise<T>) => {
    onOpen();
    return withConnection(() => openScratch(config), work);
  };
  return canonicalizeWith(schema, embeddedPrinter, opening, { externalNamespaces: presetOf(config).externalNamespaces, ...options });
}

// The shadow is always the embedded engine, whatever database the project targets.
describe('generate on the stored shadow state', () => {
  it('replays only the new files, on top of the state the earlier ones built; the same state as a replay from the first file', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      project.define(v1);
      const first = await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      // Written, then applied to the shadow and stored: the next run opens no database.
      expect(first).toMatchObject({ status: 'written', replayed: 0, reused: 0, after: { replayed: 1, reused: 0, remaining: 0 } });
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged', replayed: 0, reused: 1 });

      // A nullable column added: the state after the file is read off the one before it, with no
      // database, and stored as a replay from the first file stores it.
      project.define(v2);
      const second = await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      expect(second).toMatchObject({ status: 'written', replayed: 0, reused: 1, after: { replayed: 0, reused: 1, derived: 1, remaining: 0 } });
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged', replayed: 0, reused: 2 });
      const derived = await migrationsState(config);
      expect(derived).toMatchObject({ replayed: 0, reused: 2 });
      expect(await replayedFromScratch(project.root, config)).toEqual(derived.schema);

      // A teammate's file at the end of the folder: replayed on the last state kept as a database
      // (the first file's: the second one's was derived), the second file with it.
      project.writeMigration('20240131120005_teammate.sql', 'ALTER TABLE public.items ADD COLUMN kind text NOT NULL DEFAULT \'plain\';\n');
      project.define(v3);
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged', replayed: 2, reused: 1 });
      const incremental = await migrationsState(config);
      expect(incremental).toMatchObject({ replayed: 0, reused: 3 });

      // The same files replayed from the first one, with no stored state at all.
      const fromScratch = await replayedFromScratch(project.root, config);
      expect(diffSchemas(fromScratch, incremental.schema)).toEqual([]);
      expect(fromScratch.tables).toEqual(incremental.schema.tables);
    });
  });

  it('reads off the state before them files that add a described column and describe a table', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      project.define(v1);
      await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      project.define(v2.replace('note: text()', "note: text().describe('Free text')").replace("table('items', {", "table('items', {\n  description: 'What is sold',"));
      const described = await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      expect(described).toMatchObject({ status: 'written', after: { replayed: 0, reused: 1, derived: 1, remaining: 0 } });
      const stored = (await migrationsState(config)).schema;
      expect(stored.tables['public.items']).toMatchObject({ comment: 'What is sold', columns: [{ name: 'id' }, { name: 'label' }, { name: 'note', comment: 'Free text' }] });
      expect(await replayedFromScratch(project.root, config)).toEqual(stored);
      // Comments removed again: the same.
      project.define(v2);
      expect(await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') })).toMatchObject({ status: 'written', after: { derived: 1, remaining: 0 } });
      // Each derived state is stored as its changes to the one before: read back through both.
      const chained = await migrationsState(config);
      expect(chained).toMatchObject({ replayed: 0, reused: 3, stored: { derivations: 2 } });
      expect(await replayedFromScratch(project.root, config)).toEqual(chained.schema);
    });
  });

  it('reads off the state before them files that drop plain columns nothing names; files that drop a column with its index are replayed', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      const at = { now: new Date('2024-01-31T12:00:00Z'), allowDataLoss: true };
      project.define(v2);
      await generateCommand(config, at);
      // Renamed with no hint: dropped and added again, both read off the state before.
      let source = v2.replace('note: text()', 'remark: text()').replace("import { table, integer, text }", 'import { boolean, table, integer, text, timestamptz }');
      project.define(source);
      expect(await generateCommand(config, at)).toMatchObject({ status: 'written', after: { replayed: 0, derived: 1, remaining: 0 } });
      const renamed = await migrationsState(config);
      expect(renamed.schema.tables['public.items']!.columns.map((c) => c.name)).toEqual(['id', 'label', 'remark']);
      expect(await replayedFromScratch(project.root, config)).toEqual(renamed.schema);
      // Required, with a default of built-in functions or constants: added and dropped the same way.
      for (const [from, to] of [
        ['remark: text()', "flag: boolean().notNull().default(false), seen: timestamptz().notNull().defaultNow(), tag: text().default('x')"],
        ['flag: boolean()', 'flagged: boolean()'],
      ] as const) {
        source = source.replace(from, to);
        project.define(source);
        expect(await generateCommand(config, at)).toMatchObject({ status: 'written', after: { replayed: 0, derived: 1, remaining: 0 } });
      }
      const filled = await migrationsState(config);
      expect(filled.schema.tables['public.items']!.columns.map((c) => [c.name, c.notNull, c.default ?? null])).toEqual([
        ['id', true, null],
        ['label', true, null],
        ['seen', true, 'now()'],
        ['tag', false, "'x'::text"],
        ['flagged', true, 'false'],
      ]);
      expect(await replayedFromScratch(project.root, config)).toEqual(filled.schema);
      // A default ADD COLUMN evaluates at once, which CREATE TABLE never does: replayed, and refused.
      project.define(source.replace("tag: text().default('x')", "tag: text().default('x'), code: varchar(3).default('abcd')").replace('import { boolean,', 'import { varchar, boolean,'));
      await expect(generateCommand(config, at)).rejects.toThrow(/too long/);
      // Dropped with its index: the files are replayed.
      project.define(v2.replace('note: text()', 'remark: text().index()'));
      await generateCommand(config, at);
      project.define(v1);
      const dropped = await generateCommand(config, at);
      expect(dropped).toMatchObject({ status: 'written', after: { derived: 0, remaining: 0 } });
      expect(dropped.status === 'written' && dropped.after.replayed).toBeGreaterThan(0);
      expect(await replayedFromScratch(project.root, config)).toEqual((await migrationsState(config)).schema);
    });
  });

  it('replays the files written when what they do is more than plain added columns', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      const withView = `${v1}export const labels = view('labels', { query: sql\`SELECT * FROM public.items\` });\n`.replace("import { table, integer, text } from 'pgform';", "import { table, integer, sql, text, view } from 'pgform';");
      project.define(withView);
      await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      // A view reads the table: replayed. So is a NOT NULL column with no default (the table may hold rows).
      project.define(withView.replace('label: text().notNull()', 'label: text().notNull(), note: text()'));
      expect(await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') })).toMatchObject({ status: 'written', after: { replayed: 1, reused: 1, derived: 0, remaining: 0 } });
      project.define(v2);
      await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z'), allowDataLoss: true });
      project.define(v2.replace('note: text()', 'note: text(), kind: text().notNull()'));
      expect(await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') })).toMatchObject({ status: 'written', after: { replayed: 1, derived: 0, remaining: 0 } });
      expect(await replayedFromScratch(project.root, config)).toEqual((await migrationsState(config)).schema);
    });
  });

  it('keeps the three shadow databases used last; an older one is moved away at once and removed by a process of its own', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      const entries = () => readdirSync(cacheDir(config, 'shadow-data'));
      let source = v1;
      // A NOT NULL column with no default is replayed, and each replay keeps its database.
      for (const column of ['a', 'b', 'c', 'd']) {
        source = source.replace('label: text().notNull()', `label: text().notNull(), ${column}: text().notNull()`);
        project.define(source);
        expect(await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') })).toMatchObject({ status: 'written', after: { replayed: 1 } });
      }
      expect(entries().filter((name) => /^[0-9a-f]{64}$/.test(name))).toHaveLength(3);
      for (let waited = 0; entries().length > 3 && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(entries()).toHaveLength(3);
    });
  });

  it('replays every file again when an earlier file was edited, and sees what the edit did', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      project.define(v1);
      await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      project.define(v2);
      await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      expect(await generateCommand(config)).toMatchObject({ status: 'unchanged', replayed: 0, reused: 2 });

      // The first file edited after the fact: its state and every one after it are not the stored ones.
      appendFileSync(join(project.root, 'migrations', project.migrationNames()[0]!), 'ALTER TABLE public.items ADD COLUMN tampered text;\n');
      const edited = await generateCommand(config);
      expect(edited).toMatchObject({ status: 'refused', replayed: 2, reused: 0 });
      if (edited.status !== 'refused') return;
      expect(edited.refused.map((statement) => statement.object)).toEqual(['public.items.tampered']);
      expect(await migrationsState(config)).toMatchObject({ replayed: 0, reused: 2 });
    });
  });

  it('on a fresh clone prints and replays in one shadow database: the states, the file written and the kept shadow are those of a database each', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      project.define(printing);
      await generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') });
      const edited = printing.replace("default('new')", "default('won')").replace('note: text(),', 'note: text(), seen_at: timestamptz().defaultNow(),');
      project.define(edited);
      const declared = await loadConfiguredSchema(config);
      const clone = (name: string): ResolvedConfig => ({ ...config, root: join(project.root, name), migrations: join(project.root, 'migrations') });

      // Each in a database of its own, as before; then both in one, from nothing stored.
      const apart = clone('apart');
      const separate = { definitions: await definitionsState(apart, declared), shadow: await migrationsState(apart) };
      const fresh = clone('fresh');
      expect(replaysEveryFile(fresh)).toBe(true);
      const shared = await comparedStates(fresh, declared, listedMigrations(fresh));
      expect(shared.shadow).toMatchObject({ replayed: 1, reused: 0 });
      expect(shared.definitions).toEqual(separate.definitions);
      expect(shared.shadow.schema).toEqual(separate.shadow.schema);
      expect(replaysEveryFile(fresh)).toBe(false);

      // The generate of a fresh clone writes the file a warm one writes, and the shadow it kept
      // (the definitions were printed in it first) replays the new file to the state a replay
      // from the first file builds.
      rmSync(join(project.root, '.pgform'), { recursive: true, force: true });
      const first = await generateCommand(config, { now: new Date('2024-02-01T12:00:00Z') });
      expect(first).toMatchObject({ status: 'written', replayed: 1, reused: 0, after: { remaining: 0 } });
      const written = project.migrationNames().at(-1)!;
      const text = project.readMigration(written);
      rmSync(join(project.root, 'migrations', written));
      await definitionsState(apart, declared);
      const warm = await generateCommand(apart, { now: new Date('2024-02-01T12:00:00Z') });
      expect(warm).toMatchObject({ status: 'written', replayed: 0, reused: 1 });
      expect(project.readMigration(written)).toBe(text);
      project.define(edited.replace('note: text(),', 'note: text(), kind: stage.column(),'));
      expect(await generateCommand(config, { now: new Date('2024-02-02T12:00:00Z') })).toMatchObject({ status: 'written', after: { replayed: 1, reused: 2, remaining: 0 } });
      expect(await replayedFromScratch(project.root, config)).toEqual((await migrationsState(config)).schema);
    });
  });

  it('on a fresh clone, a file that fails to replay in the shadow the definitions were printed in is reported at its line', async () => {
    await withProject(pgliteEngine, async (project) => {
      project.define(v1);
      project.writeMigration('20240101000000_init.sql', 'CREATE TABLE public.items (id integer PRIMARY KEY);\n\nALTER TABLE public.items ADD COLUMN name txt;\n');
      const declared = await loadConfiguredSchema(project.config);
      const failure = await comparedStates(project.config, declared, listedMigrations(project.config)).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'STATEMENT_FAILED', location: { file: expect.stringContaining('20240101000000_init.sql'), line: 3 } });
      expect(String((failure as Error).message)).toContain('type "txt" does not exist (replaying the migrations into a shadow database)');
    });
  });

  it('prints a column added like one printed before with no server, as a server prints it; other changes go to a server', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      const opened: string[] = [];
      const canonical = async (cacheDir: string) => printInScratch(config, await loadConfiguredSchema(config), { cacheDir }, () => opened.push(cacheDir));
      const warm = join(project.root, 'warm');
      project.define(printing);
      await canonical(warm);
      expect(opened).toHaveLength(1);

      project.define(printing.replace('note: text(),', "note: text(), stage2: stage.column().notNull().default('new'), amount2: numeric(12, 2).default(0), seen_at: timestamptz().defaultNow(), extra: text(),"));
      const added = await canonical(warm);
      expect(opened).toHaveLength(1);
      expect(added.tables['public.notes']!.columns.map((c) => [c.name, c.type, c.default ?? null])).toEqual([
        ['id', 'integer', null],
        ['note', 'text', null],
        ['stage2', 'public.stage', "'new'::public.stage"],
        ['amount2', 'numeric(12,2)', '0'],
        ['seen_at', 'timestamp with time zone', 'now()'],
        ['extra', 'text', null],
      ]);
      const cold = join(project.root, 'cold');
      expect(await canonical(cold)).toEqual(added);
      expect(opened).toEqual([warm, cold]);

      // A changed default is printed by a server: no column declared before prints it. So is a
      // column added to a table a view reads: \`*\` takes it in when the view is created.
      project.define(printing.replace("default('new')", "default('won')"));
      await canonical(warm);
      expect(opened).toEqual([warm, cold, warm]);
      project.define(printing.replace("default('new')", "default('won')").replace('created_at: timestamptz().defaultNow()', 'created_at: timestamptz().defaultNow(), note: text()'));
      await canonical(warm);
      expect(opened).toEqual([warm, cold, warm, warm]);
    });
  });

  it('prints columns renamed, redeclared, reordered and dropped from the last print, as a server prints them; a column named elsewhere goes to a server', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      let opened = 0;
      const canonical = async (source: string, cacheDir: string) => {
        project.define(source);
        return printInScratch(config, await loadConfiguredSchema(config), { cacheDir: join(project.root, cacheDir) }, () => opened++);
      };
      /** Printed from the last print with no server, as a server prints it from scratch. */
      const edited = async (source: string) => {
        const before = opened;
        const printed = await canonical(source, 'warm');
        expect(opened).toBe(before);
        expect(await canonical(source, `cold-${before}`)).toEqual(printed);
        return printed;
      };
      const columns = (schema: Schema) => schema.tables['public.notes']!.columns.map((c) => [c.name, c.type, c.notNull, c.default ?? null]);
      const base = printing
        .replace('import { enumType,', 'import { bigint, boolean, date, varchar, enumType,')
        .replace('note: text(), },', 'note: text(), code: varchar(20), label: text().check(sql`length(label) > 0`) },');
      await canonical(base, 'warm');
      expect(opened).toBe(1);

      // Renamed (no hint: dropped and added), made required and described; one added.
      const renamed = base.replace('note: text(),', "remark: text().notNull().describe('Free text'), amount: numeric(12, 2).default(0),");
      expect(columns(await edited(renamed))).toEqual([
        ['id', 'integer', true, null],
        ['remark', 'text', true, null],
        ['amount', 'numeric(12,2)', false, '0'],
        ['code', 'character varying(20)', false, null],
        ['label', 'text', false, null],
      ]);
      // Reordered, and a column's type changed to one declared elsewhere.
      const retyped = renamed.replace("id: integer().primaryKey(), remark: text().notNull().describe('Free text'),", 'remark: integer(), id: integer().primaryKey(),');
      expect(retyped).not.toBe(renamed);
      expect(columns(await edited(retyped))).toEqual([
        ['remark', 'integer', false, null],
        ['id', 'integer', true, null],
        ['amount', 'numeric(12,2)', false, '0'],
        ['code', 'character varying(20)', false, null],
        ['label', 'text', false, null],
      ]);
      const dropped = retyped.replace('remark: integer(), ', '');
      expect(columns(await edited(dropped)).map(([name]) => name)).toEqual(['id', 'amount', 'code', 'label']);

      // Declared like no column printed before, of built-in types and defaults: printed in a
      // database of their own. A default calling a function the definitions declare is printed
      // with every definition (theirs may come first on the search_path), and one calling a
      // function nobody declares is refused there, then reported by printing every definition.
      const unlike = dropped.replace('amount: numeric(12, 2).default(0), code:', 'flag: boolean().notNull().default(true), born: date().default(sql`current_date`), amount: numeric(12, 2).default(0), code:');
      expect(unlike).not.toBe(dropped);
      let before = opened;
      const alone = await canonical(unlike, 'warm');
      expect(opened).toBe(before + 1);
      expect(columns(alone).slice(1, 3)).toEqual([
        ['flag', 'boolean', true, 'true'],
        ['born', 'date', false, 'CURRENT_DATE'],
      ]);
      expect(await canonical(unlike, `cold-${before}`)).toEqual(alone);
      const counting = unlike.replace('born: date()', 'counted: bigint().default(sql`note_count()`), born: date()');
      before = opened;
      const own = await canonical(counting, 'warm');
      expect(opened).toBe(before + 1);
      expect(await canonical(counting, `cold-${before}`)).toEqual(own);
      before = opened;
      await expect(canonical(unlike.replace('born: date()', 'lost: bigint().default(sql`no_such_count()`), born: date()'), 'warm')).rejects.toThrow(/no_such_count/);
      expect(opened).toBe(before + 2);

      // A check names label: a new type prints it anew (a cast on varchar).
      before = opened;
      const relabelled = await canonical(dropped.replace('label: text()', 'label: varchar(20)'), 'warm');
      expect(opened).toBe(before + 1);
      const checks = Object.values(relabelled.tables['public.notes']!.constraints).flatMap((c) => (c.kind === 'check' ? [c.expression] : []));
      expect(checks).toEqual([expect.stringMatching(/length\(\(?label\)?::text\)/)]);
      // A function body reads code: without it the server refuses the function.
      const reading = `${dropped}export const firstCode = rpc('first_code', { args: {}, returns: 'text', language: 'sql', body: sql\`SELECT min(code)::text FROM public.notes\` });\n`;
      await canonical(reading, 'warm');
      expect(opened).toBe(before + 2);
      await expect(canonical(reading.replace('code: varchar(20), ', ''), 'warm')).rejects.toThrow(/code/);
      expect(opened).toBe(before + 3);
    });
  });

  it('prints a column added to a table whose policies are named after it with no server, and one whose table a policy reads on a server', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      let opened = 0;
      const canonical = async (source: string) => {
        project.define(source);
        return printInScratch(config, await loadConfiguredSchema(config), { cacheDir: join(project.root, 'cache') }, () => opened++);
      };
      const named = printing.replace(
        'note: text(), },',
        "note: text(), },\n  rls: true,\n  policies: { 'Anyone can read notes': { for: 'select', to: 'authenticated', using: sql`true` } },",
      );
      expect(named).not.toBe(printing);
      await canonical(named);
      const added = await canonical(named.replace('note: text(),', 'note: text(), first: text(),'));
      expect(opened).toBe(1);
      expect(added.tables['public.notes']!.columns.map((c) => c.name)).toEqual(['id', 'note', 'first']);
      // A policy whose subquery reads notes: a column added there could be captured by its names.
      const read = named.replace(
        'created_at: timestamptz().defaultNow() },',
        "created_at: timestamptz().defaultNow() },\n  rls: true,\n  policies: { noted: { for: 'select', to: 'authenticated', using: sql`exists (select 1 from public.notes n where n.id = id)` } },",
      );
      expect(read).not.toBe(named);
      await canonical(read);
      expect(opened).toBe(2);
      await canonical(read.replace('note: text(),', 'note: text(), second: text(),'));
      expect(opened).toBe(3);
      // A SQL function's body is checked as it is created: one returning the table's rows ties it.
      const rows = `${named}export const allNotes = rpc('all_notes', { args: {}, returns: 'SETOF public.notes', language: 'sql', body: sql\`SELECT * FROM public.notes\` });\n`;
      await canonical(rows);
      await canonical(rows.replace('note: text(),', 'note: text(), third: text(),'));
      expect(opened).toBe(5);
    });
  });

  it('after diff answers an undone edit from its stored verdict, the next added column is printed with no server', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      const ask = async (source: string) => {
        saveAWhileAgo(config.definitions, source);
        return asFinishedCommand(() => diffCommand(config, { from: 'migrations', to: 'definitions' }));
      };
      const added = (name: string) => printing.replace('note: text(),', `note: text(), ${name}: text(),`);
      saveAWhileAgo(config.definitions, printing);
      await asFinishedCommand(() => generateCommand(config, { now: new Date('2024-01-31T12:00:00Z') }));
      expect((await ask(printing)).changes).toEqual([]);
      expect((await ask(added('first'))).changes.map((change) => change.kind)).toEqual(['add column']);
      // Undone: the answer is the verdict stored by the first diff, with no print read.
      expect((await ask(printing)).changes).toEqual([]);
      let opened = 0;
      saveAWhileAgo(config.definitions, added('second'));
      const declared = await loadConfiguredSchema(config);
      await printInScratch(config, declared, { cacheDir: cacheDir(config), loadKey: loadKey(declared)! }, () => opened++);
      expect(opened).toBe(0);
    });
  });

  it('prints a column added after an edit was undone from the definitions read again, with no server', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      for (const byLoad of [false, true]) {
        const cacheDir = join(project.root, byLoad ? 'by-load' : 'by-model');
        let opened = 0;
        // With a load key, the definitions read again are found whole, by the key of their files.
        const canonical = async (source: string) => {
          project.define(source);
          return printInScratch(config, await loadConfiguredSchema(config), { cacheDir, ...(byLoad ? { loadKey: source } : {}) }, () => opened++);
        };
        await canonical(printing);
        await canonical(printing.replace('note: text(),', 'note: text(), first: text(),'));
        // Undone: the first print is read again, and the next edit starts from it.
        await canonical(printing);
        const second = await canonical(printing.replace('note: text(),', 'note: text(), second: text(),'));
        expect(opened).toBe(1);
        expect(second.tables['public.notes']!.columns.map((c) => c.name)).toEqual(['id', 'note', 'second']);
      }
    });
  });
});

describe.each(engines)('columns printed alone on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('a column declared like none printed before is printed in a table of its own, as the whole definitions print it', async () => {
    await withProject(pgliteEngine, async (project) => {
      const load = async (source: string) => {
        project.define(source);
        return loadConfiguredSchema(project.config);
      };
      const base = await load(printing);
      const edited = await load(printing.replace('note: text(),', "note: text(), score: numeric(5, 1).notNull().default(2.5), due: timestamptz().default(sql`now() + interval '1 day'`),"));
      await withDatabase(engine, async ({ conn }) => {
        const statements: string[] = [];
        const heard: Connection = { ...conn, exec: (script) => (statements.push(script), conn.exec(script)), query: (text, params) => conn.query(text, params) };
        const print = (schema: Schema, cacheDir: string) => canonicalize(schema, heard, { externalNamespaces: presetOf(project.config).externalNamespaces, cacheDir: join(project.root, cacheDir) });
        await print(base, 'warm');
        statements.length = 0;
        const warm = await print(edited, 'warm');
        expect(statements.join('\n')).toContain('pgform_printed_alone');
        expect(statements.join('\n')).not.toContain('"notes"');
        expect(warm.tables['public.notes']!.columns.map((c) => [c.name, c.type, c.default ?? null])).toEqual([
          ['id', 'integer', null],
          ['note', 'text', null],
          ['score', 'numeric(5,1)', '2.5'],
          ['due', 'timestamp with time zone', expect.stringMatching(/now\(\) \+ '1 day'::interval/)],
        ]);
        expect(await print(edited, 'cold')).toEqual(warm);
      });
    });
  });
});
