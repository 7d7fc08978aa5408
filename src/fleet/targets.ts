import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { EnvReference } from '../config/define.js';
import type { ResolvedConfig } from '../config/load.js';
import { checkDatabaseUrl } from '../config/url.js';
import { connectPostgres } from '../engine/pg.js';
import { redactUrl } from '../engine/redact.js';
import { PgformError } from '../errors.js';

/** A Target is one database of a fleet: a name for reports and the URL pgform connects with. */
export interface Target {
  name: string;
  url: string;
}

/** Where a fleet comes from: a targets file, the config's `targets` (`config`), or a query on a control database. */
export interface TargetSource {
  targets?: string;
  targetsQuery?: string;
  /** The database `targetsQuery` runs on (default: the configured database URL). */
  controlUrl?: string;
}

const namePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The fleet a command runs on; an error (exit 2) when the source is unusable, before anything runs. */
export async function resolveTargets(config: ResolvedConfig, source: TargetSource, env: NodeJS.ProcessEnv = process.env): Promise<Target[]> {
  if (source.targets && source.targetsQuery) throw new PgformError('USAGE', 'give --targets or --targets-query, not both', { field: '--targets' });
  let targets: Target[];
  if (source.targetsQuery) {
    const control = source.controlUrl ?? config.url;
    if (!control) throw new PgformError('USAGE', '--targets-query needs a control database', { field: '--control-url' }, 'pass --control-url <url> (or --url / DATABASE_URL): the query runs there');
    targets = await targetsFromQuery(checkDatabaseUrl(control, '--control-url'), source.targetsQuery);
  } else if (source.targets === 'config') targets = targetsFromConfig(config, env);
  else if (source.targets) targets = targetsFromFile(resolve(config.root, source.targets), relative(config.root, resolve(config.root, source.targets)));
  else throw new PgformError('USAGE', 'no targets given', { field: '--targets' }, 'pass --targets <file>, --targets config or --targets-query <sql>');
  if (targets.length === 0) throw new PgformError('USAGE', 'the fleet has no targets', { field: source.targetsQuery ? '--targets-query' : '--targets' });
  return targets;
}

/** The name a URL gets when none is written: its database name (else its host). */
function defaultName(url: string): string {
  const parsed = new URL(url);
  return decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.hostname;
}

/** A URL holding a password, which a committed file must never do. */
function hasPassword(url: string): boolean {
  try {
    const parsed = new URL(url);
    return Boolean(parsed.password || parsed.searchParams.get('password'));
  } catch {
    return false;
  }
}

const passwordHint = 'leave the password out: pgform connects with PGPASSWORD or ~/.pgpass, or read the whole URL from the environment with env(...) in the config';

/**
 * Reads a targets file: one target per line, either a URL or `name URL`; `#` starts a comment,
 * blank lines are skipped. Passwords are refused: the file is meant to be committed.
 */
export function targetsFromFile(path: string, display: string): Target[] {
  if (!existsSync(path)) throw new PgformError('USAGE', `targets file not found: ${display}`, { file: display, field: '--targets' }, 'give a file with one database URL (or "name URL") per line, or --targets config');
  const targets: Target[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (!line) return;
      const at = { file: display, line: index + 1 };
      const words = line.split(/\s+/);
      if (words.length > 2) throw new PgformError('CONFIG_INVALID', `a target line is a URL or "name URL", found ${words.length} words`, at);
      const url = words.at(-1)!;
      try {
        checkDatabaseUrl(url, `target on line ${index + 1}`);
      } catch (error) {
        throw new PgformError('CONFIG_INVALID', error instanceof Error ? error.message : String(error), at, error instanceof PgformError ? error.hint : undefined);
      }
      if (hasPassword(url)) throw new PgformError('CONFIG_INVALID', `the target ${redactUrl(url)} holds a password`, at, passwordHint);
      const name = words.length === 2 ? words[0]! : defaultName(url);
      if (!namePattern.test(name)) throw new PgformError('CONFIG_INVALID', `invalid target name "${name}"`, at, 'a target name is letters, digits, ., - and _');
      targets.push({ name, url });
    });
  return distinct(targets, display);
}

/** The config's `targets`: URLs written there (without passwords) or read from the environment. */
export function targetsFromConfig(config: ResolvedConfig, env: NodeJS.ProcessEnv): Target[] {
  const file = config.configFile;
  if (!config.targets || Object.keys(config.targets).length === 0) {
    throw new PgformError('USAGE', 'the config declares no targets', { ...(file ? { file } : {}), field: 'targets' }, "add targets: { eu: env('EU_URL'), ... } to the config, or pass --targets <file>");
  }
  const targets = Object.entries(config.targets).map(([name, value]) => {
    const at = { ...(file ? { file } : {}), field: `targets.${name}` };
    const url = typeof value === 'string' ? value : readEnv(value, env, at);
    checkDatabaseUrl(url, `targets.${name}`, file);
    if (typeof value === 'string' && hasPassword(url)) throw new PgformError('CONFIG_INVALID', `targets.${name} holds a password in the config file`, at, passwordHint);
    return { name, url };
  });
  return distinct(targets, file ?? 'the config');
}

function readEnv(reference: EnvReference, env: NodeJS.ProcessEnv, at: { file?: string; field: string }): string {
  const value = env[reference.env];
  if (!value) throw new PgformError('CONFIG_INVALID', `${at.field} reads the environment variable ${reference.env}, which is not set`, at, `export ${reference.env}=postgres://...`);
  return value;
}

/**
 * Runs a query on a control database (`select name, url from tenants`): each row a target, its URL
 * in a column `url`, its name in `name` when there is one.
 */
export async function targetsFromQuery(controlUrl: string, sql: string): Promise<Target[]> {
  const conn = await connectPostgres(controlUrl);
  let rows: Record<string, unknown>[];
  try {
    rows = await conn.query(sql);
  } catch (error) {
    throw new PgformError('USAGE', `the targets query failed on ${redactUrl(controlUrl)}: ${error instanceof Error ? error.message : String(error)}`, { field: '--targets-query', statement: sql });
  } finally {
    await conn.close();
  }
  const targets = rows.map((row, index) => {
    const url = row.url;
    if (typeof url !== 'string') throw new PgformError('USAGE', `row ${index + 1} of the targets query has no text column "url"`, { field: '--targets-query', statement: sql }, 'select the URL as url, e.g. select name, url from tenants');
    checkDatabaseUrl(url, `--targets-query row ${index + 1}`);
    const name = typeof row.name === 'string' && row.name ? row.name : defaultName(url);
    return { name, url };
  });
  return distinct(targets, '--targets-query');
}

/** Refuses a fleet naming one target twice: reports would mix them up. */
function distinct(targets: Target[], where: string): Target[] {
  const seen = new Set<string>();
  for (const target of targets) {
    if (seen.has(target.name)) throw new PgformError('CONFIG_INVALID', `two targets are named "${target.name}" in ${where}`, { field: 'targets' }, 'name each target on its line: name URL');
    seen.add(target.name);
  }
  return targets;
}
