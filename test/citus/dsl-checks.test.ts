import { describe, expect, it } from 'vitest';
import { buildSchema, integer, table, text, type Definition } from '../../src/dsl/index.js';
import { PgformError } from '../../src/errors.js';

/** The error building these definitions raises: code, file:line of the table and field. */
function problem(definitions: Definition[]): { message: string; where: string } {
  try {
    buildSchema(definitions);
  } catch (error) {
    expect(error).toBeInstanceOf(PgformError);
    const { code, location } = error as PgformError;
    expect(code).toBe('DEFINITION_INVALID');
    expect(location.file).toMatch(/dsl-checks\.test\.ts$/);
    return { message: (error as PgformError).message, where: `${location.line} ${location.object} ${location.field}` };
  }
  throw new Error('the definitions were accepted');
}

const line = () => Number(new Error().stack!.split('\n')[2]!.match(/:(\d+):\d+\)?$/)![1]);

const accounts = table('accounts', { distributed: { by: 'id' }, columns: { id: integer().primaryKey(), name: text() } });
const countries = table('countries', { reference: true, columns: { code: text().primaryKey() } });

describe("Citus's rules, checked in the definitions", () => {
  it('the distribution column is in every primary key and unique constraint', () => {
    const here = line() + 1;
    const orders = table('orders', { distributed: { by: 'account_id' }, columns: { id: integer().primaryKey(), account_id: integer().notNull() } });
    expect(problem([orders])).toEqual({ message: 'primary key orders_pkey (id) does not include the distribution column "account_id"', where: `${here} public.orders distributed.by` });
    const withUnique = table('items', { distributed: { by: 'tenant' }, columns: { tenant: integer(), sku: text().unique() } });
    expect(problem([withUnique]).message).toBe('unique items_sku_key (sku) does not include the distribution column "tenant"');
    expect(problem([table('t', { distributed: { by: 'nope' }, columns: { id: integer() } })]).message).toBe('distribution column "nope" does not exist in public.t');
  });

  it("a distributed table's foreign keys go to a reference table or a colocated one, through the distribution column", () => {
    const here = line() + 1;
    const notColocated = table('orders', { distributed: { by: 'account_id' }, columns: { account_id: integer().references(accounts, 'id'), id: integer() } });
    expect(problem([accounts, notColocated])).toEqual({ message: 'foreign key to public.accounts, which is not colocated with public.orders', where: `${here} public.orders foreignKeys.orders_account_id_fkey` });
    const wrongColumn = table('orders', {
      distributed: { by: 'account_id', colocateWith: accounts },
      columns: { account_id: integer(), other_id: integer().references(accounts, 'id') },
    });
    expect(problem([accounts, wrongColumn]).message).toBe('foreign key to the colocated table public.accounts does not pair the distribution columns ("account_id" with "id")');
    const local = table('notes', { columns: { id: integer().primaryKey() } });
    const toLocal = table('orders', { distributed: { by: 'id' }, columns: { id: integer(), note: integer().references(local, 'id') } });
    expect(problem([local, toLocal]).message).toBe('distributed table public.orders has a foreign key to public.notes, which is neither distributed nor a reference table');
    const fine = table('orders', { distributed: { by: 'account_id', colocateWith: 'accounts' }, columns: { account_id: integer().references(accounts, 'id'), country: text().references(countries, 'code') } });
    expect(buildSchema([accounts, countries, fine]).distributions?.['public.orders']).toEqual({ kind: 'distributed', table: 'public.orders', column: 'account_id', colocateWith: 'public.accounts', source: fine.source });
  });

  it('a reference table has no foreign key to a distributed table; options that contradict are refused', () => {
    const here = line() + 1;
    const ref = table('plans', { reference: true, columns: { code: text().primaryKey(), owner: integer().references(accounts, 'id') } });
    expect(problem([accounts, ref])).toEqual({ message: 'reference table public.plans has a foreign key to the distributed table public.accounts', where: `${here} public.plans foreignKeys.plans_owner_fkey` });
    expect(problem([table('both', { reference: true, distributed: { by: 'id' }, columns: { id: integer() } })]).message).toContain('either distributed or a reference table');
    const typed = table('orders', { distributed: { by: 'code', colocateWith: accounts }, columns: { code: text() } });
    expect(problem([accounts, typed]).message).toBe('colocates with public.accounts, whose distribution column "id" is of type integer, not text');
  });
});
