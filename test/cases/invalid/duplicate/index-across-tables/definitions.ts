import { table, text, uuid } from 'pgform';

export const leads = table('leads', {
  columns: { id: uuid().primaryKey(), email: text() },
  indexes: { idx_email: { on: ['email'] } },
});

export const contacts = table('contacts', {
  columns: { id: uuid().primaryKey(), email: text() },
  indexes: { idx_email: { on: ['email'] } },
});
