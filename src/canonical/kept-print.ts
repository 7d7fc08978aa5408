import { cacheKey, readCached } from '../cache.js';
import { lightEngineWork } from '../engine/wasm-tiering.js';
import type { Change } from '../model/change.js';
import { objectIdsByKind, type Schema } from '../model/schema.js';
import type { Plan } from '../plan/index.js';
import { EditRolledBack, editBetween, printedAsNew, printedEdit } from './printed-edit.js';
import { planCodeFingerprint } from './plan-code.js';
import { printOnServer, readPrinted } from './print-on-server.js';
import { cacheFormat, type CanonicalOptions, type KeepableConnection, type KeptPrints } from './stored-keys.js';

/** The declared model a print was made from, stored beside it (see printedByKey). */
export const declaredKeyOf = (printKey: string) => cacheKey(String(cacheFormat), 'declared', printKey);

const lineageOf = (printer: string) => cacheKey(String(cacheFormat), 'kept printing database', printer, planCodeFingerprint());

/**
 * The definitions printed by applying to the printing database kept last only what differs from
 * the definitions it holds, then reading it back: where printing every definition takes half a
 * minute at thousands of tables, an added table, index, policy or view is a statement or two and
 * one read. The database is kept again as the one holding this print. Undefined when there is
 * none, its definitions are no longer stored, or the edit fails there: a whole print then makes
 * the canonical form, and reports the error at its definition.
 */
export async function printedOnKept(local: Schema, printKey: string, printer: string, options: CanonicalOptions): Promise<Schema | undefined> {
  const kept = options.keptPrints;
  if (!kept || !options.cacheDir || !worthKeeping(local, kept)) return undefined;
  const lineage = lineageOf(printer);
  const holds = kept.newest(lineage);
  if (!holds) return undefined;
  if (holds === printKey) {
    // The print itself was lost from the cache but not its database: read again.
    const conn = await kept.open(lineage, holds);
    return conn && printedAsHeld(conn, local, printKey, lineage, options);
  }
  const declared = readCached<Schema>(options.cacheDir, declaredKeyOf(holds));
  const changes = declared && editFrom(declared, local);
  // No edit found between two different keys is one the differ cannot see; an edit that changes
  // more than half the definitions (another system's print) costs a whole print's work anyway.
  // Both are printed whole, as is an edit the kept database would print otherwise than a new one.
  if (!changes || changes.length === 0 || changes.length > objectCount(local) / 2 || !printedAsNew(changes, declared, local)) return undefined;
  // An edit and one read: the engine does not build the schema.
  lightEngineWork();
  const conn = await kept.open(lineage, holds);
  if (!conn) return undefined;
  try {
    const printed = await printedEdit(conn, { declared }, local, changes, options);
    await conn.keep(lineage, printKey);
    return printed;
  } catch (error) {
    // An edit its first transaction refused leaves the database as it was: kept for the next edit.
    if (error instanceof EditRolledBack) await conn.keep(lineage, holds);
    else await conn.close();
    return undefined;
  }
}

/** The edit from the definitions a kept database holds; undefined when the differ cannot compare them (a model stored by other code). */
function editFrom(declared: Schema, local: Schema): Change[] | undefined {
  try {
    return editBetween(declared, local);
  } catch {
    return undefined;
  }
}

const worthKeeping = (schema: Schema, kept: KeptPrints) => Object.keys(schema.tables).length + Object.keys(schema.views).length >= kept.smallest;

/** How many objects a model holds: every entry of every kind (namespaces, extensions, tables, views, routines, types and the rest) counts one. */
const objectCount = (schema: Schema) => Object.values(objectIdsByKind(schema)).reduce((count, ids) => count + ids.length, 0);

async function printedAsHeld(conn: KeepableConnection, local: Schema, printKey: string, lineage: string, options: CanonicalOptions): Promise<Schema | undefined> {
  try {
    const printed = await readPrinted(conn, local, options);
    await conn.keep(lineage, printKey);
    return printed;
  } catch {
    await conn.close();
    return undefined;
  }
}

/**
 * Prints every definition in a new printing database, which is then kept as the one holding
 * this print (see printedOnKept). `schema` is the whole declared model (routine bodies are
 * checked against it); `plan` creates its objects. Undefined, with nothing printed, when no
 * database can be made to keep (a cache on a full or read-only disk) or the schema is too small to
 * gain from one: printed elsewhere instead.
 */
export async function printedAndKept(schema: Schema, plan: Plan, printKey: string, printer: string, kept: KeptPrints, options: CanonicalOptions): Promise<Schema | undefined> {
  if (!worthKeeping(schema, kept)) return undefined;
  const conn = await kept.empty().catch(() => undefined);
  if (!conn) return undefined;
  let printed: Schema;
  try {
    printed = await printOnServer(schema, plan, conn, options, true);
  } catch (error) {
    await conn.close();
    throw error;
  }
  await conn.keep(lineageOf(printer), printKey);
  return printed;
}
