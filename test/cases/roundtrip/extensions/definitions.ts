import { column, extension, sql, table, text, uuid } from 'pgform';

export const citext = extension('citext');
export const trigrams = extension('pg_trgm', { description: 'similarity search on people.name' });
export const uuidOssp = extension('uuid-ossp', { schema: 'extensions' });

export const people = table('people', {
  columns: {
    id: uuid().primaryKey().default(sql`extensions.uuid_generate_v4()`),
    email: column('citext').notNull().unique(),
    name: text().notNull(),
  },
  indexes: { people_name_trgm: { on: ['name gin_trgm_ops'], using: 'gin' } },
});
