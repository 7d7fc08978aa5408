import { column, table, uuid } from 'pgform';

export const leads = table('leads', {
  columns: {
    id: uuid().primaryKey(),
    score: column('nosuchtype'),
  },
});
