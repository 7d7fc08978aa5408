import { bigint, column, integer, smallint, sql, table, text, timestamp, triggerFunction } from 'pgform';

export const checkEntry = triggerFunction('check_entry', { body: sql`BEGIN RETURN NULL; END` });

export const ledgers = table('ledgers', {
  columns: {
    id: bigint().identity({ always: true, start: 1000, increment: 10, cache: 20 }),
    code: text().notNull(),
    opened: timestamp().using(sql`to_timestamp(opened)`),
  },
  primaryKey: ['id'],
  unique: [{ columns: ['code'], deferrable: true, initiallyDeferred: true }],
});

export const entries = table('entries', {
  columns: {
    id: integer().identity(),
    ticket: smallint().identity({ min: 1, max: 999, cycle: true }),
    countdown: integer().identity({ increment: -1 }),
    ledger_id: bigint().references(ledgers, 'id', { notValid: true }),
    amount: integer().notNull(),
    during: column('tsrange'),
  },
  primaryKey: { columns: ['id'], deferrable: true },
  checks: {
    entries_amount_nonzero: { expression: sql`amount <> 0`, notValid: true },
    entries_amount_small: { expression: sql`amount < 1000000`, noInherit: true },
  },
  exclusions: { entries_no_overlap: { definition: sql`EXCLUDE USING gist (during WITH &&)`, deferrable: true, initiallyDeferred: true } },
  triggers: {
    entries_balanced: {
      timing: 'after',
      events: ['insert', 'update'],
      function: checkEntry,
      constraint: { deferrable: true, initiallyDeferred: true },
    },
    entries_ledger_kept: {
      timing: 'after',
      events: ['delete'],
      function: checkEntry,
      constraint: { from: 'ledgers' },
    },
  },
});
