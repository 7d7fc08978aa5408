import { column, integer, sql, table, text, timestamptz, uuid } from 'pgform';

export const accounts = table('accounts', {
  columns: {
    region: text().notNull(),
    number: integer().notNull(),
    name: text().notNull().unique(),
    email: text().unique({ nullsNotDistinct: true }),
    parent_region: text(),
    parent_number: integer(),
  },
  primaryKey: ['region', 'number'],
  unique: [{ columns: ['region', 'name'], name: 'accounts_region_name_key' }],
  checks: { accounts_number_positive: sql`number > 0`, accounts_name_length: sql`char_length(name) BETWEEN 1 AND 200` },
  foreignKeys: [
    { columns: ['parent_region', 'parent_number'], references: 'accounts', referencedColumns: ['region', 'number'], onDelete: 'set null', onUpdate: 'cascade', match: 'full' },
  ],
});

export const bookings = table('bookings', {
  description: 'Room bookings that may not overlap',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    region: text().notNull(),
    account_number: integer().notNull(),
    room: column('box').notNull(),
    starts_at: timestamptz().notNull(),
    ends_at: timestamptz().notNull(),
    code: text().notNull().unique({ name: 'bookings_code_key' }),
    status: text().notNull().default('held').oneOf(['held', 'confirmed', "can't"]),
  },
  checks: { bookings_period: sql`ends_at > starts_at` },
  exclusions: { bookings_no_overlap: sql`EXCLUDE USING gist (room WITH &&)` },
  foreignKeys: [
    { columns: ['region', 'account_number'], references: 'accounts', referencedColumns: ['region', 'number'], onDelete: 'cascade', deferrable: true, initiallyDeferred: true },
  ],
});

export const notes = table('notes', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    booking_id: uuid().notNull().references('bookings', 'id', { onDelete: 'restrict', onUpdate: 'no action' }),
    reply_to: uuid().references(() => notes, 'id', { onDelete: 'set null', deferrable: true }),
    body: text().notNull().check(sql`body <> ''`),
    score: integer().check(sql`score >= 0`).check(sql`score <= 10`),
  },
});

export const memberships = table('memberships', {
  description: 'When an account goes, its memberships stay in their region without it',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    region: text().notNull(),
    account_number: integer(),
  },
  foreignKeys: [{ columns: ['region', 'account_number'], references: 'accounts', referencedColumns: ['region', 'number'], onDelete: 'set null', onDeleteColumns: ['account_number'] }],
});
