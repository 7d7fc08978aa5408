import { table, uuid } from 'pgform';

export const messages = table('messages', {
  columns: {
    id: uuid().primaryKey(),
    lead_id: uuid().references('leads', 'id'),
  },
});
