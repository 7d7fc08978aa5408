import type { ResolvedConfig } from '../config/load.js';
import { diffSchemas } from '../diff/index.js';
import { connectPostgres } from '../engine/pg.js';
import { redactUrl } from '../engine/redact.js';
import { introspect } from '../introspect/index.js';
import { driftItems, type DriftItem } from '../emit/drift/items.js';
import { PgformError } from '../errors.js';
import type { Change, Hazard } from '../model/change.js';
import type { Schema } from '../model/schema.js';
import { planChanges, type Plan } from '../plan/index.js';
import { databaseLabel, openDatabase, presetOf, withConnection } from './database.js';
import { migrationsState } from './generate.js';
import { printWith, samePrinter, type Printer } from './printer.js';
import { loadConfiguredSchema } from './sql.js';

/** A State is one side of a comparison: its model and the server that printed it (none for definitions). */
interface State {
  label: string;
  schema: Schema;
  printer?: Printer;
}

const isUrl = (spec: string) => /^postgres(ql)?:\/\//i.test(spec);

async function readLive(config: ResolvedConfig, url: string | undefined, namespaces?: string[]): Promise<State> {
  return withConnection(
    () => (url ? connectPostgres(url) : openDatabase(config)),
    async (conn) => {
      const schema = await introspect(conn, { externalNamespaces: presetOf(config).externalNamespaces, externalRoles: presetOf(config).externalRoles, ...(namespaces ? { namespaces } : {}) });
      const printer: Printer = { engine: conn.engine, version: await conn.serverVersion(), ...(url ? { url } : {}) };
      return { label: url ? redactUrl(url) : databaseLabel(config, undefined), schema, printer };
    },
  );
}

/** Reads a state: `definitions`, `migrations`, `database` (the configured one) or a database URL. */
async function readState(config: ResolvedConfig, spec: string, namespaces?: string[]): Promise<State> {
  if (spec === 'definitions') return { label: `definitions (${config.definitions})`, schema: await loadConfiguredSchema(config) };
  if (spec === 'migrations') {
    const { schema, printer } = await migrationsState(config);
    return { label: `migrations (${config.migrations})`, schema, printer };
  }
  if (spec === 'database') return readLive(config, config.url, namespaces);
  if (isUrl(spec)) return readLive(config, spec, namespaces);
  throw new PgformError('USAGE', `unknown state "${redactUrl(spec)}"`, { field: '--from/--to' }, 'use a postgres:// URL, definitions, migrations or database');
}

/** Keeps the named schemas only (and never external ones). */
function scope(schema: Schema, names: string[] | undefined): Schema {
  const keep = (ns: string) => !schema.namespaces[ns]?.external && (!names || names.includes(ns));
  const pick = <T extends { schema: string }>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([, o]) => keep(o.schema)));
  return {
    ...schema,
    namespaces: Object.fromEntries(Object.entries(schema.namespaces).filter(([name]) => keep(name))),
    extensions: names ? Object.fromEntries(Object.entries(schema.extensions).filter(([, e]) => names.includes(e.schema))) : schema.extensions,
    enums: pick(schema.enums),
    domains: pick(schema.domains),
    sequences: pick(schema.sequences),
    tables: pick(schema.tables),
    views: pick(schema.views),
    routines: pick(schema.routines),
  };
}

export interface DiffResult {
  from: string;
  to: string;
  changes: Change[];
  items: DriftItem[];
  plan: Plan;
  hazards: (Hazard & { statement: string })[];
}

/**
 * Compares two states. Both are brought to one printer first: the live PostgreSQL server when
 * one side is such a server (definitions are printed in a scratch database there), else the
 * embedded engine. Comparing models printed by different servers would report false drift.
 */
export async function diffCommand(config: ResolvedConfig, options: { from?: string; to?: string; schemas?: string[] }): Promise<DiffResult> {
  const fromSpec = options.from ?? 'database';
  const toSpec = options.to ?? 'definitions';
  // Two sides are read at once unless both need the embedded engine: one instance at a time
  // keeps memory down, and the embedded database cannot be opened twice.
  const embedded = (spec: string) => spec === 'migrations' || (spec === 'database' && !config.url);
  const [from, to] =
    embedded(fromSpec) && embedded(toSpec)
      ? [await readState(config, fromSpec, options.schemas), await readState(config, toSpec, options.schemas)]
      : await Promise.all([readState(config, fromSpec, options.schemas), readState(config, toSpec, options.schemas)]);
  const printer = [from.printer, to.printer].find((p) => p?.engine === 'postgres') ?? from.printer ?? to.printer;
  for (const state of [from, to]) {
    if (!samePrinter(state.printer, printer)) {
      const target = printer ?? { engine: 'pglite' as const, version: 0 };
      const printed = await printWith(config, target, state.schema);
      state.schema = state.printer ? { ...printed, docs: state.schema.docs } : printed;
    }
  }
  return { from: from.label, to: to.label, ...compareSchemas(from.schema, to.schema, options.schemas) };
}

/** Compares two models printed by one server: the changes, the plan that makes `from` into `to`, and the report items. */
export function compareSchemas(from: Schema, to: Schema, schemas?: string[]): Omit<DiffResult, 'from' | 'to'> {
  const fromSchema = scope(from, schemas);
  const toSchema = scope(to, schemas);
  const changes = diffSchemas(fromSchema, toSchema);
  const plan = planChanges(changes, { from: fromSchema, to: toSchema });
  const hazards = plan.steps.flatMap((step) => step.hazards.map((h) => ({ ...h, statement: step.sql })));
  return { changes, items: driftItems(changes, fromSchema, toSchema), plan, hazards };
}
