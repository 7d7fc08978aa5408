import { readdirSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCanonical, writeCanonical } from '../../src/canonical/stored.js';
import type { Schema } from '../../src/model/schema.js';
import { scratchFolder } from '../support/scratch.js';

const dir = scratchFolder('canonical-stored');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema = {
  namespaces: { public: { name: 'public' } },
  tables: {},
  dependencies: [{ from: { type: 'index', id: 'public.items_kind_idx' }, on: { type: 'type', id: 'public.kind' } }],
} as unknown as Schema;

describe('canonical models in the cache', () => {
  it('reads back the same model, edges included and in the same place, with the edges stored beside it', () => {
    writeCanonical(dir, 'with-edges', schema);
    expect(readdirSync(dir).sort()).toEqual(['with-edges-dependencies.json', 'with-edges.json']);
    const read = readCanonical(dir, 'with-edges')!;
    expect(JSON.stringify(read)).toBe(JSON.stringify(schema));
    expect(read.dependencies).toEqual(schema.dependencies);
    read.dependencies = [];
    expect(read.dependencies).toEqual([]);
  });

  it('a model without edges is stored alone', () => {
    const { dependencies: _edges, ...bare } = schema;
    writeCanonical(dir, 'bare', bare as Schema);
    expect(readCanonical(dir, 'bare')).toEqual(bare);
    expect(readdirSync(dir)).not.toContain('bare-dependencies.json');
  });

  it('a model whose edges are gone is a miss, never a model without them', () => {
    writeCanonical(dir, 'lost-edges', schema);
    unlinkSync(join(dir, 'lost-edges-dependencies.json'));
    expect(readCanonical(dir, 'lost-edges')).toBeUndefined();
  });
});
