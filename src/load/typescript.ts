import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transpile, transpiledCacheDir } from './transpile.js';

/** pgform's own entry, so user files that `import ... from 'pgform'` load this very copy. */
function ownEntry(): string {
  const here = fileURLToPath(new URL('..', import.meta.url));
  const ts = join(here, 'index.ts');
  return existsSync(ts) ? ts : join(here, 'index.js');
}

let loader: Awaited<ReturnType<typeof makeLoader>> | undefined;
/** The package as user files import it (`from 'pgform'`), once a loader exists. */
let pgformApi: Record<string, unknown> | undefined;

/** The names user files can import from 'pgform' (none before anything was loaded). */
export function pgformExportNames(): string[] {
  return Object.keys(pgformApi ?? {});
}
/** Whether evaluated modules are kept between loads (a watching session, see keepModules). */
let keep = false;

async function makeLoader() {
  const { createJiti } = await import('jiti');
  // pgform itself is handed over as the module already loaded natively: resolving and evaluating
  // a second copy of the library through the transpiler cost most of a warm run's second.
  const pgform = (await import(pathToFileURL(ownEntry()).href)) as Record<string, unknown>;
  pgformApi = pgform;
  // The transpile cache is keyed by file content. Evaluated modules are kept for one load (a file
  // the definitions share is evaluated once, and the load's module files can be listed) and
  // forgotten after it unless a session keeps them (see trackedLoad).
  return createJiti(import.meta.url, { virtualModules: { pgform }, moduleCache: true, fsCache: transpiledCacheDir(), transform: transpile });
}

/**
 * For a session that loads the same definitions again and again (`pgform dev`): evaluated
 * modules are kept between loads, and only the files `forgetModules` names, with every module
 * that imports them, are evaluated again. Re-evaluating a hundred-table schema's every file
 * on each save costs more than transpiling the one that changed.
 */
export function keepModules(): void {
  keep = true;
}

/** Ends keeping modules (the session is over): what it kept is forgotten, so later loads see the files as they are. */
export function releaseModules(): void {
  keep = false;
  const cache = requireCache();
  for (const id of kept) delete cache[id];
  kept.clear();
}

/** Whether evaluated modules outlive a load: a session's loads are not described by their own files alone. */
export function modulesKept(): boolean {
  return keep;
}

const requireCache = () => createRequire(import.meta.url).cache;
const outsidePackages = (id: string) => !/[\\/]node_modules[\\/]/.test(id);
/** Loads in progress: a load may import files through others (the definitions' load, file by file). */
let loads = 0;
/** The modules loads evaluated while a session kept them. */
const kept = new Set<string>();

/**
 * Runs `load` (imports through importTypeScript) as one load and returns, beside its value, the
 * file of every module it evaluated outside node_modules: what its result can depend on besides
 * installed packages. Unless a session keeps modules, they are forgotten once the outermost load
 * ends, so the next load sees edited files.
 */
export async function trackedLoad<T>(load: () => Promise<T>): Promise<{ value: T; modules: string[] }> {
  const cache = requireCache();
  const before = new Set(Object.keys(cache));
  const added = () => Object.keys(cache).filter((id) => !before.has(id) && outsidePackages(id));
  loads++;
  try {
    const value = await load();
    return { value, modules: added().sort() };
  } finally {
    loads--;
    if (loads === 0) {
      for (const id of added()) {
        if (keep) kept.add(id);
        else delete cache[id];
      }
    }
  }
}

/** Forgets the modules of changed files and of everything that imports them, so the next load evaluates them again. */
export function forgetModules(files: string[]): void {
  const cache = requireCache();
  const gone = new Set(files.map((file) => resolve(file)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [id, module] of Object.entries(cache)) {
      if (gone.has(id) || !module?.children.some((child) => gone.has(child.id))) continue;
      gone.add(id);
      grew = true;
    }
  }
  for (const id of gone) delete cache[id];
}

/** Imports a user's TypeScript file (definitions, config) without a build step. */
export async function importTypeScript(path: string): Promise<Record<string, unknown>> {
  const load = async () => {
    loader ??= await makeLoader();
    const imported = loader;
    // The loader resolves an import by trying candidate files, and every miss is an Error: with
    // their stack traces, that was a third of loading a folder of files that import each other.
    // A module that fails is imported again with them, so its error still says where it failed.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return (await imported.import(path)) as Record<string, unknown>;
    } catch {
      Error.stackTraceLimit = limit;
      return (await imported.import(path)) as Record<string, unknown>;
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
  return loads > 0 ? load() : (await trackedLoad(load)).value;
}
