import { IncrementalPrinter } from '../canonical/incremental.js';
import { privilegesFor } from '../canonical/server-privileges.js';
import type { ResolvedConfig } from '../config/load.js';
import { diffSchemas } from '../diff/index.js';
import type { Connection } from '../engine/connection.js';
import { connectPostgres } from '../engine/pg.js';
import { introspect } from '../introspect/index.js';
import { forgetModules, keepModules, releaseModules } from '../load/typescript.js';
import { refusedStatements, type RefusedStatement } from '../migrate/guard.js';
import { withMigrationLock, type LockHolder } from '../migrate/lock.js';
import { planHazards, summarizePlan } from '../migrate/render.js';
import type { Schema } from '../model/schema.js';
import { planChanges } from '../plan/index.js';
import { defaultLockTimeout } from './defaults.js';
import { databaseLabel, openDatabase, openScratch, presetOf, presetReads, withConnection } from './database.js';
import { allGenerators, typeGenerators, writeGenerated, type GeneratedFile } from './gen.js';
import { lintModel } from './lint-settings.js';
import { openServerScratch } from './printer.js';
import { applySteps } from './push.js';
import { loadConfiguredSchema } from './sql.js';

export interface DevOptions {
  allowDataLoss?: boolean;
  allowSecurityChanges?: boolean;
  lockTimeout?: string;
  onWait?: (holder: LockHolder | undefined) => void;
}

/** Milliseconds spent in each phase of a cycle, up to the types being written. */
export interface CycleTimes {
  load: number;
  print: number;
  plan: number;
  apply: number;
  types: number;
}

/** What one cycle did, for the command to print. */
export type CycleResult =
  | { status: 'failed'; error: unknown }
  | { status: 'refused'; summary: string[]; refused: RefusedStatement[]; hazards: string[] }
  /** The files changed again while planning: nothing applied, the next cycle takes over. */
  | { status: 'superseded' }
  | {
      status: 'done';
      /** Statements applied (0: the database already matched). */
      statements: number;
      summary: string[];
      hazards: string[];
      /** The configured types, written first. */
      types: GeneratedFile[];
      /** performance.now() when the types were fresh on disk. */
      typesAt: number;
      times: CycleTimes;
    };

/** What follows the types in a cycle: the other generated files, and the database read back. */
export interface AfterCycle {
  files: GeneratedFile[];
  /** Changes a comparison still finds between the database and the definitions after applying (none expected). */
  remaining: number;
}

/**
 * A `pgform dev` session: the local database (the embedded one, held for the session so no
 * other process changes it, or a URL's) kept in step with the definitions as they are saved.
 * Each cycle loads the definitions, prints them incrementally (see IncrementalPrinter), plans
 * against the database, applies the plan when the guards allow it and writes the types, then
 * the other generated files. No migration file is ever written.
 */
export class DevSession {
  readonly database: string;
  private readonly printer: IncrementalPrinter;
  private embedded: Connection | undefined;
  /** The embedded database as read after the last cycle; the next cycle plans from it. */
  private known: Schema | undefined;
  /** Counts saves; a cycle whose definitions were saved again before it applies gives way. */
  private saves = 0;
  /** The last cycle that wrote the types: what afterCycle completes. */
  private last: { declared: Schema; definitions: Schema; applied: boolean } | undefined;
  private serverVersion: number | undefined;

  constructor(
    private readonly config: ResolvedConfig,
    private readonly options: DevOptions = {},
  ) {
    this.database = databaseLabel(config);
    const externalNamespaces = presetOf(config).externalNamespaces;
    this.printer = config.url
      ? new IncrementalPrinter(() => openServerScratch(config, config.url!), { externalNamespaces })
      : new IncrementalPrinter(() => openScratch(config), { externalNamespaces });
  }

  /**
   * Records a save of these files: the next load evaluates them (and what imports them) again,
   * and the cycle running, if any, will not apply what it loaded before.
   */
  saved(files: string[]): void {
    this.saves++;
    forgetModules(files);
  }

  /** Opens the embedded database for the session (a URL's is connected to per cycle). */
  async open(): Promise<void> {
    keepModules();
    if (!this.config.url) this.embedded = await openDatabase(this.config);
  }

  async cycle(): Promise<CycleResult> {
    const saves = this.saves;
    const times: CycleTimes = { load: 0, print: 0, plan: 0, apply: 0, types: 0 };
    let mark = performance.now();
    const lap = (phase: keyof CycleTimes) => {
      const now = performance.now();
      times[phase] = Math.round(now - mark);
      mark = now;
    };
    try {
      const declared = await loadConfiguredSchema(this.config);
      lap('load');
      const definitions = await this.print(declared);
      lap('print');
      return await this.withDatabase(async (conn) => {
        const live = this.known ?? (await this.read(conn));
        // Only the session changes the embedded database: what was read stays true until it applies.
        if (this.embedded) this.known = live;
        const plan = planChanges(diffSchemas(live, definitions), { from: live, to: definitions }, { online: false });
        lap('plan');
        const hazards = planHazards(plan);
        if (plan.steps.length) {
          const refused = refusedStatements(plan, this.options);
          if (refused.length) return { status: 'refused', summary: summarizePlan(plan), refused, hazards };
          if (this.saves !== saves) return { status: 'superseded' };
          const lockTimeout = this.options.lockTimeout ?? this.config.lockTimeout ?? defaultLockTimeout;
          this.known = undefined;
          await withMigrationLock(conn, () => applySteps(conn, plan.steps, lockTimeout), this.options.onWait);
        }
        lap('apply');
        const types: GeneratedFile[] = [];
        for (const generator of typeGenerators(this.config)) types.push(await writeGenerated(this.config, generator, definitions, []));
        lap('types');
        this.last = { declared, definitions, applied: plan.steps.length > 0 };
        return { status: 'done', statements: plan.steps.length, summary: summarizePlan(plan), hazards, types, typesAt: performance.now(), times };
      });
    } catch (error) {
      return { status: 'failed', error };
    }
  }

  /**
   * The rest of a cycle that applied: the Zod validators and docs the config asks for, and the
   * embedded database read back for the next cycle (while the person edits), compared with the
   * definitions it should now hold.
   */
  async afterCycle(): Promise<AfterCycle> {
    const last = this.last;
    this.last = undefined;
    if (!last) return { files: [], remaining: 0 };
    const rest = allGenerators(this.config).filter((generator) => !typeGenerators(this.config).includes(generator));
    const advisor = rest.includes('docs') ? lintModel(this.config, last.declared, true).findings : [];
    const files: GeneratedFile[] = [];
    for (const generator of rest) files.push(await writeGenerated(this.config, generator, last.definitions, advisor));
    await this.printer.settle();
    if (!this.embedded || (this.known && !last.applied)) return { files, remaining: 0 };
    const live = await this.read(this.embedded);
    const remaining = diffSchemas(live, last.definitions).length;
    if (remaining === 0) this.known = live;
    return { files, remaining };
  }

  /** Ends the session: the printing database is discarded and the embedded database closed (its lock file removed). */
  async close(): Promise<void> {
    releaseModules();
    try {
      await this.printer.close();
    } finally {
      const embedded = this.embedded;
      this.embedded = undefined;
      await embedded?.close();
    }
  }

  private async print(declared: Schema): Promise<Schema> {
    if (!this.config.url) return this.printer.print(declared);
    // A server prints privileges as its version spells them (see canonicalOnServer).
    const url = this.config.url;
    this.serverVersion ??= await withConnection(() => connectPostgres(url), (conn) => conn.serverVersion());
    return this.printer.print(privilegesFor(declared, this.serverVersion));
  }

  private withDatabase<T>(work: (conn: Connection) => Promise<T>): Promise<T> {
    const embedded = this.embedded;
    if (embedded) return work(embedded);
    return withConnection(() => openDatabase(this.config), work);
  }

  private read(conn: Connection): Promise<Schema> {
    return introspect(conn, { ...presetReads(this.config), ...(this.config.schemas ? { namespaces: this.config.schemas } : {}) });
  }
}
