import { bigint, integer, table } from 'pgform';

export const events = table('events', {
  columns: { id: integer().primaryKey(), happened: bigint().notNull() },
});
