import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const notes = table('notes', { columns: { id: uuid().primaryKey() } });

export const totals = materializedView('note_totals', {
  query: sql`SELECT count(*) AS n FROM public.notes`,
  grants: [{ to: 'anon', privileges: ['SELECT'] }],
});
