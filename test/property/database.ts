import type { Connection } from '../../src/engine/connection.js';
import { literal } from '../../src/sql/quote.js';
import type { OpenDatabase, TestEngine } from '../support/engines.js';
import { externalNamespaces } from '../support/round-trip.js';

/**
 * Opening a database costs more than a whole case (PGlite ~1.7 s, a PostgreSQL CREATE and DROP
 * DATABASE ~1 s), so one database per engine serves every case, emptied between cases.
 */
export async function openCaseDatabase(engine: TestEngine): Promise<OpenDatabase> {
  const db = await engine.open();
  await emptyDatabase(db.conn);
  return db;
}

const kept = [...externalNamespaces, 'public', 'information_schema'].map(literal).join(', ');

/**
 * Drops everything a case created: every schema but the preset's and public, and every
 * relation, routine and type in public. Then checks nothing is left, so one case can never
 * leak into the next.
 */
export async function emptyDatabase(conn: Connection): Promise<void> {
  await conn.exec(`DO $reset$
DECLARE r record;
BEGIN
  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN (${kept}) AND nspname NOT LIKE 'pg\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  -- Sequences last: an identity sequence goes with its table.
  FOR r IN SELECT relname, relkind FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'S') ORDER BY relkind = 'S' LOOP
    EXECUTE format('DROP %s IF EXISTS public.%I CASCADE',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, r.relname);
  END LOOP;
  FOR r IN SELECT oid::regprocedure::text AS signature FROM pg_proc WHERE pronamespace = 'public'::regnamespace LOOP
    EXECUTE 'DROP ROUTINE IF EXISTS ' || r.signature || ' CASCADE';
  END LOOP;
  FOR r IN SELECT typname FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'd', 'c') AND typrelid = 0 LOOP
    EXECUTE format('DROP TYPE IF EXISTS public.%I CASCADE', r.typname);
  END LOOP;
END
$reset$`);
  const [left] = await conn.query<{ n: string | number }>(
    `SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)
      + (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace)
      + (SELECT count(*) FROM pg_type WHERE typnamespace = 'public'::regnamespace) AS n`,
  );
  if (Number(left!.n) !== 0) throw new Error(`the case database still holds ${String(left!.n)} objects in public after emptying`);
}
