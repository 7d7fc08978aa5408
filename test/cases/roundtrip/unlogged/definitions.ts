import { jsonb, table, text, timestamptz } from 'pgform';

/** A cache table: UNLOGGED, so writes skip the WAL and a crash empties it. */
export const sessionCache = table('session_cache', {
  unlogged: true,
  description: 'Rebuilt from the sessions table after a crash',
  columns: {
    key: text().primaryKey(),
    value: jsonb().notNull(),
    expires_at: timestamptz().notNull(),
  },
});
