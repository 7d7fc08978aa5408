import { describe, expect, it } from 'vitest';
import { parseTypeName } from '../../src/emit/types/pg-types.js';
import { splitColumns } from '../../src/emit/types/routines.js';

describe('printed type names', () => {
  it.each([
    ['timestamp(3) with time zone', { name: 'timestamp with time zone', array: false }],
    ['character varying(20)[]', { name: 'character varying', array: true }],
    ['interval year to month', { name: 'interval year to month', array: false }],
    ['"char"', { name: '"char"', array: false }],
    ['"char"[]', { name: '"char"', array: true }],
    ['public."char"', { schema: 'public', name: 'char', array: false }],
    ['public.mood[]', { schema: 'public', name: 'mood', array: true }],
    ['"Odd Schema.v2"."Weird ""Enum"""[]', { schema: 'Odd Schema.v2', name: 'Weird "Enum"', array: true }],
    ['"public"." "', { schema: 'public', name: ' ', array: false }],
  ])('%s', (spelling, expected) => {
    expect(parseTypeName(spelling)).toEqual(expected);
  });

  it('splits TABLE(...) columns minding quotes and modifiers', () => {
    expect(splitColumns('id uuid, "a, b" numeric(12,2), "say ""hi""" text[]')).toEqual([
      { name: 'id', type: 'uuid' },
      { name: 'a, b', type: 'numeric(12,2)' },
      { name: 'say "hi"', type: 'text[]' },
    ]);
  });
});
