import { citusStandInSql } from '../../src/engine/citus-standin.js';

/** The stand-in for Citus's coordinator API (see its header). */
export const citusStandIn = citusStandInSql;

/**
 * Definitions using every Citus option: a reference table, a distributed table leading a
 * colocation group of 4 shards, a table colocated with it whose foreign keys go to both, and two
 * tables distributed alone. `redistributed` changes three distributions in place: the group's
 * shard count (8), events joining the group, visits distributed by another column.
 */
export const citusDefinitions = (options: { eventsDistributed?: boolean; redistributed?: boolean; schema?: string } = {}) => {
  const moved = options.redistributed === true;
  const schema = options.schema ?? 'public';
  const inSchema = schema === 'public' ? '' : ` schema: '${schema}',`;
  return `import { integer, schema, table, text } from 'pgform';
${schema === 'public' ? '' : `export const ns = schema('${schema}');\n`}export const countries = table('countries', {${inSchema} reference: true, columns: { code: text().primaryKey(), name: text().notNull() } });
export const accounts = table('accounts', {${inSchema} distributed: { by: 'id', shardCount: ${moved ? 8 : 4} }, columns: { id: integer().primaryKey(), name: text().notNull() } });
export const orders = table('orders', {${inSchema}
  distributed: { by: 'account_id', colocateWith: accounts },
  columns: { account_id: integer().notNull().references(accounts, 'id'), id: integer().notNull(), country: text().references(countries, 'code') },
  primaryKey: ['account_id', 'id'],
});
export const events = table('events', {${inSchema}${options.eventsDistributed === false ? '' : moved ? ' distributed: { by: \'id\', colocateWith: accounts },' : " distributed: { by: 'id' },"} columns: { id: integer().primaryKey(), body: text() } });
export const visits = table('visits', {${inSchema} distributed: { by: '${moved ? 'account_id' : 'id'}' }, columns: { id: integer().notNull(), account_id: integer().notNull() }, primaryKey: ['id', 'account_id'] });
`;
};
