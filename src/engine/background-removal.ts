import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename } from 'node:path';

const removal = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";

/**
 * Removes a directory that no reader can reach any more (renamed out of the way by the caller) in
 * a process of its own, which outlives this one. A kept database of thousands of tables is tens of
 * thousands of files: removing one took 2.5–3.5 s at the end of a `generate` that was otherwise
 * done. Where no Node process can be started (the host is not Node itself, or the start fails),
 * it is removed here; a directory that cannot be removed only costs disk space.
 */
export function removeInBackground(path: string): void {
  const here = () => {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Left for the next pruning, which removes what dead processes left.
    }
  };
  if (!/^node/i.test(basename(process.execPath)) || process.versions.electron) return here();
  try {
    const child = spawn(process.execPath, ['-e', removal, path], { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', here);
    child.unref();
  } catch {
    here();
  }
}
