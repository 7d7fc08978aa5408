import { bigint, table, text } from 'pgform';

export const events = table('events', { columns: { id: bigint().primaryKey(), kind: text().statistics(20000) } });
