import { sql, table, text, uuid } from 'pgform';

// Neither name looks like a secret: the definitions say which one is.
export const leads = table('leads', {
  columns: { id: uuid().primaryKey(), recovery_hint: text().sensitive(), label: text() },
  grants: [{ to: 'anon', privileges: ['SELECT'] }],
  rls: true,
  policies: { read: { for: 'select', to: 'anon', using: sql`id IS NOT NULL` } },
});
