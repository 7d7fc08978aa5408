import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const jobs = table('jobs', {
  columns: { id: uuid().primaryKey() },
  rls: true,
});
