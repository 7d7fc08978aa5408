import { bigint, rpc, schema, sql, table, text } from 'pgform';

export const tenant = schema('tenant');

export const lists = table('lists', {
  schema: 'tenant',
  columns: { id: bigint().primaryKey(), title: text() },
});

export const count = rpc('count_lists', {
  schema: 'tenant',
  returns: 'bigint',
  language: 'sql',
  body: sql`SELECT count(*) FROM tenant.lists`,
});
