import { describe, expect, it } from 'vitest';
import { tenantMigrateCommand, tenantStatusCommand } from '../../src/commands/tenant-migrate.js';
import { tenantDiffCommand } from '../../src/commands/tenants.js';
import { fleetDriftReport } from '../../src/emit/drift/fleet.js';
import { PgformError } from '../../src/errors.js';
import { moveSqlText } from '../../src/fleet/tenant-schemas.js';
import { engines } from '../support/engines.js';
import { withProject } from '../migrate/project.js';

// The definitions' one schema, `tenant`, is the template; the files are written in it, names
// quoted (as pgform writes them) and bare (as people do), one table left unqualified.
const definitions = `import { integer, schema, table, text } from 'pgform';
export const tenant = schema('tenant');
export const lists = table('lists', { schema: 'tenant', columns: { id: integer().primaryKey(), title: text().notNull() } });
export const items = table('items', {
  schema: 'tenant',
  columns: { id: integer().primaryKey(), list_id: integer().notNull().references(lists, 'id'), note: text() },
  indexes: { items_list_idx: { on: ['list_id'] } },
});
export const notes = table('notes', { schema: 'tenant', columns: { id: integer() } });
`;

const m1 = ['20240101000000_lists.sql', 'CREATE SCHEMA "tenant";\nCREATE TABLE "tenant"."lists" (id integer PRIMARY KEY, title text NOT NULL);\nCREATE TABLE tenant.items (id integer PRIMARY KEY, list_id integer NOT NULL REFERENCES tenant.lists (id));\n'] as const;
const m2 = ['20240102000000_index.sql', 'CREATE INDEX items_list_idx ON "tenant"."items" (list_id);\nCREATE TABLE notes (id integer);\n'] as const;
const m3 = ['20240103000000_note.sql', 'ALTER TABLE "tenant"."items" ADD COLUMN note text;\n'] as const;

const summary = (schemas: { schema: string; state: string; applied: { name: string }[] }[]) => schemas.map((s) => [s.schema, s.state, s.applied.map((a) => a.name.slice(0, 8)).join(',')]);

describe('a file rewritten into a tenant schema', () => {
  it('moves qualified names, bare or quoted, and the schema where a statement names it; leaves longer names alone', () => {
    const sql = 'CREATE SCHEMA tenant;\nCREATE TABLE "tenant"."t" (id integer REFERENCES tenant.u (id));\nGRANT USAGE ON SCHEMA tenant TO app;\nSELECT tenant_x.f(), other.tenant.x, "tenant.y".z FROM my_tenant.t;\n';
    expect(moveSqlText(sql, 'tenant', 'tenant_b')).toBe(
      'CREATE SCHEMA IF NOT EXISTS "tenant_b";\nCREATE TABLE "tenant_b"."t" (id integer REFERENCES "tenant_b".u (id));\nGRANT USAGE ON SCHEMA "tenant_b" TO app;\nSELECT tenant_x.f(), other.tenant.x, "tenant.y".z FROM my_tenant.t;\n',
    );
  });
});

describe.each(engines)('migrate and status --schemas on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('applies the files to every tenant schema with a history per schema, resumes each where it stands, and reads every history at once', async () => {
    await withProject(engine, async (project) => {
      const { config } = project;
      project.define(definitions);
      for (const name of ['tenant_a', 'tenant_b', 'billing']) await project.query(`CREATE SCHEMA ${name}`);
      project.writeMigration(...m1);
      expect(summary((await tenantMigrateCommand(config, 'tenant_*')).schemas)).toEqual([
        ['tenant_a', 'applied', '20240101'],
        ['tenant_b', 'applied', '20240101'],
      ]);

      // A new file, and a tenant made since: it takes both files, the others the new one.
      project.writeMigration(...m2);
      await project.query('CREATE SCHEMA tenant_c');
      const before = await tenantStatusCommand(config, 'tenant_*');
      expect(before.schemas.map((s) => [s.schema, s.counts.applied, s.counts.pending])).toEqual([
        ['tenant_a', 1, 1],
        ['tenant_b', 1, 1],
        ['tenant_c', 0, 2],
      ]);
      const dry = await tenantMigrateCommand(config, 'tenant_*', { dryRun: true });
      expect(dry.schemas.map((s) => [s.schema, s.state, s.pending.length])).toEqual([
        ['tenant_a', 'planned', 1],
        ['tenant_b', 'planned', 1],
        ['tenant_c', 'planned', 2],
      ]);
      expect(summary((await tenantMigrateCommand(config, 'tenant_*')).schemas)).toEqual([
        ['tenant_a', 'applied', '20240102'],
        ['tenant_b', 'applied', '20240102'],
        ['tenant_c', 'applied', '20240101,20240102'],
      ]);
      // Each schema has its own objects: keys point inside it, the unqualified table landed in it.
      const [fk] = await project.query<{ target: string }>("SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE contype = 'f' AND connamespace = 'tenant_c'::regnamespace");
      expect(fk?.target).toBe('tenant_c.lists');
      expect(await project.query("SELECT relnamespace::regnamespace::text AS ns FROM pg_class WHERE relname = 'notes' ORDER BY 1")).toEqual([{ ns: 'tenant_a' }, { ns: 'tenant_b' }, { ns: 'tenant_c' }]);
      expect(await project.query("SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'tenant'")).toEqual([{ n: 0 }]);
      expect(await project.query("SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'billing'::regnamespace")).toEqual([{ n: 0 }]);

      // A file failing in one schema leaves it behind alone; the next run applies it there only.
      project.writeMigration(...m3);
      await project.query('ALTER TABLE tenant_b.items ADD COLUMN note text');
      const third = await tenantMigrateCommand(config, 'tenant_*');
      expect(summary(third.schemas)).toEqual([
        ['tenant_a', 'applied', '20240103'],
        ['tenant_b', 'failed', ''],
        ['tenant_c', 'applied', '20240103'],
      ]);
      expect(third.schemas[1]!.error).toMatchObject({ code: 'STATEMENT_FAILED', file: 'migrations/20240103000000_note.sql', line: 1 });
      expect(third.schemas[1]!.error!.statement).toContain('ALTER TABLE "tenant_b"."items" ADD COLUMN note text');
      const behind = await tenantStatusCommand(config, 'tenant_*');
      expect(behind.schemas.map((s) => [s.schema, s.counts.pending])).toEqual([
        ['tenant_a', 0],
        ['tenant_b', 1],
        ['tenant_c', 0],
      ]);
      await project.query('ALTER TABLE tenant_b.items DROP COLUMN note');
      expect(summary((await tenantMigrateCommand(config, 'tenant_*')).schemas)).toEqual([
        ['tenant_a', 'up to date', ''],
        ['tenant_b', 'applied', '20240103'],
        ['tenant_c', 'up to date', ''],
      ]);
      const history = await project.query<{ schema_name: string; n: number }>('SELECT schema_name, count(*)::int AS n FROM pgform.tenant_migrations GROUP BY 1 ORDER BY 1');
      expect(history).toEqual([
        { schema_name: 'tenant_a', n: 3 },
        { schema_name: 'tenant_b', n: 3 },
        { schema_name: 'tenant_c', n: 3 },
      ]);
      // What the rewritten files built is what the definitions say, in every schema.
      expect(fleetDriftReport((await tenantDiffCommand(config, 'tenant_*')).drifts, 'definitions').summary).toEqual({ targets: 3, inSync: 3, drifted: 0, failed: 0 });

      // A file run outside a transaction has no place in per-tenant runs: refused before anything runs.
      project.writeMigration('20240104000000_concurrently.sql', '-- pgform:no-transaction\nCREATE INDEX CONCURRENTLY items_note_idx ON "tenant"."items" (note);\n');
      const refused = await tenantMigrateCommand(config, 'tenant_*').then(() => undefined, (e: unknown) => e);
      expect(refused).toBeInstanceOf(PgformError);
      expect((refused as PgformError).location).toMatchObject({ file: 'migrations/20240104000000_concurrently.sql', field: '--schemas' });
    });
  });
});
