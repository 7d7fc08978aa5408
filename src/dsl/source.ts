import type { SourceLocation } from '../model/schema.js';

const internal = /[\\/](src|dist)[\\/]dsl[\\/]|node_modules[\\/]|node:internal|[\\/]jiti[\\/]/;

/** Where the user's code called a builder: the first stack frame outside pgform's DSL. */
export function callSite(): SourceLocation | undefined {
  // Definitions are loaded with no stack traces (see importTypeScript): a call site sets its own
  // depth. A builder is called from the user's code two frames up, so a few frames are read
  // first (walking ten for each of thousands of builder calls showed in a profile), and more
  // only when a helper of the user's stands in between.
  const limit = Error.stackTraceLimit;
  try {
    if (!structuredFrames()) {
      Error.stackTraceLimit = Math.max(limit, 10);
      return fromStackText();
    }
    Error.stackTraceLimit = 4;
    const near = fromFrames();
    if (near) return near;
    Error.stackTraceLimit = Math.max(limit, 10);
    return fromFrames();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Whether the frames can be read as V8 hands them over, with the very positions the printed
 * stack would show: not when source maps rewrite printed positions, nor when a test runner has
 * its own stack printer. Formatting every frame of every builder call as text cost a tenth of a
 * second per thousand tables; reading two numbers off the first outside frame costs nothing.
 */
function structuredFrames(): boolean {
  const printer = Error.prepareStackTrace;
  // Node's own printer is exposed under this name (absent on some versions).
  const nodes = printer === undefined || printer.name === 'ErrorPrepareStackTrace';
  return nodes && !(process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled;
}

function fromFrames(): SourceLocation | undefined {
  const holder: { stack?: NodeJS.CallSite[] } = {};
  const printer = Error.prepareStackTrace;
  Error.prepareStackTrace = (_error, frames) => frames;
  try {
    // From the caller of this function on, the frames the printed stack of an Error made in callSite() would show.
    Error.captureStackTrace(holder, fromFrames);
    const frames = holder.stack ?? [];
    for (const frame of frames) {
      const file = frame.getFileName();
      const line = frame.getLineNumber();
      if (!file || line === null || internal.test(file)) continue;
      return { file: relativeToCwd(file.replace(/^file:\/\//, '')), line };
    }
    return undefined;
  } finally {
    Error.prepareStackTrace = printer;
  }
}

function fromStackText(): SourceLocation | undefined {
  const stack = new Error().stack?.split('\n').slice(1) ?? [];
  for (const frame of stack) {
    if (internal.test(frame)) continue;
    const match = /\(?((?:file:\/\/)?[^()\s]+?):(\d+):\d+\)?\s*$/.exec(frame);
    if (!match) continue;
    const file = match[1]!.replace(/^file:\/\//, '');
    return { file: relativeToCwd(file), line: Number(match[2]) };
  }
  return undefined;
}

function relativeToCwd(file: string): string {
  const cwd = process.cwd() + '/';
  return file.startsWith(cwd) ? file.slice(cwd.length) : file;
}
