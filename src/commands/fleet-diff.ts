import type { ResolvedConfig } from '../config/load.js';
import type { Connection } from '../engine/connection.js';
import { connectPostgres } from '../engine/pg.js';
import { redactUrl } from '../engine/redact.js';
import type { DriftItem } from '../emit/drift/items.js';
import type { UnmanagedItem } from '../emit/drift/unmanaged.js';
import { targetError, type TargetError } from '../fleet/outcome.js';
import { runPool } from '../fleet/pool.js';
import type { Target } from '../fleet/targets.js';
import { introspect } from '../introspect/index.js';
import type { Hazard } from '../model/change.js';
import type { Schema } from '../model/schema.js';
import { presetReads } from './database.js';
import { compareSchemas } from './diff.js';
import { loadKey } from '../load/model-cache.js';
import { printWith, type Printer } from './printer.js';
import { loadConfiguredSchema } from './sql.js';

/** One target's drift against the definitions, or why it could not be read. */
export interface TargetDrift {
  target: string;
  database: string;
  items: DriftItem[];
  hazards: (Hazard & { statement: string })[];
  unmanaged: UnmanagedItem[];
  error?: TargetError;
}

/**
 * Compares every target with the definitions, reading `concurrency` catalogs at a time. The
 * definitions load once and are printed once per server version (in a scratch database on the
 * first target of that version), not once per target.
 */
export async function fleetDiffCommand(config: ResolvedConfig, targets: Target[], options: { concurrency: number; schemas?: string[] }): Promise<TargetDrift[]> {
  const definitions = await loadConfiguredSchema(config);
  const printed = new Map<string, Promise<Schema>>();
  const printedFor = (printer: Printer) => {
    const key = `${printer.engine} ${printer.version}`;
    if (!printed.has(key)) printed.set(key, printWith(config, printer, definitions, loadKey(definitions)));
    return printed.get(key)!;
  };
  const outcomes = await runPool(targets, options.concurrency, async (target): Promise<TargetDrift> => {
    const base = { target: target.name, database: redactUrl(target.url) };
    try {
      const { live, printer } = await readTarget(config, target.url, options.schemas);
      const expected = await printedFor(printer);
      const { items, hazards, unmanaged } = compareSchemas(live, expected, options.schemas);
      return { ...base, items, hazards, unmanaged };
    } catch (error) {
      return { ...base, items: [], hazards: [], unmanaged: [], error: targetError(error, target) };
    }
  });
  return outcomes.map((outcome) => (outcome as { status: 'done'; value: TargetDrift }).value);
}

/** One target's catalog, read on a single session: the fleet's parallelism is across targets. */
async function readTarget(config: ResolvedConfig, url: string, schemas?: string[]): Promise<{ live: Schema; printer: Printer }> {
  const conn = await connectPostgres(url);
  try {
    const { openSibling: _parallel, ...single }: Connection = conn;
    const live = await introspect(single, { ...presetReads(config), ...(schemas ? { namespaces: schemas } : {}) });
    return { live, printer: { engine: 'postgres', version: await conn.serverVersion(), url } };
  } finally {
    await conn.close();
  }
}
