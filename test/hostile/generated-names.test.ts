import { describe, expect, it } from 'vitest';
import { table, text, uuid } from '../../src/dsl/index.js';
import { ident, literal, qualified } from '../../src/sql/quote.js';
import { engines, withDatabase } from '../support/engines.js';

/** Table and column names that make PostgreSQL shorten its generated names, in bytes not characters. */
const shapes = [
  { table: 'leads', column: 'email' },
  { table: 'Mixed "Case" table', column: 'Odd Column' },
  { table: 'т'.repeat(31), column: 'é'.repeat(31) },
  { table: 'a'.repeat(63), column: 'b'.repeat(63) },
  { table: '😀'.repeat(15), column: 'x' },
  { table: 'x', column: '数'.repeat(21) },
];

/**
 * Column shorthands (`.primaryKey()`, `.unique()`, `.references()`, `.check()`) name their
 * constraints as PostgreSQL would. Checked against the server: the same table created in SQL
 * with unnamed constraints must get exactly those names, multi-byte truncation included.
 */
describe.each(engines)('generated constraint names on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('match the names PostgreSQL chooses', async () => {
    await withDatabase(engine, async ({ conn }) => {
      for (const [i, shape] of shapes.entries()) {
        const schemaName = `generated_${i}`;
        const def = table(shape.table, {
          schema: schemaName,
          columns: {
            id: uuid().primaryKey(),
            [shape.column]: text().unique().check(`${ident(shape.column)} <> ''`).references('parent', 'key'),
          },
        });
        const declared = [...Object.keys(def.constraints), ...def.foreignKeys.map((fk) => fk.name)].sort();
        await conn.exec(`CREATE SCHEMA ${ident(schemaName)};
          CREATE TABLE ${qualified(schemaName, 'parent')} (key text PRIMARY KEY);
          CREATE TABLE ${qualified(schemaName, shape.table)} (
            id uuid PRIMARY KEY,
            ${ident(shape.column)} text UNIQUE CHECK (${ident(shape.column)} <> '') REFERENCES ${qualified(schemaName, 'parent')} (key));`);
        // PostgreSQL 18 (PGlite) also records NOT NULL as constraints; pgform does not model those.
        const rows = await conn.query<{ name: string }>(
          `SELECT conname AS name FROM pg_constraint WHERE conrelid = (${literal(qualified(schemaName, shape.table))})::regclass AND contype <> 'n' ORDER BY conname COLLATE "C"`,
        );
        expect(rows.map((row) => row.name), `${shape.table}.${shape.column}`).toEqual(declared.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }
    });
  });
});
