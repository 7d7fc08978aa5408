import { table, uuid } from 'pgform';

// The table gained a key: the suppression is stale and reported.
export const events = table('events', {
  columns: { id: uuid().primaryKey() },
  lint: { allow: { no_primary_key: 'append-only log read in bulk' } },
});
