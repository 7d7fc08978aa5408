import { describe, expect, it } from 'vitest';
import { callsIn } from '../../src/lint/expression.js';
import { readStatement } from '../../src/lint/sql-reader.js';

describe('callsIn: which calls an initPlan evaluates once', () => {
  const auth = (sql: string) => callsIn(sql).filter((call) => call.name.startsWith('auth.'));
  it.each([
    ['user_id = auth.uid()', 'auth.uid', false],
    ['(select auth.uid()) = user_id', 'auth.uid', true],
    ['( SELECT auth.uid() AS uid) = user_id', 'auth.uid', true],
    ['EXISTS (SELECT 1 FROM x WHERE x.o = auth.uid())', 'auth.uid', false],
    ['EXISTS (SELECT 1 FROM x WHERE x.o = (select auth.uid()))', 'auth.uid', true],
    ["(select auth.jwt() ->> 'role') = 'admin'", 'auth.jwt', true],
    ['public.f(tenant_id, (SELECT auth.uid() AS uid))', 'auth.uid', true],
    ['"auth"."uid"() = owner', 'auth.uid', false],
  ])('%s', (sql, name, wrapped) => {
    expect(auth(sql)).toEqual([{ name, wrapped }]);
  });
  it('ignores names inside string literals and comments', () => {
    expect(auth("note = 'auth.uid()' -- auth.uid()")).toEqual([]);
  });
});

describe('readStatement: the DDL the migration rules need', () => {
  it('reads CREATE TABLE columns, types and keys', () => {
    const [action] = readStatement('CREATE TABLE IF NOT EXISTS "Items" (id serial PRIMARY KEY, name varchar(40) NOT NULL DEFAULT \'x\', at timestamp(3) without time zone, CONSTRAINT c CHECK (true))');
    expect(action).toMatchObject({ kind: 'create table', table: 'public.Items', primaryKey: ['id'] });
    expect(action!.kind === 'create table' && action!.columns.map((c) => [c.name, c.type, c.notNull, c.default])).toEqual([
      ['id', 'serial', true, undefined],
      ['name', 'varchar(40)', true, "'x'"],
      ['at', 'timestamp(3) without time zone', false, undefined],
    ]);
  });
  it('reads each action of a multi-action ALTER TABLE', () => {
    expect(readStatement('ALTER TABLE ONLY app.t ADD COLUMN a int NOT NULL, ALTER COLUMN b SET NOT NULL, ALTER COLUMN c TYPE bigint USING c::bigint, DROP COLUMN IF EXISTS d, ADD CONSTRAINT f FOREIGN KEY (x) REFERENCES y (id) NOT VALID').map((a) => a.kind)).toEqual([
      'add column',
      'set not null',
      'alter column type',
      'drop column',
      'add constraint',
    ]);
  });
  it('reads CREATE INDEX CONCURRENTLY or ON ONLY, renames and SET', () => {
    expect(readStatement('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON public.t USING btree (a)')).toEqual([{ kind: 'create index', table: 'public.t', online: true }]);
    // ON ONLY a partitioned table builds nothing: each partition's index is built and attached.
    expect(readStatement('CREATE INDEX i ON ONLY public.t USING btree (a)')).toEqual([{ kind: 'create index', table: 'public.t', online: true }]);
    expect(readStatement('CREATE INDEX i ON public.t (a)')).toEqual([{ kind: 'create index', table: 'public.t', online: false }]);
    expect(readStatement('ALTER TABLE t RENAME COLUMN a TO b')).toEqual([{ kind: 'rename column', table: 'public.t', column: 'a', to: 'b' }]);
    expect(readStatement("SET LOCAL lock_timeout = '5s'")).toEqual([{ kind: 'set', name: 'lock_timeout', local: true }]);
  });
  it('yields nothing for statements it does not know', () => {
    expect(readStatement('CREATE FUNCTION f() RETURNS int AS $$ ALTER TABLE t DROP COLUMN a $$ LANGUAGE sql')).toEqual([]);
    expect(readStatement('GRANT SELECT ON t TO anon')).toEqual([]);
  });
});
