import type { SourceLocation } from '../model/schema.js';

const internal = /[\\/](src|dist)[\\/]dsl[\\/]|node_modules[\\/]|node:internal|[\\/]jiti[\\/]/;

/** Where the user's code called a builder: the first stack frame outside pgform's DSL. */
export function callSite(): SourceLocation | undefined {
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
