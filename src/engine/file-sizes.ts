/**
 * PostgreSQL asks a relation file's size (a seek to its end) before nearly every scan. Under the
 * embedded engine each ask is an fstat of the real file made from JavaScript: 1.4 s of CPU in a
 * 16 s run of diff cases, a quarter of a second in a fresh clone's generate. A data directory is
 * one engine's alone (a scratch directory, or the embedded database under its lock file), so a
 * file's size changes only through that engine's own file operations: the sizes it read are
 * remembered until it next writes, truncates, creates, renames or removes any file.
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

/** Emscripten's open flag that empties a file (O_TRUNC). */
const truncating = 0o1000;
const seekEnd = 2;

/** Operations of a stream and of a node that can change a file's size, or which files there are. */
const changingStreamOps = ['write', 'msync', 'setattr'];
const changingNodeOps = ['setattr', 'mknod', 'rename', 'unlink', 'rmdir', 'symlink'];

/** Wraps the module's NODEFS once; a module without it (an in-memory engine) is left as it is. */
export function rememberFileSizes(module: { NODEFS?: NodeFs } | undefined): void {
  const nodefs = module?.NODEFS;
  if (!nodefs || remembering.has(nodefs)) return;
  const llseek = nodefs.stream_ops.llseek as ((stream: Stream, offset: number, whence: number) => number) | undefined;
  const open = nodefs.stream_ops.open as ((stream: Stream) => unknown) | undefined;
  if (!llseek || !open) return;
  remembering.add(nodefs);
  // Bumped by every operation that may change a size: a remembered size from before is stale.
  let generation = 0;
  const sizes = new WeakMap<object, { generation: number; size: number }>();
  const changing = (ops: NodeFs['stream_ops'], name: string) => {
    const op = ops[name];
    if (!op) return;
    ops[name] = (...args: never[]) => {
      generation++;
      return op(...args);
    };
  };
  for (const name of changingStreamOps) changing(nodefs.stream_ops, name);
  for (const name of changingNodeOps) changing(nodefs.node_ops, name);
  nodefs.stream_ops.open = ((stream: Stream) => {
    if (stream.flags & truncating) generation++;
    return open(stream);
  }) as never;
  nodefs.stream_ops.llseek = ((stream: Stream, offset: number, whence: number) => {
    // PostgreSQL seeks to the end itself (offset 0); any other seek goes through as it was.
    if (whence !== seekEnd || offset !== 0) return llseek(stream, offset, whence);
    const known = sizes.get(stream.node);
    if (known?.generation === generation) return known.size;
    const seen = generation;
    const size = llseek(stream, 0, seekEnd);
    sizes.set(stream.node, { generation: seen, size });
    return size;
  }) as never;
}

const remembering = new WeakSet<NodeFs>();
