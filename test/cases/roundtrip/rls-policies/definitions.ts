import { boolean, rpc, sql, table, text, uuid } from 'pgform';

export const isAdmin = rpc('is_admin', {
  returns: 'boolean',
  language: 'sql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`SELECT coalesce((auth.jwt() -> 'app_metadata' ->> 'role') = 'admin', false)`,
});

export const projects = table('projects', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    owner_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index(),
    name: text().notNull(),
    public: boolean().notNull().default(false),
  },
  rls: { forced: true },
  policies: {
    'Owners read their projects': { for: 'select', to: 'authenticated', using: sql`owner_id = auth.uid()`, description: 'Owner pattern' },
    'Anyone reads public projects': { for: 'select', to: ['anon', 'authenticated'], using: sql`public` },
    'Owners create projects': { for: 'insert', to: 'authenticated', withCheck: sql`owner_id = auth.uid()` },
    'Owners update projects': { for: 'update', to: 'authenticated', using: sql`owner_id = auth.uid()`, withCheck: sql`owner_id = auth.uid()` },
    'Admins delete projects': { for: 'delete', to: 'authenticated', using: sql`public.is_admin()` },
    'Service role manages projects': { for: 'all', to: 'service_role', using: sql`true`, withCheck: sql`true` },
    'No archived names': { restrictive: true, for: 'all', withCheck: sql`name !~ '^archived-'` },
  },
});

export const publicNotes = table('public_notes', {
  columns: { id: uuid().primaryKey().defaultRandom(), body: text().notNull() },
  rls: true,
});
