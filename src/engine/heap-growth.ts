import { setFlagsFromString } from 'node:v8';

/**
 * How far the JavaScript heap may grow past what survived its last full collection, in a process
 * that runs one command and has opened no database.
 *
 * V8 chooses that growth itself, up to four times the survivors when collecting is cheap next to
 * the work between collections, as it is in a command that reads a large cached model, derives
 * another from it and lets the first go: the process holds each phase's garbage until the next
 * phase has grown the heap past it. A one-column edit of the 2,000-table benchmark schema peaked
 * at 390 MB that way and at 290 MB with growth held to 30%, in the same time.
 *
 * Once a database is open, V8 chooses again, for the rest of the command. Reading one turns
 * thousands of rows into a model while that model is the heap's bulk, and replaying migrations in
 * the embedded engine allocates on the JavaScript side throughout, with the engine's WebAssembly
 * memory the peak anyway. Held growth collected those heaps over and over: at 2,000 tables
 * `inspect` took 0.2 s more CPU, `diff --url` 0.15 s more and peaked higher, and a fresh clone's
 * `generate` took minutes of CPU more when growth was held while its engine ran.
 */
const heldGrowthPercent = 30;

let growth: 'V8 default' | 'held' | 'released' = 'V8 default';

/** Called by the CLI, whose process runs one command: a process that goes on to other work keeps V8's default. */
export function holdHeapGrowth(): void {
  if (growth !== 'V8 default') return;
  growth = 'held';
  setFlagsFromString(`--heap-growing-percent=${heldGrowthPercent}`);
}

/** Called as a database connection opens (a server's, or an embedded engine started). */
export function databaseOpened(): void {
  if (growth !== 'held') return;
  growth = 'released';
  // 0 is V8's own choice; the flag is read whenever the heap's next limit is set.
  setFlagsFromString('--heap-growing-percent=0');
}

/** How many pieces of work hold growth again (see whileHeld). */
let holders = 0;

/**
 * Holds growth again while `work` runs, in a command that released it: printing definitions on a
 * PostgreSQL server, whose garbage (the plan's text, the scratch database's rows, the printed
 * model's JSON) is most of the heap while the server does the work. At 2,000 tables a full print
 * for `diff --url` peaked at 510-520 MB with V8's growth and at 314 MB held, in the same CPU time.
 * Reading a live database is not held (see above), except while a print runs beside it: `diff
 * --targets` reads other targets' catalogs while the first target of a server version prints.
 */
export async function whileHeld<T>(work: () => Promise<T>): Promise<T> {
  if (growth !== 'released') return work();
  if (holders++ === 0) setFlagsFromString(`--heap-growing-percent=${heldGrowthPercent}`);
  try {
    return await work();
  } finally {
    if (--holders === 0) setFlagsFromString('--heap-growing-percent=0');
  }
}
