import { bigint, table, text } from 'pgform';

export const events = table('events', { columns: { id: bigint().primaryKey(), kind: text().options({ ndistinct: 10 } as never) } });
