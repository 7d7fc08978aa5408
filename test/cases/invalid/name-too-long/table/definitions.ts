import { table, uuid } from 'pgform';

// 64 bytes: one more than PostgreSQL keeps.
export const long = table('t'.repeat(64), { columns: { id: uuid() } });
