/*
 * Runs one job as a whole process under GNU time: wall time from spawn to exit (what a user
 * waits), peak RSS and CPU seconds of the process tree that time waited for. The database
 * server's own work is in the wall time only.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const timeBinary = '/usr/bin/time';

/** Fails early with the fix when GNU time is missing (Debian: `apt-get install -y time`). */
export function requireGnuTime() {
  if (!existsSync(timeBinary)) {
    throw new Error(`${timeBinary} not found: the benchmark measures peak memory with GNU time; install it with \`apt-get install -y time\``);
  }
}

/**
 * Runs `command args` once. `stdout` is a file path (the output some jobs produce) or undefined
 * (discarded). Resolves with { ms, rssMb, cpuS, code, stderr } and never rejects on exit codes.
 */
export function measure(command, args, { cwd, env, stdout, timeoutMs = 30 * 60_000 } = {}) {
  const stats = join(tmpdir(), `pgform-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const out = stdout ? openSync(stdout, 'w') : 'ignore';
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(timeBinary, ['-f', '%M %U %S', '-o', stats, command, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', out, 'pipe'],
      // Its own process group, so a timeout kills the measured tool too, not only GNU time.
      detached: true,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (typeof out === 'number') closeSync(out);
      // GNU time writes "Command exited with non-zero status N" before the format line.
      const lines = existsSync(stats) ? readFileSync(stats, 'utf8').trim().split('\n') : [];
      rmSync(stats, { force: true });
      const [rssKb, user, system] = (lines.at(-1) ?? '').split(' ').map(Number);
      resolve({
        ms,
        rssMb: Number.isFinite(rssKb) ? rssKb / 1024 : undefined,
        cpuS: Number.isFinite(user) && Number.isFinite(system) ? user + system : undefined,
        code: signal ? `killed (${signal}${ms >= timeoutMs ? ', timeout' : ''})` : code,
        stderr,
      });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
