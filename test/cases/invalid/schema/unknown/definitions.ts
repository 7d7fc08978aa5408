import { table, uuid } from 'pgform';

export const leads = table('leads', { schema: 'crm', columns: { id: uuid().primaryKey() } });
