import { describe, expect, it } from 'vitest';
import { canonicalOnServer } from '../../src/commands/canonical-on-server.js';
import { pushCommand } from '../../src/commands/push.js';
import { connectPostgres } from '../../src/engine/pg.js';
import { diffSchemas } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { withProject } from '../migrate/project.js';
import { pgliteEngine, uniqueName } from '../support/engines.js';
import { citusDefinitions } from './citus-project.js';

/**
 * The same scenario as the stand-in's, on a real Citus coordinator (a database with the citus
 * extension and workers): TEST_CITUS_URL=postgres://user@coordinator:5432/db. Everything happens
 * in a fresh schema, dropped at the end.
 */
const citusUrl = process.env.TEST_CITUS_URL;
if (!citusUrl) console.warn('\n*** Citus cluster tests skipped: set TEST_CITUS_URL to a Citus coordinator to run them (the stand-in tests run regardless)\n');

describe('Citus distribution on a real cluster (TEST_CITUS_URL)', () => {
  it.skipIf(!citusUrl)('distributes, reads back with no drift, redistributes in place, undistributes', async () => {
    const schema = uniqueName('pgform_citus');
    // A project folder (definitions) only: the database is the cluster's, named by the config's url.
    await withProject(pgliteEngine, async (project) => {
      const config = { ...project.config, url: citusUrl!, schemas: [schema], preset: 'none' as const };
      const read = async () => {
        const conn = await connectPostgres(citusUrl!);
        try {
          return await introspect(conn, { namespaces: [schema], externalNamespaces: [] });
        } finally {
          await conn.close();
        }
      };
      try {
        project.define(citusDefinitions({ schema }));
        expect((await pushCommand(config)).status).toBe('applied');
        const live = await read();
        expect(live.distributions).toMatchObject({
          [`${schema}.accounts`]: { kind: 'distributed', column: 'id', shardCount: 4 },
          [`${schema}.countries`]: { kind: 'reference' },
          [`${schema}.events`]: { kind: 'distributed', column: 'id' },
          [`${schema}.orders`]: { kind: 'distributed', column: 'account_id', colocateWith: `${schema}.accounts`, shardCount: 4 },
        });
        expect(diffSchemas(live, await canonicalOnServer(config, citusUrl!))).toEqual([]);

        project.define(citusDefinitions({ schema, redistributed: true }));
        expect((await pushCommand(config)).status).toBe('applied');
        const moved = await read();
        expect(moved.distributions).toMatchObject({
          [`${schema}.accounts`]: { kind: 'distributed', column: 'id', shardCount: 8 },
          [`${schema}.events`]: { kind: 'distributed', column: 'id', colocateWith: `${schema}.accounts`, shardCount: 8 },
          [`${schema}.orders`]: { kind: 'distributed', column: 'account_id', colocateWith: `${schema}.accounts`, shardCount: 8 },
          [`${schema}.visits`]: { kind: 'distributed', column: 'account_id' },
        });
        expect(diffSchemas(moved, await canonicalOnServer(config, citusUrl!))).toEqual([]);

        project.define(citusDefinitions({ schema, eventsDistributed: false }));
        expect((await pushCommand(config)).status).toBe('applied');
        expect((await read()).distributions?.[`${schema}.events`]).toBeUndefined();
      } finally {
        const conn = await connectPostgres(citusUrl!);
        await conn.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => conn.close());
      }
    });
  });
});
