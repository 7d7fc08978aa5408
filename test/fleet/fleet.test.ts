import { describe, expect, it } from 'vitest';
import { fleetDiffCommand } from '../../src/commands/fleet-diff.js';
import { fleetMigrateCommand, type FleetEvent } from '../../src/commands/fleet-migrate.js';
import { fleetStatusCommand } from '../../src/commands/fleet-status.js';
import { fleetDriftReport } from '../../src/emit/drift/fleet.js';
import { connectPostgres } from '../../src/engine/pg.js';
import { migrationLockKey } from '../../src/migrate/lock.js';
import { databaseUrl, postgresEngine } from '../support/engines.js';
import { fleetMigrations, withFleet } from './fleet-project.js';

// 50 databases created from one template side by side (see withFleet), migrated at concurrency 8.
const size = 50;

describe('a fleet of databases on PostgreSQL', () => {
  it.skipIf(Boolean(postgresEngine.unavailable))(
    `migrates ${size} databases (some behind, one locked by another run, one unreachable), resumes, and reports grouped drift`,
    async () => {
      await withFleet(size, async (fleet) => {
        const { config, targets } = fleet;
        const [first] = fleetMigrations;
        fleet.writeMigration(first![0], first![1]);
        const behind = targets.slice(0, 10);
        const early = await fleetMigrateCommand(config, behind, { concurrency: 4 });
        expect(early.map((r) => r.state)).toEqual(behind.map(() => 'applied'));
        for (const [name, sql] of fleetMigrations.slice(1)) fleet.writeMigration(name, sql);

        const unreachable = { name: 'gone', url: databaseUrl(`${targets[0]!.url.split('/').at(-1)}_gone`) };
        const locked = targets[15]!;
        const holder = await connectPostgres(locked.url);
        await holder.query('SELECT pg_advisory_lock($1::bigint)', [migrationLockKey]);
        const events: FleetEvent[] = [];
        const records = await fleetMigrateCommand(config, [...targets, unreachable], {
          concurrency: 8,
          onEvent: (event) => {
            events.push(event);
            // The other run finishes once the fleet run waits on it.
            if (event.target === locked.name && event.state === 'waiting') void holder.query('SELECT pg_advisory_unlock($1::bigint)', [migrationLockKey]).then(() => holder.close());
          },
        });
        expect(events.some((e) => e.target === locked.name && e.state === 'waiting')).toBe(true);
        const byName = new Map(records.map((r) => [r.target, r]));
        expect(byName.get('gone')).toMatchObject({ state: 'failed', error: { code: 'DATABASE_UNREACHABLE' } });
        for (const target of targets) {
          const record = byName.get(target.name)!;
          const wanted = behind.includes(target) ? fleetMigrations.slice(1) : fleetMigrations;
          expect(record.state, target.name).toBe('applied');
          expect(record.applied.map((a) => a.name)).toEqual(wanted.map(([name]) => name));
        }

        // The re-run resumes: the one that failed fails again, the others are up to date.
        const again = await fleetMigrateCommand(config, [...targets, unreachable], { concurrency: 8 });
        expect(again.filter((r) => r.state === 'up to date')).toHaveLength(size);
        for (const target of targets) {
          const rows = await fleet.query<{ name: string; n: number }>(target, 'SELECT name, count(*)::int AS n FROM public.fleet_log GROUP BY name ORDER BY name');
          expect(rows, target.name).toEqual([{ name: 'm1', n: 1 }, { name: 'm2', n: 1 }, { name: 'm3', n: 1 }]);
        }

        // Drift: three targets lost the index the same way, one has a column of its own.
        for (const target of targets.slice(20, 23)) await fleet.query(target, 'DROP INDEX public.items_label_idx');
        await fleet.query(targets[25]!, 'ALTER TABLE public.items ADD COLUMN extra integer');
        const drift = await fleetDiffCommand(config, [...targets, unreachable], { concurrency: 8 });
        const report = fleetDriftReport(drift, 'definitions');
        expect(report.summary).toEqual({ targets: size + 1, inSync: size - 4, drifted: 4, failed: 1 });
        expect(report.groups.map((g) => [g.targets, g.item.change, g.item.type, g.item.object])).toEqual([
          [targets.slice(20, 23).map((t) => t.name), 'missing', 'index', 'public.items (index "items_label_idx")'],
          [[targets[25]!.name], 'unexpected', 'column', 'public.items.extra'],
        ]);
        expect(report.failed.map((f) => f.target)).toEqual(['gone']);

        // Status: a new file leaves every reachable target behind by it, in one group.
        fleet.writeMigration('20240104000000_more.sql', "INSERT INTO public.fleet_log VALUES ('m4');\n");
        const status = await fleetStatusCommand(config, [...targets, unreachable], { concurrency: 8 });
        expect(status.filter((s) => s.state === 'behind' && s.pending.join() === '20240104000000_more.sql')).toHaveLength(size);
        expect(status.find((s) => s.target === 'gone')).toMatchObject({ state: 'failed', error: { code: 'DATABASE_UNREACHABLE' } });
      });
    },
  );

  it.skipIf(Boolean(postgresEngine.unavailable))('with --fail-fast, no target starts after one fails; the ones not started are reported skipped', async () => {
    await withFleet(4, async (fleet) => {
      for (const [name, sql] of fleetMigrations) fleet.writeMigration(name, sql);
      const [a, b, c, d] = fleet.targets;
      await fleet.query(b!, 'CREATE TABLE public.items (id integer)');
      const records = await fleetMigrateCommand(fleet.config, [a!, b!, c!, d!], { concurrency: 1, failFast: true });
      expect(records.map((r) => r.state)).toEqual(['applied', 'failed', 'skipped', 'skipped']);
      expect(records[1]!.error).toMatchObject({ code: 'STATEMENT_FAILED', file: 'migrations/20240101000000_items.sql', line: 1 });
      expect(records[1]!.error!.statement).toContain('CREATE TABLE public.items');
      expect(await fleet.query(c!, "SELECT to_regclass('public.items') AS t")).toEqual([{ t: null }]);
    });
  });
});
