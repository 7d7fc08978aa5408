import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresEngine, withDatabase } from '../support/engines.js';
import { filesBelow, removeDir, runCli, scratchDir, type CliRun } from './cli.js';

/** Passwords to hunt for: a plain one, and one that must be percent-encoded in a URL. */
const plain = 'S3cretP4ss';
const special = 'p@ss:w/rd S3cr3t#';
const forbidden = [plain, special, encodeURIComponent(special), 'S3cr3t'];

/**
 * Every command and output format a URL can reach (`pgform --help`), `{url}` standing for it,
 * in an order that works on one fresh database. `offline` commands need no database, so their
 * exit code says nothing.
 */
const commands: { args: string[]; offline?: boolean; urlOnly?: boolean }[] = [
  { args: ['sql', '--url', '{url}'], offline: true },
  { args: ['sql', '--bootstrap', '--url', '{url}'], offline: true },
  { args: ['bootstrap', '--url', '{url}'] },
  { args: ['inspect', '--url', '{url}'] },
  { args: ['inspect', '--json', '--url', '{url}'] },
  { args: ['diff', '--url', '{url}'] },
  { args: ['diff', '--json', '--url', '{url}'] },
  { args: ['diff', '--format', 'github', '--url', '{url}'] },
  { args: ['diff', '--format', 'sarif', '--url', '{url}'] },
  { args: ['diff', '--sql', '--url', '{url}'] },
  { args: ['diff', '--format', 'nonsense', '--url', '{url}'], offline: true },
  { args: ['diff', '--from', '{url}', '--to', 'definitions'] },
  { args: ['diff', '--from', 'definitions', '--to', '{url}', '--format', 'sarif'] },
  { args: ['diff', '--from', '{url}', '--to', '{url}', '--json'] },
  { args: ['generate', '--url', '{url}', '--name', 'first'], offline: true },
  { args: ['status', '--url', '{url}'] },
  { args: ['status', '--json', '--url', '{url}'] },
  { args: ['migrate', '--dry-run', '--url', '{url}'] },
  { args: ['migrate', '--url', '{url}'] },
  { args: ['push', '--url', '{url}'] },
  { args: ['dev', '--once', '--url', '{url}'] },
  // gen reads a database only when --url says so; DATABASE_URL alone leaves it on the definitions.
  { args: ['gen', '--url', '{url}'], urlOnly: true },
  { args: ['gen', 'types', '--url', '{url}', '--check'], urlOnly: true },
  { args: ['gen', 'docs', '--url', '{url}'], urlOnly: true },
  { args: ['pull', '--url', '{url}', '--out', 'pulled'] },
  { args: ['pull', '--json', '--url', '{url}', '--out', 'pulled'] },
  { args: ['lint', '--url', '{url}'] },
  { args: ['lint', '--from', '{url}', '--format', 'sarif'] },
];

const definitions = `import { sql, table, text, uuid } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey().defaultRandom(), body: text().notNull() },
  rls: true,
  policies: { own: { for: 'select', to: 'authenticated', using: sql\`true\` } },
});
`;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function withPassword(url: string, password: string, port?: number): string {
  const parsed = new URL(url);
  parsed.password = encodeURIComponent(password);
  if (port) parsed.port = String(port);
  return parsed.toString();
}

/** A project folder: definitions, migrations and output all inside, so written files can be read back. */
function project(): string {
  const dir = scratchDir('pgform-secrets-');
  mkdirSync(join(dir, 'schemas'));
  writeFileSync(join(dir, 'schemas', 'notes.ts'), definitions);
  return dir;
}

const common = ['--definitions', 'schemas', '--migrations', 'migrations'];

function leaks(text: string): string[] {
  return forbidden.filter((secret) => text.includes(secret));
}

interface Result {
  args: string;
  offline: boolean;
  run: CliRun;
}

/** Runs every command with the URL (as a flag, or as DATABASE_URL); returns what each printed, and every file written. */
async function runAll(url: string, via: 'flag' | 'env'): Promise<{ results: Result[]; written: string }> {
  const dir = project();
  try {
    const results: Result[] = [];
    for (const command of commands) {
      // DATABASE_URL stands in for --url only; --from/--to take a URL or nothing.
      if (via === 'env' && (command.args.includes('--from') || command.args.includes('--to'))) continue;
      const args = via === 'env' ? command.args.filter((arg, i) => arg !== '{url}' && command.args[i + 1] !== '{url}') : command.args.map((arg) => (arg === '{url}' ? url : arg));
      const out = args.includes('--out') ? [] : ['--out', 'generated'];
      const run = await runCli([...args, ...common, ...out], { cwd: dir, env: via === 'env' ? { DATABASE_URL: url } : {} });
      results.push({ args: args.join(' '), offline: command.offline || (via === 'env' && command.urlOnly) || false, run });
    }
    const written = filesBelow(dir, ['.pgform'])
      .map((file) => `${file}\n${readFileSync(join(dir, file), 'utf8')}`)
      .join('\n');
    return { results, written };
  } finally {
    removeDir(dir);
  }
}

/**
 * A password in a database URL is never printed, nor written to a generated file: every
 * command, every output format, with the URL as --url, --from/--to or DATABASE_URL, against a
 * server that accepts it (trust authentication ignores the password) and a closed port.
 */
describe.skipIf(Boolean(postgresEngine.unavailable))('no password in any output', () => {
  // The plain password reaches a live server through DATABASE_URL and a closed port through --url;
  // the encoded one, which takes every escaping path, a live server through --url.
  const cases = [
    { name: 'live server, percent-encoded password', password: special, live: true, via: 'flag' as const },
    { name: 'live server, DATABASE_URL', password: plain, live: true, via: 'env' as const },
    { name: 'closed port, --url', password: plain, live: false, via: 'flag' as const },
    { name: 'closed port, DATABASE_URL', password: special, live: false, via: 'env' as const },
  ];

  it.each(cases)('$name', async ({ password, live, via }) => {
    await withDatabase(
      postgresEngine,
      async ({ url }) => {
        const target = withPassword(url!, password, live ? undefined : await closedPort());
        const { results, written } = await runAll(target, via);
        const leaked = results.flatMap(({ args, run }) => leaks(run.stdout + run.stderr).map((secret) => `${args}: printed ${JSON.stringify(secret)}`));
        expect(leaked).toEqual([]);
        expect(leaks(written)).toEqual([]);
        // The URL did reach the output, redacted: the search looked where a password would be.
        expect(results.some(({ run }) => (run.stdout + run.stderr).includes(':***@'))).toBe(true);
        // The runs must really reach the server (or really fail on it), or the search proves little.
        const expected = live ? [0, 1] : [2];
        const unexpected = results
          .filter(({ offline, run }) => !offline && !expected.includes(run.code ?? -1))
          .map(({ args, run }) => `${args}: exit ${run.code}: ${run.stderr.split('\n')[0]}`);
        expect(unexpected).toEqual([]);
      },
      { preset: false },
    );
  }, 300_000);
});
