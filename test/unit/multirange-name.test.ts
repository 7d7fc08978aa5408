import { describe, expect, it } from 'vitest';
import { defaultMultirangeName } from '../../src/model/range.js';

// The names PostgreSQL 18 (PGlite) gave these range types' multiranges: an option naming the
// default must compare equal to leaving it out, so the derivation has to match byte for byte.
describe('defaultMultirangeName', () => {
  it.each([
    ['span', 'span_multirange'],
    ['floatrange', 'floatmultirange'],
    ['x_range_y_range', 'x_multirange_y_range'],
    ['Range', 'Range_multirange'],
    ['a'.repeat(60), `${'a'.repeat(52)}_multirange`],
    ['éé'.repeat(15) + 'abc', `${'é'.repeat(26)}_multirange`],
    [`ab${'range'.repeat(12)}`, `abmulti${'range'.repeat(11)}r`],
  ])('%s -> %s', (range, multirange) => {
    expect(defaultMultirangeName(range)).toBe(multirange);
  });
});
