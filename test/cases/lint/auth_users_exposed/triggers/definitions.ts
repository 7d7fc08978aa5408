import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const users = view('user_list', {
  query: sql`SELECT id, email FROM auth.users`,
  grants: [{ to: 'authenticated', privileges: ['SELECT'] }],
});
