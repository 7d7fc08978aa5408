/**
 * What the embedded engine's file system remembers between PostgreSQL's questions to it. Under
 * PGlite each question about the data directory is a call into Node's file system made from
 * JavaScript, and two are asked all the time:
 *
 * - a relation file's size (a seek to its end), before nearly every scan: 1.4 s of CPU in a 16 s
 *   run of diff cases, a quarter of a second in a fresh clone's generate;
 * - whether a file exists that does not (a relation's free-space or visibility map, a further
 *   segment): each is an lstat that fails, 0.16 s of that generate.
 *
 * A data directory is one engine's alone (a scratch directory, or the embedded database under
 * its lock file), so both answers change only through that engine's own file operations. A size
 * read is remembered until the engine next writes, truncates, creates, renames or removes any
 * file; a missing name until the engine creates a file, directory or link by that name, or
 * renames one to it.
 */

/** Emscripten's NODEFS as the engine's module exposes it: the operations that change files are wrapped. */
interface NodeFs {
  stream_ops: Record<string, ((...args: never[]) => unknown) | undefined>;
  node_ops: Record<string, ((...args: never[]) => unknown) | undefined>;
}

interface Stream {
  node: object;
  flags: number;
}

/** Emscripten's open flag that empties a file (O_TRUNC), and its errno for a missing file (ENOENT). */
const truncating = 0o1000;
const noSuchFile = 44;
const seekEnd = 2;

/** Operations that can change a file's size. */
const resizingStreamOps = ['write', 'msync', 'setattr'];
const resizingNodeOps = ['setattr', 'mknod', 'rename', 'unlink', 'rmdir', 'symlink'];

/** Wraps the module's NODEFS once; a module without it (an in-memory engine) is left as it is. */
export function rememberFiles(module: { NODEFS?: NodeFs } | undefined): void {
  const nodefs = module?.NODEFS;
  if (!nodefs || remembering.has(nodefs)) return;
  const { llseek, open } = nodefs.stream_ops as { llseek?: (stream: Stream, offset: number, whence: number) => number; open?: (stream: Stream) => unknown };
  const lookup = nodefs.node_ops.lookup as ((parent: object, name: string) => unknown) | undefined;
  if (!llseek || !open || !lookup) return;
  remembering.add(nodefs);
  // Counts the operations that may change a size: a size remembered under an older count is stale.
  const counts = { sizes: 0 };
  const resizing = (ops: NodeFs['stream_ops'], name: string) => {
    const op = ops[name];
    if (!op) return;
    ops[name] = (...args: never[]) => {
      counts.sizes++;
      return op(...args);
    };
  };
  for (const name of resizingStreamOps) resizing(nodefs.stream_ops, name);
  for (const name of resizingNodeOps) resizing(nodefs.node_ops, name);
  nodefs.stream_ops.open = ((stream: Stream) => {
    if (stream.flags & truncating) counts.sizes++;
    return open(stream);
  }) as never;

  const sizes = new WeakMap<object, { count: number; size: number }>();
  nodefs.stream_ops.llseek = ((stream: Stream, offset: number, whence: number) => {
    // PostgreSQL seeks to the end itself (offset 0); any other seek goes through as it was.
    if (whence !== seekEnd || offset !== 0) return llseek(stream, offset, whence);
    const known = sizes.get(stream.node);
    if (known?.count === counts.sizes) return known.size;
    const count = counts.sizes;
    const size = llseek(stream, 0, seekEnd);
    sizes.set(stream.node, { count, size });
    return size;
  }) as never;

  // By directory, then name: the error the lookup threw, thrown again until the name is made.
  const missing = new WeakMap<object, Map<string, unknown>>();
  nodefs.node_ops.lookup = ((parent: object, name: string) => {
    const names = missing.get(parent);
    if (names?.has(name)) throw names.get(name);
    try {
      return lookup(parent, name);
    } catch (error) {
      if ((error as { errno?: number }).errno === noSuchFile) {
        if (names) names.set(name, error);
        else missing.set(parent, new Map([[name, error]]));
      }
      throw error;
    }
  }) as never;
  // What makes a name: mknod (files and directories) and symlink (directory, name), rename (node, directory, name).
  const making = (op: string, at: (args: unknown[]) => [object, string]) => {
    const make = nodefs.node_ops[op];
    if (!make) return;
    nodefs.node_ops[op] = (...args: never[]) => {
      const [parent, name] = at(args);
      missing.get(parent)?.delete(name);
      return make(...args);
    };
  };
  making('mknod', (args) => [args[0] as object, args[1] as string]);
  making('symlink', (args) => [args[0] as object, args[1] as string]);
  making('rename', (args) => [args[1] as object, args[2] as string]);
}

const remembering = new WeakSet<NodeFs>();
