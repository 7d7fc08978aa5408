import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/load.js';
import { unmanagedItems, type UnmanagedItem } from '../emit/drift/unmanaged.js';
import { pullHeader, renderPull, type Layout, type PullWarning } from '../emit/pull/index.js';
import { PgformError } from '../errors.js';
import { databaseLabel, presetOf } from './database.js';
import { printedStates } from './diff.js';
import { migrationsState } from './generate.js';
import { databaseState } from './states.js';
import type { Schema } from '../model/schema.js';

export interface PullOptions {
  layout: Layout;
  /** The folder to write; default `schemas/<system>`, else the configured definitions folder. */
  out?: string;
  /**
   * What to read: `database` (default: the URL's, or the embedded one), `migrations` (the
   * configured folder) or a migrations folder such as `supabase/migrations`, replayed in the
   * embedded engine with the preset in place: no server needed.
   */
  from?: string;
  /**
   * Rewrite the files instead of merging into them: only into a folder that holds nothing but
   * files `pull` wrote (a layout change), and every edit made to those is lost.
   */
  rewrite?: boolean;
}

/** A PulledFileStatus says what happened to one file of the output folder. */
export interface PulledFileStatus {
  path: string;
  status: 'written' | 'unchanged' | 'removed';
}

export interface PullResult {
  database: string;
  folder: string;
  files: PulledFileStatus[];
  warnings: PullWarning[];
  /** Objects of kinds pgform does not manage: not written as definitions, so said here. */
  unmanaged: UnmanagedItem[];
}

/** Where pulled definitions go: `--out`, else `schemas/<system>`, else the definitions folder. */
export function pullFolder(config: ResolvedConfig, out?: string): string {
  if (out) return resolve(config.root, out);
  if (config.system) return resolve(config.root, 'schemas', config.system);
  if (/\.[mc]?[tj]s$/.test(config.definitions)) return resolve(config.root, dirname(config.definitions));
  return resolve(config.root, config.definitions);
}

/** Every definition-like file under a folder, relative to it. */
function existingFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  if (!statSync(folder).isDirectory()) throw new PgformError('USAGE', `${folder} is not a folder`, { file: folder });
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      // `.pulled/` holds what a merge could not place; it is not definitions.
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(path);
      }
      else if (/\.(ts|mts|js|mjs)$/.test(entry.name)) files.push(relative(folder, path));
    }
  };
  walk(folder);
  return files.sort();
}

/**
 * Writes the files all or nothing: each is written beside its target first, and only when every
 * one is on disk are they renamed into place; pulled files the new output lacks are removed.
 */
function writeAll(folder: string, files: { path: string; content: string }[], stale: string[]): void {
  const partials: [string, string][] = [];
  try {
    for (const file of files) {
      const target = join(folder, file.path);
      mkdirSync(dirname(target), { recursive: true });
      const partial = `${target}.${process.pid}.partial`;
      writeFileSync(partial, file.content);
      partials.push([partial, target]);
    }
  } catch (error) {
    for (const [partial] of partials) rmSync(partial, { force: true });
    throw new PgformError('USAGE', `cannot write pulled definitions: ${error instanceof Error ? error.message : String(error)}`, { file: folder }, undefined, { cause: error });
  }
  for (const [partial, target] of partials) renameSync(partial, target);
  for (const path of stale) {
    rmSync(join(folder, path), { force: true });
    // A layout change leaves the per-schema folders of `--layout table` empty: they go too.
    for (let dir = dirname(join(folder, path)); dir !== folder && dir.startsWith(folder) && readdirSync(dir).length === 0; dir = dirname(dir)) rmSync(dir, { recursive: true });
  }
}

/** Where a pull reads from: the database, or a migrations folder replayed in the embedded engine. */
interface PullSource {
  spec: 'database' | 'migrations';
  /** The configuration to read it with: a `--from <folder>` becomes its migrations folder. */
  config: ResolvedConfig;
  label: string;
}

function pullSource(config: ResolvedConfig, from: string): PullSource {
  if (from === 'database') return { spec: 'database', config, label: databaseLabel(config) };
  const migrations = from === 'migrations' ? config.migrations : from;
  const folder = resolve(config.root, migrations);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new PgformError('USAGE', `no migrations folder at ${migrations}`, { field: '--from' }, 'use --from database, --from migrations or --from <folder of .sql files>');
  }
  return { spec: 'migrations', config: { ...config, migrations }, label: `migrations (${relative(config.root, folder) || '.'})` };
}

/** The model to pull. */
async function pulledState(source: PullSource): Promise<Schema> {
  return source.spec === 'database' ? databaseState(source.config) : (await migrationsState(source.config)).schema;
}

/**
 * Reads the database (the URL's, or the embedded one) and writes it as definitions. Into a folder
 * that already holds definitions, the database is merged: only what differs is edited, in place.
 */
export async function pullCommand(config: ResolvedConfig, options: PullOptions): Promise<PullResult> {
  const folder = pullFolder(config, options.out);
  const existing = existingFiles(folder);
  const source = pullSource(config, options.from ?? 'database');
  if (existing.length && !options.rewrite) return mergeInto(source, folder, existing, options.layout);
  const foreign = existing.filter((path) => !readFileSync(join(folder, path), 'utf8').startsWith(pullHeader));
  if (foreign.length) {
    throw new PgformError(
      'USAGE',
      `${relative(config.root, folder) || '.'} holds definitions that pgform pull did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''})`,
      { file: relative(config.root, join(folder, foreign[0]!)) },
      'pull without --rewrite to merge into them, or into a new folder with --out <folder>',
    );
  }
  const schema = await pulledState(source);
  const preset = presetOf(config);
  const render = await renderPull(schema, { layout: options.layout, externalNamespaces: preset.externalNamespaces, externalExtensions: preset.externalExtensions, presetDefaults: preset.defaultPrivilegeGrantees });
  const wanted = new Set(render.files.map((file) => file.path));
  const stale = existing.filter((path) => !wanted.has(path));
  const changed = render.files.filter((file) => !existing.includes(file.path) || readFileSync(join(folder, file.path), 'utf8') !== file.content);
  writeAll(folder, changed, stale);
  const statuses: PulledFileStatus[] = [
    ...render.files.map((file): PulledFileStatus => ({ path: file.path, status: changed.includes(file) ? 'written' : 'unchanged' })),
    ...stale.map((path): PulledFileStatus => ({ path, status: 'removed' })),
  ].map((file) => ({ ...file, path: relative(config.root, join(folder, file.path)) }));
  return { database: source.label, folder: relative(config.root, folder) || '.', files: statuses, warnings: render.warnings, unmanaged: unmanagedItems(schema) };
}

/** Pulls into existing definitions: their model and the database's are compared, and the files edited where they differ. */
async function mergeInto(source: PullSource, folder: string, existing: string[], layout: Layout): Promise<PullResult> {
  const { config } = source;
  const { mergePull } = await import('../emit/pull/merge/index.js');
  const files = existing.map((path) => ({ path, content: readFileSync(join(folder, path), 'utf8') }));
  // Both sides printed by one server, as `diff` compares them: a merge edits only real differences.
  const { from, to } = await printedStates({ ...source.config, definitions: folder }, source.spec, 'definitions', config.schemas);
  const preset = presetOf(config);
  const merged = mergePull(files, to.schema, from.schema, { layout, externalNamespaces: preset.externalNamespaces, externalExtensions: preset.externalExtensions, presetDefaults: preset.defaultPrivilegeGrantees });
  writeAll(folder, merged.files, []);
  const written = new Set(merged.files.map((file) => file.path));
  const statuses: PulledFileStatus[] = [...new Set([...existing, ...written])]
    .sort()
    .map((path): PulledFileStatus => ({ path: relative(config.root, join(folder, path)), status: written.has(path) ? 'written' : 'unchanged' }));
  return { database: source.label, folder: relative(config.root, folder) || '.', files: statuses, warnings: merged.warnings, unmanaged: unmanagedItems(from.schema) };
}
