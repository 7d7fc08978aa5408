import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ResolvedConfig } from '../config/load.js';
import { pullHeader, renderPull, type Layout, type PullWarning } from '../emit/pull/index.js';
import { PgformError } from '../errors.js';
import { databaseLabel, presetOf } from './database.js';
import { databaseState } from './states.js';

export interface PullOptions {
  layout: Layout;
  /** The folder to write; default `schemas/<system>`, else the configured definitions folder. */
  out?: string;
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
      if (entry.isDirectory()) walk(path);
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

/**
 * Reads the database (the URL's, or the embedded one) and writes it as definitions. A folder
 * holding files that `pull` did not write is refused: pulling never overwrites a person's work.
 */
export async function pullCommand(config: ResolvedConfig, options: PullOptions): Promise<PullResult> {
  const folder = pullFolder(config, options.out);
  const existing = existingFiles(folder);
  const foreign = existing.filter((path) => !readFileSync(join(folder, path), 'utf8').startsWith(pullHeader));
  if (foreign.length) {
    throw new PgformError(
      'USAGE',
      `${relative(config.root, folder) || '.'} holds definitions that pgform pull did not write (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''})`,
      { file: relative(config.root, join(folder, foreign[0]!)) },
      'pull into a new or empty folder with --out <folder>',
    );
  }
  const schema = await databaseState(config);
  const preset = presetOf(config);
  const render = await renderPull(schema, { layout: options.layout, externalNamespaces: preset.externalNamespaces, presetDefaults: preset.defaultPrivilegeGrantees });
  const wanted = new Set(render.files.map((file) => file.path));
  const stale = existing.filter((path) => !wanted.has(path));
  const changed = render.files.filter((file) => !existing.includes(file.path) || readFileSync(join(folder, file.path), 'utf8') !== file.content);
  writeAll(folder, changed, stale);
  const statuses: PulledFileStatus[] = [
    ...render.files.map((file): PulledFileStatus => ({ path: file.path, status: changed.includes(file) ? 'written' : 'unchanged' })),
    ...stale.map((path): PulledFileStatus => ({ path, status: 'removed' })),
  ].map((file) => ({ ...file, path: relative(config.root, join(folder, file.path)) }));
  return { database: databaseLabel(config), folder: relative(config.root, folder) || '.', files: statuses, warnings: render.warnings };
}
