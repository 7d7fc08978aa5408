import { table, uuid } from 'pgform';

export const leads = table('leads', { columns: { id: uuid().primaryKey() } });

throw new Error('definitions refuse to load: LEADS_TABLE_NOT_CONFIGURED');
