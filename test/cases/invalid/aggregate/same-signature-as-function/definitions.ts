import { aggregate, rpc, sql } from 'pgform';

export const total = rpc('total', { args: { n: 'integer' }, returns: 'integer', language: 'sql', body: sql`SELECT n` });

export const totalAggregate = aggregate('total', { args: { $1: 'integer' }, sfunc: 'int4pl', stype: 'integer' });
