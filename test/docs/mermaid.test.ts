import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/emit/docs/context.js';
import { allDiagrams, maxTables } from '../../src/emit/docs/mermaid.js';
import { emptySchema, type Schema, type Table } from '../../src/model/schema.js';
import { expectValidDiagram, strictProblems } from './checks.js';

describe('Mermaid ER diagrams', () => {
  it('rejects what Mermaid cannot read, so a passing check means something', async () => {
    expect(strictProblems('erDiagram\n  a-b {\n    timestamp with time zone x\n  }')).toEqual(['  a-b {', '    timestamp with time zone x']);
    await expect(mermaid.parse('erDiagram\n  end {\n    uuid id PK\n  }')).rejects.toThrow();
    await expect(mermaid.parse('erDiagram\n  a {\n    timestamp with time zone x\n  }')).rejects.toThrow();
    await expect(mermaid.parse('erDiagram\n  a {\n    text pk\n  }')).rejects.toThrow();
  });

  it('splits a large group into connected parts of at most maxTables tables', async () => {
    const schema: Schema = emptySchema();
    const count = 2 * maxTables + 7;
    for (let i = 0; i < count; i++) {
      const tableName = `t${String(i).padStart(2, '0')}`;
      const t: Table = {
        schema: 'public',
        name: tableName,
        group: 'Big',
        columns: [
          { name: 'id', type: 'integer', notNull: true },
          { name: 'parent_id', type: 'integer', notNull: false },
        ],
        constraints: { [`${tableName}_pkey`]: { kind: 'primary key', name: `${tableName}_pkey`, columns: ['id'] } },
        indexes: {},
        triggers: {},
        policies: {},
        rls: { enabled: true, forced: false },
        grants: [],
      };
      // Two chains interleaved by name (even and odd tables), so name order is not connected order.
      if (i >= 2) {
        t.constraints[`${tableName}_parent_fkey`] = {
          kind: 'foreign key', name: `${tableName}_parent_fkey`, columns: ['parent_id'],
          references: { table: `public.t${String(i - 2).padStart(2, '0')}`, columns: ['id'] }, onDelete: 'NO ACTION', onUpdate: 'NO ACTION',
        };
      }
      schema.tables[`public.${tableName}`] = t;
    }
    const diagrams = allDiagrams(buildContext(schema));
    expect(diagrams.length).toBe(3);
    expect(diagrams.every((d) => d.tables.length <= maxTables)).toBe(true);
    expect(diagrams.flatMap((d) => d.tables).sort()).toEqual(Object.keys(schema.tables).sort());
    // The first part holds the even chain's tables together, not every other table by name.
    const evens = diagrams[0]!.tables.filter((id) => Number(id.slice(-2)) % 2 === 0);
    expect(evens.length).toBe(diagrams[0]!.tables.length);
    for (const diagram of diagrams) await expectValidDiagram(diagram.source);
  });
});
