import type { Connection } from '../engine/connection.js';
import { introspectDependencies } from '../introspect/index.js';
import type { Schema } from '../model/schema.js';
import { createPlan } from './from-scratch.js';
import { EditRolledBack, editBetween, printedAsNew, printedEdit, type Dependencies } from './printed-edit.js';
import { printOnServer } from './print-on-server.js';
import type { CanonicalOptions } from './stored-keys.js';
import { mergePrinted } from './merge.js';

/** A printing database and the declared model it holds, as last applied and read back. */
interface Printing {
  conn: Connection;
  declared: Schema;
  printed: Schema;
  /** The catalog's dependency edges, which the next edit is planned with; read after a version is printed. */
  dependencies?: Dependencies;
}

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
 * cannot take in place (a type change with no cast, say), or would print otherwise than a new one
 * (see printedAsNew), is printed from scratch on a new one; only when that fails too is the error
 * the definitions'.
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
    const changes = editBetween(current.declared, local);
    // Printed anew by the caller, which prints from scratch when this throws.
    if (!printedAsNew(changes, current.declared, local)) throw new Error('the printing database would not print this edit as a new one does');
    if (changes.length > 0) {
      try {
        current.printed = await printedEdit(current.conn, { declared: current.declared, ...(current.dependencies ? { dependencies: current.dependencies } : {}) }, local, changes, this.options);
        current.dependencies = undefined;
      } catch (error) {
        if (!(error instanceof EditRolledBack)) await this.close();
        throw error instanceof EditRolledBack ? error.cause : error;
      }
    }
    current.declared = local;
    return current.printed;
  }
}
