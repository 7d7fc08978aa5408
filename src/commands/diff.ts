import type { ResolvedConfig } from '../config/load.js';
import { checkDatabaseUrl } from '../config/url.js';
import { diffSchemas } from '../diff/index.js';
import { connectPostgres } from '../engine/pg.js';
import { redactUrl } from '../engine/redact.js';
import { introspect } from '../introspect/index.js';
import { driftItems, type DriftItem } from '../emit/drift/items.js';
import { unmanagedItems, type UnmanagedItem } from '../emit/drift/unmanaged.js';
import { PgformError } from '../errors.js';
import type { Change, Hazard } from '../model/change.js';
import type { Schema } from '../model/schema.js';
import { planChanges, type Plan, type PlanOptions } from '../plan/index.js';
import { databaseLabel, openDatabase, presetReads, withConnection } from './database.js';
import { migrationsState } from './generate.js';
import { relationCount } from './relation-count.js';
import { sizeEngineFor } from '../engine/wasm-tiering.js';
import { listedMigrations, stateKey, type ListedMigrations } from './shadow.js';
import { knownSame, rememberSame, verdictKey } from './verdicts.js';
import { definitionsReadAgain } from './states.js';
import { printedOfStoredLoad, printWith, samePrinter, type Printer } from './printer.js';
import { loadConfiguredSchema, storedConfiguredLoadKey } from './sql.js';
import { loadKey } from '../load/model-cache.js';

/** A State is one side of a comparison: its model and the server that printed it (none for definitions read as declared). */
interface State {
  label: string;
  schema: Schema;
  printer?: Printer;
  /** What the model was read from, when text: its print is stored under this key as well (see printWith). */
  loadKey?: string;
}

const isUrl = (spec: string) => /^postgres(ql)?:\/\//i.test(spec);
/** A spec meant as a URL (it is checked as one when read), well formed or not. */
const meantAsUrl = (spec: string) => isUrl(spec) || /:\/\/|@|^[\w.-]+:\d+\//.test(spec);

/** `printerKnown` hears the database's printer as soon as it is connected, before its catalog is read. */
async function readLive(config: ResolvedConfig, url: string | undefined, namespaces?: string[], printerKnown?: (printer: Printer) => void): Promise<State> {
  return withConnection(
    () => (url ? connectPostgres(url) : openDatabase(config)),
    async (conn) => {
      const printer: Printer = { engine: conn.engine, version: await conn.serverVersion(), ...(url ? { url } : {}) };
      printerKnown?.(printer);
      const schema = await introspect(conn, { ...presetReads(config), ...(namespaces ? { namespaces } : {}) });
      return { label: url ? redactUrl(url) : databaseLabel(config, undefined), schema, printer };
    },
  );
}

/** How a side read from text is named in reports. */
function textStateLabel(config: ResolvedConfig, spec: 'definitions' | 'migrations', migrationsUpTo?: string): string {
  return spec === 'definitions' ? `definitions (${config.definitions})` : `migrations (${config.migrations}${migrationsUpTo ? ` up to ${migrationsUpTo}` : ''})`;
}

/**
 * TextSources say how the sides read from text are read: the migration files up to a version, and
 * what a caller has read already (the definitions' model, the listed migration files).
 */
interface TextSources {
  migrationsUpTo?: string;
  declared?: Schema;
  listed?: ListedMigrations;
}

/** Reads a state: `definitions`, `migrations`, `database` (the configured one) or a database URL (see readLive for `printerKnown`). */
async function readState(config: ResolvedConfig, spec: string, namespaces: string[] | undefined, text: TextSources, printerKnown?: (printer: Printer) => void): Promise<State> {
  const { migrationsUpTo, declared, listed } = text;
  if (spec === 'definitions') {
    const schema = declared ?? (await loadConfiguredSchema(config));
    const key = loadKey(schema);
    return { label: textStateLabel(config, spec), schema, ...(key ? { loadKey: key } : {}) };
  }
  if (spec === 'migrations') {
    const files = listed ?? listedMigrations(config, migrationsUpTo);
    const { schema, printer } = await migrationsState(config, undefined, files);
    return { label: textStateLabel(config, spec, migrationsUpTo), schema, printer, loadKey: migrationsLoadKey(files) };
  }
  if (spec === 'database') return readLive(config, config.url, namespaces, printerKnown);
  if (meantAsUrl(spec)) return readLive(config, checkDatabaseUrl(spec, '--from/--to'), namespaces, printerKnown);
  throw new PgformError('USAGE', `unknown state "${redactUrl(spec)}"`, { field: '--from/--to' }, 'use a postgres:// URL, definitions, migrations or database');
}

/**
 * The migration files' state as `printer` prints it. Its printed form is stored under the state's
 * key, so while the files are unchanged it is read alone: neither the embedded engine's model nor
 * a print of it on the server.
 */
async function migrationsPrintedBy(config: ResolvedConfig, printer: Printer, text: TextSources): Promise<State> {
  const listed = text.listed ?? listedMigrations(config, text.migrationsUpTo);
  const stored = printedOfStoredLoad(config, printer, migrationsLoadKey(listed));
  if (stored) return { label: textStateLabel(config, 'migrations', text.migrationsUpTo), schema: stored, printer };
  return readState(config, 'migrations', undefined, { ...text, listed });
}

/** The key the migration files' printed states are stored under: the files' own (see stateKey). */
const migrationsLoadKey = (listed: ListedMigrations) => `migration files ${stateKey(listed)}`;

/**
 * The key the definitions' print may be stored under: the files' key when they are as at a stored
 * load. A definitions path that cannot be read has none here: reading the side says what is wrong,
 * after the other side's spec has been checked, as before any print was stored.
 */
function storedLoadKeyOrNone(config: ResolvedConfig): string | undefined {
  try {
    return storedConfiguredLoadKey(config);
  } catch {
    return undefined;
  }
}

/**
 * Reads both sides. Against a live database, a text side's print by that database's server may be
 * stored under the files' own key: the database says its printer as it connects, and the text side
 * is then that print alone, or read (and printed afterwards) while the database's catalog is read.
 */
async function readSides(config: ResolvedConfig, fromSpec: string, toSpec: string, schemas: string[] | undefined, text: TextSources): Promise<[State, State]> {
  const specs = [fromSpec, toSpec] as const;
  const live = (spec: string) => spec === 'database' || meantAsUrl(spec);
  // The migration files and the embedded database share a printer: only a server prints the files otherwise.
  const onServer = (spec: string) => meantAsUrl(spec) || (spec === 'database' && !!config.url);
  for (const side of [0, 1] as const) {
    const [spec, other] = [specs[side], specs[1 - side]!];
    const definitionsKey = spec === 'definitions' && !text.declared && live(other) ? storedLoadKeyOrNone(config) : undefined;
    if (!(spec === 'migrations' && onServer(other)) && !definitionsKey) continue;
    let printerKnown!: (printer: Printer) => void;
    const known = new Promise<Printer>((resolve) => (printerKnown = resolve));
    const otherRead = readState(config, other, schemas, text, printerKnown);
    // A database that fails before it says its printer fails the race.
    const printer = await Promise.race([known, otherRead.then((state) => state.printer!)]);
    const stored = definitionsKey ? printedOfStoredLoad(config, printer, definitionsKey) : undefined;
    const textRead: Promise<State> = stored
      ? Promise.resolve({ label: textStateLabel(config, 'definitions'), schema: stored, printer })
      : spec === 'migrations'
        ? migrationsPrintedBy(config, printer, text)
        : readState(config, spec, schemas, text);
    const [textState, otherState] = await Promise.all([textRead, otherRead]);
    return side === 0 ? [textState, otherState] : [otherState, textState];
  }
  // Two sides are read at once unless both need the embedded engine: one instance at a time
  // keeps memory down, and the embedded database cannot be opened twice.
  const embedded = (spec: string) => spec === 'migrations' || (spec === 'database' && !config.url);
  return embedded(fromSpec) && embedded(toSpec)
    ? [await readState(config, fromSpec, schemas, text), await readState(config, toSpec, schemas, text)]
    : await Promise.all([readState(config, fromSpec, schemas, text), readState(config, toSpec, schemas, text)]);
}

/** Keeps the named schemas only (and never external ones). */
export function scope(schema: Schema, names: string[] | undefined): Schema {
  const keep = (ns: string) => !schema.namespaces[ns]?.external && (!names || names.includes(ns));
  const pick = <T extends { schema: string }>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([, o]) => keep(o.schema)));
  const distributions = schema.distributions && Object.fromEntries(Object.entries(schema.distributions).filter(([id]) => schema.tables[id] && keep(schema.tables[id]!.schema)));
  return {
    ...schema,
    ...(distributions ? { distributions } : {}),
    namespaces: Object.fromEntries(Object.entries(schema.namespaces).filter(([name]) => keep(name))),
    extensions: names ? Object.fromEntries(Object.entries(schema.extensions).filter(([, e]) => names.includes(e.schema))) : schema.extensions,
    enums: pick(schema.enums),
    domains: pick(schema.domains),
    ...(schema.composites ? { composites: pick(schema.composites) } : {}),
    ...(schema.ranges ? { ranges: pick(schema.ranges) } : {}),
    sequences: pick(schema.sequences),
    tables: pick(schema.tables),
    views: pick(schema.views),
    routines: pick(schema.routines),
    ...(schema.aggregates ? { aggregates: pick(schema.aggregates) } : {}),
  };
}

export interface DiffResult {
  from: string;
  to: string;
  changes: Change[];
  items: DriftItem[];
  plan: Plan;
  hazards: (Hazard & { statement: string })[];
  /** Objects of kinds pgform does not manage, on either side: reported, never planned. */
  unmanaged: UnmanagedItem[];
}

/**
 * Two states read and printed by one printer: the live PostgreSQL server when one side is such a
 * server (definitions are printed in a scratch database there), else the embedded engine.
 */
export async function printedStates(
  config: ResolvedConfig,
  fromSpec: string,
  toSpec: string,
  schemas?: string[],
  text: TextSources = {},
): Promise<{ from: { label: string; schema: Schema }; to: { label: string; schema: Schema } }> {
  const [from, to] = await readSides(config, fromSpec, toSpec, schemas, text);
  const printer = [from.printer, to.printer].find((p) => p?.engine === 'postgres') ?? from.printer ?? to.printer;
  for (const state of [from, to]) {
    if (!samePrinter(state.printer, printer)) {
      const target = printer ?? { engine: 'pglite' as const, version: 0 };
      // The print keeps the model's own docs (see mergePrinted).
      state.schema = await printWith(config, target, state.schema, state.loadKey);
    }
  }
  return { from, to };
}

/** Compares two states, each brought to one printer first: comparing models printed by different servers would report false drift. */
export async function diffCommand(config: ResolvedConfig, options: { from?: string; to?: string; schemas?: string[]; migrationsUpTo?: string }): Promise<DiffResult> {
  const fromSpec = options.from ?? 'database';
  const toSpec = options.to ?? 'definitions';
  // Between the definitions and the migration files both sides are text: "no difference", once
  // found, is remembered under their keys and answered without printing or reading either again.
  // The files listed for the key are the ones replayed: each is read and hashed once.
  const textSides = fromSpec !== toSpec && [fromSpec, toSpec].every((spec) => spec === 'definitions' || spec === 'migrations');
  const declared = textSides ? await loadConfiguredSchema(config) : undefined;
  const listed = textSides ? listedMigrations(config, options.migrationsUpTo) : undefined;
  const question = `diff: ${fromSpec} to ${toSpec} in ${JSON.stringify(options.schemas ?? 'all schemas')}`;
  const known = declared && listed && verdictKey(declared, stateKey(listed), question);
  if (known && knownSame(config, known)) {
    await definitionsReadAgain(config, declared);
    const label = (spec: string) => textStateLabel(config, spec as 'definitions' | 'migrations', options.migrationsUpTo);
    return { from: label(fromSpec), to: label(toSpec), changes: [], items: [], plan: { steps: [] }, hazards: [], unmanaged: [] };
  }
  if (declared) sizeEngineFor(relationCount(declared));
  const { from, to } = await printedStates(config, fromSpec, toSpec, options.schemas, {
    ...(options.migrationsUpTo !== undefined ? { migrationsUpTo: options.migrationsUpTo } : {}),
    ...(declared ? { declared } : {}),
    ...(listed ? { listed } : {}),
  });
  const result = { from: from.label, to: to.label, ...compareSchemas(from.schema, to.schema, options.schemas, { online: config.online }) };
  if (known && result.changes.length === 0 && result.unmanaged.length === 0) rememberSame(config, known);
  return result;
}

/** Compares two models printed by one server: the changes, the plan that makes `from` into `to`, and the report items. */
export function compareSchemas(from: Schema, to: Schema, schemas?: string[], planOptions: PlanOptions = {}): Omit<DiffResult, 'from' | 'to'> {
  const fromSchema = scope(from, schemas);
  const toSchema = scope(to, schemas);
  const changes = diffSchemas(fromSchema, toSchema);
  // Nothing to plan when nothing differs: the planner's orderings cost time on a large schema.
  const plan = changes.length ? planChanges(changes, { from: fromSchema, to: toSchema }, planOptions) : { steps: [] };
  const hazards = plan.steps.flatMap((step) => step.hazards.map((h) => ({ ...h, statement: step.sql })));
  const unmanaged = unmanagedItems(fromSchema, toSchema);
  return { changes, items: driftItems(changes, fromSchema, toSchema), plan, hazards, unmanaged };
}
