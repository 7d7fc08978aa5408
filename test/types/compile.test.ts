import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTypes } from '../../src/emit/types/index.js';
import { canonicalModel, repoRoot, scratchFolder, typecheck } from './support.js';

/** Queries a team would write against the PROXe types: every line must typecheck. */
const proxeQueries = `
import { Kysely } from 'kysely';
import type { DB, Functions } from './proxe.js';

declare const db: Kysely<DB>;

export async function queries() {
  const leads = await db
    .selectFrom('all_leads')
    .select(['id', 'customer_name', 'created_at', 'lead_score', 'unified_context'])
    .where('lead_stage', '=', 'New')
    .where('brand', '=', 'proxe')
    .orderBy('created_at', 'desc')
    .execute();
  const id: string = leads[0]!.id;
  const createdAt: Date = leads[0]!.created_at;
  const name: string | null = leads[0]!.customer_name;
  const score: number = leads[0]!.lead_score;
  // Generated columns (id, brand, created_at, lead_score...) are left out.
  const inserted = await db
    .insertInto('all_leads')
    .values({ first_touchpoint: 'web', last_touchpoint: 'whatsapp', customer_name: 'Ada', unified_context: { web: { pages: 3 } } })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  await db.updateTable('all_leads').set({ lead_score: 10, last_interaction_at: new Date() }).where('id', '=', inserted.id).execute();
  const joined = await db
    .selectFrom('web_sessions')
    .innerJoin('all_leads', 'all_leads.id', 'web_sessions.lead_id')
    .select(['web_sessions.id', 'all_leads.customer_name', 'web_sessions.booking_date'])
    .execute();
  const viewRows = await db.selectFrom('unified_leads').selectAll().execute();
  const stage: string | null = viewRows[0]!.lead_stage;
  const args: Functions['determine_lead_stage']['args'] = { p_score: 50, p_has_booking: false, p_last_interaction_at: new Date() };
  return { id, createdAt, name, score, joined, stage, args };
}
`;

/** Queries against the Pulse types, which use an enum. */
const pulseQueries = `
import { Kysely } from 'kysely';
import { AppRoleValues, type AppRole, type DB } from './pulse.js';

declare const db: Kysely<DB>;

export async function admins() {
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('role', '=', 'admin').execute();
  const role: AppRole = rows[0]!.role;
  await db.insertInto('user_roles').values({ user_id: 'user_1' }).execute();
  return { role, all: AppRoleValues.includes(role) };
}
`;

/** Mistakes the types must catch, each alone in a file: the check fails when tsc accepts one. */
const mistakes: Record<string, string> = {
  'wrong-column': `await db.selectFrom('all_leads').selectAll().where('lead_stagex', '=', 'New').execute();`,
  'missing-required': `await db.insertInto('all_leads').values({ customer_name: 'Ada' }).execute();`,
  'nullable-as-string': `const row = await db.selectFrom('all_leads').select('customer_name').executeTakeFirstOrThrow(); const name: string = row.customer_name;`,
  'wrong-argument-type': `const args: Functions['calculate_lead_score']['args'] = { p_lead_id: 42 };`,
};

const mistakeFile = (body: string) => `
import { Kysely } from 'kysely';
import type { DB, Functions } from './proxe.js';
declare const db: Kysely<DB>;
export async function mistake(): Promise<Functions | void> {
  ${body}
}
`;

/**
 * The generated types in use: the PROXe and Pulse db.ts with real queries compile under
 * `tsc --strict`, and each typical mistake is a compile error.
 */
describe('generated types compile', () => {
  let folder: ReturnType<typeof scratchFolder>;

  beforeAll(async () => {
    folder = scratchFolder('compile');
    for (const system of ['proxe', 'pulse']) {
      writeFileSync(join(folder.dir, `${system}.ts`), renderTypes(await canonicalModel(join(repoRoot, 'schemas', system))));
    }
    writeFileSync(join(folder.dir, 'proxe-queries.ts'), proxeQueries);
    writeFileSync(join(folder.dir, 'pulse-queries.ts'), pulseQueries);
    for (const [name, body] of Object.entries(mistakes)) writeFileSync(join(folder.dir, `mistake-${name}.ts`), mistakeFile(body));
  });
  afterAll(() => folder?.dispose());

  it('the queries typecheck', () => {
    const result = typecheck(folder.dir, ['proxe.ts', 'pulse.ts', 'proxe-queries.ts', 'pulse-queries.ts']);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it.each(Object.keys(mistakes))('the mistake %s does not', (name) => {
    const result = typecheck(folder.dir, ['proxe.ts', `mistake-${name}.ts`]);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`mistake-${name}.ts(`);
    expect(result.output).not.toContain('proxe.ts(');
  });
});
