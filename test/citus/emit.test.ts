import { describe, expect, it } from 'vitest';
import { buildSchema, integer, table, text } from '../../src/dsl/index.js';
import { renderDocs } from '../../src/emit/docs/index.js';
import { renderTypes } from '../../src/emit/types/index.js';

const countries = table('countries', { reference: true, description: 'ISO countries', columns: { code: text().primaryKey() } });
const accounts = table('accounts', { distributed: { by: 'id', shardCount: 8 }, columns: { id: integer().primaryKey() } });
const orders = table('orders', { distributed: { by: 'account_id', colocateWith: accounts }, columns: { account_id: integer().references(accounts, 'id'), country: text().references(countries, 'code') } });
const notes = table('notes', { columns: { id: integer().primaryKey() } });
const schema = buildSchema([countries, accounts, orders, notes]);

describe('how each table is distributed, in types and docs', () => {
  it('the Kysely interfaces say where the rows live', () => {
    const types = renderTypes(schema);
    expect(types).toMatch(/\/\*\*\n \* ISO countries\n \*\n \* Citus: reference\.\n \*\/\nexport interface Countries/);
    expect(types).toContain('/** Citus: distributed by account_id, colocated with public.accounts. */\nexport interface Orders {');
    expect(types).toContain('/** Citus: distributed by id, 8 shards. */\nexport interface Accounts {');
    expect(types).toContain('}\n\nexport interface Notes {');
  });

  it('the docs have a Distribution column and the colocation groups', () => {
    const docs = renderDocs(schema);
    expect(docs).toContain('| Table | Purpose | Columns | RLS | Policies | Distribution |');
    expect(docs).toContain('| [`orders`](#table-orders) |   | 2 | **off** | 0 | by `account_id`, colocated with [`accounts`](#table-accounts) |');
    expect(docs).toContain('| [`countries`](#table-countries) | ISO countries | 1 | **off** | 0 | reference (on every node) |');
    expect(docs).toContain('| [`notes`](#table-notes) |   | 1 | **off** | 0 |   |');
    expect(docs).toMatch(/Colocation groups\n\n.*\n\n1\. \[`accounts`\]\(#table-accounts\), \[`orders`\]\(#table-orders\)$/m);
    expect(renderDocs(buildSchema([notes]))).not.toContain('Distribution');
  });
});
