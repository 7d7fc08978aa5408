import { sql, table, uuid, view } from 'pgform';

export const leads = table('leads', { columns: { id: uuid().primaryKey() } });

export const activeLeads = view('active_leads', {
  query: sql`SELECT id FROM public.lead_archive`,
});
