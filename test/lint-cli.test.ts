import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, runCli, scratchDir } from './hostile/cli.js';

/** `pgform lint` as a user runs it: output formats, exit codes, config levels and suppressions. */
describe('pgform lint (CLI)', () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const definitions = (policy: string, extra = '') => `import { sql, table, uuid } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey(), user_id: uuid() },
  rls: true,
  grants: [{ to: 'authenticated', privileges: ['SELECT'] }],
  policies: { own: { for: 'select', to: 'authenticated', using: sql\`${policy}\` } },${extra}
});
`;

  beforeAll(() => {
    dir = scratchDir('pgform-lint-');
  });
  afterAll(() => removeDir(dir));

  it('text grouped by file with the definition line, exit 1 on a warning, 0 with --fail-on error', async () => {
    write('schemas/app.ts', definitions('user_id = auth.uid()'));
    const run = await runCli(['lint'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('schemas/app.ts\n      3 | export const notes = table(\'notes\', {\n    warn  policy "own" on public.notes calls auth.uid() per row');
    expect(run.stdout).toContain('[auth_rls_initplan]');
    expect((await runCli(['lint', '--fail-on', 'error'], { cwd: dir })).code).toBe(0);
  });

  it('--json, --format github and --format sarif locate the finding at file:line', async () => {
    write('schemas/app.ts', definitions('user_id = auth.uid()'));
    const json = JSON.parse((await runCli(['lint', '--json'], { cwd: dir })).stdout) as { summary: { warn: number }; findings: { rule: string; source: { file: string; line: number } }[] };
    expect(json.summary.warn).toBe(1);
    expect(json.findings[0]).toMatchObject({ rule: 'auth_rls_initplan', level: 'WARN', category: 'PERFORMANCE', source: { file: 'schemas/app.ts', line: 3 } });
    const github = (await runCli(['lint', '--format', 'github'], { cwd: dir })).stdout;
    expect(github).toMatch(/^::warning file=schemas\/app\.ts,line=3,title=pgform lint%3A auth_rls_initplan::policy "own"/);
    const sarif = JSON.parse((await runCli(['lint', '--format', 'sarif'], { cwd: dir })).stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: unknown[] }[] }[] };
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(['auth_rls_initplan']);
    expect(sarif.runs[0]!.results[0]).toMatchObject({ ruleId: 'auth_rls_initplan', level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri: 'schemas/app.ts' }, region: { startLine: 3 } } }] });
  });

  it("a policy's finding points at the line that declares the policy", async () => {
    write('schemas/app.ts', `import { sql, table, uuid } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey(), user_id: uuid() },
  rls: true,
  policies: {
    'owner reads own': { for: 'select', to: 'authenticated', using: sql\`user_id = auth.uid()\` },
  },
});
`);
    const json = JSON.parse((await runCli(['lint', '--json'], { cwd: dir })).stdout) as { findings: { rule: string; source: { line: number } }[] };
    expect(json.findings.map((f) => [f.rule, f.source.line])).toEqual([['auth_rls_initplan', 7]]);
  });

  it('clean definitions exit 0; config turns a rule off or raises its level', async () => {
    write('schemas/app.ts', definitions('user_id = (select auth.uid())'));
    expect((await runCli(['lint'], { cwd: dir })).code).toBe(0);
    write('schemas/app.ts', definitions('user_id = auth.uid()'));
    write('pgform.config.ts', `export default { lint: { rules: { auth_rls_initplan: 'off' } } };\n`);
    expect((await runCli(['lint'], { cwd: dir })).code).toBe(0);
    write('pgform.config.ts', `export default { lint: { rules: { auth_rls_initplan: 'error' } } };\n`);
    const raised = await runCli(['lint', '--fail-on', 'error', '--json'], { cwd: dir });
    expect(raised.code).toBe(1);
    expect(JSON.parse(raised.stdout).findings[0].level).toBe('ERROR');
    write('pgform.config.ts', `export default { lint: { rules: { auth_rls_initplan_typo: 'off' } } };\n`);
    const typo = await runCli(['lint'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown lint rule "auth_rls_initplan_typo"');
    write('pgform.config.ts', `export default {};\n`);
  });

  it('a suppression needs a reason (exit 2 at file:line); a used one is counted, a stale one reported', async () => {
    write('schemas/app.ts', definitions('user_id = auth.uid()', `\n  lint: { allow: { auth_rls_initplan: '' } },`));
    const missing = await runCli(['lint'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('a lint suppression needs a reason');
    expect(missing.stderr).toContain('schemas/app.ts:3');
    write('schemas/app.ts', definitions('user_id = auth.uid()', `\n  lint: { allow: { auth_rls_initplan: 'ten rows', no_primary_key: 'old' } },`));
    const used = await runCli(['lint'], { cwd: dir });
    expect(used.code).toBe(0);
    expect(used.stdout).toContain('unused suppressions');
    expect(used.stdout).toContain('schemas/app.ts:3  no_primary_key: old');
    expect(used.stdout).toContain('no findings, 1 suppressed');
  });

  it('SQL files: migration rules, SQL suppressions, and exit 2 for a suppression without a reason', async () => {
    write('schemas/app.ts', definitions('user_id = (select auth.uid())'));
    write('hand.sql', `SET lock_timeout = '2s';\n-- pgform-lint allow drop_column: nothing reads it since v12\nALTER TABLE public.notes DROP COLUMN legacy;\nCREATE INDEX notes_user ON public.notes (user_id);\n`);
    const run = await runCli(['lint', 'hand.sql', '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; source: { line: number } }[]; suppressed: { rule: string; reason: string }[] };
    expect(report.findings.map((f) => [f.rule, f.source.line])).toEqual([['require_concurrent_index', 4]]);
    expect(report.suppressed.map((f) => [f.rule, f.reason])).toEqual([['drop_column', 'nothing reads it since v12']]);
    write('bad.sql', `-- pgform-lint allow drop_column\nALTER TABLE public.notes DROP COLUMN legacy;\n`);
    const bad = await runCli(['lint', 'bad.sql'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.sql:1');
  });
});
