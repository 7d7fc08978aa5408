import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const events = table('events', { columns: { id: bigint().identity(), name: text() }, primaryKey: ['id'] });
