import { bigint, extension, integer, materializedView, rpc, schema, sql, table, text, uuid, view } from 'pgform';

export const reporting = schema('reporting');
export const notes = table('notes', { columns: { id: uuid().primaryKey() }, rls: true });

// Outside the exposed schemas: the Data API cannot select it.
export const totals = materializedView('note_totals', {
  schema: 'reporting',
  query: sql`SELECT count(*) AS n FROM public.notes`,
  grants: [{ to: 'service_role', privileges: ['SELECT'] }],
});
