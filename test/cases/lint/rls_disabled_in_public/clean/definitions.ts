import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey(), body: text() },
  grants: [{ to: 'authenticated', privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] }],
  rls: true,
  policies: { read: { for: 'select', to: 'authenticated', using: sql`true` } },
});

// Not granted to an API role: PostgREST cannot reach it.
export const internal = table('internal_jobs', { columns: { id: uuid().primaryKey() } });
