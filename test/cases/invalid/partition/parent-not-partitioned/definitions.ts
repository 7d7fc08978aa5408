import { bigint, date, table } from 'pgform';

export const events = table('events', {
  columns: { id: bigint().notNull(), created_at: date().notNull() },
});

export const eventsOther = table('events_other', {
  partitionOf: { parent: events, values: 'default' },
});
