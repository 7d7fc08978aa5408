import { collation, domain, integer, table, text, varchar } from 'pgform';

export const bytewise = collation('bytewise', { locale: 'C', description: 'plain byte order' });

export const posixOrder = collation('Posix Order', { provider: 'libc', lcCollate: 'POSIX', lcCtype: 'POSIX' });

export const code = domain('code', 'text', { collation: '"C"' });

export const words = table('words', {
  columns: {
    id: integer().primaryKey(),
    word: text().collate('"C"').notNull(),
    alt: varchar(20).collate('POSIX'),
    own: text().collate('public.bytewise'),
    spaced: text().collate('public."Posix Order"'),
  },
});
