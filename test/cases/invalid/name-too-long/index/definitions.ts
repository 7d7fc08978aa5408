import { table, text, uuid } from 'pgform';

export const leads = table('leads', {
  columns: { id: uuid(), email: text() },
  indexes: { ['i'.repeat(64)]: { on: ['email'] } },
});
