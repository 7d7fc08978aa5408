import { describe, expect, it } from 'vitest';
import type { Connection } from '../../src/engine/connection.js';
import { renderTypes } from '../../src/emit/types/index.js';
import { introspect } from '../../src/introspect/index.js';
import { parallelReads } from '../../src/introspect/read.js';
import { testEngines } from './databases.js';
import { undefinedPaths, useFixture } from './fixture.js';

for (const engine of testEngines) {
  describe.skipIf(engine.unavailable !== undefined)(`introspect options and output on ${engine.name}`, () => {
    const fixture = useFixture(engine);

    it('reads only the namespaces asked for, external ones only listed', async () => {
      const schema = await introspect(fixture().conn, { namespaces: ['crm', 'auth', 'missing'], externalNamespaces: ['auth'] });
      expect(Object.keys(schema.namespaces)).toEqual(['auth', 'crm']);
      expect(schema.namespaces.auth).toEqual({ name: 'auth', external: true, grants: [] });
      expect(Object.keys(schema.tables)).toEqual(['crm.accounts', 'crm.contacts', 'crm.notes']);
      expect(Object.keys(schema.routines).every((id) => id.startsWith('crm.'))).toBe(true);
      expect(schema.docs).toEqual({ groups: {}, joins: [] });
    });

    it('reads an external namespace as a normal one when it is not declared external', async () => {
      const schema = await introspect(fixture().conn, { namespaces: ['auth'], externalNamespaces: [] });
      expect(Object.keys(schema.tables)).toEqual(['auth.users']);
      expect(Object.keys(schema.routines)).toEqual(['auth.uid()']);
    });

    it('produces plain data with no undefined or false optional fields, identical on every run', async () => {
      const { schema, conn } = fixture();
      expect(undefinedPaths(schema)).toEqual([]);
      expect(JSON.stringify(schema)).not.toMatch(/"(deferrable|initiallyDeferred|nullsNotDistinct|noInherit|securityInvoker|securityBarrier|withGrantOption|external)":false/);
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
      const again = await introspect(conn, { externalNamespaces: ['auth', 'storage'] });
      expect(JSON.stringify(again)).toBe(JSON.stringify(schema));
    });

    it('leaves the session as it was: no open transaction, search_path untouched', async () => {
      const { conn } = fixture();
      const state = () => conn.query(`SELECT current_setting('search_path') AS path, current_setting('transaction_read_only') AS read_only`);
      const before = await state();
      await introspect(conn, { externalNamespaces: [] });
      expect(await state()).toEqual(before);
      expect(before).toEqual([expect.objectContaining({ read_only: 'off' })]);
    });

    it('reads the same model with parallel sessions as with one, and alone when no sibling opens', async () => {
      const { conn, schema } = fixture();
      const opened: Connection[] = [];
      const counting: Connection = conn.openSibling
        ? { ...conn, openSibling: async () => opened[opened.push(await conn.openSibling!()) - 1]! }
        : conn;
      // The fixture is small and near: a read opens more sessions only past these thresholds.
      const small = await introspect(counting, { externalNamespaces: ['auth', 'storage'] });
      expect(opened.length).toBe(0);
      const thresholds = { ...parallelReads };
      parallelReads.fromRelations = 0;
      try {
        const parallel = await introspect(counting, { externalNamespaces: ['auth', 'storage'] });
        // A server gets two more sessions; the embedded engine has only one.
        expect(opened.length).toBe(engine.name === 'postgres' ? 2 : 0);
        const refused = await introspect({ ...conn, openSibling: () => Promise.reject(new Error('too many connections')) }, { externalNamespaces: ['auth', 'storage'] });
        const noExport = await introspect(
          { ...conn, query: (text, params) => (text.includes('pg_export_snapshot') ? Promise.reject(new Error('cannot export a snapshot')) : conn.query(text, params)) },
          { externalNamespaces: ['auth', 'storage'] },
        );
        for (const read of [small, parallel, refused, noExport]) expect(JSON.stringify(read)).toBe(JSON.stringify(schema));
        // A long round trip opens them on a small catalog too.
        parallelReads.fromRelations = thresholds.fromRelations;
        parallelReads.fromRoundTripMs = 0;
        await introspect(counting, { externalNamespaces: ['auth', 'storage'] });
        expect(opened.length).toBe(engine.name === 'postgres' ? 4 : 0);
      } finally {
        Object.assign(parallelReads, thresholds);
      }
      const alone = await introspect({ ...conn, openSibling: undefined }, { externalNamespaces: ['auth', 'storage'] });
      expect(JSON.stringify(alone)).toBe(JSON.stringify(schema));
    });

    it('skips constraints, indexes, triggers and policies, and reads tables by their shape, when table parts are not wanted', async () => {
      const { conn, schema } = fixture();
      const light = await introspect(conn, { externalNamespaces: ['auth', 'storage'], tableParts: false });
      // What a shape-only read leaves out: privileges, storage, replica identity, identity
      // sequence options, column collations and inheritance.
      const bare = (tables: typeof schema.tables) =>
        Object.values(tables).map(({ grants: _g, storage: _s, replicaIdentity: _r, ...table }) => ({
          ...table,
          columns: table.columns.map(({ identityOptions: _i, collation: _c, inherited: _h, grants: _cg, ...column }) => column),
          constraints: {},
          indexes: {},
          triggers: {},
          policies: {},
        }));
      expect(bare(light.tables)).toEqual(bare(schema.tables));
      expect(Object.values(light.tables).every((t) => t.grants.length === 0 && t.storage === undefined)).toBe(true);
      expect(Object.values(light.tables).every((t) => Object.keys({ ...t.constraints, ...t.indexes, ...t.triggers, ...t.policies }).length === 0)).toBe(true);
      expect(Object.values(schema.tables).some((t) => Object.keys(t.constraints).length > 0)).toBe(true);
      const unindexed = (views: typeof schema.views) => Object.values(views).map((view) => ({ ...view, indexes: {} }));
      expect(unindexed(light.views)).toEqual(unindexed(schema.views));
      expect(light.routines).toEqual(schema.routines);
    });

    it('gives the same Kysely types from a types read as from a full read', async () => {
      const { conn, schema } = fixture();
      const light = await introspect(conn, { externalNamespaces: ['auth', 'storage'], tableParts: false });
      expect(Object.keys(schema.enums).length * Object.keys(schema.domains).length * Object.keys(schema.views).length * Object.keys(schema.routines).length).toBeGreaterThan(0);
      expect(renderTypes(light)).toBe(renderTypes(schema));
    });

    it('names the failing catalog query and still ends its transaction', async () => {
      const { conn } = fixture();
      // Every session fails the trigger query (the only one reading trigger definitions), whichever of them the read lands on.
      const failingOn = (session: Connection): Connection => ({
        ...session,
        query: (text, params) => (text.includes('pg_get_triggerdef') ? Promise.reject(new Error('boom')) : session.query(text, params)),
        // The embedded engine's reads go through its kept statements.
        ...(session.queryKept ? { queryKept: (text: string, params?: unknown[]) => (text.includes('pg_get_triggerdef') ? Promise.reject(new Error('boom')) : session.queryKept!(text, params)) } : {}),
        ...(session.openSibling ? { openSibling: async () => failingOn(await session.openSibling!()) } : {}),
      });
      const failing = failingOn(conn);
      await expect(introspect(failing, { externalNamespaces: [] })).rejects.toMatchObject({
        code: 'INTROSPECTION_FAILED',
        message: expect.stringContaining('reading triggers'),
      });
      expect(await conn.query(`SELECT current_setting('transaction_read_only') AS read_only`)).toEqual([{ read_only: 'off' }]);
    });
  });
}
