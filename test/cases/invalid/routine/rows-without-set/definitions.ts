import { rpc, sql } from 'pgform';

export const double = rpc('double_it', { args: { n: 'integer' }, returns: 'integer', language: 'sql', rows: 10, body: sql`SELECT n * 2` });
