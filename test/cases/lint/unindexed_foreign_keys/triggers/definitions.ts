import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const teams = table('teams', { columns: { id: uuid().primaryKey() } });

export const members = table('members', {
  columns: { id: uuid().primaryKey(), team_id: uuid().references(teams) },
});
