import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const notes = table('notes', { columns: { id: uuid().primaryKey() }, rls: true });

export const recent = view('recent_notes', {
  query: sql`SELECT id FROM public.notes`,
  grants: [{ to: 'anon', privileges: ['SELECT'] }],
});
