/*
 * The benchmark's own databases on one PostgreSQL server: a bootstrapped template (Supabase roles
 * and the auth schema, as `pgform bootstrap` makes them), databases cloned from it, and the
 * schema applied with psql. Every name starts with pgform_bench_ and is dropped at the end.
 */
import { execFileSync } from 'node:child_process';

export const baseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const template = 'pgform_bench_boot';

/** The URL of database `name` on the benchmark's server. */
export function urlOf(name) {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs psql with the given arguments; throws with psql's message on failure. */
export function psql(url, args, options = {}) {
  return execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
}

const admin = (sql) => psql(baseUrl, ['-c', sql]);

export function serverVersion() {
  return psql(baseUrl, ['-At', '-c', 'SHOW server_version']).trim();
}

export function dropDatabase(name) {
  admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** A fresh database cloned from the bootstrapped template (or empty when `from` is null). */
export function createDatabase(name, from = template) {
  dropDatabase(name);
  admin(`CREATE DATABASE "${name}"${from ? ` TEMPLATE "${from}"` : ''}`);
  return urlOf(name);
}

/** Makes the template: an empty database with the preset bootstrapped by pgform itself. */
export function createTemplate(pgform, name = template) {
  const url = createDatabase(name, null);
  execFileSync(process.execPath, [pgform, 'bootstrap', '--url', url], { stdio: ['ignore', 'ignore', 'pipe'] });
  return url;
}

/**
 * Drops the databases of the sizes one run measures (pgform_bench_<n>_...), then the template.
 * The online, edit-loop and fleet benchmarks name theirs otherwise and may be running meanwhile:
 * they keep them.
 */
export function dropSizeDatabases(sizes) {
  const owned = sizes.map((n) => `datname LIKE 'pgform\\_bench\\_${Number(n)}\\_%'`).join(' OR ');
  const names = psql(baseUrl, ['-At', '-c', `SELECT datname FROM pg_database WHERE ${owned} ORDER BY datname`])
    .split('\n')
    .filter(Boolean);
  for (const name of names) dropDatabase(name);
  dropDatabase(template);
}
