import { integer, sql, table, timestamptz } from 'pgform';

// No cast turns bigint into a timestamp: the definition says how the values convert.
export const events = table('events', {
  columns: { id: integer().primaryKey(), happened: timestamptz().notNull().using(sql`to_timestamp(happened)`) },
});
