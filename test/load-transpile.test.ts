import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSchema } from '../src/load/definitions.js';
import { scratchFolder } from './support/scratch.js';

/*
 * Definitions are transpiled by sucrase, and by babel for what sucrase cannot do. Either way a
 * definition keeps its file:line, and a module means what it means as an ES module.
 */
const root = scratchFolder('load-transpile');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('transpiling definitions', () => {
  it('keeps every definition on its line through type-only syntax, enums and satisfies', async () => {
    const text = [
      "import { table, text, uuid, type TableTarget } from 'pgform';",
      'interface Shape {',
      '  readonly label: string;',
      '}',
      'enum Size { Small = 1, Large = 2 }',
      "const shape = { label: 'x' } satisfies Shape;",
      'type Unused = TableTarget | undefined;',
      '',
      "export const notes = table('notes', {",
      '  columns: { id: uuid().primaryKey(), body: text() },',
      '});',
      "export const sizes = table(`sizes_${Size.Large}_${shape.label}`, { columns: { id: uuid().primaryKey() } });",
    ].join('\n');
    const dir = project('typed', { 'definitions.ts': text });
    const schema = await loadSchema(dir);
    const file = expect.stringMatching(/typed\/definitions\.ts$/);
    expect(schema.tables['public.notes']?.source).toEqual({ file, line: lineOf(text, "table('notes'") });
    expect(schema.tables['public.sizes_2_x']?.source).toEqual({ file, line: lineOf(text, 'sizes_') });
  });

  it('loads a module that reads its own URL, awaits at the top, or imports another by its .js name', async () => {
    const dir = project('module-features', {
      'names.ts': "export const tableName: string = 'shared_items';\n",
      'definitions.ts': [
        "import { basename } from 'node:path';",
        "import { fileURLToPath } from 'node:url';",
        "import { table, uuid } from 'pgform';",
        "import { tableName } from './names.js';",
        'const here = basename(fileURLToPath(import.meta.url), \'.ts\');',
        'const suffix = await Promise.resolve(here.length);',
        'export const items = table(`${tableName}_${suffix}`, { columns: { id: uuid().primaryKey() } });',
        "export const more = table('more_items', { columns: { id: uuid().primaryKey() } });",
      ].join('\n'),
    });
    const schema = await loadSchema(dir);
    expect(Object.keys(schema.tables).sort()).toEqual(['public.more_items', 'public.shared_items_11']);
  });

  it("reads a module's exports in name order, as an ES module's namespace lists them", async () => {
    const dir = project('order', {
      'definitions.ts': [
        "import { table, uuid } from 'pgform';",
        "export const zebra = table('zebra', { columns: { id: uuid().primaryKey() } });",
        "export const alpha = table('alpha', { columns: { id: uuid().primaryKey() } });",
      ].join('\n'),
    });
    const schema = await loadSchema(dir);
    expect(Object.keys(schema.tables)).toEqual(['public.alpha', 'public.zebra']);
  });
});
