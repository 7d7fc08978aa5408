import { bigint, bytea, integer, jsonb, numeric, table, text } from 'pgform';

// lz4 is left out: PGlite is built without it (test/cases/diff/column-settings/compression-lz4 runs on PostgreSQL).
export const documents = table('documents', {
  columns: {
    id: bigint().primaryKey(),
    body: text().storage('external').describe('Read by substring: kept out of line, uncompressed'),
    attributes: jsonb().storage('main').compression('pglz'),
    thumbnail: bytea().compression('pglz'),
    tenant_id: integer().notNull().statistics(1000).options({ n_distinct: 250 }),
    country: text().options({ n_distinct: -0.05, n_distinct_inherited: 1200 }),
    rare_flag: text().statistics(0),
    // The types' own defaults: no setting of their own, as the server reads them back.
    title: text().storage('extended'),
    price: numeric(12, 2).storage('main'),
  },
});
