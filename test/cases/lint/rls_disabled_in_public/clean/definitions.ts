import { bigint, extension, integer, materializedView, rpc, schema, sql, table, text, uuid, view } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey(), body: text() },
  grants: [{ to: 'authenticated', privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] }],
  rls: true,
  policies: { read: { for: 'select', to: 'authenticated', using: sql`true` } },
});

// A schema the Data API does not expose: no RLS needed for the API's sake.
export const internal = schema('internal');
export const jobs = table('jobs', { schema: 'internal', columns: { id: uuid().primaryKey() } });
