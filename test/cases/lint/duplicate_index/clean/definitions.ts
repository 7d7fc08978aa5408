import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const people = table('people', {
  columns: { id: uuid().primaryKey(), email: text().unique() },
  indexes: { people_email_lower: { on: ['lower(email)'] }, people_email_desc: { on: ['email DESC'] } },
});
