import { describe, expect, it } from 'vitest';
import { keyNamesColumn } from '../../src/diff/partition-key-columns.js';

describe('keyNamesColumn', () => {
  it('finds a column named by a partition key, bare, quoted or inside an expression', () => {
    expect(keyNamesColumn('LIST (region)', 'region')).toBe(true);
    expect(keyNamesColumn('RANGE (id, taken_on)', 'taken_on')).toBe(true);
    expect(keyNamesColumn('RANGE (lower((name)::text))', 'name')).toBe(true);
    expect(keyNamesColumn('LIST ("Region")', 'Region')).toBe(true);
  });
  it('ignores other columns, longer names, types and functions of the same name', () => {
    expect(keyNamesColumn('LIST (region_code)', 'region')).toBe(false);
    expect(keyNamesColumn('RANGE (((at)::date))', 'date')).toBe(false);
    expect(keyNamesColumn('LIST (public.region(id))', 'region')).toBe(false);
    expect(keyNamesColumn('LIST ("Region")', 'region')).toBe(false);
  });
});
