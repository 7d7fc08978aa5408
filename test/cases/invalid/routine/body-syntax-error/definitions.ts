import { rpc, sql } from 'pgform';

export const countLeads = rpc('count_leads', {
  returns: 'integer',
  language: 'plpgsql',
  body: sql`
BEGIN
  RETURN (SELECT count(* FROM public.leads;
END;
`,
});
