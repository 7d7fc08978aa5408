import type { Connection } from '../../src/engine/connection.js';
import type { OpenDatabase, TestEngine } from './engines.js';
import { ident, literal } from '../../src/sql/quote.js';
import { fingerprint } from './fingerprint.js';

/**
 * Databases that case runners hand back instead of dropping. Opening a database costs far more
 * than a case's own work (PGlite starts an engine and copies a data directory; PostgreSQL's DROP
 * DATABASE waits for a checkpoint), so a returned database is reset to the preset's state and
 * kept, but only when its catalog fingerprint then equals a fresh database's: anything the reset
 * missed sends the database away, so no case ever sees another case's leftovers.
 */

interface EnginePool {
  idle: OpenDatabase[];
  opened: number;
  reused: number;
  /** A fresh database's fingerprint, read from the first one this process opens. */
  pristine?: string[];
  /** What a fresh database holds that the reset must keep, read from the same database. */
  baseline?: Baseline;
}

interface Grant {
  grantee: string;
  privilege: string;
  grantable: boolean;
}

interface Baseline {
  /** The session's search_path when the database was handed out first (the preset sets it in the session). */
  searchPath: string;
  schemas: string[];
  extensions: string[];
  publications: string[];
  /** The public schema's owner, grants and comment, restored after it is re-created. */
  publicSchema: { owner: string; comment: string | null; grants: Grant[] | null };
  /** Default privileges given in the public schema: they go with it and come back with it. */
  publicDefaults: (Grant & { role: string; objects: string })[];
}

const pools = new Map<TestEngine['name'], EnginePool>();

function poolOf(engine: TestEngine): EnginePool {
  let pool = pools.get(engine.name);
  if (!pool) pools.set(engine.name, (pool = { idle: [], opened: 0, reused: 0 }));
  return pool;
}

async function readBaseline(conn: Connection): Promise<Baseline> {
  const names = async (sql: string) => (await conn.query<{ name: string }>(sql)).map((row) => row.name);
  const [publicSchema] = await conn.query<Baseline['publicSchema']>(
    `SELECT pg_get_userbyid(n.nspowner) AS owner, obj_description(n.oid, 'pg_namespace') AS comment,
            (SELECT json_agg(json_build_object('grantee', CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                                               'privilege', a.privilege_type, 'grantable', a.is_grantable))
               FROM aclexplode(n.nspacl) a) AS grants
       FROM pg_namespace n WHERE n.nspname = 'public'`,
  );
  const publicDefaults = await conn.query<Baseline['publicDefaults'][number]>(
    `SELECT quote_ident(pg_get_userbyid(d.defaclrole)) AS role,
            CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' END AS objects,
            CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee,
            a.privilege_type AS privilege, a.is_grantable AS grantable
       FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a
      WHERE n.nspname = 'public'
      ORDER BY 1, 2, 3, 4`,
  );
  const [{ path }] = (await conn.query<{ path: string }>("SELECT current_setting('search_path') AS path")) as [{ path: string }];
  return {
    searchPath: path,
    publicDefaults,
    schemas: await names("SELECT nspname AS name FROM pg_namespace WHERE nspname <> 'public'"),
    extensions: await names('SELECT extname AS name FROM pg_extension'),
    publications: await names('SELECT pubname AS name FROM pg_publication'),
    publicSchema: publicSchema!,
  };
}

const literalList = (values: string[]) => `ARRAY[${values.map(literal).join(', ')}]::text[]`;

/**
 * Drops what a case created: publications, event triggers, extensions and schemas a fresh
 * database does not have, and the public schema with everything in it (re-created as it was).
 */
function resetSql(baseline: Baseline): string {
  const { owner, comment, grants } = baseline.publicSchema;
  const acl = grants
    ? [`REVOKE ALL ON SCHEMA public FROM ${ident(owner)};`, ...grants.map((g) => `GRANT ${g.privilege} ON SCHEMA public TO ${g.grantee}${g.grantable ? ' WITH GRANT OPTION' : ''};`)]
    : [];
  return `DO $reset$
DECLARE r record;
BEGIN
  -- A session the case left open may hold a lock: give up quickly, and the database is dropped instead.
  PERFORM set_config('lock_timeout', '2s', true);
  FOR r IN SELECT pubname FROM pg_publication WHERE pubname <> ALL (${literalList(baseline.publications)}) LOOP
    EXECUTE format('DROP PUBLICATION %I', r.pubname);
  END LOOP;
  FOR r IN SELECT evtname FROM pg_event_trigger LOOP
    EXECUTE format('DROP EVENT TRIGGER %I', r.evtname);
  END LOOP;
  FOR r IN SELECT extname FROM pg_extension WHERE extname <> ALL (${literalList(baseline.extensions)}) LOOP
    EXECUTE format('DROP EXTENSION %I CASCADE', r.extname);
  END LOOP;
  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname <> 'public' AND nspname <> ALL (${literalList(baseline.schemas)})
      AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
  DROP SCHEMA IF EXISTS public CASCADE;
  CREATE SCHEMA public;
  ALTER SCHEMA public OWNER TO ${ident(owner)};
  ${acl.join('\n  ')}
  ${comment === null ? '' : `COMMENT ON SCHEMA public IS ${literal(comment)};`}
  ${baseline.publicDefaults
    .map((d) => `ALTER DEFAULT PRIVILEGES FOR ROLE ${d.role} IN SCHEMA public GRANT ${d.privilege} ON ${d.objects} TO ${d.grantee}${d.grantable ? ' WITH GRANT OPTION' : ''};`)
    .join('\n  ')}
END
$reset$;`;
}

/** Opens a new database; the first one of the process tells what a fresh database holds. */
async function openFresh(engine: TestEngine): Promise<OpenDatabase> {
  const pool = poolOf(engine);
  pool.opened++;
  const db = await engine.open();
  if (!pool.pristine) {
    pool.pristine = await fingerprint(db.conn);
    pool.baseline = await readBaseline(db.conn);
  }
  return db;
}

/** A database one run keeps for many cases; `clean` brings it back to a fresh database's state. */
export interface ReusedDatabase extends OpenDatabase {
  clean(): Promise<void>;
}

/**
 * A database for a run of many small cases (the property tests): one open, then the same reset
 * as the pool's between cases, and a case never starts on a database the reset could not clean.
 */
export async function openReusedDatabase(engine: TestEngine): Promise<ReusedDatabase> {
  const db = await openFresh(engine);
  const clean = async () => {
    if (!(await reset(engine, db))) throw new Error(`the ${engine.name} case database could not be brought back to a fresh database's state`);
  };
  return { ...db, clean };
}

/** Resets a returned database; true when it now equals a fresh one. */
async function reset(engine: TestEngine, db: OpenDatabase): Promise<boolean> {
  const pool = poolOf(engine);
  try {
    if (db.conn.inTransaction) return false;
    await db.conn.exec(resetSql(pool.baseline!));
    // A case may have changed session settings: back to the defaults, then the preset's own.
    await db.conn.exec('RESET ALL; DISCARD TEMP');
    await db.conn.query("SELECT set_config('search_path', $1, false)", [pool.baseline!.searchPath]);
    const [now, fresh] = [await fingerprint(db.conn), pool.pristine!];
    const same = now.length === fresh.length && now.every((line, i) => line === fresh[i]);
    if (!same && process.env.PGFORM_POOL_STATS) console.log('reset left', now.filter((l) => !fresh.includes(l)), 'lost', fresh.filter((l) => !now.includes(l)));
    return same;
  } catch (error) {
    if (process.env.PGFORM_POOL_STATS) console.log('reset failed', error);
    return false;
  }
}

/** Runs work on a database that holds exactly what a fresh one holds, and hands it back afterwards. */
export async function withPooledDatabase<T>(engine: TestEngine, work: (db: OpenDatabase) => Promise<T>): Promise<T> {
  const pool = poolOf(engine);
  let db = pool.idle.pop();
  if (db) pool.reused++;
  else db = await openFresh(engine);
  let kept = false;
  try {
    return await work(db);
  } finally {
    kept = await reset(engine, db);
    if (kept) pool.idle.push(db);
    else await db.dispose();
  }
}

/** Drops the databases kept for reuse; a test file calls it once its cases are done. */
export async function drainPool(engine: TestEngine): Promise<void> {
  const pool = poolOf(engine);
  if (process.env.PGFORM_POOL_STATS) console.log(`${engine.name} pool: ${pool.opened} databases opened, ${pool.reused} reused`);
  const idle = pool.idle.splice(0);
  for (const db of idle) await db.dispose();
}
