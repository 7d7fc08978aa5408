import { bigint, rpc, schema, sql, table, text } from 'pgform';

export const tenant = schema('tenant');

export const lists = table('tenant.lists', {
  columns: { id: bigint().primaryKey(), title: text() },
});

export const archive = table('archive.items', {
  columns: { id: bigint().primaryKey() },
});

export const count = rpc('tenant.count_lists', {
  returns: 'bigint',
  language: 'sql',
  body: sql`SELECT count(*) FROM public."tenant.lists"`,
});
