import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { scratchRoot } from '../../src/engine/pglite.js';
import { join, relative } from 'node:path';
import { expect } from 'vitest';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const bin = join(repoRoot, 'bin', 'pgform.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a user would, in `cwd` (a temporary folder by default, so whatever the
 * run writes can be seen and nothing lands in the repository). DATABASE_URL is cleared so only
 * the flags choose the database.
 */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', PGFORM_DEBUG: '', ...options.env };
    delete env.DATABASE_URL;
    if (options.env?.DATABASE_URL) env.DATABASE_URL = options.env.DATABASE_URL;
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A fresh empty folder to run the CLI in, where pgform puts its scratch databases (a RAM disk when
 * there is one: the embedded database made in it costs far less there); remove it with `removeDir`.
 */
export function scratchDir(prefix = 'pgform-hostile-'): string {
  return mkdtempSync(join(scratchRoot(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file below a folder, relative to it, sorted; `skip` leaves out whole subfolders. */
export function filesBelow(dir: string, skip: string[] = []): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      const path = relative(dir, full);
      if (skip.some((s) => path === s || path.startsWith(`${s}/`))) continue;
      if (entry.isDirectory()) walk(full);
      else found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

/** An error printed for a person: no stack frames, no Node internals, no INTERNAL code. */
export function expectCleanError(run: CliRun): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(/^error [A-Z_]+: /);
  expect(run.stderr).not.toMatch(/^ {4}at /m);
  expect(run.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  expect(run.stderr).not.toContain('node:internal');
  expect(run.stderr).not.toContain('error INTERNAL');
}
