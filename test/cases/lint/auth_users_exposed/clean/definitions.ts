import { bigint, extension, integer, materializedView, rpc, schema, sql, table, text, uuid, view } from 'pgform';

// security_invoker: the caller's own rights apply, and API roles hold none on auth.users.
export const users = view('user_list', {
  query: sql`SELECT id, email FROM auth.users`,
  securityInvoker: true,
});
