import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const profiles = table('profiles', {
  columns: { id: uuid().primaryKey(), email: text().references('auth.users', 'email') },
});
