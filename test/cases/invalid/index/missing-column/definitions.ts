import { table, text, uuid } from 'pgform';

export const leads = table('leads', {
  columns: { id: uuid().primaryKey(), email: text() },
  indexes: { leads_phone_idx: { on: ['phone'] } },
});
