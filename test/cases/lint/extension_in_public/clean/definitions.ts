import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const trgm = extension('pg_trgm', { schema: 'extensions' });
