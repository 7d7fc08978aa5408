import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { objectName } from '../../src/dsl/names.js';
import { camelCase, defaultName, kebabCase, variablePool } from '../../src/emit/pull/names.js';
import { quoteString, templateBody } from '../../src/emit/pull/literals.js';
import { importTypeScript } from '../../src/load/typescript.js';
import { withPullFolder } from './support.js';

/** SQL text that is hard to carry in a template literal: escapes, substitutions, line ends. */
const hostile = [
  'plain',
  "it's",
  'a\\b',
  'ends with \\',
  'ends with \\\\',
  '`',
  '\\`',
  '\\\\`',
  '${x}',
  '\\${x}',
  '$${',
  '$',
  'a\r\nb',
  '\\\r',
  '\u2028 and \u2029',
  "E'\\x41\\u00zz\\0\\1'",
  "regexp_replace(x, '\\s+', ' ')",
  '``` ${`${`}',
];

describe('sql templates and strings in pulled files', () => {
  it('load back to exactly the text they were made from', async () => {
    await withPullFolder(async (folder) => {
      mkdirSync(folder, { recursive: true });
      const file = join(folder, 'texts.ts');
      const lines = hostile.map((text, i) => `export const t${i} = { sql: sql\`${templateBody(text)}\`, string: ${quoteString(text)} };`);
      // Formatted as pull formats its files: prettier must keep every character of the texts.
      writeFileSync(file, await prettier.format(`import { sql } from 'pgform';\n${lines.join('\n')}\n`, { parser: 'typescript', singleQuote: true }));
      const loaded = (await importTypeScript(file)) as Record<string, { sql: { sql: string }; string: string }>;
      hostile.forEach((text, i) => {
        expect(loaded[`t${i}`]!.sql.sql, JSON.stringify(text)).toBe(text);
        expect(loaded[`t${i}`]!.string, JSON.stringify(text)).toBe(text);
      });
    });
  });
});

describe('names', () => {
  it('gives the default names the DSL gives, long names shortened alike', () => {
    const long = 'x'.repeat(40);
    for (const [a, b, label] of [['leads', 'email', 'key'], [long, `${long}_col`, 'fkey'], ['naïve_табл', 'колонка'.repeat(6), 'check'], [long + long, undefined, 'pkey']] as const) {
      expect(defaultName(a, b, label)).toBe(objectName(a, b, label));
    }
  });

  it('makes variables and file names from database names', () => {
    expect(camelCase('lead_status')).toBe('leadStatus');
    expect(camelCase('Weird "Name"')).toBe('weirdName');
    expect(camelCase('dashboardUsers')).toBe('dashboardUsers');
    expect(camelCase('naïve_табл')).toBe('naive');
    expect(kebabCase('Odd Schema.v2')).toBe('odd-schema-v2');
    const pool = variablePool();
    expect(pool.claim(['text', 'textTable'], 'table')).toBe('textTable');
    expect(pool.claim(['leads'], 'table')).toBe('leads');
    expect(pool.claim(['leads'], 'table')).toBe('leads2');
    expect(pool.claim([''], 'table')).toBe('table2');
  });
});
