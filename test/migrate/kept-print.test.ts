import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalizeWith, type KeptPrints } from '../../src/canonical/index.js';
import { openScratch, presetOf, withConnection } from '../../src/commands/database.js';
import { cacheDir, embeddedPrinter, embeddedPrintsKept } from '../../src/commands/states.js';
import { loadConfiguredSchema } from '../../src/commands/sql.js';
import type { ResolvedConfig } from '../../src/config/load.js';
import type { Connection } from '../../src/engine/connection.js';
import type { Schema } from '../../src/model/schema.js';
import { pgliteEngine } from '../support/engines.js';
import { withProject } from './project.js';

const base = `import { enumType, integer, numeric, sql, table, text, timestamptz, varchar, view } from 'pgform';
export const stage = enumType('stage', ['new', 'won']);
export const deals = table('deals', {
  columns: { id: integer().primaryKey(), stage: stage.column().notNull().default('new'), amount: numeric(12, 2).default(0), owner: text(), created_at: timestamptz().defaultNow() },
  rls: true,
  policies: { 'Owners read deals': { for: 'select', to: 'authenticated', using: sql\`owner = current_user\` } },
});
export const openDeals = view('open_deals', { query: sql\`SELECT id, amount FROM public.deals WHERE stage = 'new'\` });
`;

const notes = `export const notes = table('notes', {
  columns: { id: integer().primaryKey(), deal_id: integer().notNull().references('deals', 'id'), body: text() },
  indexes: { notes_deal_idx: { on: ['deal_id'] } },
});
export const tags = table('tags', { columns: { id: integer().primaryKey(), label: text().notNull().unique() } });
`;

/** How often each kind of printing database was opened: a kept one edited, a new one for a whole print, a scratch one (columns printed alone). */
interface Opened {
  kept: number;
  whole: number;
  scratch: number;
}

/** The project's kept printing databases, counted, and kept for definitions of any size (these are a few tables). */
function counting(kept: KeptPrints, opened: Opened): KeptPrints {
  return {
    smallest: 0,
    newest: (lineage) => kept.newest(lineage),
    async open(lineage, holds) {
      const found = await kept.open(lineage, holds);
      if (found) opened.kept++;
      return found;
    },
    async empty() {
      opened.whole++;
      return kept.empty();
    },
  };
}

/** The definitions' canonical form as `generate` prints them, with the project's kept printing databases. */
async function warmPrint(config: ResolvedConfig, opened: Opened): Promise<Schema> {
  const scratch = <T>(work: (conn: Connection) => Promise<T>) => {
    opened.scratch++;
    return withConnection(() => openScratch(config), work);
  };
  const options = { externalNamespaces: presetOf(config).externalNamespaces, cacheDir: cacheDir(config), keptPrints: counting(embeddedPrintsKept(config), opened) };
  return canonicalizeWith(await loadConfiguredSchema(config), embeddedPrinter, scratch, options);
}

/** The same, printed from scratch with nothing cached or kept. */
async function coldPrint(config: ResolvedConfig): Promise<Schema> {
  const scratch = <T>(work: (conn: Connection) => Promise<T>) => withConnection(() => openScratch(config), work);
  return canonicalizeWith(await loadConfiguredSchema(config), embeddedPrinter, scratch, { externalNamespaces: presetOf(config).externalNamespaces });
}

const keptDirectories = (config: ResolvedConfig) => {
  const root = cacheDir(config, 'print-data');
  return existsSync(root) ? readdirSync(root).flatMap((lineage) => readdirSync(join(root, lineage)).filter((name) => /^[0-9a-f]{64}$/.test(name))) : [];
};

describe('the printing database kept between runs', () => {
  it('prints added tables, indexes, policies and views, changed policies, dropped tables and edits after a column printed with no server by applying only the edit; retypes, renames and columns a view may expand in a new database; each as a new database prints it', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      const opened: Opened = { kept: 0, whole: 0, scratch: 0 };
      /** Printed warm as `opens` says, and exactly as a cold print. */
      const edited = async (source: string, opens: Opened) => {
        project.define(source);
        const printed = await warmPrint(config, opened);
        expect(opened).toEqual(opens);
        expect(printed).toEqual(await coldPrint(config));
        expect(keptDirectories(config)).toHaveLength(1);
        return printed;
      };

      await edited(base, { kept: 0, whole: 1, scratch: 0 });
      // Tables with a foreign key, an index and a unique constraint: added to the kept database.
      const withNotes = await edited(base + notes, { kept: 1, whole: 1, scratch: 0 });
      expect(Object.keys(withNotes.tables).sort()).toEqual(['public.deals', 'public.notes', 'public.tags']);

      // A policy on an existing table, and a view over the new one.
      const withPolicy = (base + notes)
        .replace("policies: { 'Owners read deals'", "policies: { 'Owners update deals': { for: 'update', to: 'authenticated', using: sql`owner = current_user` }, 'Owners read deals'")
        .concat("export const dealNotes = view('deal_notes', { query: sql`SELECT n.id, n.body, d.amount FROM public.notes n JOIN public.deals d ON d.id = n.deal_id` });\n");
      const printed = await edited(withPolicy, { kept: 2, whole: 1, scratch: 0 });
      expect(printed.views['public.deal_notes']!.definition).toContain('JOIN public.deals d ON d.id = n.deal_id');

      // A policy's expression changed: dropped and created again in the kept database.
      const policyChanged = withPolicy.replace('using: sql`owner = current_user` }, \'Owners read', "using: sql`owner = session_user` }, 'Owners read");
      await edited(policyChanged, { kept: 3, whole: 1, scratch: 0 });

      // A column two views read, retyped: the server would keep what it rewrote around the old
      // type, so every definition is printed in a new database, which is kept instead.
      const retyped = policyChanged.replace('amount: numeric(12, 2)', 'amount: numeric(14, 2)');
      expect((await edited(retyped, { kept: 3, whole: 2, scratch: 0 })).tables['public.deals']!.columns.find((c) => c.name === 'amount')!.type).toBe('numeric(14,2)');

      // A column like one printed before: printed with no database at all.
      const described = retyped.replace('label: text().notNull().unique() }', 'label: text().notNull().unique(), note: text() }');
      await edited(described, { kept: 3, whole: 2, scratch: 0 });
      // The kept database still holds the definitions before that column: the next edit applies both.
      const withExtras = described.concat("export const extras = table('extras', { columns: { id: integer().primaryKey(), tag_id: integer().references('tags', 'id') } });\n");
      expect((await edited(withExtras, { kept: 4, whole: 2, scratch: 0 })).tables['public.tags']!.columns.map((c) => c.name)).toEqual(['id', 'label', 'note']);

      // An edit the server refuses: the kept database takes it in a transaction rolled back, so
      // it still holds the last print; the whole print reports the error at its definition.
      project.define(withExtras.concat("export const broken = view('broken', { query: sql`SELECT no_such_column FROM public.extras` });\n"));
      await expect(warmPrint(config, opened)).rejects.toThrow(/no_such_column/);
      expect(opened).toEqual({ kept: 5, whole: 3, scratch: 0 });
      expect(keptDirectories(config)).toHaveLength(1);
      const withAllTags = withExtras.concat("export const allTags = view('all_tags', { query: sql`SELECT * FROM public.tags` });\n");
      await edited(withAllTags, { kept: 6, whole: 3, scratch: 0 });

      // A column added to a table a view reads with \`*\`: a new database expands it into the view,
      // the kept one took the columns as they were. Printed whole.
      const colored = withAllTags.replace('note: text() }', 'note: text(), color: text() }');
      expect((await edited(colored, { kept: 6, whole: 4, scratch: 0 })).views['public.all_tags']!.definition).toContain('color');

      // A text column with a default and a check, made varchar: the kept database would keep
      // them cast as text, where a new one casts them to the new type. Printed whole.
      const flagged = colored.concat("export const flags = table('flags', { columns: { id: integer().primaryKey(), code: text().notNull().default('a').check(sql`code IN ('a', 'b')`) } });\n");
      await edited(flagged, { kept: 7, whole: 4, scratch: 0 });
      await edited(flagged.replace("code: text().notNull()", 'code: varchar(20).notNull()'), { kept: 7, whole: 5, scratch: 0 });

      // A column renamed while a view still names it by its old name: the kept database's view
      // follows the column, a new database refuses the view. Printed whole, which reports it.
      project.define(flagged.replace("code: text().notNull()", 'code: varchar(20).notNull()').replace("label: text().notNull().unique(),", "title: text().notNull().unique().renamedFrom('label'),").replace('SELECT * FROM public.tags', 'SELECT id, label FROM public.tags'));
      await expect(warmPrint(config, opened)).rejects.toThrow(/label/);
      expect(opened).toEqual({ kept: 7, whole: 6, scratch: 0 });

      // A table dropped, with the view reading it.
      const dropped = flagged.replace("code: text().notNull()", 'code: varchar(20).notNull()').replace(/export const notes = table[\s\S]*?\n}\);\n/, '').replace(/export const dealNotes[^\n]*\n/, '');
      await edited(dropped, { kept: 8, whole: 6, scratch: 0 });

      // Definitions that share little with the kept database's (another system's): printed whole
      // in a new database, kept in its place, with no time spent opening the old one.
      await edited("import { integer, table } from 'pgform';\nexport const other = table('other', { columns: { id: integer().primaryKey() } });\n", { kept: 8, whole: 7, scratch: 0 });
    });
  });

  it('keeps no printing database for definitions of a few tables, which print whole as fast', async () => {
    await withProject(pgliteEngine, async (project) => {
      const { config } = project;
      project.define(base + notes);
      const options = { externalNamespaces: presetOf(config).externalNamespaces, cacheDir: cacheDir(config), keptPrints: embeddedPrintsKept(config) };
      const scratch = <T>(work: (conn: Connection) => Promise<T>) => withConnection(() => openScratch(config), work);
      expect(await canonicalizeWith(await loadConfiguredSchema(config), embeddedPrinter, scratch, options)).toEqual(await coldPrint(config));
      expect(keptDirectories(config)).toEqual([]);
    });
  });
});
