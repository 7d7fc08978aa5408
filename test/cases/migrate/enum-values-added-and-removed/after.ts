import { rpc, sql, table, text, uuid, enumType } from 'pgform';

export const status = enumType('status', ['draft', 'open', 'waiting', 'closed'], { description: 'Ticket status' });

export const tickets = table('tickets', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    subject: text().notNull(),
    status: status.column().notNull().default('draft'),
    history: status.column().array(),
  },
  indexes: { tickets_status: { on: ['status'] } },
  rls: true,
  policies: { 'Open tickets are public': { for: 'select', using: sql`public.is_visible(status)` } },
});

export const isVisible = rpc('is_visible', {
  args: { s: status },
  returns: 'boolean',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT s <> 'draft'`,
});
