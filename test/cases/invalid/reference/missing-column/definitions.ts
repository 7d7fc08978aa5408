import { table, uuid } from 'pgform';

export const leads = table('leads', { columns: { id: uuid().primaryKey() } });

export const messages = table('messages', {
  columns: {
    id: uuid().primaryKey(),
    lead_id: uuid().references(leads, 'lead_key'),
  },
});
