import { integer, table, text, uuid } from 'pgform';

export const people = table('people', {
  columns: { id: uuid().primaryKey().defaultRandom(), name: text().notNull(), nickname: text(), age: integer() },
});
