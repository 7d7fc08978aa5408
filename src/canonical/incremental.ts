import { inTransaction, type Connection } from '../engine/connection.js';
import { diffSchemas } from '../diff/index.js';
import { introspect, introspectDependencies } from '../introspect/index.js';
import type { Schema } from '../model/schema.js';
import { planChanges } from '../plan/index.js';
import { splitPlan } from '../plan/runs.js';
import { applyPlan } from './apply.js';
import { createPlan } from './from-scratch.js';
import { checkRoutineBodies, locator, printOnServer, type CanonicalOptions } from './index.js';
import { mergePrinted } from './merge.js';

/** A printing database and the declared model it holds, as last applied and read back. */
interface Printing {
  conn: Connection;
  declared: Schema;
  printed: Schema;
  /** The catalog's dependency edges, which the next edit is planned with; read after a version is printed. */
  dependencies?: Dependencies;
}

type Dependencies = NonNullable<Schema['dependencies']>;

/**
 * Prints version after version of the same definitions (`pgform dev`), keeping the printing
 * database between versions so each is printed by applying only what changed since the last.
 * Printing from scratch applies every object (seconds on a schema of a hundred tables); after a
 * one-table edit the difference is a statement or two.
 *
 * The two declared models are compared as written (no printing is needed to see what a person
 * edited), and the plan between them runs on the printing database with the catalog's
 * dependencies as last read, so what depends on a changed column is dropped and re-created as on
 * any database. The result is the model `canonicalize` gives. An edit the printing database
 * cannot take in place (a type change with no cast, say) is printed from scratch on a new one;
 * only when that fails too is the error the definitions'.
 */
export class IncrementalPrinter {
  private current: Printing | undefined;
  /** How many versions were printed from scratch (the first, and edits not taken in place). */
  scratchPrints = 0;

  /** `open` gives a new empty database with the preset in place; closing it discards it. */
  constructor(
    private readonly open: () => Promise<Connection>,
    private readonly options: CanonicalOptions,
  ) {}

  /** The canonical form of `declared` (Citus distributions stay as declared: the printer has none). */
  async print(declared: Schema): Promise<Schema> {
    const { distributions: _citus, ...local } = declared;
    if (this.current) {
      try {
        return mergePrinted(declared, await this.update(this.current, local));
      } catch {
        // Printed again below from scratch; that run's error, if any, is the one reported.
      }
    }
    this.scratchPrints++;
    const conn = await this.open();
    let printed: Schema;
    try {
      printed = await printOnServer(local, createPlan(local), conn, this.options, true, true);
    } catch (error) {
      await conn.close();
      throw error;
    }
    await this.close();
    this.current = { conn, declared: local, printed, dependencies: printed.dependencies ?? [] };
    return mergePrinted(declared, printed);
  }

  /**
   * Reads what the next edit will be planned with (the catalog's dependencies): the largest part
   * of reading the database back, done after a version is printed and used, while the person
   * edits. An edit that comes first reads them itself.
   */
  async settle(): Promise<void> {
    const current = this.current;
    if (!current || current.dependencies) return;
    try {
      current.dependencies = (await introspectDependencies(current.conn)) ?? [];
    } catch {
      await this.close();
    }
  }

  /** Discards the printing database. */
  async close(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    await current?.conn.close();
  }

  /** Applies the edit since the last version; on failure the database is kept only if it still holds that version. */
  private async update(current: Printing, local: Schema): Promise<Schema> {
    // Declared views carry no column list (the server derives it), so the differ cannot tell
    // whether CREATE OR REPLACE VIEW would keep the columns it must keep: on a printing database,
    // which holds no data, a changed view is dropped and created again, which is always right.
    const changes = diffSchemas(current.declared, local, { replaceViews: false });
    if (changes.length === 0) {
      current.declared = local;
      return current.printed;
    }
    current.dependencies ??= (await introspectDependencies(current.conn)) ?? [];
    const from: Schema = { ...current.declared, dependencies: current.dependencies };
    const parts = splitPlan(planChanges(changes, { from, to: local }, { online: false }));
    const locate = locator(local);
    for (const [i, part] of parts.entries()) {
      try {
        await inTransaction(current.conn, async () => {
          await applyPlan(current.conn, part, locate);
          if (i === parts.length - 1) await checkRoutineBodies(current.conn, local, locate);
        });
      } catch (error) {
        // Parts committed before this one (new enum values) stay: the database holds neither version.
        if (i > 0) await this.close();
        throw error;
      }
    }
    try {
      current.dependencies = undefined;
      current.printed = await introspect(current.conn, { namespaces: managed(local), externalNamespaces: this.options.externalNamespaces, dependencies: false });
    } catch (error) {
      await this.close();
      throw error;
    }
    current.declared = local;
    return current.printed;
  }
}

function managed(schema: Schema): string[] {
  return Object.values(schema.namespaces)
    .filter((namespace) => !namespace.external)
    .map((namespace) => namespace.name);
}
