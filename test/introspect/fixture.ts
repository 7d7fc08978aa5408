import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { Connection } from '../../src/engine/connection.js';
import { introspect } from '../../src/introspect/index.js';
import type { Grant, Schema } from '../../src/model/schema.js';
import type { TestEngine } from './databases.js';

const fixtureSql = readFileSync(new URL('./fixture.sql', import.meta.url), 'utf8');

/** PostgreSQL 18 adds virtual generated columns; older servers reject the syntax. */
const pg18Sql = 'ALTER TABLE crm.notes ADD COLUMN body_length integer GENERATED ALWAYS AS (length(body)) VIRTUAL;';

/** The fixture as the tests of one engine see it: the connection, server version and model. */
export interface Fixture {
  conn: Connection;
  version: number;
  schema: Schema;
}

/** Applies fixture.sql to a fresh database of `engine` before the suite and drops it after. */
export function useFixture(engine: TestEngine): () => Fixture {
  let fixture: Fixture | undefined;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    const conn = opened.conn;
    const version = await conn.serverVersion();
    await conn.exec(fixtureSql);
    if (version >= 180000) await conn.exec(pg18Sql);
    const schema = await introspect(conn, { externalNamespaces: ['auth', 'storage'] });
    fixture = { conn, version, schema };
  }, 60_000);
  afterAll(async () => {
    await dispose?.();
  });
  return () => {
    if (!fixture) throw new Error('the fixture did not load');
    return fixture;
  };
}

/** A grant, for short expectations. */
export function grant(grantee: string, privileges: string[], withGrantOption = false): Grant {
  return { grantee, privileges, ...(withGrantOption ? { withGrantOption: true } : {}) };
}

/** Where a value is `undefined` or an optional flag holds `false`: neither may be written. */
export function undefinedPaths(value: unknown, path = '$'): string[] {
  if (value === undefined) return [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => undefinedPaths(inner, `${path}.${key}`));
}
