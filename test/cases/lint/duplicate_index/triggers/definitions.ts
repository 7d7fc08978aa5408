import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const people = table('people', {
  columns: { id: uuid().primaryKey(), email: text().unique() },
  indexes: { people_email: { on: ['email'] } },
});
