// @ts-nocheck: the misspelling is what the case loads
import { table, text, uuid } from 'pgform';

export const notes = table('notes', {
  columns: {
    id: uuid().primaryKey(),
    body: text().notNul(),
  },
});
