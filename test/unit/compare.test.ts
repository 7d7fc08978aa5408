import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameValue, stableText } from '../../src/model/compare.js';

/** A model-like value: records, arrays (some of them table columns), strings, numbers, booleans, null. */
const column = fc.record({ name: fc.constantFrom('id', 'a', 'b', 'B', 'é'), type: fc.constantFrom('text', 'int'), notNull: fc.boolean() }, { requiredKeys: ['name', 'notNull'] });
const leaf = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 2 }), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.array(column, { maxLength: 4 }), tie('record')),
  record: fc.dictionary(fc.constantFrom('name', 'kind', 'group', 'note', 'source', 'renamedFrom', 'x', 'y', 'columns'), fc.option(tie('value'), { nil: undefined }), { maxKeys: 4 }),
})).value;

/** The same value as a model reader might produce it: keys in another order, columns in another order. */
function reshuffled(input: unknown): unknown {
  if (Array.isArray(input)) return [...input].reverse().map(reshuffled).reverse();
  if (input === null || typeof input !== 'object') return input;
  return Object.fromEntries(Object.entries(input).reverse().map(([key, item]) => [key, reshuffled(item)]));
}

describe('sameValue', () => {
  it('agrees with comparing stable texts, for any two values', () => {
    fc.assert(fc.property(value, value, (a, b) => sameValue(a, b) === (stableText(a) === stableText(b))), { numRuns: 3000 });
  });

  it('ignores documentation-only and undefined fields, key order and table column order', () => {
    fc.assert(fc.property(value, (a) => sameValue(a, reshuffled(a)) && sameValue(a, structuredClone(a))), { numRuns: 1000 });
    const columns = [{ name: 'b', notNull: true }, { name: 'a', notNull: false }];
    expect(sameValue({ columns, group: 'x', note: undefined }, { columns: [...columns].reverse(), source: { file: 'f', line: 1 } })).toBe(true);
    expect(sameValue({ columns }, { columns: [{ name: 'b', notNull: true }, { name: 'a', notNull: true }] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
});
