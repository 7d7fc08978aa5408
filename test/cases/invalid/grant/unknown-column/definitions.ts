import { table, text, uuid } from 'pgform';

export const profiles = table('profiles', {
  columns: { id: uuid().primaryKey(), name: text() },
  grants: [{ to: 'anon', privileges: ['select'], columns: ['id', 'nmae'] }],
});
