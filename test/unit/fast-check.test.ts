import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as shapes from '../../src/dsl/guard.js';
import { surelyValid } from '../../src/dsl/fast-check.js';
import { sql, text, uuid } from '../../src/index.js';

/** A seeded generator, so a failure names the values that reproduce it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const oddValues: unknown[] = ['', ' ', 'x', 'public', 'CASCADE', 'always', 'a.b', '9', '-1', 0, 1, -1, 1.5, 10001, NaN, Infinity, 2 ** 60, 0n, 1n, true, false, null, undefined, [], {}, () => 1, Symbol('s')];

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[]; innerType?: z.ZodType; valueType?: z.ZodType; keyType?: z.ZodType; entries?: Record<string, string>; values?: unknown[]; getter?: () => z.ZodType };
const defOf = (shape: z.ZodType) => (shape as unknown as { _zod: { def: Def } })._zod.def;

/** A value shaped after `shape` most of the time, with odd values, missing and extra keys mixed in. */
function valueFor(shape: z.ZodType, next: () => number, depth = 0): unknown {
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  if (next() < 0.12 || depth > 5) return pick(oddValues);
  const def = defOf(shape);
  switch (def.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(def.shape!)) if (next() < 0.6) value[key] = valueFor(inner, next, depth + 1);
      if (next() < 0.1) value.unexpected = 1;
      return value;
    }
    case 'record': {
      const value: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 3); i > 0; i--) value[pick(['a', 'b_c', '', 'toast.fillfactor', 'Bad-Key'])] = valueFor(def.valueType!, next, depth + 1);
      return value;
    }
    case 'array':
      return Array.from({ length: Math.floor(next() * 3) }, () => valueFor(def.element!, next, depth + 1));
    case 'union':
      return valueFor(pick(def.options!), next, depth + 1);
    case 'optional':
      return next() < 0.3 ? undefined : valueFor(def.innerType!, next, depth + 1);
    case 'lazy':
      return valueFor(def.getter!(), next, depth + 1);
    case 'enum':
      return pick(Object.values(def.entries!));
    case 'literal':
      return pick(def.values!);
    case 'string':
      return pick(['', 'x', 'fillfactor', 'a b', 'rls_disabled_in_public', '  ', '-12', 'id']);
    case 'number':
      return pick([0, 1, -1, 0.5, 10000, 10001, 64001, 2 ** 53]);
    case 'boolean':
      return next() < 0.5;
    case 'bigint':
      return pick([0n, 1n, -5n]);
    default:
      return pick(oddValues);
  }
}

const exported = Object.entries(shapes as Record<string, unknown>).filter((entry): entry is [string, z.ZodType] => typeof entry[1] === 'object' && entry[1] !== null && '_zod' in entry[1]);

describe('the quick reading of a shape (surelyValid)', () => {
  it('never accepts what zod refuses', () => {
    expect(exported.length).toBeGreaterThan(20);
    let sure = 0;
    for (const [name, shape] of exported) {
      const next = random(name.length * 7919);
      for (let i = 0; i < 3000; i++) {
        const value = valueFor(shape, next);
        if (!surelyValid(shape, value)) continue;
        sure++;
        expect(shape.safeParse(value).success, `${name}: ${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`).toBe(true);
      }
    }
    // The generator reaches values it is sure of, not only refusals.
    expect(sure).toBeGreaterThan(5000);
  });

  it('is sure of what definitions usually pass, so zod is not asked', () => {
    const table = {
      description: 'One row per auth user',
      columns: { id: uuid().primaryKey(), name: text().notNull() },
      indexes: { users_name_idx: { on: ['name'] } },
      rls: true,
      policies: { 'Readable by owner': { for: 'select', to: 'authenticated', using: sql`id = auth.uid()` } },
      triggers: { touch: { timing: 'before', events: ['update'], function: 'public.touch' } },
      grants: [{ to: 'anon', privileges: ['select'] }],
      lint: { allow: { rls_disabled_in_public: 'a reason' } },
    };
    expect(surelyValid(shapes.tableShape, table)).toBe(true);
    expect(surelyValid(shapes.columnDefaultShape, { sql: 'now()' })).toBe(true);
    expect(surelyValid(shapes.columnDefaultShape, ['a', 1, { b: null }])).toBe(true);
    expect(surelyValid(shapes.identityShape, { always: true, start: 1000, increment: '10' })).toBe(false);
    expect(shapes.identityShape.safeParse({ always: true, start: 1000, increment: '10' }).success).toBe(true);
  });
});
