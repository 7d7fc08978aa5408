import { publication } from 'pgform';

export const realtime = publication('supabase_realtime', { allTables: true });
