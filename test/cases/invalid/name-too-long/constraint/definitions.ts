import { sql, table, uuid } from 'pgform';

export const leads = table('leads', {
  columns: { id: uuid() },
  checks: { ['c'.repeat(64)]: sql`id IS NOT NULL` },
});
