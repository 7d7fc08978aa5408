import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/canonical/apply.js';
import { canonicalize } from '../../src/canonical/index.js';
import { parseTypeName } from '../../src/emit/types/pg-types.js';
import { resolver } from '../../src/emit/types/resolve.js';
import type { TsType } from '../../src/emit/types/ts-type.js';
import { inTransaction } from '../../src/engine/connection.js';
import { loadSchema } from '../../src/load/definitions.js';
import { objectId } from '../../src/model/id.js';
import { multirangeId } from '../../src/model/range.js';
import type { Schema } from '../../src/model/schema.js';
import { createPlan } from '../../src/canonical/from-scratch.js';
import { postgresEngine, withDatabase } from '../support/engines.js';
import { casesRoot, externalNamespaces } from './support.js';

/** A non-null SQL literal of each built-in type the cases use. */
const samples: Record<string, string> = {
  smallint: '1', integer: '1', bigint: '1', real: '1.5', 'double precision': '1.5', numeric: '1.5', boolean: 'true',
  text: "'a@work.example'", 'character varying': "'x'", character: "'x'", uuid: 'gen_random_uuid()', date: 'current_date',
  'time without time zone': "'10:00'", 'time with time zone': "'10:00+02'", 'timestamp without time zone': 'now()',
  'timestamp with time zone': 'now()', interval: "'1 day'", json: `'{"a":1}'`, jsonb: `'{"a":1}'`, bytea: "'\\x00'",
  inet: "'1.2.3.4'", cidr: "'1.2.3.0/24'", macaddr: "'08:00:2b:01:02:03'", money: '1', tsvector: "'a b'", tsquery: "'a'",
  bit: "B'10101010'", 'bit varying': "B'1'", xml: "'<a/>'", point: "'(1,2)'", circle: "'<(1,2),3>'", box: "'(1,2),(3,4)'",
  tstzrange: "'[2020-01-01,2021-01-01)'", int4range: "'[1,2)'", pg_lsn: "'0/0'", regclass: "'pg_class'", citext: "'x'",
  hstore: "'a=>b'",
};

function sample(schema: Schema, spelling: string): string {
  const type = parseTypeName(spelling);
  const id = objectId(type.schema ?? 'public', type.name);
  // Any range type holds 'empty', any multirange '{}'.
  const ranges = Object.values(schema.ranges ?? {});
  const range = ranges.some((r) => objectId(r.schema, r.name) === id) ? "'empty'" : ranges.some((r) => multirangeId(r) === id) ? "'{}'" : undefined;
  const one = schema.enums[id] ? `'${schema.enums[id]!.values[0]!.replace(/'/g, "''")}'` : schema.domains[id] ? sample(schema, schema.domains[id]!.type) : (range ?? samples[type.name]);
  if (one === undefined) throw new Error(`no sample for ${spelling}`);
  return type.array ? `ARRAY[${one}]` : one;
}

/** Whether a value node-postgres returned is of the TypeScript type the emitter promised. */
function matches(value: unknown, type: TsType, enums: Set<string>): boolean {
  switch (type.kind) {
    case 'keyword':
      return type.name === 'unknown' || (type.name === 'null' ? value === null : typeof value === type.name);
    case 'literal':
      return value === type.value;
    case 'array':
      return Array.isArray(value) && value.every((item) => matches(item, type.element, enums));
    case 'union':
      return type.members.some((member) => matches(value, member, enums));
    case 'object':
    case 'tuple':
    case 'raw':
      return false;
    case 'reference': {
      const checks: Record<string, (v: unknown) => boolean> = {
        Date: (v) => v instanceof Date,
        Buffer: (v) => Buffer.isBuffer(v),
        Json: (v) => v !== undefined,
        IPostgresInterval: (v) => typeof v === 'object' && v !== null && 'toPostgres' in v,
        Point: (v) => typeof v === 'object' && v !== null && 'x' in v && 'y' in v,
        Circle: (v) => typeof v === 'object' && v !== null && 'radius' in v,
      };
      return enums.has(type.name) ? typeof value === 'string' : (checks[type.name]?.(value) ?? false);
    }
  }
}

/**
 * What node-postgres really returns: one row of every column of the type cases is read back with
 * pg's default parsers, and each value must be of the select type the emitter gives its column.
 * Arrays of enums and of domains must come back as text, and accept a JavaScript array on write.
 */
describe('select types match what node-postgres returns', () => {
  it.skipIf(Boolean(postgresEngine.unavailable)).each(['column-types', 'enums', 'domains', 'range-types'])('%s', async (name) => {
    await withDatabase(postgresEngine, async ({ conn, url }) => {
      const declared = await loadSchema(join(casesRoot, name, 'definitions.ts'), { externalNamespaces });
      const schema = await canonicalize(declared, conn, { externalNamespaces });
      await inTransaction(conn, () => applyPlan(conn, createPlan(declared)));
      const enumNames = new Map(Object.values(schema.enums).map((e) => [objectId(e.schema, e.name), `Enum_${e.name}`]));
      const resolve = resolver(schema, enumNames);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const mismatches: string[] = [];
        for (const table of Object.values(schema.tables)) {
          const written = table.columns.filter((c) => c.identity !== 'always' && !c.generated);
          const target = `"${table.schema}"."${table.name.replace(/"/g, '""')}"`;
          const columns = written.map((c) => `"${c.name.replace(/"/g, '""')}"`).join(', ');
          const values = written.map((c) => `(${sample(schema, c.type)})::${c.type}`).join(', ');
          await client.query(`INSERT INTO ${target} (${columns}) VALUES (${values})`);
          const { rows } = await client.query(`SELECT * FROM ${target}`);
          for (const column of table.columns) {
            const value = rows[0][column.name];
            const type = resolve(column.type).value.select;
            if (!matches(value, type, new Set(enumNames.values()))) mismatches.push(`${table.name}.${column.name} (${column.type}): got ${JSON.stringify(value)}, typed ${JSON.stringify(type)}`);
          }
          for (const column of table.columns.filter((c) => c.type.endsWith('[]') && resolve(c.type).value.select.kind === 'keyword')) {
            const element = sample(schema, column.type.slice(0, -2));
            const { rows: [back] } = await client.query(`SELECT ($1::${column.type})[1] = (${element})::${column.type.slice(0, -2)} AS ok`, [[eval(`(${jsLiteral(element)})`)]]);
            if (!back.ok) mismatches.push(`${table.name}.${column.name}: a JavaScript array was not accepted`);
          }
        }
        expect(mismatches).toEqual([]);
      } finally {
        await client.end();
      }
    });
  });
});

/** The JavaScript value of a simple SQL literal sample ('x' or a number). */
function jsLiteral(literal: string): string {
  return literal.startsWith("'") ? JSON.stringify(literal.slice(1, -1).replace(/''/g, "'")) : literal;
}
