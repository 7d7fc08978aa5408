import { column, domain, sql, table, uuid } from 'pgform';

export const email = domain('email', 'text', { description: 'An e-mail address', checks: { email_has_at: sql`VALUE ~ '@'` } });

export const percent = domain('percent', 'numeric(5,2)', { notNull: true, default: sql`0`, checks: { percent_range: sql`VALUE BETWEEN 0 AND 100` } });

export const positive = domain('positive', 'integer', { checks: { positive_value: sql`VALUE > 0` } });

export const workEmail = domain('work_email', 'public.email', { checks: { work_domain: sql`VALUE LIKE '%@work.example'` } });

export const scores = domain('scores', 'integer[]', { default: sql`'{}'::integer[]` });

export const moment = domain('moment', 'timestamp with time zone', { notNull: true });

export const contacts = table('contacts', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    email: email.column().notNull(),
    backup_email: email.column(),
    work: workEmail.column(),
    share: percent.column().describe('NOT NULL domain with a default: never null, optional on insert'),
    rank: positive.column(),
    history: scores.column(),
    seen_at: moment.column(),
    seen_default: moment.column().default(sql`now()`),
    aliases: column('public.email[]').describe('An array of a domain: returned as text'),
  },
});
