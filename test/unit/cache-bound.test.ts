import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundCache, readCached, writeCached } from '../../src/cache.js';

describe('a bounded cache folder', () => {
  it('keeps its newest entries only, and every entry it keeps reads back whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgform-cache-bound-'));
    try {
      boundCache(dir, 3);
      for (let i = 1; i <= 3; i++) {
        writeCached(dir, `entry-${i}`, { i });
        // Written a second apart, as separate runs would be: the folder orders them by time.
        const at = new Date(Date.now() - (10 - i) * 1000);
        utimesSync(join(dir, `entry-${i}.json`), at, at);
      }
      expect(readdirSync(dir).sort()).toEqual(['entry-1.json', 'entry-2.json', 'entry-3.json']);
      writeCached(dir, 'entry-4', { i: 4 });
      writeCached(dir, 'entry-5', { i: 5 });
      const kept = readdirSync(dir).sort();
      expect(kept).toHaveLength(3);
      expect(kept).toEqual(expect.arrayContaining(['entry-3.json', 'entry-4.json', 'entry-5.json']));
      expect(readCached(dir, 'entry-5')).toEqual({ i: 5 });
      expect(readCached(dir, 'entry-1')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
