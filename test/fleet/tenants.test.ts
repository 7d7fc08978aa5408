import { describe, expect, it } from 'vitest';
import { tenantDiffCommand, tenantPushCommand } from '../../src/commands/tenants.js';
import { fleetDriftReport } from '../../src/emit/drift/fleet.js';
import { PgformError } from '../../src/errors.js';
import { engines } from '../support/engines.js';
import { withProject } from '../migrate/project.js';

// One schema of definitions, copied into every tenant's schema: a table referencing another, an index, an enum, a view.
const definitions = `import { enumType, integer, schema, sql, table, text, view } from 'pgform';
export const tenant = schema('tenant');
export const state = enumType('state', ['open', 'done'], { schema: 'tenant' });
export const lists = table('lists', { schema: 'tenant', columns: { id: integer().primaryKey(), title: text().notNull() } });
export const items = table('items', {
  schema: 'tenant',
  columns: { id: integer().primaryKey(), list_id: integer().notNull().references(lists, 'id'), label: text().notNull(), state: state.column().notNull().default('open') },
  indexes: { items_label_idx: { on: ['label'] } },
});
export const openItems = view('open_items', { schema: 'tenant', query: sql\`SELECT i.id, i.label, l.title FROM tenant.items i JOIN tenant.lists l ON l.id = i.list_id WHERE i.state = 'open'\` });
`;

describe.each(engines)('per-tenant schemas on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('pushes the definitions into every tenant schema, reads their drift in one pass and groups it', async () => {
    await withProject(engine, async (project) => {
      project.define(definitions);
      for (const name of ['tenant_a', 'tenant_b', 'tenant_c', 'billing']) await project.query(`CREATE SCHEMA ${name}`);
      const config = project.config;

      const first = await tenantPushCommand(config, 'tenant_*');
      expect(first.schemas.map((s) => [s.schema, s.status])).toEqual([
        ['tenant_a', 'applied'],
        ['tenant_b', 'applied'],
        ['tenant_c', 'applied'],
      ]);
      // Every reference is rewritten into the tenant's own schema.
      const [fk] = await project.query<{ target: string }>("SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE contype = 'f' AND connamespace = 'tenant_b'::regnamespace");
      expect(fk?.target).toBe('tenant_b.lists');
      const [viewDef] = await project.query<{ def: string }>("SELECT pg_get_viewdef('tenant_c.open_items'::regclass) AS def");
      expect(viewDef?.def).toContain('tenant_c.items');
      expect(viewDef?.def).not.toMatch(/\btenant\./);
      expect(await project.query("SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'billing'::regnamespace")).toEqual([{ n: 0 }]);

      const clean = await tenantDiffCommand(config, 'tenant_*');
      expect(fleetDriftReport(clean.drifts, 'definitions').summary).toEqual({ targets: 3, inSync: 3, drifted: 0, failed: 0 });
      expect((await tenantPushCommand(config, 'tenant_a,tenant_b,tenant_c')).schemas.map((s) => s.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);

      for (const sql of ['DROP INDEX tenant_a.items_label_idx', 'DROP INDEX tenant_b.items_label_idx', 'ALTER TABLE tenant_c.items ADD COLUMN extra integer']) await project.query(sql);
      const drift = fleetDriftReport((await tenantDiffCommand(config, 'tenant_*')).drifts, 'definitions');
      expect(drift.groups.map((g) => [g.targets, g.item.change, g.item.type, g.item.object])).toEqual([
        [['tenant_a', 'tenant_b'], 'missing', 'index', 'tenant.items (index "items_label_idx")'],
        [['tenant_c'], 'unexpected', 'column', 'tenant.items.extra'],
      ]);

      // The index comes back where it is missing; dropping tenant_c's column would lose data: refused there alone.
      const again = await tenantPushCommand(config, 'tenant_*');
      expect(again.schemas.map((s) => [s.schema, s.status])).toEqual([
        ['tenant_a', 'applied'],
        ['tenant_b', 'applied'],
        ['tenant_c', 'refused'],
      ]);
      expect(await project.query("SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'items_label_idx'")).toEqual([{ n: 3 }]);

      // A new tenant named in a list is created; a pattern that matches nothing is an error.
      const added = await tenantPushCommand(config, 'tenant_d');
      expect(added.schemas.map((s) => [s.schema, s.status])).toEqual([['tenant_d', 'applied']]);
      const none = await tenantDiffCommand(config, 'customer_*').then(() => undefined, (e: unknown) => e);
      expect(none).toBeInstanceOf(PgformError);
      expect((none as PgformError).location.field).toBe('--schemas');
    });
  });
});
