import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSchemas } from '../../src/commands/diff.js';
import { renderDriftGithub, renderDriftJson, renderDriftSarif } from '../../src/emit/drift/formats.js';
import { renderUnmanagedText, unmanagedSqlComment } from '../../src/emit/drift/unmanaged.js';
import { presets } from '../../src/engine/presets.js';
import { coverageOf, renderCoverage } from '../../src/introspect/coverage.js';
import { introspect } from '../../src/introspect/index.js';
import { planScript } from '../../src/plan/index.js';
import { removeDir, runCli, scratchDir } from '../hostile/cli.js';
import { engines, postgresEngine, withDatabase } from '../support/engines.js';

const shared = `
CREATE TABLE public.events (id integer PRIMARY KEY, kind text);
CREATE FUNCTION public.add_ints(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT $1 + $2 $$;
CREATE FUNCTION public.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
`;

/** Three objects of kinds pgform does not manage, on top of what both databases share. */
const unmanaged = `
CREATE RULE keep_events AS ON DELETE TO public.events DO INSTEAD NOTHING;
CREATE OPERATOR public.### (LEFTARG = integer, RIGHTARG = integer, FUNCTION = public.add_ints);
CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION public.log_ddl();
`;

const externalNamespaces = presets.supabase.externalNamespaces;
const expectedKinds = ['event trigger log_ddl', 'operator public.###(integer,integer)', 'rule keep_events on public.events'];

describe.each(engines)('objects pgform does not manage, on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('are read, reported by every format, counted by coverage, and left out of the plan', async () => {
    await withDatabase(engine, async (a) => {
      await withDatabase(engine, async (b) => {
        await a.conn.exec(shared + unmanaged);
        await b.conn.exec(shared);
        const modelA = await introspect(a.conn, { externalNamespaces });
        const modelB = await introspect(b.conn, { externalNamespaces });
        const result = compareSchemas(modelA, modelB);
        expect(result.changes).toEqual([]);
        expect(result.plan.steps).toEqual([]);
        expect(result.unmanaged.map((u) => `${u.kind} ${u.identity}`)).toEqual(expectedKinds);
        expect(result.unmanaged.every((u) => u.in === 'from')).toBe(true);

        const labels = { from: 'A', to: 'B' };
        const text = renderUnmanagedText(result.unmanaged, labels);
        expect(text.split('\n')[0]).toBe('3 objects of kinds pgform does not manage: event trigger, operator, rule (left as they are)');
        expect(text).toContain('  rule keep_events on public.events  (only in A)');

        const json = JSON.parse(renderDriftJson(result.items, labels, result.hazards, result.unmanaged)) as { drift: boolean; unmanaged: { kind: string; in: string }[] };
        expect(json.drift).toBe(false);
        expect(json.unmanaged.map((u) => u.kind)).toEqual(['event trigger', 'operator', 'rule']);

        const sarif = JSON.parse(renderDriftSarif(result.items, '0.0.0', result.unmanaged)) as { runs: { results: { ruleId: string; level: string; message: { text: string } }[] }[] };
        const notes = sarif.runs[0]!.results;
        expect(notes.map((r) => [r.ruleId, r.level])).toEqual([
          ['unmanaged', 'note'],
          ['unmanaged', 'note'],
          ['unmanaged', 'note'],
        ]);
        expect(notes[2]!.message.text).toContain('rule keep_events on public.events is of a kind pgform does not manage');
        expect(renderDriftGithub(result.items, result.unmanaged).match(/^::notice /gm)).toHaveLength(3);

        // Every line of the SQL header is a comment, whatever the names hold.
        const header = unmanagedSqlComment(result.unmanaged);
        expect(header.split('\n').every((line) => line.startsWith('-- '))).toBe(true);
        expect(planScript(result.plan)).toBe('');

        const coverage = Object.fromEntries(coverageOf(modelA).map((line) => [line.kind, [line.status, line.count]]));
        expect(coverage).toMatchObject({ table: ['modelled', 1], function: ['modelled', 2], operator: ['reported', 1], aggregate: ['modelled', 0], rule: ['reported', 1], 'event trigger': ['reported', 1], cast: ['reported', 0] });
        expect(renderCoverage(coverageOf(modelA))).toContain('3 objects of kinds pgform does not manage (reported, never changed)');
      });
    });
  });

  it.skipIf(Boolean(engine.unavailable))('reports the parts of modelled objects it does not hold: a typed table, a view column default', async () => {
    await withDatabase(engine, async (a) => {
      await withDatabase(engine, async (b) => {
        const base = `CREATE TYPE public.address AS (street text, city text);
          CREATE TABLE public.people (id integer, city text);
          CREATE VIEW public.cities AS SELECT id, city FROM public.people;`;
        await a.conn.exec(base);
        await b.conn.exec(`${base}
          CREATE TABLE public.addresses OF public.address (city NOT NULL);
          ALTER VIEW public.cities ALTER COLUMN city SET DEFAULT 'Berlin';`);
        const result = compareSchemas(await introspect(a.conn, { externalNamespaces }), await introspect(b.conn, { externalNamespaces }));
        expect(result.unmanaged.map((u) => [u.kind, u.identity, u.in])).toEqual([
          ['default of a view column', 'for public.cities.city', 'to'],
          ['typed table (OF type)', 'public.addresses', 'to'],
        ]);
      });
    });
  });

  it.skipIf(Boolean(engine.unavailable))('never drops one: a plan dropping what one needs stops and names it', async () => {
    await withDatabase(engine, async (a) => {
      await withDatabase(engine, async (b) => {
        await a.conn.exec(shared + unmanaged);
        await b.conn.exec(`CREATE TABLE public.events (id integer PRIMARY KEY, kind text);`);
        const modelA = await introspect(a.conn, { externalNamespaces });
        const modelB = await introspect(b.conn, { externalNamespaces });
        // Planning stops at the first change an unmanaged object depends on, and names that object.
        expect(() => compareSchemas(modelA, modelB)).toThrow(/(operator public\.###\(integer,integer\)|event trigger log_ddl) depends on it/);
      });
    });
  });
});

describe('the commands report objects pgform does not manage', () => {
  it.skipIf(Boolean(postgresEngine.unavailable))('diff (text, --json, sarif, --sql), inspect --coverage and pull', async () => {
    await withDatabase(postgresEngine, async (a) => {
      await withDatabase(postgresEngine, async (b) => {
        await a.conn.exec(shared + unmanaged);
        await b.conn.exec(shared);
        const dir = scratchDir('pgform-coverage-');
        try {
          const diff = (...args: string[]) => runCli(['diff', '--from', a.url!, '--to', b.url!, ...args], { cwd: dir });
          const text = await diff();
          expect(text.code).toBe(0);
          expect(text.stdout).toContain('3 objects of kinds pgform does not manage: event trigger, operator, rule');
          const json = JSON.parse((await diff('--json')).stdout) as { unmanaged: { kind: string }[] };
          expect(json.unmanaged).toHaveLength(3);
          const sarif = JSON.parse((await diff('--format', 'sarif')).stdout) as { runs: { results: { level: string }[] }[] };
          expect(sarif.runs[0]!.results.map((r) => r.level)).toEqual(['note', 'note', 'note']);
          const sql = (await diff('--sql')).stdout;
          expect(sql).toContain('-- 3 objects of kinds pgform does not manage');
          expect(sql).not.toMatch(/^DROP /m);

          const coverage = await runCli(['inspect', '--coverage', '--url', a.url!], { cwd: dir });
          expect(coverage.code).toBe(0);
          expect(coverage.stdout).toMatch(/^operator +reported only +1$/m);
          expect(coverage.stdout).toMatch(/^table +modelled +1$/m);
          const coverageJson = JSON.parse((await runCli(['inspect', '--coverage', '--json', '--url', a.url!], { cwd: dir })).stdout) as { kinds: { kind: string; count: number }[] };
          expect(coverageJson.kinds.find((k) => k.kind === 'event trigger')?.count).toBe(1);

          const pull = await runCli(['pull', '--url', a.url!, '--out', join(dir, 'pulled')], { cwd: dir });
          expect(pull.code).toBe(0);
          expect(pull.stdout).toContain('3 objects of kinds pgform does not manage: event trigger, operator, rule (not pulled)');
        } finally {
          removeDir(dir);
        }
      });
    });
  });
});
