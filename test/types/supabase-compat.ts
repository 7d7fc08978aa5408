import { multirangeId } from '../../src/model/range.js';
import type { Column, Schema } from '../../src/model/schema.js';

/** Why pgform's supabase-js type of a column or function deliberately differs from the Supabase CLI's (README, "supabase-js types"). */
export type SupabaseDifference = 'domain-of-domain' | 'domain-array' | 'domain-default' | 'out-parameters' | 'range';

type Aspect = 'Row' | 'Insert' | 'Update';

function domainOf(schema: Schema, type: string) {
  const base = type.replace(/\([^)]*\)/g, '').trim();
  return Object.values(schema.domains).find((d) => `${d.schema}.${d.name}` === base || (d.schema === 'public' && d.name === base));
}

function notNullDomain(schema: Schema, type: string): boolean {
  const domain = domainOf(schema, type);
  return domain ? domain.notNull || notNullDomain(schema, domain.type) : false;
}

/** Whether a printed type (an array of one, a SETOF one) is a user range type or its multirange: pgform types it `string`, the CLI `unknown`. */
function isRange(schema: Schema, type: string): boolean {
  const base = type.replace(/^SETOF /, '').replace(/\[\]$/, '');
  return Object.values(schema.ranges ?? {}).some((r) => `${r.schema}.${r.name}` === base || multirangeId(r) === base);
}

/** The deliberate differences expected for one table column. */
export function supabaseDifferences(schema: Schema, column: Column): Partial<Record<Aspect, SupabaseDifference>> {
  if (isRange(schema, column.type)) return { Row: 'range', Insert: 'range', Update: 'range' };
  if (column.identity === 'always' || column.generated) return {};
  const array = column.type.endsWith('[]');
  const domain = domainOf(schema, column.type.replace(/\[\]$/, ''));
  if (domain && array) return { Row: 'domain-array', Insert: 'domain-array', Update: 'domain-array' };
  if (domain && domainOf(schema, domain.type)) return { Row: 'domain-of-domain', Insert: 'domain-of-domain', Update: 'domain-of-domain' };
  // The CLI asks the column for a default; PostgreSQL fills in the domain's when the column has
  // none. A nullable column is optional on insert either way.
  const notNull = column.notNull || notNullDomain(schema, column.type);
  if (domain?.default && !column.default && !column.identity && notNull) return { Insert: 'domain-default' };
  return {};
}

/**
 * A TypeScript file asserting, line by line, that `ours.ts` and `theirs.ts` type every table's
 * Row, Insert and Update column (optionality included) and every function's Args and Returns
 * alike, or, for a deliberate difference, not alike. `labels` maps each assertion's line to what it checks.
 */
export function supabaseChecks(schema: Schema, namespaces: string[]): { source: string; labels: Map<number, string> } {
  const lines = [
    'import type { Database as Ours } from "./ours.js";',
    'import type { Database as Theirs } from "./theirs.js";',
    'type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
    'type Has<T, K> = K extends keyof T ? T[K] : never;',
    'type Part<T, K> = K extends keyof T ? Pick<T, K> : never;',
  ];
  const labels = new Map<number, string>();
  const add = (line: string, label: string) => {
    lines.push(line);
    labels.set(lines.length, label);
  };
  const q = JSON.stringify;
  for (const table of Object.values(schema.tables).filter((t) => namespaces.includes(t.schema))) {
    const path = (side: string, aspect: Aspect) => `Has<Has<Has<Has<${side}, ${q(table.schema)}>, "Tables">, ${q(table.name)}>, ${q(aspect)}>`;
    for (const aspect of ['Row', 'Insert', 'Update'] as Aspect[]) {
      add(`export const k${labels.size}: Same<keyof ${path('Ours', aspect)}, keyof ${path('Theirs', aspect)}> = true;`, `${table.schema}.${table.name} ${aspect} has the same columns`);
      for (const column of table.columns) {
        const expected = supabaseDifferences(schema, column)[aspect];
        const col = q(column.name);
        add(
          `export const c${labels.size}: Same<Part<${path('Ours', aspect)}, ${col}>, Part<${path('Theirs', aspect)}, ${col}>> = ${expected ? 'false' : 'true'};`,
          `${table.schema}.${table.name}.${column.name} ${aspect}${expected ? ` (expected to differ: ${expected})` : ''}`,
        );
      }
    }
  }
  // Views: whether they take writes, and each column's Insert and Update type (Row differs on purpose: see the README).
  for (const view of Object.values(schema.views).filter((v) => namespaces.includes(v.schema) && !v.materialized)) {
    const path = (side: string, aspect: Aspect) => `Has<Has<Has<Has<${side}, ${q(view.schema)}>, "Views">, ${q(view.name)}>, ${q(aspect)}>`;
    for (const aspect of ['Insert', 'Update'] as Aspect[]) {
      add(`export const v${labels.size}: Same<${path('Ours', aspect)} extends never ? 1 : 0, ${path('Theirs', aspect)} extends never ? 1 : 0> = true;`, `view ${view.schema}.${view.name} has ${aspect} in both or neither`);
      add(`export const v${labels.size}: Same<keyof ${path('Ours', aspect)}, keyof ${path('Theirs', aspect)}> = true;`, `view ${view.schema}.${view.name} ${aspect} has the same columns`);
      for (const column of view.updatable ? view.columns : []) {
        const col = q(column.name);
        add(`export const v${labels.size}: Same<Part<${path('Ours', aspect)}, ${col}>, Part<${path('Theirs', aspect)}, ${col}>> = true;`, `view ${view.schema}.${view.name}.${column.name} ${aspect}`);
      }
    }
  }
  const functions = new Set(
    Object.values(schema.routines)
      .filter((r) => namespaces.includes(r.schema) && r.kind === 'function' && !/^(SETOF )?(trigger|event_trigger)$/.test(r.returns ?? ''))
      .map((r) => `${r.schema}\0${r.name}`),
  );
  for (const key of [...functions].sort()) {
    const [namespace, name] = key.split('\0') as [string, string];
    const fn = (side: string) => `Has<Has<Has<${side}, ${q(namespace)}>, "Functions">, ${q(name)}>`;
    add(`export const f${labels.size}: Same<${fn('Ours')} extends never ? 1 : 0, ${fn('Theirs')} extends never ? 1 : 0> = true;`, `${namespace}.${name} is in both`);
    const outParameters = Object.values(schema.routines).some(
      (r) => r.schema === namespace && r.name === name && /^(SETOF )?record$/.test(r.returns ?? '') && r.arguments.some((a) => a.mode === 'out' || a.mode === 'inout'),
    );
    const overloads = Object.values(schema.routines).filter((r) => r.schema === namespace && r.name === name);
    const ranged = {
      Args: overloads.some((r) => r.arguments.some((a) => a.mode !== 'out' && isRange(schema, a.type))),
      Returns: overloads.some((r) => isRange(schema, r.returns ?? '')),
    };
    for (const part of ['Args', 'Returns'] as const) {
      const differs = part === 'Returns' && outParameters ? 'out-parameters' : ranged[part] ? 'range' : undefined;
      add(
        `export const f${labels.size}: Same<Has<${fn('Ours')}, ${q(part)}>, Has<${fn('Theirs')}, ${q(part)}>> = ${differs ? 'false' : 'true'};`,
        `${namespace}.${name} ${part}${differs ? ` (expected to differ: ${differs})` : ''}`,
      );
    }
  }
  return { source: `${lines.join('\n')}\n`, labels };
}
