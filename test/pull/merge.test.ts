import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/canonical/apply.js';
import { diffCommand } from '../../src/commands/diff.js';
import { pullCommand } from '../../src/commands/pull.js';
import type { ResolvedConfig } from '../../src/config/load.js';
import { inTransaction } from '../../src/engine/connection.js';
import { openEmbeddedPglite } from '../../src/engine/pglite.js';
import { presets } from '../../src/engine/presets.js';
import { loadSchema } from '../../src/load/definitions.js';
import { createPlan } from '../../src/canonical/from-scratch.js';
import { engines, withDatabase, type TestEngine } from '../support/engines.js';
import type { Connection } from '../../src/engine/connection.js';
import { externalNamespaces } from '../support/round-trip.js';
import { withPullFolder } from './support.js';

const root = join(import.meta.dirname, '..', '..');

/** Ten changes a person makes to a live database by hand. */
const byHand = `
ALTER TABLE public.dashboard_users ADD COLUMN timezone text NOT NULL DEFAULT 'UTC';
ALTER TABLE public.dashboard_users DROP COLUMN last_login;
ALTER TABLE public.user_invitations ALTER COLUMN role SET DEFAULT 'admin';
CREATE POLICY "Viewers read invitations" ON public.user_invitations FOR SELECT TO authenticated USING (public.is_dashboard_user());
ALTER POLICY "Users can update own profile" ON public.dashboard_users USING (id = auth.uid() AND is_active);
CREATE INDEX idx_user_invitations_created ON public.user_invitations (created_at);
CREATE TABLE public.audit_notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL);
DROP TABLE public.dashboard_settings;
COMMENT ON TABLE public.user_invitations IS 'Invitation tokens for new dashboard users (changed by hand)';
ALTER TABLE public.dashboard_users ADD CONSTRAINT dashboard_users_email_format CHECK (email LIKE '%@%');
`;

/** The lines a merge may add to core.ts: one per change, nothing reprinted. */
const expectedAdded = [
  `    timezone: text().notNull().default('UTC'),`,
  `  checks: { dashboard_users_email_format: sql\`email ~~ '%@%'::text\` },`,
  `    'Users can update own profile': { for: 'update', to: 'authenticated', using: sql\`((id = auth.uid()) AND is_active)\`, withCheck: sql\`id = (select auth.uid())\` },`,
  `  description: 'Invitation tokens for new dashboard users (changed by hand)',`,
  `    role: text().notNull().default('admin').oneOf(dashboardRoles).describe("Core - Role granted on acceptance: 'admin' or 'viewer'"),`,
  `    idx_user_invitations_created: { on: ['created_at'] },`,
  `    'Viewers read invitations': { for: 'select', to: 'authenticated', using: sql\`public.is_dashboard_user()\` },`,
];

const handComment = '    // Kept by hand: emails are compared lower-case (see idx_dashboard_users_email).';
const handRename = `    email: text().notNull().renamedFrom('mail').describe('Core - User email'),`;

/** Lines removed and added from a to b (longest common subsequence of lines). */
function lineDiff(a: string[], b: string[]): { removed: string[]; added: string[] } {
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) (i++, j++);
    else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) added.push(b[j++]!);
    else removed.push(a[i++]!);
  }
  return { removed, added };
}

async function buildProxe(conn: Connection): Promise<void> {
  const schema = await loadSchema(join(root, 'schemas', 'proxe'), { externalNamespaces });
  await inTransaction(conn, () => applyPlan(conn, createPlan(schema)));
  await conn.exec(byHand);
}

async function withChangedProxe<T>(engine: TestEngine, folder: string, work: (config: ResolvedConfig) => Promise<T>): Promise<T> {
  const config = (url?: string): ResolvedConfig => ({
    root,
    definitions: relative(root, join(folder, 'defs')),
    migrations: 'migrations',
    out: 'generated',
    ...(url ? { url } : {}),
    embeddedDir: join(folder, 'db'),
    preset: 'supabase',
    systems: {},
  });
  if (engine.name === 'postgres') {
    return withDatabase(engine, async ({ conn, url }) => {
      await buildProxe(conn);
      return work(config(url));
    });
  }
  const conn = await openEmbeddedPglite(join(folder, 'db'));
  await conn.exec(presets.supabase.bootstrapSql);
  await buildProxe(conn);
  await conn.close();
  return work(config());
}

describe.each(engines)('pgform pull into existing definitions on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable))('edits only what changed in the database, keeping a hand comment and a renamedFrom', async () => {
    await withPullFolder(async (folder) => {
      const defs = join(folder, 'defs');
      cpSync(join(root, 'schemas', 'proxe'), defs, { recursive: true });
      const email = `    email: text().notNull().describe('Core - User email'),`;
      const core = readFileSync(join(defs, 'core.ts'), 'utf8');
      expect(core).toContain(email);
      writeFileSync(join(defs, 'core.ts'), core.replace(email, `${handComment}\n${handRename}`));
      const before = new Map(readdirSync(defs).map((file) => [file, readFileSync(join(defs, file), 'utf8')]));

      await withChangedProxe(engine, folder, async (config) => {
        const result = await pullCommand(config, { layout: 'group', out: config.definitions });
        expect(result.warnings).toEqual([]);
        const written = result.files.filter((file) => file.status === 'written').map((file) => relative(config.definitions, file.path));
        expect(written.sort()).toEqual(['core.ts', 'public.ts']);

        for (const [file, text] of before) if (file !== 'core.ts') expect(readFileSync(join(defs, file), 'utf8')).toBe(text);
        expect(readFileSync(join(defs, 'public.ts'), 'utf8')).toContain(`export const auditNotes = table('audit_notes', {`);

        const original = before.get('core.ts')!.split('\n');
        const merged = readFileSync(join(defs, 'core.ts'), 'utf8').split('\n');
        const { removed, added } = lineDiff(original, merged);
        expect(added.sort()).toEqual([...expectedAdded].sort());
        // Removed: the dropped column, the four lines changed in place, and the dropped table's statement.
        const settingsStart = original.indexOf(`export const dashboardSettings = table('dashboard_settings', {`);
        const settingsEnd = original.indexOf('});', settingsStart);
        const settings = original.slice(settingsStart, settingsEnd + 2);
        const changedInPlace = removed.filter((line) => !settings.includes(line));
        expect(changedInPlace.map((line) => line.trim().split(':')[0])).toEqual([
          'last_login',
          "'Users can update own profile'",
          'description',
          'role',
        ]);
        expect(removed.length).toBe(changedInPlace.length + settings.length);
        expect(merged).toContain(handComment);
        expect(merged).toContain(handRename);

        const drift = await diffCommand(config, {});
        expect(drift.items).toEqual([]);
      });
    });
  }, 600_000);
});

const helperDefinitions = `import { sql, table, text, timestamptz, uuid } from 'pgform';

/** Every table's creation time. */
const stamp = () => timestamptz().notNull().defaultNow();
const everyone = { 'Everyone reads': { for: 'select' as const, using: sql\`true\` } };

export const notes = table('notes', {
  columns: {
    id: uuid().primaryKey(),
    created_at: stamp(),
    body: text(),
  },
  rls: true,
  policies: { ...everyone },
});
`;

describe('pgform pull into definitions built by code', () => {
  it('merges what is written plainly, reports the rest and writes its pulled form under .pulled/', async () => {
    await withPullFolder(async (folder) => {
      const defs = join(folder, 'defs');
      mkdirSync(defs, { recursive: true });
      writeFileSync(join(defs, 'notes.ts'), helperDefinitions);
      const conn = await openEmbeddedPglite(join(folder, 'db'));
      await conn.exec(presets.supabase.bootstrapSql);
      const schema = await loadSchema(defs, { externalNamespaces });
      await inTransaction(conn, () => applyPlan(conn, createPlan(schema)));
      await conn.exec(`
        ALTER TABLE public.notes ALTER COLUMN created_at TYPE timestamp;
        ALTER POLICY "Everyone reads" ON public.notes USING (false);
        ALTER TABLE public.notes ALTER COLUMN body SET NOT NULL;
      `);
      await conn.close();
      const config: ResolvedConfig = { root, definitions: relative(root, defs), migrations: 'migrations', out: 'generated', embeddedDir: join(folder, 'db'), preset: 'supabase', systems: {} };
      const result = await pullCommand(config, { layout: 'group', out: config.definitions });
      expect(result.warnings.map((w) => `${w.object}: ${w.message}`)).toEqual([
        'public.notes: not merged: the type of columns.created_at changed, and the column is built by code (a helper?)',
        'public.notes: not merged: policies."Everyone reads" is not written as a plain property (a spread or a helper?)',
        'public.notes: its pulled form is in .pulled/table-public.notes.ts: merge it by hand',
      ]);
      expect(readFileSync(join(defs, 'notes.ts'), 'utf8')).toBe(helperDefinitions.replace('body: text(),', 'body: text().notNull(),'));
      expect(readFileSync(join(defs, '.pulled', 'table-public.notes.ts'), 'utf8')).toContain("created_at: timestamp().notNull().defaultNow(),");
    });
  }, 120_000);
});
