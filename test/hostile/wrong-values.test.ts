import { describe, expect, it } from 'vitest';
import { enumType, rpc, schema, sequence, sql, table, text, uuid, view } from '../../src/dsl/index.js';
import type { Definition } from '../../src/dsl/build.js';
import { runDefinitions } from './mutation/outcome.js';

/** Casts a wrong value past the types, as an untyped (JavaScript) definitions file would pass it. */
const wrong = <T>(value: unknown) => value as T;

interface Repro {
  name: string;
  make: () => Definition[];
  /** A known bug: the repro must fail until it is fixed (FINDINGS.md), then the pin must go. */
  pinned?: string;
}

const id = () => uuid().primaryKey();

/**
 * Minimal repros of wrong values given to builders. Each must end in a PgformError that names
 * its code and location (never a TypeError, never "error INTERNAL", never silently accepted).
 */
const repros: Repro[] = [
  { name: 'a column that is not a builder', make: () => [table('t', { columns: { id: wrong('uuid') } })] },
  { name: 'a column left undefined', make: () => [table('t', { columns: { id: wrong(undefined) } })] },
  { name: 'an empty table name', make: () => [table('', { columns: { id: id() } })] },
  { name: 'a name with a NUL byte', make: () => [table('a\0b', { columns: { id: id() } })] },
  { name: 'no columns', make: () => [table('t', { columns: {} })] },
  { name: 'an index on no keys', make: () => [table('t', { columns: { id: id() }, indexes: { i: { on: [] } } })] },
  { name: 'a check on a table in an undeclared schema', make: () => [table('t', { schema: 'nope', columns: { id: id() }, checks: { c: sql`true` } })] },
  { name: 'an enum value over 63 bytes', make: () => [enumType('e', ['x'.repeat(64)])] },
  { name: 'an empty enum value', make: () => [enumType('e', [''])] },
  { name: 'a schema declared twice', make: () => [schema('crm'), schema('crm')] },
  { name: 'sequence increment 1.5 (a number, as typed)', make: () => [sequence('s', { increment: 1.5 })] },
  { name: 'sequence start "x"', make: () => [sequence('s', { start: wrong('x') })] },
  { name: 'table options undefined', make: () => [table('t', wrong(undefined))] },
  { name: 'columns undefined', make: () => [table('t', wrong({}))] },
  { name: 'a table name that is a number', make: () => [table(wrong(42), { columns: { id: id() } })] },
  { name: 'a schema option that is a number', make: () => [table('t', { schema: wrong(1), columns: { id: id() } })] },
  { name: 'enum values undefined', make: () => [enumType('e', wrong(undefined))] },
  { name: 'enum values as one string (split into letters)', make: () => [enumType('e', wrong('abc'))] },
  { name: 'a description that is a number', make: () => [table('t', { columns: { id: id() }, description: wrong(42) })] },
  { name: 'a column description that is a number', make: () => [table('t', { columns: { id: id(), x: text().describe(wrong(1)) } })] },
  {
    name: 'trigger events as one string',
    make: () => [table('t', { columns: { id: id() }, triggers: { tr: { timing: 'before', events: wrong('update'), function: 'f' } } })],
  },
  { name: 'policy roles as a number', make: () => [table('t', { columns: { id: id() }, rls: true, policies: { p: { to: wrong(1) } } })] },
  { name: 'a routine without a body', make: () => [rpc('f', wrong({ returns: 'integer' }))] },
  { name: 'a routine returning a number', make: () => [rpc('f', { returns: wrong(1), body: sql`SELECT 1` })] },
  { name: 'a routine body that is a number', make: () => [rpc('f', { returns: 'integer', language: 'sql', body: wrong({ sql: 1 }) })] },
  { name: 'a view without a query', make: () => [view('v', wrong({}))] },
  { name: 'a reference to undefined', make: () => [table('t', { columns: { id: id(), x: uuid().references(wrong(undefined)) } })] },
  { name: 'index keys as one string', make: () => [table('t', { columns: { id: id() }, indexes: { i: { on: wrong('id') } } })] },
];

describe('wrong values given to builders', () => {
  for (const repro of repros) {
    const test = repro.pinned ? it.fails : it;
    test(repro.pinned ? `${repro.name} (pinned: ${repro.pinned})` : repro.name, () => {
      const outcome = runDefinitions(repro.make);
      expect(outcome.kind === 'bug' ? `${outcome.stage}: ${outcome.message}` : outcome.kind).toBe('error');
    });
  }
});
