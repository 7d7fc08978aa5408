import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cacheKey, readCached, writeCachedWhenDone } from '../cache.js';
import { codeFingerprint } from '../code-identity.js';
import type { Schema } from '../model/schema.js';
import type { LoadOptions } from './definitions.js';
import { definitionFiles } from './files.js';
import { modulesKept } from './typescript.js';

/** Bump when what an entry holds changes shape, so old entries are not read. */
const cacheFormat = 1;

/** pgform's code that turns definition files into a model: the builders, the loader, the model, and the package's entry. */
const modelCode = /^(dsl|load|model|sql|config)\/|^[^/]+\.(js|ts)$/;

/** The files the last load of a definitions path evaluated: where the next run looks first. */
interface LastLoad {
  modules: string[];
}

const loadKeys = new WeakMap<Schema, string>();

/**
 * The key a model was stored under by loadSchemaCached: the content of every file its load
 * evaluated. A value computed from that model alone (its canonical form) can be cached under it
 * and found without hashing the model. Undefined for a model that was not stored.
 */
export function loadKey(schema: Schema): string | undefined {
  return loadKeys.get(schema);
}

/**
 * Loads the model of a definitions path, or reads it from `cacheDir` when no file the last load
 * evaluated has changed: evaluating thousands of definitions costs seconds, hashing their files
 * milliseconds. The key is the content of every module that load evaluated outside node_modules
 * (helpers imported from outside the definitions folder too), the list of definition files (a new
 * file misses), pgform's own code, the working directory (source locations are relative to it)
 * and the options. A session that keeps modules between loads (`pgform dev`) always loads.
 */
export async function loadSchemaCached(path: string, options: LoadOptions & { cacheDir: string }): Promise<Schema> {
  const { cacheDir, ...load } = options;
  // The loader (and the builders behind it) is imported only when the definitions are evaluated.
  if (modulesKept()) return (await import('./definitions.js')).loadSchema(path, load);
  const files = definitionFiles(path);
  const place = placeKey(path);
  const lastKey = lastLoadKey(path, files, options);
  const cached = lastKey ? readCached<Schema>(cacheDir, lastKey) : undefined;
  if (cached && lastKey) {
    loadKeys.set(cached, lastKey);
    return cached;
  }
  const started = Date.now();
  const { schema, modules } = await (await import('./definitions.js')).loadSchemaTracked(path, load);
  // A file saved while the load ran may have been read before the save: its new text would key the
  // old model. File times come from a coarse clock, hence the margin.
  const key = modules.every((file) => modifiedBefore(file, started - clockMargin)) ? contentKey(path, files, modules, load) : undefined;
  if (key) {
    // Stored only if the command goes on to succeed (see writeHeld).
    writeCachedWhenDone(cacheDir, key, schema);
    writeCachedWhenDone(cacheDir, place, { modules } satisfies LastLoad);
    loadKeys.set(schema, key);
  }
  return schema;
}

/**
 * The key under which loadSchemaCached would find the model of `path` now, without reading the
 * model: a value computed from the model alone (its canonical form) may be cached under this key,
 * and a command that needs nothing else never parses the model. Undefined when the model must be
 * loaded (a file changed, or nothing is stored).
 */
export function storedLoadKey(path: string, options: LoadOptions & { cacheDir: string }): string | undefined {
  if (modulesKept()) return undefined;
  const key = lastLoadKey(path, definitionFiles(path), options);
  return key && existsSync(join(options.cacheDir, `${key}.json`)) ? key : undefined;
}

function placeKey(path: string): string {
  return cacheKey(String(cacheFormat), 'the modules of the last load', resolve(path), process.cwd());
}

/** The key of the files the last load of `path` evaluated, as they are now. */
function lastLoadKey(path: string, files: string[], options: LoadOptions & { cacheDir: string }): string | undefined {
  const { cacheDir, ...load } = options;
  const last = readCached<LastLoad>(cacheDir, placeKey(path));
  return last && contentKey(path, files, last.modules, load);
}

/** The key of a load: undefined when a file is gone (the files of the load changed). */
function contentKey(path: string, files: string[], modules: string[], options: LoadOptions): string | undefined {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([cacheFormat, codeFingerprint(modelCode), resolve(path), process.cwd(), options.externalNamespaces ?? [], files]));
  for (const file of [...new Set([...files, ...modules])].sort()) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      return undefined;
    }
    hash.update(`\n${file}\n${content.length}\n`).update(content);
  }
  return hash.digest('hex');
}

/** More than a tick of the clock that stamps file times (4-10 ms). */
const clockMargin = 50;

function modifiedBefore(file: string, time: number): boolean {
  try {
    return statSync(file).mtimeMs < time;
  } catch {
    return false;
  }
}
