import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isDefinitionFileName } from './files.js';

/** A save (or several close together): which definition files changed, and when the last change was seen. */
export interface Saved {
  files: string[];
  /** performance.now() of the last change in the batch. */
  at: number;
}

export interface WatchOptions {
  /** Quiet time after the last change before it is reported: editors save in several steps. */
  debounceMs?: number;
  /** Folders whose changes are not the definitions' (generated output inside the definitions folder). */
  ignore?: string[];
}

/** A file a definitions folder would load (see definitionFiles), not an editor's swap or backup file. */
function isDefinitionFile(path: string): boolean {
  const parts = path.split(sep);
  if (parts.some((part) => part.startsWith('.') || part === 'node_modules')) return false;
  return isDefinitionFileName(basename(path));
}

/**
 * Watches a definitions path: a folder with everything below it, or a file together with the
 * files beside it (which it may import). Changes are reported once the files have been quiet for
 * `debounceMs`, as one batch. Returns the function that stops watching.
 *
 * Each folder has a watcher of its own: Node 20's recursive watch on Linux follows files, and
 * loses a file that an editor saves by writing a new one and renaming it over the old.
 */
export function watchDefinitions(path: string, onSaved: (saved: Saved) => void, options: WatchOptions = {}): () => void {
  const target = resolve(path);
  const recursive = statSync(target).isDirectory();
  const root = recursive ? target : dirname(target);
  const ignored = (options.ignore ?? []).map((dir) => resolve(dir) + sep);
  const debounceMs = options.debounceMs ?? 50;
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let last = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const files = [...pending].sort();
    pending = new Set();
    onSaved({ files, at: last });
  };
  const changed = (full: string) => {
    if (ignored.some((dir) => full.startsWith(dir)) || !isDefinitionFile(relative(root, full))) return;
    pending.add(relative(process.cwd(), full) || basename(full));
    last = performance.now();
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  const add = (dir: string) => {
    if (watchers.has(dir) || ignored.some((ignoredDir) => (dir + sep).startsWith(ignoredDir))) return;
    const watcher = watch(dir, (_event, name) => {
      if (!name) return;
      const full = join(dir, name.toString());
      // A folder created (or moved in) below a watched folder is watched from then on.
      if (recursive && isFolder(full) && !basename(full).startsWith('.') && basename(full) !== 'node_modules') addTree(full);
      changed(full);
    });
    // A watched folder that is removed ends its watcher.
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
  };
  const addTree = (dir: string) => {
    add(dir);
    if (!recursive) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') addTree(join(dir, entry.name));
    }
  };
  addTree(root);
  return () => {
    if (timer) clearTimeout(timer);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
