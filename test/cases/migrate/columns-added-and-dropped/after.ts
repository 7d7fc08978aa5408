import { boolean, integer, sql, table, text, timestamptz, uuid } from 'pgform';

export const people = table('people', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    name: text(),
    age: integer().notNull().default(0).check(sql`age >= 0`),
    active: boolean().notNull().default(true),
    joined_at: timestamptz().notNull().defaultNow(),
    email: text().unique(),
  },
});
