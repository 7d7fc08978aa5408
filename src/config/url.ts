import { redactUrl } from '../engine/redact.js';
import { PgformError } from '../errors.js';

/** A URL with its password hidden, also when it has no scheme (`user:secret@host/db`). */
function safeText(url: string): string {
  return redactUrl(url).replace(/^([^:@/]*):[^@/]*@/, '$1:***@');
}

/**
 * Checks a database URL before anything connects with it: the driver reads `127.0.0.1:5432/db`
 * as a host named "base" and accepts `postgress://`, failing later with a message that names
 * neither. `where` says where the URL came from (`--url`, `DATABASE_URL`, the config's `database`).
 */
export function checkDatabaseUrl(url: string, where: string, file?: string): string {
  const fail = (message: string, hint: string): never => {
    throw new PgformError(file ? 'CONFIG_INVALID' : 'USAGE', `${where}: ${message}`, { ...(file ? { file } : {}), field: where }, hint);
  };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1];
  if (!scheme) fail(`"${safeText(url)}" is not a database URL: it has no scheme`, 'write it as postgres://user@host:5432/database');
  if (!/^postgres(ql)?$/i.test(scheme!)) fail(`unknown scheme "${scheme}://" in "${safeText(url)}"`, 'use postgres:// or postgresql://');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`"${safeText(url)}" is not a valid URL`, 'percent-encode special characters in the user name and password (@ is %40, : is %3A)');
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) fail(`"${safeText(url)}" names no host`, 'write it as postgres://user@host:5432/database');
  return url;
}
