import { table, uuid, text, timestamptz, integer, enumType, rpc, triggerFunction, sql } from 'pgform';

export const status = enumType('lead_status', ['new', 'won']);

export const leads = table('leads', {
  description: 'Leads',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull().describe('Name'),
    status: status.column().default('new'),
    score: integer().default(0).check(sql`score BETWEEN 0 AND 100`),
    created_at: timestamptz().defaultNow().index(),
  },
  rls: true,
  policies: { 'read all': { for: 'select', to: 'authenticated', using: sql`true` } },
});
