// @ts-nocheck: the misspelling is what the case loads
import { table, integr, uuid } from 'pgform';

export const notes = table('notes', {
  columns: {
    id: uuid().primaryKey(),
    count: integr(),
  },
});
