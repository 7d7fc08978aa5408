import { bigint, extension, integer, materializedView, rpc, schema, sql, table, text, uuid, view } from 'pgform';

// anon holds SELECT through the platform's defaults, but no policy lets anon read a row.
export const leads = table('leads', {
  columns: { id: uuid().primaryKey(), email: text(), label: text() },
  rls: true,
  policies: { read: { for: 'select', to: 'authenticated', using: sql`id IS NOT NULL` } },
});
