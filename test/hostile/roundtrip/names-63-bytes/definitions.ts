import { enumType, integer, rpc, schema, sequence, sql, table, text, triggerFunction, uuid, view } from 'pgform';

/** A name of exactly 63 bytes (PostgreSQL's limit) made of characters of 1 to 4 bytes. */
const name63 = (stem: string) => {
  let name = stem;
  while (Buffer.byteLength(name + 'é') <= 63) name += 'é';
  while (Buffer.byteLength(name) < 63) name += 'x';
  return name;
};

const schemaName = name63('Схема ');
const tableName = name63('表 ');
const enumName = name63('État ');
const label = name63('😀 ');

export const ns = schema(schemaName, { description: 'a schema named with 63 bytes' });

export const state = enumType(enumName, [label, name63('ü'), 'plain'], { schema: schemaName });

export const counter = sequence(name63('séquence '), { schema: schemaName });

export const touch = triggerFunction(name63('fonction '), {
  schema: schemaName,
  body: sql`BEGIN RETURN NEW; END;`,
});

export const wide = table(tableName, {
  schema: schemaName,
  description: 'every name on this table is 63 bytes long',
  columns: {
    id: uuid().primaryKey(),
    [name63('колонка ')]: text().unique({ name: name63('unique ü ') }).describe('63-byte column'),
    [name63('ß ')]: state.column().default(label),
    [name63('数 ')]: integer().check(sql`1 > 0`, name63('check ✓ ')),
  },
  indexes: { [name63('índice ')]: { on: ['id'] } },
  triggers: { [name63('déclencheur ')]: { timing: 'before', events: ['update'], function: touch } },
  rls: true,
  policies: { [name63('política ')]: { for: 'select', using: sql`true` } },
});

export const wideView = view(name63('vue '), {
  schema: schemaName,
  query: sql`SELECT id AS "${name63('alias ')}" FROM "${schemaName}"."${tableName}"`,
});

export const wideFunction = rpc(name63('función '), {
  schema: schemaName,
  args: { [name63('argumento ')]: 'integer' },
  returns: 'integer',
  language: 'sql',
  body: sql`SELECT 1`,
});
