import { cacheKey, readCached, writeCached } from '../cache.js';
import type { Connection } from '../engine/connection.js';
import { pgliteVersion } from '../engine/pglite-version.js';
import { lightEngineWork, wholeSchemaWork } from '../engine/wasm-tiering.js';
import { objectId } from '../model/id.js';
import { bareTable, emptySchema, objectIdsByKind, type Column, type Schema } from '../model/schema.js';
import { createPlan } from './from-scratch.js';
import type { Plan } from '../plan/index.js';
import { planCodeFingerprint } from './plan-code.js';
import { printedByColumnEdits } from './column-edits.js';
import { declaredKeyOf, printedAndKept, printedOnKept } from './kept-print.js';
import { printOnServer } from './print-on-server.js';
import { cacheFormat, wholeKey, type CanonicalOptions } from './stored-keys.js';
import { pointerKey, pointPrevious, readPrevious, repointPrevious, type Previous } from './previous-print.js';
import { mergePrinted } from './merge.js';

export type { CanonicalOptions } from './stored-keys.js';
export type { KeepableConnection, KeptPrints } from './stored-keys.js';

/**
 * The canonical form of a model from definitions: every expression, type name and query as the
 * given server prints it. The definitions are applied inside a transaction that is rolled back
 * (the database must not hold them yet), read back with the same introspection as any live
 * database, and the printed forms replace the declared text object by object. Structure
 * (which objects, columns, constraints exist) stays the definitions' own, so a comparison
 * with a live database still finds what the SQL failed to create.
 */
export async function canonicalize(schema: Schema, conn: Connection, options: CanonicalOptions): Promise<Schema> {
  // The embedded engine's version is its package's: the same key whether or not one is running.
  const printer = conn.engine === 'pglite' ? `pglite package ${pgliteVersion}` : `${conn.engine} ${await conn.serverVersion()}`;
  return printedWith(schema, printer, () => ({ withConnection: (work) => work(conn), disposable: false }), options);
}

/** Runs work on a connection that is ready for it, and afterwards disposes of it or leaves it to its owner. */
export type WithConnection = <T>(work: (conn: Connection) => Promise<T>) => Promise<T>;

/**
 * A PrintTarget says, once the plan creating the definitions is known, where it is printed and
 * whether that database exists for the print alone (`disposable`: the plan is committed there)
 * or must be left as it was (the print runs in a transaction rolled back).
 */
export type PrintTarget = (plan: Plan) => { withConnection: WithConnection; disposable: boolean };

/**
 * The same, for a printer reached only on a cache miss: `printer` names the server (engine and
 * version) for the cache key, and `withConnection` opens an empty database there when needed,
 * so a cache hit costs no database at all.
 */
export async function canonicalizeWith(
  schema: Schema,
  printer: string,
  withConnection: WithConnection,
  options: CanonicalOptions,
): Promise<Schema> {
  return printedWith(schema, printer, () => ({ withConnection, disposable: true }), options);
}

/** The same, with the database chosen by the plan (see PrintTarget); `target` is asked only on a cache miss. */
export async function canonicalizeAt(schema: Schema, printer: string, target: PrintTarget, options: CanonicalOptions): Promise<Schema> {
  return printedWith(schema, printer, target, options);
}

async function printedWith(schema: Schema, printer: string, target: PrintTarget, options: CanonicalOptions): Promise<Schema> {
  const whole = wholeKey(printer, options);
  const known = whole ? readCached<Schema>(options.cacheDir!, whole) : undefined;
  if (known) {
    repointPrevious(options.cacheDir!, whole!);
    return known;
  }
  const { canonical, previous } = await printedByKey(schema, printer, target, options);
  if (whole) {
    writeCached(options.cacheDir!, whole, canonical);
    if (previous) writeCached(options.cacheDir!, pointerKey(whole), previous);
  }
  return canonical;
}

/**
 * The canonical model of a load stored under its key (see loadSchemaCached's storedLoadKey), if
 * any: a command that needs the canonical form alone then never reads the declared model.
 */
export function canonicalOfStoredLoad(printer: string, options: CanonicalOptions & { loadKey: string }): Schema | undefined {
  const whole = wholeKey(printer, options);
  const known = whole ? readCached<Schema>(options.cacheDir!, whole) : undefined;
  if (known) repointPrevious(options.cacheDir!, whole!);
  return known;
}

/** The canonical form by the model's own key, printed from the previous print where it can be; with the previous print's pointer to store beside a whole model. */
async function printedByKey(schema: Schema, printer: string, target: PrintTarget, options: CanonicalOptions): Promise<{ canonical: Schema; previous?: Previous }> {
  // The printing database has no Citus: distribution is the declared one (merged back below).
  const { distributions: _citus, ...local } = schema;
  // The model (source locations aside: a line inserted above a definition prints nothing
  // differently) and the code that writes its SQL decide what the server prints: no plan is
  // made unless the server is asked.
  const key = cacheKey(String(cacheFormat), printer, planCodeFingerprint(), JSON.stringify(local, withoutSources));
  if (!options.cacheDir) return { canonical: mergePrinted(schema, await printCreated(schema, createPlan(local), target, options)) };
  const dir = options.cacheDir;
  // The last definitions printed or read with these objects: an added column is printed from them, with no server.
  const previous: Previous = {
    key: cacheKey(String(cacheFormat), 'previous', printer, JSON.stringify(objectIdsByKind(local))),
    at: { declaredKey: declaredKeyOf(key), printedKey: key },
  };
  const cached = readCached<Schema>(dir, key);
  if (cached) {
    // Read again (an edit undone), these definitions are the ones the next edit starts from.
    pointPrevious(dir, previous);
    return { canonical: mergePrinted(schema, cached), previous };
  }
  const before = readPrevious(dir, previous.key);
  const edited = before && (await printedByColumnEdits(local, before, (columns) => printedAlone(columns, target, options)));
  const printed = edited ?? (await printedOnKept(local, key, printer, options)) ?? (await printCreated(schema, createPlan(local), target, options, { key, printer }));
  writeCached(dir, key, printed);
  writeCached(dir, previous.at.declaredKey, local);
  pointPrevious(dir, previous);
  return { canonical: mergePrinted(schema, printed), previous };
}

/** Prints every definition; in a printing database kept afterwards when the target would make one for the print alone and the print has a key (`stored`). */
async function printCreated(schema: Schema, plan: Plan, target: PrintTarget, options: CanonicalOptions, stored?: { key: string; printer: string }): Promise<Schema> {
  wholeSchemaWork();
  const { withConnection, disposable } = target(plan);
  const kept = disposable && stored && options.keptPrints ? await printedAndKept(schema, plan, stored.key, stored.printer, options.keptPrints, options) : undefined;
  return kept ?? withConnection((conn) => printOnServer(schema, plan, conn, options, disposable));
}

/** The schema and table columns are printed alone in (see printedByColumnEdits): a name no definitions are likely to use. */
const alone = { schema: 'pgform_printed_alone', table: 'columns' };

/**
 * Columns printed in a database holding nothing but a table of them (its engine's start and a
 * near-empty catalog's read, where printing every definition takes half a minute at thousands of
 * tables); undefined when that database refuses them, so that printing every definition reports
 * the error at its definition.
 */
async function printedAlone(columns: Column[], target: PrintTarget, options: CanonicalOptions): Promise<Column[] | undefined> {
  const schema = emptySchema();
  schema.namespaces[alone.schema] = { name: alone.schema, grants: [] };
  const columnsAlone = columns.map(({ type, default: value }, i) => ({ name: `c${i}`, type, notNull: false, ...(value !== undefined ? { default: value } : {}) }));
  schema.tables[objectId(alone.schema, alone.table)] = bareTable(alone.schema, alone.table, columnsAlone);
  try {
    // In a transaction rolled back, whatever the database: it is too small to gain from being renewed.
    const plan = createPlan(schema);
    lightEngineWork();
    const printed = await target(plan).withConnection((conn) => printOnServer(schema, plan, conn, options, false));
    const byName = new Map(printed.tables[objectId(alone.schema, alone.table)]?.columns.map((column) => [column.name, column]));
    const found = columns.map((_, i) => byName.get(`c${i}`));
    return found.every((column) => column !== undefined) ? found : undefined;
  } catch {
    return undefined;
  }
}

/** Leaves out source locations only: an index or constraint may well be named `source`. */
const withoutSources = (key: string, value: unknown) => (key === 'source' && isSourceLocation(value) ? undefined : value);
const isSourceLocation = (value: unknown) => typeof value === 'object' && value !== null && 'file' in value && 'line' in value && Object.keys(value).length === 2;
