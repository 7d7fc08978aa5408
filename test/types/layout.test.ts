import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderTypes } from '../../src/emit/types/index.js';
import { objectId, routineId } from '../../src/model/id.js';
import { emptySchema, type Argument, type Column, type Schema } from '../../src/model/schema.js';
import { random, type Random } from '../support/random.js';


const pieces = [
  'lead', 'status', 'a', 'x', 'created_at', 'select', 'class', 'constructor', 'user', 'Mixed Case', 'it\'s', 'say "hi"',
  'back\\slash', 'dot.ted', 'naïve', 'табл', '日本語', '表', '🎉', 'e\u0301', '1st', ' ', '-', '_', 'customer_phone_normalized',
];

function name(r: Random, max = 63): string {
  let text = '';
  const parts = 1 + r.int(6);
  for (let i = 0; i < parts; i++) text += r.pick(pieces);
  if (r.int(5) === 0) text += 'z'.repeat(r.int(60));
  return [...text].slice(0, max).join('') || 'n';
}

function comment(r: Random): string | undefined {
  if (r.int(3) > 0) return undefined;
  const lines = Array.from({ length: 1 + r.int(3) }, () => (r.int(4) === 0 ? '' : `${name(r, 120)} */ ${'word '.repeat(r.int(25))}`));
  return lines.join(r.pick(['\n', '\r\n']));
}

const builtinTypes = [
  'integer', 'bigint', 'numeric(12,2)', 'text', 'character varying(20)', 'boolean', 'jsonb', 'json', 'uuid', 'bytea', 'date',
  'timestamp with time zone', 'timestamp(3) without time zone', 'interval', 'time without time zone', 'point', 'circle',
  'tsvector', 'int4range', 'inet', 'money', 'double precision', 'smallint', 'public.citext', 'text[]', 'bigint[]',
  'numeric[]', 'timestamp with time zone[]', 'jsonb[]', 'point[]', 'tsvector[]', 'interval[]',
];

/** A random model: enums, a domain, tables and views with hostile names, functions of every result kind. */
function randomSchema(r: Random): Schema {
  const schema = emptySchema();
  const namespaces = ['public', 'billing', name(r, 30)];
  for (const namespace of namespaces) schema.namespaces[namespace] = { name: namespace, grants: [] };
  const userTypes: string[] = [];
  for (let i = 0; i < 1 + r.int(4); i++) {
    const e = { schema: r.pick(namespaces), name: name(r), values: Array.from({ length: r.int(14) }, () => name(r, 40)) };
    const c = comment(r);
    schema.enums[objectId(e.schema, e.name)] = c ? { ...e, comment: c } : e;
    userTypes.push(`"${e.schema}"."${e.name.replace(/"/g, '""')}"`);
  }
  schema.domains['public.amount'] = { schema: 'public', name: 'amount', type: 'numeric(12,2)', notNull: r.int(2) === 0, default: '0', checks: {} };
  userTypes.push('public.amount');
  const typeOf = () => (r.int(3) === 0 ? r.pick(userTypes) + (r.int(4) === 0 ? '[]' : '') : r.pick(builtinTypes));
  const relations: string[] = [];
  for (let i = 0; i < 2 + r.int(6); i++) {
    const columns: Column[] = Array.from({ length: r.int(12) }, () => {
      const column: Column = { name: name(r), type: typeOf(), notNull: r.int(2) === 0 };
      const kind = r.int(6);
      if (kind === 0) column.default = 'now()';
      if (kind === 1) column.identity = r.pick(['always', 'by default'] as const);
      if (kind === 2) column.generated = '1';
      const c = comment(r);
      return c ? { ...column, comment: c } : column;
    });
    const namespace = r.pick(namespaces);
    const relationName = name(r);
    relations.push(`"${namespace}"."${relationName.replace(/"/g, '""')}"`);
    const c = comment(r);
    if (r.int(4) === 0) {
      schema.views[objectId(namespace, relationName)] = { schema: namespace, name: relationName, materialized: r.int(2) === 0, definition: '', columns: columns.map((col) => ({ name: col.name, type: col.type })), indexes: {}, grants: [], ...(c ? { comment: c } : {}) };
    } else {
      schema.tables[objectId(namespace, relationName)] = { schema: namespace, name: relationName, columns, constraints: {}, indexes: {}, triggers: {}, policies: {}, rls: { enabled: false, forced: false }, grants: [], ...(c ? { comment: c } : {}) };
    }
  }
  for (let i = 0; i < r.int(8); i++) {
    const args: Argument[] = Array.from({ length: r.int(7) }, () => ({ name: name(r, 40), type: typeOf(), mode: r.pick(['in', 'in', 'out', 'variadic'] as const), ...(r.int(3) === 0 ? { default: '1' } : {}) }));
    const returns = r.pick(['void', 'integer', 'SETOF bigint', 'record', 'SETOF record', `SETOF ${r.pick(relations)}`, `TABLE(a integer, "b c" ${typeOf()}, ${'long_column_name_'.repeat(3)} jsonb)`, typeOf()]);
    const namespace = r.pick(namespaces);
    const routineName = name(r, 50);
    const c = comment(r);
    schema.routines[routineId(namespace, routineName, args.map((a) => a.type))] = {
      schema: namespace, name: routineName, kind: 'function', arguments: args, returns, language: 'sql', volatility: 'volatile',
      strict: false, securityDefiner: false, leakproof: false, parallel: 'unsafe', settings: {}, body: '', grants: [], ...(c ? { comment: c } : {}),
    };
  }
  return schema;
}

/**
 * The emitter lays text out itself; on random models with hostile names (quotes, wide and
 * combining characters, 63-character names), long unions and comments, prettier must leave
 * every output unchanged.
 */
describe('types layout equals prettier on random models', () => {
  const seeds = Array.from({ length: Number(process.env.PGFORM_LAYOUT_RUNS ?? 40) }, (_, i) => i + 1);
  it.each(seeds)('seed %i', async (seed) => {
    const output = renderTypes(randomSchema(random(seed)));
    expect(await format(output, { parser: 'typescript' })).toBe(output);
  });
});
