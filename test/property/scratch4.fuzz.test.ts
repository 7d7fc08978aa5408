import { it } from 'vitest';
import { findings as base } from './findings.js';
import { runPair } from './run-pair.js';
import { openCaseDatabase } from './database.js';
import { pgliteEngine, postgresEngine } from '../support/engines.js';
import { exclusions } from './exclusions.js';
import type { Spec } from './spec.js';

const t = (name: string, cType: string) => ({ schema: 'public', name, columns: [{ name: 'id', type: 'integer', notNull: false }, { name: 'c', type: cType, notNull: false }], primaryKey: [], uniques: [], foreignKeys: [], indexes: [], triggers: [], rls: { enabled: false, forced: false }, policies: [], grants: [] });
const s = (table: string, cType: string, materialized: boolean, base: string): Spec => ({ namespaces: [], enums: [], functions: [], triggerFunctions: [], tables: [t(table, cType)], views: [{ schema: 'public', name: 'v', base, columns: ['id'], filter: 'c', materialized, grants: [] }] });
const extra = [
  { id: 'X1', title: 'matview on t', a: s('t', 'integer', true, 'public.t'), b: s('t', 'bigint', true, 'public.t') },
  { id: 'X2', title: 'view on a"b', a: s('a"b', 'integer', false, 'public."a""b"'), b: s('a"b', 'bigint', false, 'public."a""b"') },
];
const fnv = (arg: 'uuid' | 'text'): Spec => ({ namespaces: [], enums: [], functions: [{ schema: 'public', name: 'allowed', language: 'sql', argument: { name: 'p', type: arg }, variant: 0, volatility: 'stable', securityDefiner: false }], triggerFunctions: [], tables: [t('t', 'integer')], views: [{ schema: 'public', name: 'v', base: 'public.t', columns: ['id'], call: 'allowed', materialized: false, grants: [] }] });
const ins = (cols: string[]): Spec => ({ namespaces: [], enums: [], functions: [], triggerFunctions: [], tables: [{ ...t('t', 'integer'), columns: cols.map((name) => ({ name, type: 'integer', notNull: false })) }], views: [] });
extra.push({ id: 'X3', title: 'view calls function; signature changes', a: fnv('uuid'), b: fnv('text') });
extra.push({ id: 'X4', title: 'column inserted in the middle', a: ins(['a', 'c']), b: ins(['a', 'b', 'c']) });
const en = (name: string, schema: string): Spec => ({ namespaces: schema === 'public' ? [] : [schema], enums: [{ schema, name, values: ['new', 'old'] }], functions: [], triggerFunctions: [], tables: [{ ...t('t', 'integer'), columns: [{ name: 's', type: `@${name}`, notNull: false }] }], views: [] });
const shrink = (x: Spec): Spec => { const y = structuredClone(x); y.enums[0]!.values = ['new']; return y; };
for (const [id, name, schema] of [['E1', 'Mood', 'public'], ['E2', 'kind"s', 'public'], ['E3', 'status', 'App "Data"'], ['E4', 'a b', 'public']] as const) extra.push({ id, title: `${name} in ${schema}`, a: en(name, schema), b: shrink(en(name, schema)) });
const f3 = base.find((f) => f.id === 'F3')!;
extra.push({ id: 'V1', title: 'F3 with table dropped', a: f3.a, b: { ...f3.b, tables: [], functions: [] } });
const f12 = base.find((f) => f.id === 'F12')!;
const swap = (x: Spec): Spec => JSON.parse(JSON.stringify(x).replaceAll('"a"', '"z"').replaceAll('public.a', 'public.z').replaceAll('a_id', 'z_id'));
extra.push({ id: 'V2', title: 'F12 with referenced table sorting last', a: swap(f12.a), b: swap(f12.b) });
const findings = [...base, ...extra];

it('findings', async () => {
  Object.assign(exclusions, { uniqueSameAsPrimaryKey: false, viewOnQuotedRelation: false });
  const engine = process.env.ENGINE === 'postgres' ? postgresEngine : pgliteEngine;
  const db = await openCaseDatabase(engine);
  for (const f of findings.filter((x) => !process.env.F || process.env.F.split(',').includes(x.id))) {
    const r = await runPair(db.conn, f.a, f.b);
    console.log(`##### ${f.id} ${f.title}\nstage: ${r.stage ?? 'PASS'}\n${r.error ?? ''}\n${JSON.stringify(r.differences ?? [])}\n${JSON.stringify(r.remaining ?? [])}\n-- a\n${r.sqlA ?? ''}\n-- plan\n${r.sqlPlan ?? ''}`);
  }
  await db.dispose();
}, 600_000);
