import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHeld } from '../src/cache.js';
import { presetOf } from '../src/commands/database.js';
import { definitionsState, definitionsStates } from '../src/commands/states.js';
import { loadConfiguredSchema } from '../src/commands/sql.js';
import type { ResolvedConfig } from '../src/config/load.js';
import type { Schema } from '../src/model/schema.js';
import { loadSchema } from '../src/load/definitions.js';
import { keepModules, releaseModules } from '../src/load/typescript.js';
import { asFinishedCommand, saveAWhileAgo as save } from './support/finished-command.js';
import { scratchFolder } from './support/scratch.js';

/*
 * The loaded model is cached under the content of every file its load evaluated. Each module of
 * the project below appends a line to a log when it is evaluated: a load read from the cache
 * evaluates none.
 */
const root = scratchFolder('load-cache');
const log = join(root, 'evaluated.log');
const definitions = join(root, 'definitions');
const helper = join(root, 'shared', 'columns.ts');
mkdirSync(definitions, { recursive: true });
mkdirSync(join(root, 'shared'), { recursive: true });

const logged = (name: string) => `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, '${name}\\n');\n`;
const helperText = (length: number) => `${logged('helper')}import { varchar } from 'pgform';\nexport const label = () => varchar(${length});\n`;
const labelType = (schema: Schema, table: string) => schema.tables[`public.${table}`]?.columns.find((column) => column.name === 'label')?.type;
const tableText = (name: string, extra = '') =>
  `${logged(name)}import { integer, table } from 'pgform';\nimport { label } from '../shared/columns.js';\nexport const ${name} = table('${name}', { columns: { id: integer().primaryKey(), label: label()${extra} } });\n`;

const config: ResolvedConfig = { root, definitions, migrations: 'migrations', out: 'generated', embeddedDir: join(root, '.pgform', 'db'), preset: 'supabase', systems: {} };

/** The modules evaluated by `work`, a command that ends well (what it held back for the cache is stored). */
async function evaluatedBy<T>(work: () => Promise<T>): Promise<{ value: T; evaluated: string[] }> {
  writeFileSync(log, '');
  const value = await asFinishedCommand(work);
  return { value, evaluated: readFileSync(log, 'utf8').split('\n').filter(Boolean).sort() };
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the loaded model, cached by the content of every file its load evaluated', () => {
  it('hits when nothing changed; misses when a loaded file outside the folder, a definitions file or the folder changes', async () => {
    save(helper, helperText(20));
    save(join(definitions, 'items.ts'), tableText('items'));
    save(join(definitions, 'orders.ts'), tableText('orders'));

    const first = await evaluatedBy(() => loadConfiguredSchema(config));
    // Shared by both definition files, the helper is evaluated once per load.
    expect(first.evaluated).toEqual(['helper', 'items', 'orders']);
    const again = await evaluatedBy(() => loadConfiguredSchema(config));
    expect(again.evaluated).toEqual([]);
    expect(again.value).toEqual(first.value);
    // What the cache holds is what a load builds.
    expect(again.value).toStrictEqual(JSON.parse(JSON.stringify(await loadSchema(definitions, { externalNamespaces: presetOf(config).externalNamespaces }))));

    // The helper lives outside the definitions folder: its edit still misses.
    save(helper, helperText(40));
    const helperEdited = await evaluatedBy(() => loadConfiguredSchema(config));
    expect(helperEdited.evaluated).toEqual(['helper', 'items', 'orders']);
    expect(labelType(helperEdited.value, 'items')).toBe('character varying(40)');

    // Back to the text of before: that load's model again, with nothing evaluated.
    save(helper, helperText(20));
    const restored = await evaluatedBy(() => loadConfiguredSchema(config));
    expect(restored.evaluated).toEqual([]);
    expect(restored.value).toEqual(first.value);

    save(join(definitions, 'orders.ts'), tableText('orders', ', total: integer()'));
    const definitionEdited = await evaluatedBy(() => loadConfiguredSchema(config));
    expect(definitionEdited.evaluated).toEqual(['helper', 'items', 'orders']);
    expect(definitionEdited.value.tables['public.orders']?.columns.map((column) => column.name)).toEqual(['id', 'label', 'total']);

    // A command that fails leaves nothing behind: the next one loads again.
    save(join(definitions, 'notes.ts'), tableText('notes'));
    await loadConfiguredSchema(config);
    writeHeld(false);
    const added = await evaluatedBy(() => loadConfiguredSchema(config));
    expect(added.evaluated).toEqual(['helper', 'items', 'notes', 'orders']);
    expect(added.value.tables['public.notes']).toBeDefined();
    expect((await evaluatedBy(() => loadConfiguredSchema(config))).evaluated).toEqual([]);

    rmSync(join(definitions, 'notes.ts'));
    const removed = await evaluatedBy(() => loadConfiguredSchema(config));
    expect(removed.value.tables['public.notes']).toBeUndefined();
    expect(removed.value).toEqual(definitionEdited.value);
  });

  it('is bypassed with PGFORM_NO_MODEL_CACHE, and by a session that keeps modules', async () => {
    expect((await evaluatedBy(() => loadConfiguredSchema(config))).evaluated).toEqual([]);
    process.env.PGFORM_NO_MODEL_CACHE = '1';
    try {
      expect((await evaluatedBy(() => loadConfiguredSchema(config))).evaluated).toEqual(['helper', 'items', 'orders']);
    } finally {
      delete process.env.PGFORM_NO_MODEL_CACHE;
    }
    keepModules();
    try {
      expect((await evaluatedBy(() => loadConfiguredSchema(config))).evaluated).toEqual(['helper', 'items', 'orders']);
      // Kept: nothing is evaluated again until a file is forgotten.
      expect((await evaluatedBy(() => loadConfiguredSchema(config))).evaluated).toEqual([]);
    } finally {
      releaseModules();
    }
    expect((await evaluatedBy(() => loadConfiguredSchema(config))).evaluated).toEqual([]);
  });

  it('a file saved while the load ran is not cached under its new text', async () => {
    writeFileSync(join(definitions, 'items.ts'), tableText('items', ', note: integer()'));
    expect((await evaluatedBy(() => loadConfiguredSchema(config))).evaluated).toEqual(['helper', 'items', 'orders']);
    // The first load stored nothing.
    expect((await evaluatedBy(() => loadConfiguredSchema(config))).evaluated).toEqual(['helper', 'items', 'orders']);
    save(join(definitions, 'items.ts'), tableText('items', ', note: integer()'));
  });

  // The canonical model is printed by the embedded engine on a miss.
  it('the canonical model of an unchanged load is read whole; an edit of a helper outside the folder prints again', async () => {
    const { value: first } = await evaluatedBy(() => definitionsStates(config));
    expect(labelType(first.canonical, 'items')).toBe('character varying(20)');
    const again = await evaluatedBy(() => definitionsStates(config));
    expect(again.evaluated).toEqual([]);
    expect(again.value.canonical).toEqual(first.canonical);
    expect(again.value.declared).toEqual(first.declared);

    save(helper, helperText(60));
    const edited = await evaluatedBy(() => definitionsStates(config));
    expect(edited.evaluated).toEqual(['helper', 'items', 'orders']);
    expect(labelType(edited.value.canonical, 'items')).toBe('character varying(60)');
    expect(labelType(edited.value.canonical, 'orders')).toBe('character varying(60)');
  });

  it('a command that needs the canonical model alone finds it by the files, without the declared model; an edit is seen', async () => {
    const { value: both } = await evaluatedBy(() => definitionsStates(config));
    const alone = await evaluatedBy(() => definitionsState(config));
    expect(alone.evaluated).toEqual([]);
    expect(alone.value).toEqual(both.canonical);
    expect(JSON.stringify(alone.value)).toBe(JSON.stringify(both.canonical));

    save(helper, helperText(80));
    const edited = await evaluatedBy(() => definitionsState(config));
    expect(edited.evaluated).toEqual(['helper', 'items', 'orders']);
    expect(labelType(edited.value, 'items')).toBe('character varying(80)');
  });
});
