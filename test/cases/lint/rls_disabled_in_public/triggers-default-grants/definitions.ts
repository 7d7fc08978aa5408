import { bigint, extension, integer, materializedView, rpc, schema, sql, table, text, uuid, view } from 'pgform';

// No grant declared: Supabase's default privileges still give anon and authenticated ALL on it.
export const jobs = table('jobs', { columns: { id: uuid().primaryKey() } });
