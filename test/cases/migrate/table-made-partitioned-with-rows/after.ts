import { bigint, date, sql, table, text, view } from 'pgform';

export const events = table('events', {
  columns: {
    id: bigint().notNull(),
    happened_on: date().notNull(),
    kind: text().notNull().default('note'),
  },
  primaryKey: ['id', 'happened_on'],
  partitionBy: { range: ['happened_on'] },
  indexes: { events_kind_idx: { on: ['kind'] } },
});

export const events2025 = table('events_2025', {
  partitionOf: { parent: events, values: sql`FROM ('2025-01-01') TO ('2026-01-01')` },
});

export const eventsOther = table('events_other', {
  partitionOf: { parent: events, values: 'default' },
});

export const eventNotes = table('event_notes', {
  columns: { event_id: bigint().notNull(), happened_on: date().notNull(), note: text() },
  foreignKeys: [{ columns: ['event_id', 'happened_on'], references: events, referencedColumns: ['id', 'happened_on'], onDelete: 'cascade' }],
});

export const alerts = view('alerts', { query: sql`SELECT id, happened_on FROM public.events WHERE kind = 'alert'` });
