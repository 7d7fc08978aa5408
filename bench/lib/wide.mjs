/*
 * The "wide" schema shape, shaped unlike the Supabase-style one (lib/tables.mjs, lib/objects.mjs)
 * on purpose: five schemas, tables of 30-60 columns, hundreds of enums and dozens of domains
 * spread over the schemas, thousands of functions (several per table, SQL and plpgsql, scalar,
 * SETOF and RETURNS TABLE), few indexes and no RLS. Composite types are not modelled by pgform:
 * they are written as plain SQL appended to schema.sql (see compositeTypesSql), so the tools
 * reading a live database meet them while the definitions stay pgform's own.
 */

export const wideSchemas = ['public', 'billing', 'crm', 'inventory', 'analytics'];
const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega'];
const nouns = ['ledger', 'entry', 'customer', 'vendor', 'item', 'stock', 'batch', 'shipment', 'metric', 'sample', 'report', 'visit', 'quote', 'contract', 'asset', 'route'];
const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const pad = (n, width = 4) => String(n).padStart(width, '0');
const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const capital = (name) => name[0].toUpperCase() + name.slice(1);

/** Plain column types: the DSL expression and the SQL type functions compute with. */
const plainColumns = [
  { code: 'text()', type: 'text' },
  { code: 'varchar(120)', type: 'varchar' },
  { code: 'integer()', type: 'integer' },
  { code: 'bigint()', type: 'bigint' },
  { code: 'smallint()', type: 'smallint' },
  { code: 'numeric(14, 4)', type: 'numeric' },
  { code: 'boolean().notNull().default(false)', type: 'boolean' },
  { code: 'date()', type: 'date' },
  { code: 'timestamptz()', type: 'timestamptz' },
  { code: 'timestamptz().notNull().defaultNow()', type: 'timestamptz' },
  { code: 'jsonb()', type: 'jsonb' },
  { code: 'uuid()', type: 'uuid' },
  { code: 'text().array()', type: 'text[]' },
  { code: 'integer().array()', type: 'integer[]' },
  { code: 'doublePrecision()', type: 'double precision' },
  { code: 'interval()', type: 'interval' },
  { code: 'inet()', type: 'inet' },
  { code: 'bytea()', type: 'bytea' },
];
const dslImports = ['bigint', 'boolean', 'bytea', 'date', 'doublePrecision', 'inet', 'integer', 'interval', 'jsonb', 'numeric', 'smallint', 'sql', 'table', 'text', 'timestamptz', 'uuid', 'varchar'];

/** Hundreds of enums (N/8, at least 20), round-robin over the schemas. */
function generateEnums(random, tableCount) {
  const count = Math.max(20, Math.round(tableCount / 8));
  return Array.from({ length: count }, (_, i) => {
    const name = `kind_${pad(i + 1)}`;
    return { name, schema: wideSchemas[i % wideSchemas.length], varName: camel(name), values: random.sample(words, random.int(3, 12)) };
  });
}

/** Domains over text, numeric and integer with checks (N/40, at least 5). */
function generateDomains(random, tableCount) {
  const count = Math.max(5, Math.round(tableCount / 40));
  const shapes = [
    { base: 'text', check: "VALUE ~ '^[^@]+@[^@]+$'", type: 'text' },
    { base: 'numeric(14,2)', check: 'VALUE >= 0', type: 'numeric' },
    { base: 'integer', check: 'VALUE BETWEEN 0 AND 100', type: 'integer' },
    { base: 'text', check: 'length(VALUE) <= 64', type: 'text' },
  ];
  return Array.from({ length: count }, (_, i) => {
    const shape = shapes[i % shapes.length];
    const name = `dom_${pad(i + 1)}`;
    return { name, schema: wideSchemas[(i + 1) % wideSchemas.length], varName: camel(name), ...shape, notNull: random.chance(0.3) };
  });
}

function tableNames(count) {
  return Array.from({ length: count }, (_, i) => ({ schema: wideSchemas[i % wideSchemas.length], name: `${nouns[i % nouns.length]}_${pad(i)}` }));
}

/** One table of 30-60 columns: enums, domains, plain types, 0-2 foreign keys, 1-3 indexes. */
function generateTable(random, names, index, enums, domains) {
  const { schema, name } = names[index];
  const id = `${schema}.${name}`;
  const columns = [['id', 'bigint().identity().primaryKey()', 'bigint']];
  const parents = index > 0 ? random.sample(names.slice(0, index), random.int(0, Math.min(2, index))) : [];
  for (const parent of parents) {
    columns.push([`${parent.name}_id`, `bigint().references(${quote(`${parent.schema}.${parent.name}`)}, 'id', { onDelete: 'set null' })`, 'bigint']);
  }
  const total = random.int(30, 60);
  const usedEnums = new Set();
  const usedDomains = new Set();
  for (let c = columns.length; c < total; c++) {
    const roll = random.int(0, 9);
    if (roll === 0) {
      const e = random.pick(enums);
      usedEnums.add(e);
      columns.push([`e_${pad(c, 2)}`, `${e.varName}.column()`, `${e.schema}.${e.name}`]);
    } else if (roll === 1) {
      const d = random.pick(domains);
      usedDomains.add(d);
      columns.push([`d_${pad(c, 2)}`, `${d.varName}.column()`, `${d.schema}.${d.name}`]);
    } else {
      const plain = random.pick(plainColumns);
      const described = random.chance(0.2) ? `.describe(${quote(`${words[c % words.length]} value ${c}`)})` : '';
      columns.push([`c_${pad(c, 2)}`, plain.code + described, plain.type]);
    }
  }
  const indexed = random.sample(columns.slice(1).filter(([, , type]) => !type.endsWith('[]') && type !== 'jsonb' && type !== 'bytea'), random.int(1, 3));
  const indexes = indexed.map(([column]) => `    ${name}_${column}_idx: { on: [${quote(column)}] },`);
  const body = `export const ${camel(name)} = table(${quote(name)}, {
  schema: ${quote(schema)},
  description: ${quote(`Wide table ${index} of ${names.length}`)},
  columns: {
${columns.map(([column, code]) => `    ${column}: ${code},`).join('\n')}
  },
  indexes: {
${indexes.join('\n')}
  },
});`;
  return { id, schema, name, varName: camel(name), columns, body, enums: [...usedEnums], domains: [...usedDomains] };
}

/** Functions over the tables: N×1.5 of them (SQL scalar, SETOF, RETURNS TABLE; plpgsql scalar). */
function functionSources(random, tables) {
  const parts = [];
  const count = Math.round(tables.length * 1.5);
  for (let i = 0; i < count; i++) {
    const t = tables[i % tables.length];
    const fnSchema = wideSchemas[(i + 2) % wideSchemas.length];
    const name = `fn_${pad(i, 5)}_${t.name}`;
    const [column, , type] = random.pick(t.columns.slice(1));
    const head = `export const ${camel(name)} = rpc(${quote(name)}, {\n  schema: ${quote(fnSchema)},`;
    const kind = i % 4;
    if (kind === 0) {
      parts.push(`${head}
  args: { p_id: 'bigint' },
  returns: ${quote(type)},
  language: 'sql',
  volatility: 'stable',
  body: sql\`SELECT t.${column} FROM ${t.id} t WHERE t.id = p_id\`,
});`);
    } else if (kind === 1) {
      parts.push(`${head}
  args: { p_limit: 'integer', p_offset: { type: 'integer', default: sql\`0\` } },
  returns: { setof: ${quote(t.id)} },
  language: 'sql',
  volatility: 'stable',
  body: sql\`SELECT * FROM ${t.id} ORDER BY id LIMIT p_limit OFFSET p_offset\`,
});`);
    } else if (kind === 2) {
      parts.push(`${head}
  args: { p_from: 'bigint', p_to: 'bigint' },
  returns: { table: { id: 'bigint', value: ${quote(type)} } },
  language: 'sql',
  volatility: 'stable',
  body: sql\`SELECT t.id, t.${column} FROM ${t.id} t WHERE t.id BETWEEN p_from AND p_to\`,
});`);
    } else {
      parts.push(`${head}
  args: { p_id: 'bigint' },
  returns: 'bigint',
  language: 'plpgsql',
  body: sql\`
DECLARE
  v_count bigint;
BEGIN
  SELECT count(*) INTO v_count FROM ${t.id} WHERE id >= p_id;
  RETURN v_count;
END;
\`,
});`);
    }
  }
  return parts;
}

/** Views: one per 20 tables, a projection of a few columns. */
function viewSources(random, tables) {
  const count = Math.max(2, Math.round(tables.length / 20));
  return Array.from({ length: count }, (_, i) => {
    const t = random.pick(tables);
    const columns = ['id', ...random.sample(t.columns.slice(1).map(([c]) => c), 5)];
    const name = `wv_${pad(i + 1)}`;
    return `export const ${camel(name)} = view(${quote(name)}, {
  schema: ${quote(t.schema)},
  query: sql\`SELECT ${columns.map((c) => `t.${c}`).join(', ')} FROM ${t.id} t\`,
});`;
  });
}

/**
 * Composite types (N/20, at least 3), as SQL: pgform does not model them, so they are appended
 * to schema.sql only and read as unmanaged objects.
 */
export function compositeTypesSql(random, tableCount) {
  const count = Math.max(3, Math.round(tableCount / 20));
  const statements = [];
  for (let i = 0; i < count; i++) {
    const schema = wideSchemas[i % wideSchemas.length];
    const fields = random.sample(plainColumns.filter((p) => !p.type.endsWith('[]')), random.int(3, 8)).map((p, f) => `f_${f} ${p.type}`);
    statements.push(`CREATE TYPE ${schema === 'public' ? 'public' : schema}.rec_${pad(i + 1)} AS (${fields.join(', ')});`);
  }
  return `\n-- Composite types (not modelled by pgform; read as unmanaged objects)\n${statements.join('\n')}\n`;
}

/** The definition files of a wide schema of `tableCount` tables, by file name. */
export function wideDefinitionFiles(random, tableCount) {
  const enums = generateEnums(random, tableCount);
  const domains = generateDomains(random, tableCount);
  const names = tableNames(tableCount);
  const tables = names.map((_, index) => generateTable(random, names, index, enums, domains));
  const typeSource = [
    ...wideSchemas.filter((s) => s !== 'public').map((s) => `export const ${s}Schema = schema(${quote(s)});`),
    ...enums.map((e) => `export const ${e.varName} = enumType(${quote(e.name)}, [${e.values.map(quote).join(', ')}], { schema: ${quote(e.schema)} });`),
    ...domains.map(
      (d) =>
        `export const ${d.varName} = domain(${quote(d.name)}, ${quote(d.base)}, { schema: ${quote(d.schema)},${d.notNull ? ' notNull: true,' : ''} checks: { ${d.name}_check: sql\`${d.check}\` } });`,
    ),
  ];
  const files = { 'types.ts': `/* Schemas, enums and domains of the wide schema. */\nimport { domain, enumType, schema, sql } from 'pgform';\n\n${typeSource.join('\n')}\n` };
  const perFile = 40;
  for (let start = 0; start < tables.length; start += perFile) {
    const chunk = tables.slice(start, start + perFile);
    const shared = [...new Set(chunk.flatMap((t) => [...t.enums, ...t.domains].map((x) => x.varName)))].sort();
    files[`tables-${pad(start / perFile + 1, 3)}.ts`] = `/* Wide tables ${start + 1}-${start + chunk.length} of ${tables.length}. */
import { ${dslImports.join(', ')} } from 'pgform';
${shared.length ? `import { ${shared.join(', ')} } from './types.js';\n` : ''}
${chunk.map((t) => t.body).join('\n\n')}
`;
  }
  const functions = functionSources(random, tables);
  const perFunctionFile = 500;
  for (let start = 0; start < functions.length; start += perFunctionFile) {
    files[`functions-${pad(start / perFunctionFile + 1, 3)}.ts`] = `/* Wide functions. */\nimport { rpc, sql } from 'pgform';\n\n${functions.slice(start, start + perFunctionFile).join('\n\n')}\n`;
  }
  files['views.ts'] = `/* Wide views. */\nimport { sql, view } from 'pgform';\n\n${viewSources(random, tables).join('\n\n')}\n`;
  return files;
}
