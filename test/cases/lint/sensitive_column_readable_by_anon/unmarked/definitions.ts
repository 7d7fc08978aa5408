import { boolean, sql, table, text, uuid } from 'pgform';

// Named like contact data, but public by design: marked so, the rule leaves it alone.
export const leads = table('leads', {
  columns: { id: uuid().primaryKey(), email_domain: text().sensitive(false), email_verified: boolean().sensitive(false), label: text() },
  grants: [{ to: 'anon', privileges: ['SELECT'] }],
  rls: true,
  policies: { read: { for: 'select', to: 'anon', using: sql`id IS NOT NULL` } },
});
