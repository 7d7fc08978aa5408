import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const removal = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";

/**
 * Removes a directory that no reader can reach any more (renamed out of the way by the caller) in
 * a process of its own, which outlives this one. A kept database of thousands of tables is tens of
 * thousands of files: removing one took 2.5–3.5 s at the end of a `generate` that was otherwise
 * done. Where no process can be started, it is removed here.
 */
export function removeInBackground(path: string): void {
  const here = () => rmSync(path, { recursive: true, force: true });
  try {
    const child = spawn(process.execPath, ['-e', removal, path], { detached: true, stdio: 'ignore' });
    child.on('error', here);
    child.unref();
  } catch {
    here();
  }
}
