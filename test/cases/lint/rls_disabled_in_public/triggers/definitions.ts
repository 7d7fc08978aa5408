import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const notes = table('notes', {
  columns: { id: uuid().primaryKey(), body: text() },
  grants: [{ to: 'authenticated', privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] }],
});
