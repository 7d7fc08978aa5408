import { type ColumnSpec, type Spec, type TableSpec } from './spec.js';

/**
 * The minimal pairs behind FINDINGS.md: each is the smallest (a, b) that still shows one
 * failure the property found. `findings.test.ts` pins them (each must still fail, and turns red
 * once it passes, so its exclusion can be lifted).
 */
export interface Finding {
  id: string;
  title: string;
  a: Spec;
  b: Spec;
  /** Builder exclusions the pair needs switched off to be built at all. */
  needs?: ('uniqueSameAsPrimaryKey' | 'viewOnQuotedRelation')[];
}

const col = (name: string, type: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, type, notNull: false, ...extra });

function tbl(name: string, columns: ColumnSpec[], extra: Partial<TableSpec> = {}): TableSpec {
  return { schema: 'public', name, columns, primaryKey: [], uniques: [], foreignKeys: [], indexes: [], triggers: [], rls: { enabled: false, forced: false }, policies: [], grants: [], ...extra };
}

function spec(parts: Partial<Spec>): Spec {
  return { namespaces: [], enums: [], functions: [], triggerFunctions: [], tables: [], views: [], ...parts };
}

const rls = { enabled: true, forced: false };
const fn = { schema: 'public', name: 'allowed', language: 'sql' as const, variant: 0 as const, volatility: 'stable' as const, securityDefiner: false };
const touch = { name: 'touch', variant: 0 as const };

export const findings: Finding[] = [
  {
    id: 'F1',
    title: 'UNIQUE on the primary key columns vanishes in CREATE TABLE',
    a: spec({ tables: [tbl('t', [col('id', 'integer', { unique: true })], { primaryKey: ['id'] })] }),
    b: spec({ tables: [tbl('t', [col('id', 'integer', { unique: true }), col('note', 'text')], { primaryKey: ['id'] })] }),
    needs: ['uniqueSameAsPrimaryKey'],
  },
];
