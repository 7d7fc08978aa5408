import { bigint, column, domain, enumType, integer, sequence, sql, table, text, uuid } from 'pgform';

export const mood = enumType('mood', ['sad', 'ok', "it's \"fine\"", 'back\\slash'], { description: 'How it feels' });

export const email = domain('email', 'text', {
  description: 'An e-mail address',
  checks: { email_has_at: sql`VALUE ~ '@'`, email_not_blank: sql`length(VALUE) > 3`, email_short: { expression: sql`length(VALUE) < 320`, notValid: true } },
});

export const percent = domain('percent', 'numeric(5,2)', { notNull: true, default: sql`0`, checks: { percent_range: sql`VALUE BETWEEN 0 AND 100` } });

export const ticketNumbers = sequence('ticket_numbers', { start: 100, increment: 5, cache: 10, description: 'Ticket numbers' });

export const countdown = sequence('countdown', { type: 'integer', increment: -1, cycle: true });

export const scratchIds = sequence('scratch_ids', { unlogged: true, cache: 20 });

export const tickets = table('tickets', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    number: bigint().notNull().default(sql`nextval('public.ticket_numbers'::regclass)`),
    reporter: email.column().notNull(),
    feeling: mood.column().default("it's \"fine\""),
    moods: mood.column().array(),
    done: percent.column(),
    title: text().notNull(),
  },
});

export const serials = table('serials', {
  columns: {
    id: integer().notNull().default(sql`nextval('public.serials_id_seq'::regclass)`).primaryKey(),
    label: column('character varying(40)'),
  },
});

export const serialsId = sequence('serials_id_seq', { type: 'integer', ownedBy: { table: 'serials', column: 'id' } });
