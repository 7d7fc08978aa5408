import { describe, expect, it } from 'vitest';
import { expectCleanError, removeDir, runCli, scratchDir } from './cli.js';

/** A database URL is checked before anything connects: a clear message, exit 2, no password. */
describe('database URLs are checked up front', () => {
  const cases: [string[], Record<string, string>, string][] = [
    [['diff', '--url', '127.0.0.1:5432/app'], {}, '--url: "127.0.0.1:5432/app" is not a database URL: it has no scheme'],
    [['diff', '--url', 'admin:s3cret-pw@127.0.0.1:5432/app'], {}, '--url: "admin:***@127.0.0.1:5432/app" is not a database URL: it has no scheme'],
    [['status', '--url', 'postgress://admin:s3cret-pw@db.example.com/app'], {}, '--url: unknown scheme "postgress://" in "postgress://admin:***@db.example.com/app"'],
    [['diff', '--from', 'postgress://admin:s3cret-pw@db.example.com/app'], {}, '--from/--to: unknown scheme "postgress://"'],
    [['status'], { DATABASE_URL: 'mysql://admin:s3cret-pw@db.example.com/app' }, 'DATABASE_URL: unknown scheme "mysql://"'],
  ];
  for (const [args, env, message] of cases) {
    it.concurrent(`${args.join(' ')} ${Object.keys(env).join(' ')}`.trim(), async () => {
      const cwd = scratchDir();
      try {
        const run = await runCli(args, { cwd, env });
        expectCleanError(run);
        expect(run.stderr).toContain(message);
        expect(run.stderr + run.stdout).not.toContain('s3cret-pw');
        expect(run.stderr).not.toContain('ENOTFOUND');
      } finally {
        removeDir(cwd);
      }
    });
  }
});
