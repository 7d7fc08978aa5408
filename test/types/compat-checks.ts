import type { Column, Schema } from '../../src/model/schema.js';

/**
 * Element types whose arrays node-postgres (pg-types 2) parses into JavaScript arrays; arrays of
 * anything else, enums and domains included, arrive as text. Kept apart from the emitter's own
 * table on purpose: this list states what the comparison expects.
 */
const parsedArrayElements = new Set([
  'smallint', 'integer', 'bigint', 'real', 'double precision', 'numeric', 'oid', 'boolean', 'text', 'character varying',
  'character', 'bpchar', 'uuid', 'money', 'json', 'jsonb', 'bytea', 'date', 'timestamp without time zone',
  'timestamp with time zone', 'time without time zone', 'time with time zone', 'interval', 'inet', 'cidr', 'macaddr',
  'point', 'regproc', 'numrange',
]);

type Aspect = 'select' | 'insert' | 'update';

/** Why pgform's type of a column deliberately differs from kysely-codegen's, per aspect. */
export type Difference = 'generated-always' | 'array-as-text' | 'numeric-array' | 'not-null-domain' | 'domain-default' | 'date-shadowed' | 'composite';

const dateTypes = new Set(['date', 'timestamp without time zone', 'timestamp with time zone']);

/** kysely-codegen names a table `date` `Date`, so its `Timestamp` then means that table, not the global Date. */
function shadowsDate(schema: Schema): boolean {
  return [...Object.values(schema.tables), ...Object.values(schema.views)].some((r) => r.schema === 'public' && r.name.toLowerCase() === 'date');
}

/** The deliberate differences expected for one column (see the README, "Kysely types"). */
export function expectedDifferences(schema: Schema, column: Pick<Column, 'type'> & Partial<Column>, isView: boolean): Partial<Record<Aspect, Difference>> {
  const differences: Partial<Record<Aspect, Difference>> = {};
  const array = column.type.endsWith('[]');
  const base = column.type.replace(/\[\]$/, '').replace(/\([^)]*\)/g, '').trim();
  const domain = Object.values(schema.domains).find((d) => `${d.schema}.${d.name}` === base || (d.schema === 'public' && d.name === base));
  if (dateTypes.has(base) && shadowsDate(schema)) return { select: 'date-shadowed', insert: 'date-shadowed', update: 'date-shadowed' };
  if (array && !parsedArrayElements.has(base)) return { select: 'array-as-text', insert: 'array-as-text', update: 'array-as-text' };
  if (array && base === 'numeric') differences.select = 'numeric-array';
  const composite = Object.values(schema.composites ?? {}).some((c) => `${c.schema}.${c.name}` === base || (c.schema === 'public' && c.name === base));
  if (composite) return { select: 'composite', insert: 'composite', update: 'composite' };
  if (isView) return differences;
  if (column.identity === 'always' || column.generated) return { ...differences, insert: 'generated-always', update: 'generated-always' };
  if (domain && !array) {
    const notNull = domain.notNull || notNullBase(schema, domain.type);
    if (notNull && !column.notNull) return { select: 'not-null-domain', insert: 'not-null-domain', update: 'not-null-domain' };
    if (domain.default && !column.default && !column.identity) differences.insert = 'domain-default';
  }
  return differences;
}

function notNullBase(schema: Schema, type: string): boolean {
  const domain = Object.values(schema.domains).find((d) => `${d.schema}.${d.name}` === type);
  return domain ? domain.notNull || notNullBase(schema, domain.type) : false;
}

/**
 * A TypeScript file asserting, line by line, that each column's select, insert and update types
 * in `ours.ts` and `theirs.ts` are the same type (or, for a deliberate difference, are not).
 * `labels` maps each assertion's line to the column and aspect it checks.
 */
export function compatChecks(schema: Schema): { source: string; labels: Map<number, string> } {
  const lines = [
    'import type { InsertType, SelectType, UpdateType } from "kysely";',
    'import type { DB as Ours } from "./ours.js";',
    'import type { DB as Theirs } from "./theirs.js";',
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
    'type Has<T, K> = K extends keyof T ? T[K] : never;',
    'type Col<D, T, C> = Has<Has<D, T>, C>;',
  ];
  const labels = new Map<number, string>();
  const relations = [
    ...Object.values(schema.tables).map((t) => ({ schema: t.schema, name: t.name, columns: t.columns as (Pick<Column, 'type' | 'name'> & Partial<Column>)[], isView: false })),
    ...Object.values(schema.views).map((v) => ({ schema: v.schema, name: v.name, columns: v.columns, isView: true })),
  ];
  const wrappers: Record<Aspect, string> = { select: 'SelectType', insert: 'InsertType', update: 'UpdateType' };
  for (const relation of relations) {
    const key = JSON.stringify(relation.schema === 'public' ? relation.name : `${relation.schema}.${relation.name}`);
    lines.push(`export const exists${labels.size}: Same<${key} extends keyof Theirs ? true : false, true> = true;`);
    labels.set(lines.length, `${key} is in kysely-codegen's DB`);
    for (const column of relation.columns) {
      const differences = expectedDifferences(schema, column, relation.isView);
      for (const aspect of ['select', 'insert', 'update'] as Aspect[]) {
        const col = JSON.stringify(column.name);
        const wrap = wrappers[aspect];
        const same = differences[aspect] ? 'false' : 'true';
        lines.push(`export const c${labels.size}: Same<${wrap}<Col<Ours, ${key}, ${col}>>, ${wrap}<Col<Theirs, ${key}, ${col}>>> = ${same};`);
        labels.set(lines.length, `${key}.${col} ${aspect}${differences[aspect] ? ` (expected to differ: ${differences[aspect]})` : ''}`);
      }
    }
  }
  return { source: `${lines.join('\n')}\n`, labels };
}
