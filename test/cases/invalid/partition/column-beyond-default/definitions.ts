import { bigint, date, sql, table, text } from 'pgform';

export const events = table('events', {
  columns: { id: bigint().notNull(), created_at: date().notNull(), note: text() },
  partitionBy: { range: ['created_at'] },
});

export const events2024 = table('events_2024', {
  columns: { note: text().notNull().default('2024') },
  partitionOf: { parent: events, values: sql`FROM ('2024-01-01') TO ('2025-01-01')` },
});
