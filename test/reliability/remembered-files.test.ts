import { describe, expect, it } from 'vitest';
import type { Connection } from '../../src/engine/connection.js';
import { engines, withDatabase } from '../support/engines.js';

/**
 * The embedded engine remembers the sizes of the files it read until it next changes a file, and
 * which files it found missing until it next creates one (see src/engine/remembered-files.ts).
 * A size remembered past a change would hide a table's new pages, or read past its end after a
 * shrink; a file remembered missing past its creation would hide it: each step here grows,
 * shrinks, replaces or adds to a table's files between reads that must see exactly what is stored.
 */
describe.each(engines)('relation files read between changes on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('a table that grows, shrinks, is rewritten, emptied and given a visibility map is read whole each time', async () => {
    await withDatabase(
      engine,
      async ({ conn }) => {
        const rows = async (table: string) => Number((await conn.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
        const size = async (table: string) => Number((await conn.query<{ pages: string }>(`SELECT pg_relation_size('${table}') / 8192 AS pages`))[0]!.pages);
        await conn.exec('CREATE TABLE grown (id int PRIMARY KEY, filler text)');
        let expected = 0;
        // Each batch adds pages the reads before it measured the table without.
        for (const batch of [1, 50, 400, 3000]) {
          await insert(conn, expected, batch);
          expected += batch;
          expect(await rows('grown')).toBe(expected);
          expect(await rows('grown')).toBe(expected);
        }
        const grownPages = await size('grown');
        expect(grownPages).toBeGreaterThan(10);
        // VACUUM truncates the empty pages at the end: later reads must not look past them.
        await conn.exec('DELETE FROM grown WHERE id >= 100');
        await conn.exec('VACUUM grown');
        expect(await rows('grown')).toBe(100);
        expect(await size('grown')).toBeLessThan(grownPages);
        await insert(conn, 100, 500);
        expect(await rows('grown')).toBe(600);
        // A rewrite puts the table in a new file; TRUNCATE in yet another, empty one.
        await conn.exec('VACUUM FULL grown');
        expect(await rows('grown')).toBe(600);
        await conn.exec('TRUNCATE grown');
        expect(await rows('grown')).toBe(0);
        await insert(conn, 0, 200);
        expect(await rows('grown')).toBe(200);
        expect((await conn.query<{ id: number }>('SELECT max(id) AS id FROM grown WHERE id < 150'))[0]!.id).toBe(149);
        // A visibility map is looked for (and missing) until VACUUM creates it.
        await conn.exec('CREATE TABLE small (x int); INSERT INTO small VALUES (1)');
        const mapPages = async () => Number((await conn.query<{ bytes: string }>(`SELECT pg_relation_size('small', 'vm') AS bytes`))[0]!.bytes);
        expect(await mapPages()).toBe(0);
        expect(await mapPages()).toBe(0);
        await conn.exec('VACUUM small');
        expect(await mapPages()).toBeGreaterThan(0);
      },
      { preset: false },
    );
  });
});

async function insert(conn: Connection, from: number, count: number): Promise<void> {
  await conn.exec(`INSERT INTO grown SELECT g, repeat('x', 200) FROM generate_series(${from}, ${from + count - 1}) g`);
}
