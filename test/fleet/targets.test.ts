import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { PgformError } from '../../src/errors.js';
import { resolveTargets } from '../../src/fleet/targets.js';
import { postgresEngine, serverUrl } from '../support/engines.js';

const root = join(import.meta.dirname, '..', `.tmp-targets-${process.pid}`);
mkdirSync(root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function configWith(source: string) {
  const file = join(root, `config-${Math.random().toString(36).slice(2, 8)}.ts`);
  writeFileSync(file, source);
  return resolveConfig({ config: file }, {});
}

async function failure(work: Promise<unknown>): Promise<PgformError> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(PgformError);
  return error as PgformError;
}

describe('fleet targets', () => {
  it("reads the config's targets, URLs from the environment through env()", async () => {
    const config = await configWith("import { env } from 'pgform';\nexport default { targets: { eu: env('EU_URL'), staging: 'postgres://app@staging.internal:5432/app' } };\n");
    const targets = await resolveTargets(config, { targets: 'config' }, { EU_URL: 'postgres://app:s3cret@eu.internal/app' });
    expect(targets).toEqual([
      { name: 'eu', url: 'postgres://app:s3cret@eu.internal/app' },
      { name: 'staging', url: 'postgres://app@staging.internal:5432/app' },
    ]);
    const unset = await failure(resolveTargets(config, { targets: 'config' }, {}));
    expect(unset.code).toBe('CONFIG_INVALID');
    expect(unset.location.field).toBe('targets.eu');
    expect(unset.message).toContain('EU_URL');
  });

  it('refuses a password written in the config, without repeating it', async () => {
    const config = await configWith("export default { targets: { eu: 'postgres://app:written-secret@eu.internal/app' } };\n");
    const error = await failure(resolveTargets(config, { targets: 'config' }, {}));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.location.field).toBe('targets.eu');
    expect(error.describe()).not.toContain('written-secret');
  });

  it('names a bad line of a targets file, and refuses two targets of one name', async () => {
    const config = await configWith('export default {};\n');
    writeFileSync(join(root, 'bad.txt'), '# ok\npostgres://a@h/db1\nnot a url at all\n');
    const bad = await failure(resolveTargets({ ...config, root }, { targets: 'bad.txt' }));
    expect([bad.code, bad.location.file, bad.location.line]).toEqual(['CONFIG_INVALID', 'bad.txt', 3]);
    writeFileSync(join(root, 'twice.txt'), 'postgres://a@h1/app\npostgres://a@h2/app\n');
    expect((await failure(resolveTargets({ ...config, root }, { targets: 'twice.txt' }))).message).toContain('two targets are named "app"');
    expect((await failure(resolveTargets({ ...config, root }, { targets: 'none.txt' }))).code).toBe('USAGE');
  });

  it.skipIf(Boolean(postgresEngine.unavailable))('runs the targets query on the control database', async () => {
    const config = await configWith('export default {};\n');
    const sql = `SELECT name, 'postgres://app@' || name || '.internal/app' AS url FROM (VALUES ('eu'), ('us')) AS t(name) ORDER BY name`;
    expect(await resolveTargets(config, { targetsQuery: sql, controlUrl: serverUrl })).toEqual([
      { name: 'eu', url: 'postgres://app@eu.internal/app' },
      { name: 'us', url: 'postgres://app@us.internal/app' },
    ]);
    const noUrl = await failure(resolveTargets(config, { targetsQuery: 'SELECT 1 AS x', controlUrl: serverUrl }));
    expect(noUrl.message).toContain('no text column "url"');
  });
});
