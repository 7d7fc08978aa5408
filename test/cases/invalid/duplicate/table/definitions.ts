import { table, text, uuid } from 'pgform';

export const leads = table('leads', { columns: { id: uuid().primaryKey() } });

export const leadsAgain = table('leads', { columns: { id: uuid().primaryKey(), name: text() } });
