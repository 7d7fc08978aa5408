import { describe, expect, it } from 'vitest';
import { introspect } from '../../src/introspect/index.js';
import { pgliteEngine, withDatabase } from '../support/engines.js';
import { externalNamespaces } from '../support/round-trip.js';

/**
 * The embedded engine keeps the plans of the statements a session repeats (the catalog reads):
 * a kept statement must answer exactly what the statement run afresh answers, whatever its
 * parameters hold, and survive SQL that drops prepared statements.
 */
describe('kept statements on pglite', () => {
  it('answer what the plain statement answers, for awkward parameters', async () => {
    await withDatabase(pgliteEngine, async ({ conn }) => {
      const sql = 'SELECT $1::text[] AS names, $2::int AS n, $3::bool AS flag, $4::text AS note, cardinality($1::text[]) AS size';
      const awkward: unknown[][] = [
        [['a', 'b'], 1, true, 'x'],
        [['it\'s', 'a "quoted" name', 'back\\slash', 'NULL', '', 'comma,brace}{'], -7, false, null],
        [[null, 'x'], 0, true, "O'Brien"],
        [[], 2, false, ''],
      ];
      for (const params of awkward) expect(await conn.queryKept!(sql, params)).toEqual(await conn.query(sql, params));
      expect((await conn.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'pgform\\_kept\\_%'"))[0]!.n).toBe(1);
    });
  });

  it('read the same model again after the prepared statements were dropped, in or out of a transaction', async () => {
    await withDatabase(pgliteEngine, async ({ conn }) => {
      await conn.exec('CREATE TABLE public.t (id int PRIMARY KEY, note text CHECK (note <> \'\')); CREATE VIEW public.v AS SELECT id FROM public.t');
      const read = () => introspect(conn, { externalNamespaces });
      const first = await read();
      expect(first.tables['public.t']).toBeDefined();
      expect(await read()).toEqual(first);
      await conn.exec('DEALLOCATE ALL');
      expect(await read()).toEqual(first);
      await conn.exec('BEGIN; DEALLOCATE ALL; COMMIT');
      expect(await read()).toEqual(first);
      await conn.exec('DISCARD ALL');
      expect(await read()).toEqual(first);
    });
  });
});
