/*
 * The traffic of a busy table, shared by the online-migration tests (test/online/) and the
 * online benchmark (bench/lib/online.mjs): writers that insert and update rows of public.events
 * while a migration runs, each recording its longest wait, and a monitor that samples which locks
 * the migrating session (application_name `pgform`) holds on the table while its statements run.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Seeds `rows` events (and the 100 accounts they point at), one statement each. */
export function seedSql(rows) {
  return `INSERT INTO public.accounts SELECT g, 'account ' || g FROM generate_series(1, 100) g ON CONFLICT DO NOTHING;
INSERT INTO public.events (account_id, code, amount, note, kind) SELECT 1 + g % 100, 'seed-' || g, g % 1000, 'n', g % 37 FROM generate_series(1, ${rows}) g;
ANALYZE public.events`;
}

/** Writers inserting and updating public.events until stopped; every row they write satisfies every constraint the tests add. */
export async function startWriters(url, count) {
  // Codes stay unique across runs: a unique key may be added while they write.
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const clients = await Promise.all(
    Array.from({ length: count }, async () => {
      const client = new pg.Client({ connectionString: url, application_name: 'online-writer' });
      await client.connect();
      return client;
    }),
  );
  const completions = [];
  const errors = [];
  const longest = clients.map(() => 0);
  let inserted = 0;
  let running = true;
  const loops = clients.map(async (client, w) => {
    for (let n = 0; running; n++) {
      const started = performance.now();
      try {
        if (n % 2 === 0) {
          await client.query("INSERT INTO public.events (account_id, code, amount, note, kind) VALUES ($1, $2, $3, 'w', $4)", [1 + (n % 100), `w${run}-${w}-${n}`, n % 500, n % 37]);
          inserted++;
        } else {
          await client.query('UPDATE public.events SET amount = amount + 1 WHERE id = $1', [1 + ((n * 7919 + w * 104729) % 1000)]);
        }
      } catch (error) {
        errors.push(`writer ${w}: ${error.message}`);
      }
      longest[w] = Math.max(longest[w], performance.now() - started);
      completions.push(Date.now());
    }
  });
  return {
    completions,
    /** Resets the longest waits: what comes after is measured apart. */
    resetLongest: () => longest.fill(0),
    stop: async () => {
      running = false;
      await Promise.all(loops);
      await Promise.all(clients.map((client) => client.end()));
      return { operations: completions.length, inserted, errors, longestWaitMs: longest.map(Math.round) };
    },
  };
}

/** Samples pg_locks and pg_stat_activity as fast as one connection answers. */
export async function startMonitor(url) {
  const client = new pg.Client({ connectionString: url, application_name: 'online-monitor' });
  await client.connect();
  const samples = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query(
        `SELECT a.pid, a.query, a.wait_event_type = 'Lock' AS waiting,
           (SELECT array_agg(l.mode ORDER BY l.mode) FROM pg_locks l WHERE l.pid = a.pid AND l.granted AND l.relation = to_regclass('public.events')) AS modes,
           (SELECT count(*)::int FROM pg_stat_activity w WHERE w.application_name = 'online-writer' AND a.pid = ANY (pg_blocking_pids(w.pid))) AS blocked
         FROM pg_stat_activity a WHERE a.application_name = 'pgform' AND a.state = 'active' AND a.datname = current_database()`,
      );
      const at = Date.now();
      for (const row of rows) samples.push({ at, pid: row.pid, query: row.query, modes: row.modes ?? [], waiting: row.waiting, writersBlocked: row.blocked });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await loop;
      await client.end();
      return samples;
    },
  };
}

/** Lock modes that let INSERT, UPDATE and DELETE through (none conflicts with ROW EXCLUSIVE). */
export const writerCompatible = new Set(['AccessShareLock', 'RowShareLock', 'RowExclusiveLock', 'ShareUpdateExclusiveLock']);

/** `pgform <args>` in a child process (the built dist/), so it can be killed like a real run. */
export function pgform(cwd, args, onStderr) {
  const child = spawn(process.execPath, [join(repo, 'bin', 'pgform.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    onStderr?.(stderr, child);
  });
  const done = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, child }));
  });
  return { child, done };
}

/** The definitions of one state of the events schema: each kind of change flips one field. */
export function definitions(state) {
  const indexes = [state.index ? `events_kind_idx: { on: ${JSON.stringify(state.index)} }` : '', state.plainIndex ? `events_amount_idx: { on: ['amount'] }` : ''].filter(Boolean);
  return `import { table, bigint, integer, text, sql } from 'pgform';
export const accounts = table('accounts', { columns: { id: bigint().primaryKey(), name: text() } });
export const events = table('events', {
  columns: {
    id: bigint().identity().primaryKey(),
    account_id: bigint()${state.foreignKey ? ".references(accounts, 'id')" : ''},
    code: text()${state.unique ? '.unique()' : ''},
    amount: integer()${state.check ? '.check(sql`amount >= 0`)' : ''},
    note: text()${state.notNull ? '.notNull()' : ''},
    kind: integer(),
  },
  indexes: { ${indexes.join(', ')} },
});
`;
}

/** The seven kinds of change in order, each reaching its state from the one before. */
export const kinds = [
  { kind: 'add index', state: { index: ['kind'] } },
  { kind: 'replace index', state: { index: ['kind', 'amount'] } },
  { kind: 'drop index', state: {} },
  { kind: 'add unique', state: { unique: true } },
  { kind: 'add foreign key', state: { unique: true, foreignKey: true } },
  { kind: 'add check', state: { unique: true, foreignKey: true, check: true } },
  { kind: 'set not null', state: { unique: true, foreignKey: true, check: true, notNull: true } },
];
