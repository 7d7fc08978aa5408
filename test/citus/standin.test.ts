import { describe, expect, it } from 'vitest';
import { pushCommand } from '../../src/commands/push.js';
import { openDatabase, presetOf, withConnection } from '../../src/commands/database.js';
import { introspect } from '../../src/introspect/index.js';
import { renderPull } from '../../src/emit/pull/index.js';
import { engines } from '../support/engines.js';
import { withProject } from '../migrate/project.js';
import { citusDefinitions, citusStandIn } from './citus-project.js';

describe.each(engines)('Citus distribution against the stand-in on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('distributes in order (reference, group leader, members, then foreign keys), reads it back with no drift, undistributes', async () => {
    await withProject(engine, async (project) => {
      await withConnection(() => openDatabase(project.config), (conn) => conn.exec(citusStandIn));
      project.define(citusDefinitions());

      const planned = await pushCommand(project.config, { dryRun: true });
      expect(planned.status).toBe('planned');
      const script = planned.status === 'planned' ? planned.script : '';
      const at = (text: string) => script.indexOf(text);
      expect(at(`SELECT create_reference_table('"public"."countries"')`)).toBeGreaterThan(at('CREATE TABLE "public"."orders"'));
      expect(at(`SELECT create_distributed_table('"public"."accounts"', 'id', colocate_with => 'none', shard_count => 4)`)).toBeGreaterThan(at(`create_reference_table`));
      expect(at(`SELECT create_distributed_table('"public"."orders"', 'account_id', colocate_with => '"public"."accounts"')`)).toBeGreaterThan(at(`'"public"."accounts"', 'id'`));
      expect(at('FOREIGN KEY')).toBeGreaterThan(at(`'"public"."orders"', 'account_id'`));
      // New tables hold no rows: distributing them moves nothing.
      expect(script).not.toContain('MOVES_DATA');

      expect((await pushCommand(project.config)).status).toBe('applied');
      const calls = await project.query<{ fn: string; args: string[] }>('SELECT fn, args FROM pg_catalog.citus_standin_calls ORDER BY seq');
      expect(calls).toEqual([
        { fn: 'create_reference_table', args: ['countries'] },
        { fn: 'create_distributed_table', args: ['accounts', 'id', 'hash', 'none', '4'] },
        { fn: 'create_distributed_table', args: ['events', 'id', 'hash', 'none', ''] },
        { fn: 'create_distributed_table', args: ['visits', 'id', 'hash', 'none', ''] },
        { fn: 'create_distributed_table', args: ['orders', 'account_id', 'hash', '"public"."accounts"', ''] },
      ]);

      const live = await withConnection(() => openDatabase(project.config), (conn) => introspect(conn, { externalNamespaces: presetOf(project.config).externalNamespaces }));
      expect(live.distributions).toEqual({
        'public.accounts': { kind: 'distributed', table: 'public.accounts', column: 'id', shardCount: 4 },
        'public.countries': { kind: 'reference', table: 'public.countries' },
        'public.events': { kind: 'distributed', table: 'public.events', column: 'id', shardCount: 32 },
        'public.orders': { kind: 'distributed', table: 'public.orders', column: 'account_id', colocateWith: 'public.accounts', shardCount: 4 },
        'public.visits': { kind: 'distributed', table: 'public.visits', column: 'id', shardCount: 32 },
      });
      expect(await project.remaining()).toEqual([]);
      // pull writes the options back.
      const pulled = (await renderPull(live, { layout: 'single', externalNamespaces: presetOf(project.config).externalNamespaces })).files.map((f) => f.content).join('\n');
      expect(pulled).toContain("distributed: { by: 'account_id', colocateWith: 'accounts' }");
      expect(pulled).toContain("distributed: { by: 'id', shardCount: 4 }");
      expect(pulled).toContain('reference: true');

      // The option removed: the table comes back to the coordinator, marked as moving data.
      project.define(citusDefinitions({ eventsDistributed: false }));
      const undo = await pushCommand(project.config, { dryRun: true });
      expect(undo.status === 'planned' && undo.script).toContain(`-- hazard MOVES_DATA: undistributing public.events brings every shard's rows back into one table on the coordinator`);
      expect((await pushCommand(project.config)).status).toBe('applied');
      const last = await project.query<{ fn: string; args: string[] }>('SELECT fn, args FROM pg_catalog.citus_standin_calls ORDER BY seq DESC LIMIT 1');
      expect(last).toEqual([{ fn: 'undistribute_table', args: ['events'] }]);
      expect(await project.remaining()).toEqual([]);
    });
  });

  it.skipIf(Boolean(engine.unavailable))('changes a shard count, a group and a column in place with alter_distributed_table, the group first, as moving data', async () => {
    await withProject(engine, async (project) => {
      await withConnection(() => openDatabase(project.config), (conn) => conn.exec(citusStandIn));
      project.define(citusDefinitions());
      expect((await pushCommand(project.config)).status).toBe('applied');
      await project.query('INSERT INTO accounts VALUES (1, $1)', ['a']);

      project.define(citusDefinitions({ redistributed: true }));
      const planned = await pushCommand(project.config, { dryRun: true });
      const script = planned.status === 'planned' ? planned.script : '';
      // orders follows its group (cascade); events joins it once it has its 8 shards.
      expect(script.match(/^SELECT alter_distributed_table\(.*$/gm)).toEqual([
        `SELECT alter_distributed_table('"public"."accounts"', shard_count => 8, cascade_to_colocated => true);`,
        `SELECT alter_distributed_table('"public"."visits"', distribution_column => 'account_id');`,
        `SELECT alter_distributed_table('"public"."events"', colocate_with => '"public"."accounts"');`,
      ]);
      expect(script).toContain('-- hazard MOVES_DATA: redistributing public.accounts and the tables colocated with it (8 shards) copies the rows into new shards');
      expect(script).toContain('-- hazard MOVES_DATA: redistributing public.visits (by account_id) copies the rows');
      expect(script).not.toMatch(/undistribute_table|create_distributed_table/);

      expect((await pushCommand(project.config)).status).toBe('applied');
      const calls = await project.query<{ fn: string; args: string[] }>(`SELECT fn, args FROM pg_catalog.citus_standin_calls WHERE fn = 'alter_distributed_table' ORDER BY seq`);
      expect(calls).toEqual([
        { fn: 'alter_distributed_table', args: ['accounts', '', '8', '', 'true'] },
        { fn: 'alter_distributed_table', args: ['visits', 'account_id', '', '', ''] },
        { fn: 'alter_distributed_table', args: ['events', '', '', '"public"."accounts"', ''] },
      ]);
      const live = await withConnection(() => openDatabase(project.config), (conn) => introspect(conn, { externalNamespaces: presetOf(project.config).externalNamespaces }));
      expect(live.distributions).toEqual({
        'public.accounts': { kind: 'distributed', table: 'public.accounts', column: 'id', shardCount: 8 },
        'public.countries': { kind: 'reference', table: 'public.countries' },
        'public.events': { kind: 'distributed', table: 'public.events', column: 'id', colocateWith: 'public.accounts', shardCount: 8 },
        'public.orders': { kind: 'distributed', table: 'public.orders', column: 'account_id', colocateWith: 'public.accounts', shardCount: 8 },
        'public.visits': { kind: 'distributed', table: 'public.visits', column: 'account_id', shardCount: 32 },
      });
      expect(await project.remaining()).toEqual([]);

      // Back: events leaves the group before the group goes back to 4 shards without it.
      project.define(citusDefinitions());
      const back = await pushCommand(project.config, { dryRun: true });
      expect((back.status === 'planned' ? back.script : '').match(/^SELECT alter_distributed_table\(.*$/gm)).toEqual([
        `SELECT alter_distributed_table('"public"."events"', colocate_with => 'none', cascade_to_colocated => false);`,
        `SELECT alter_distributed_table('"public"."accounts"', shard_count => 4, cascade_to_colocated => true);`,
        `SELECT alter_distributed_table('"public"."visits"', distribution_column => 'id');`,
      ]);
      expect((await pushCommand(project.config)).status).toBe('applied');
      expect(await project.remaining()).toEqual([]);
    });
  });
});
