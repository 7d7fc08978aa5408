import { describe, expect, it } from 'vitest';
import type { Connection } from '../../src/engine/connection.js';
import { introspect } from '../../src/introspect/index.js';
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

    it('names the failing catalog query and still ends its transaction', async () => {
      const { conn } = fixture();
      const failing: Connection = {
        ...conn,
        query: (text, params) => (text.includes('pg_trigger') ? Promise.reject(new Error('boom')) : conn.query(text, params)),
      };
      await expect(introspect(failing, { externalNamespaces: [] })).rejects.toMatchObject({
        code: 'INTROSPECTION_FAILED',
        message: expect.stringContaining('reading triggers'),
      });
      expect(await conn.query(`SELECT current_setting('transaction_read_only') AS read_only`)).toEqual([{ read_only: 'off' }]);
    });
  });
}
