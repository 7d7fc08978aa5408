import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKey, readCached, writeCached } from '../cache.js';
import type { ResolvedConfig } from '../config/load.js';
import { lightEngineWork, wholeSchemaWork } from '../engine/wasm-tiering.js';
import { pgliteVersion } from '../engine/pglite-version.js';
import type { ScratchConnection } from '../engine/pglite.js';
import { introspect } from '../introspect/index.js';
import { listMigrationEntries, parseMigration, type MigrationEntry } from '../migrate/files.js';
import { replayMigrations, type ReplayProgress } from '../migrate/replay.js';
import type { Change } from '../model/change.js';
import type { Schema } from '../model/schema.js';
import { storedDerivation } from '../migrate/derived-state.js';
import { openScratch, presetOf, presetReads } from './database.js';
import type { Printer } from './printer.js';
import { pruneKept, touch } from './kept-directories.js';
import { cacheDir } from './states.js';

/**
 * A MigrationsState is the state the migration files build, and how it was reached: `replayed`
 * files were applied to a shadow database in this run, on top of the stored state of the first
 * `reused` files (all of them when nothing was replayed).
 */
export interface MigrationsState {
  schema: Schema;
  printer: Printer;
  replayed: number;
  reused: number;
  /** Where the state is stored, and how many stored changes lead to it from a whole stored model (see storeDerivedState). */
  stored?: { key: string; derivations: number };
}

/** What is stored for a state: the whole model, or the changes that lead to it from another stored state. */
type StoredState = { schema: Schema; printer: Printer } | DerivedEntry;

/** A state stored as the changes the files after `from`'s state made to it (see derivedState, storedDerivation). */
interface DerivedEntry {
  from: string;
  changes: Change[];
  printer: Printer;
}

/**
 * How many derived entries may lead to a state before it is stored whole again: each one read
 * costs a small file and a cheap derivation, and a longer chain would outlive the entries it
 * starts from in the bounded cache.
 */
const longestDerivation = 8;

/** How much SQL replayed on a kept state is still a small part of the work (see lightEngineWork): an edit's file is a few hundred bytes. */
const littleSql = 64 * 1024;

/** Bump when what the shadow cache holds changes shape. */
const shadowCacheFormat = 6;

/** How many shadow data directories are kept: each is a whole database (~40 MB and up). */
const keptDirectories = 3;

/**
 * ListedMigrations are the migration files read once (up to a version, or all of them): their
 * entries, and the key the state after each prefix of them is stored under (`keys[i]`: the first
 * i files; see prefixKeys). What asks for the key and then for the state reads the files once.
 */
export interface ListedMigrations {
  files: MigrationEntry[];
  keys: string[];
}

/** Reads the migration files (up to `upTo`, when given) and the keys of their states. */
export function listedMigrations(config: ResolvedConfig, upTo?: string): ListedMigrations {
  const files = listMigrationEntries(config.root, config.migrations).filter((file) => upTo === undefined || file.version <= upTo);
  return { files, keys: prefixKeys(config, files) };
}

/** The key the state all the listed files build is stored under. */
export function stateKey(listed: ListedMigrations): string {
  return listed.keys.at(-1)!;
}

/**
 * The state the migration files build: replayed in order into a shadow database. Two things are
 * stored under the hash of everything a prefix of the files depends on (the engine's version, the
 * preset, the schemas read, and each file's name and checksum in order): the model read from the
 * shadow, so running again over unchanged files opens no database at all; and the shadow's data
 * directory, so a folder with new files at its end replays only those, on top of the state the
 * files before them built. A changed or removed old file changes every key after it: the files are
 * replayed from the first one again. `listed` says which files (see listedMigrations: those up to
 * a version only, or files a caller has read already); all of them, read now, when not given.
 * `empty`: a shadow database already open and as empty as a new one (see replaysEveryFile): every
 * file is replayed into it, and it is closed (or kept) here.
 */
export async function migrationsState(config: ResolvedConfig, onProgress?: ReplayProgress, listed: ListedMigrations = listedMigrations(config), empty?: ScratchConnection): Promise<MigrationsState> {
  const { files, keys } = listed;
  const modelDir = cacheDir(config, 'shadow');
  const cached = readState(modelDir, keys.at(-1)!);
  if (cached) {
    await empty?.close();
    return { ...cached, replayed: 0, reused: files.length };
  }
  const dataDir = cacheDir(config, 'shadow-data');
  let start = empty ? 0 : keptPrefix(dataDir, keys);
  // A little SQL on a kept state: the engine's work is that and one read, not the schema's building.
  const replayedBytes = files.slice(start).reduce((sum, file) => sum + file.sql.length, 0);
  if (start > 0 && replayedBytes <= littleSql) lightEngineWork();
  else wholeSchemaWork();
  const { shadow, from } = empty ? { shadow: empty, from: undefined } : await openShadow(config, start ? join(dataDir, keys[start]!) : undefined);
  if (!from) start = 0;
  let kept = false;
  try {
    // Only the files replayed are split into statements: the stored state stands for the others.
    const rest = files.slice(start).map(parseMigration);
    await replayMigrations(shadow, rest, onProgress && ((done, _total, file) => onProgress(done, rest.length, file)));
    const schema = await introspect(shadow, { ...presetReads(config), ...(config.schemas ? { namespaces: config.schemas } : {}) });
    const state = { schema, printer: { engine: shadow.engine, version: await shadow.serverVersion() } satisfies Printer };
    writeCached(modelDir, keys.at(-1)!, state);
    if (files.length > start) {
      kept = true;
      await keepShadow(shadow, dataDir, keys.at(-1)!);
    }
    return { ...state, replayed: files.length - start, reused: start, stored: { key: keys.at(-1)!, derivations: 0 } };
  } finally {
    if (!kept) await shadow.close();
  }
}

/**
 * Whether migrationsState would replay every listed file into an empty database: no state is
 * stored for the files as they are, and no data directory was kept for any first part of them.
 */
export function replaysEveryFile(config: ResolvedConfig, listed: ListedMigrations = listedMigrations(config)): boolean {
  return !existsSync(join(cacheDir(config, 'shadow'), `${stateKey(listed)}.json`)) && keptPrefix(cacheDir(config, 'shadow-data'), listed.keys) === 0;
}

/** How many of the first files the longest kept data directory stands for (0: none kept). */
function keptPrefix(dataDir: string, keys: string[]): number {
  let start = keys.length - 1;
  while (start > 0 && !existsSync(join(dataDir, keys[start]!))) start--;
  return start;
}

/**
 * Stores `state` as the state the listed migration files (by default: the files as they are now)
 * build, reached without a shadow database (see derivedState): the next run over these files
 * opens none. No data directory goes with it: a file after these replays from the last one kept,
 * this one included.
 */
function storeMigrationsState(config: ResolvedConfig, state: { schema: Schema; printer: Printer }, listed: ListedMigrations = listedMigrations(config)): void {
  writeCached(cacheDir(config, 'shadow'), stateKey(listed), state);
}

/**
 * Stores the state the listed files build as `changes` made to the stored state `before` (read
 * off it by derivedState, to `schema`): a few hundred bytes where the whole model is tens of
 * megabytes at thousands of tables. Whole when `before` is not stored, or is at the end of a
 * long chain already.
 */
export function storeDerivedState(config: ResolvedConfig, before: MigrationsState, changes: Change[], schema: Schema, listed: ListedMigrations): void {
  const from = before.stored;
  if (!from || from.derivations >= longestDerivation) return storeMigrationsState(config, { schema, printer: before.printer }, listed);
  writeCached(cacheDir(config, 'shadow'), stateKey(listed), { from: from.key, changes, printer: before.printer } satisfies DerivedEntry);
}

/** A stored state, derived again from the entries it was stored as; undefined when any of them is gone. */
function readState(dir: string, key: string, linksLeft = longestDerivation): Pick<MigrationsState, 'schema' | 'printer' | 'stored'> | undefined {
  const entry = readCached<StoredState>(dir, key);
  if (!entry) return undefined;
  if (!('from' in entry)) return { ...entry, stored: { key, derivations: 0 } };
  const before = linksLeft > 0 ? readState(dir, entry.from, linksLeft - 1) : undefined;
  const schema = before && storedDerivation(before.schema, entry.changes);
  return schema ? { schema, printer: entry.printer, stored: { key, derivations: before.stored!.derivations + 1 } } : undefined;
}

/**
 * The cache key of the state after each prefix of the files: keys[i] for the first i files.
 * Chained, so each key names every file before it.
 */
function prefixKeys(config: ResolvedConfig, files: MigrationEntry[]): string[] {
  const base = cacheKey(
    String(shadowCacheFormat),
    `pglite package ${pgliteVersion}`,
    presetOf(config).bootstrapSql,
    JSON.stringify(presetReads(config)),
    JSON.stringify(config.schemas ?? null),
  );
  const keys = [base];
  for (const file of files) keys.push(cacheKey(keys.at(-1)!, `${file.name} ${file.checksum}`));
  return keys;
}

/** A shadow database started from a kept directory when there is a usable one, else empty. */
async function openShadow(config: ResolvedConfig, directory?: string): Promise<{ shadow: ScratchConnection; from?: string }> {
  if (directory) {
    try {
      const shadow = await openScratch(config, directory, cacheDir(config, 'shadow-data'));
      touch(directory);
      return { shadow, from: directory };
    } catch {
      // Removed by another process while it was copied, or damaged: the files are replayed from
      // the first one instead, which is always right.
    }
  }
  return { shadow: await openScratch(config, undefined, cacheDir(config, 'shadow-data')) };
}

async function keepShadow(shadow: ScratchConnection, dataDir: string, key: string): Promise<void> {
  try {
    await shadow.closeAndKeep(join(dataDir, key));
  } catch {
    // The state is read already: a directory that cannot be kept (a full disk) only costs time.
  }
  pruneKept(dataDir, keptDirectories);
}
