/*
 * Tables of a generated Supabase-style schema, as pgform definition source. Every table has an
 * owner (auth.users), created_at/updated_at with the shared trigger, RLS with policies on
 * auth.uid(), 2-5 indexes of varied kinds, and foreign keys only to earlier tables, so the
 * references form a DAG the way real schemas grow (newer tables point at older ones).
 */

const nouns = ['account', 'contact', 'deal', 'invoice', 'order', 'product', 'ticket', 'message', 'project', 'task', 'note', 'event', 'payment', 'subscription', 'campaign', 'lead', 'document', 'comment', 'review', 'shipment'];

/** Optional columns: name, DSL expression, and what indexes may use it for. */
const pool = [
  { name: 'title', code: 'text().notNull()', text: true },
  { name: 'name', code: 'text()', text: true },
  { name: 'description', code: 'text()' },
  { name: 'email', code: 'varchar(255)', text: true },
  { name: 'amount', code: 'numeric(12, 2).notNull().default(0)' },
  { name: 'quantity', code: 'integer().notNull().default(0)' },
  { name: 'score', code: 'numeric()' },
  { name: 'rating', code: "numeric(3, 1).check(sql`rating >= 0 AND rating <= 5`)" },
  { name: 'is_active', code: 'boolean().notNull().default(true)', flag: true },
  { name: 'metadata', code: 'jsonb().notNull().default({})', gin: true },
  { name: 'settings', code: 'jsonb()', gin: true },
  { name: 'tags', code: 'text().array().notNull().default([])', gin: true },
  { name: 'related_ids', code: 'uuid().array()', gin: true },
  { name: 'due_at', code: 'timestamptz()' },
  { name: 'starts_on', code: 'date()' },
  { name: 'deleted_at', code: 'timestamptz()', softDelete: true },
  { name: 'priority', code: 'smallint().notNull().default(0)' },
  { name: 'external_ref', code: 'text().unique()' },
  { name: 'position', code: 'bigint()' },
  { name: 'locale', code: "varchar(10).default('en')" },
  { name: 'published_at', code: 'timestamptz()' },
  { name: 'notes', code: 'text().array()' },
];

const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const camel = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** The table names, decided first so foreign keys and views can point at any earlier one. */
export function tableNames(count) {
  const names = ['profiles', 'audit_log'];
  for (let i = names.length; i < count; i++) names.push(`${nouns[i % nouns.length]}_${String(i).padStart(4, '0')}`);
  return names;
}

/** Fixed tables every generated schema has: profiles (roles for is_admin) and the audit log. */
function fixedTable(name) {
  if (name === 'profiles') {
    return {
      name,
      varName: 'profiles',
      columns: { id: ['id', "uuid().primaryKey().references('auth.users', 'id', { onDelete: 'cascade' }).describe('The auth user this profile belongs to')"] },
      body: `export const profiles = table('profiles', {
  description: 'One row per auth user: display name and role (read by is_admin())',
  columns: {
    id: uuid().primaryKey().references('auth.users', 'id', { onDelete: 'cascade' }).describe('The auth user this profile belongs to'),
    display_name: text(),
    role: userRole.column().notNull().default('member').describe('Role used by RLS policies through is_admin()'),
    avatar_url: text(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { profiles_role_idx: { on: ['role'] }, profiles_created_at_idx: { on: ['created_at DESC'] } },
  triggers: { set_updated_at: { timing: 'before', events: ['update'], function: setUpdatedAt } },
  rls: true,
  policies: {
    'Profiles are readable by their owner': { for: 'select', to: 'authenticated', using: sql\`id = auth.uid()\` },
    'Users update their own profile': { for: 'update', to: 'authenticated', using: sql\`id = auth.uid()\`, withCheck: sql\`id = auth.uid()\` },
  },
});`,
    };
  }
  return {
    name,
    varName: 'auditLog',
    columns: {},
    body: `export const auditLog = table('audit_log', {
  description: 'Row changes written by the audit_row() trigger',
  columns: {
    id: bigint().identity('always').primaryKey(),
    table_name: text().notNull(),
    operation: text().notNull().oneOf(['INSERT', 'UPDATE', 'DELETE']),
    row_id: uuid(),
    actor_id: uuid().describe('auth.uid() of the writer; NULL for the service role'),
    old_row: jsonb(),
    new_row: jsonb(),
    at: timestamptz().notNull().defaultNow(),
  },
  indexes: { audit_log_table_row_idx: { on: ['table_name', 'row_id'] }, audit_log_at_idx: { on: ['at DESC'] } },
  rls: true,
  policies: { 'Admins read the audit log': { for: 'select', to: 'authenticated', using: sql\`public.is_admin()\` } },
});`,
  };
}

/** One generated table: its definition source and the facts views and functions build on. */
export function generateTable(random, names, index, enums) {
  const name = names[index];
  if (index < 2) return fixedTable(name);
  const varName = camel(name);
  const columns = [['id', 'uuid().primaryKey().defaultRandom()'], ['owner_id', "uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).describe('The auth user who owns the row')"]];
  const facts = { name, varName, columns: {}, text: [], gin: [], fks: [], enum: undefined, softDelete: false, flag: undefined };

  const parents = random.sample(names.slice(2, index), random.int(0, Math.min(3, index - 2)));
  for (const parent of parents) {
    const onDelete = random.chance(0.6) ? 'cascade' : 'set null';
    const column = `${parent.replace(/_\d+$/, '')}_${parent.slice(-4)}_id`;
    const notNull = onDelete === 'cascade' ? '.notNull()' : '';
    columns.push([column, `uuid()${notNull}.references(${quote(parent)}, 'id', { onDelete: ${quote(onDelete)} })`]);
    facts.fks.push({ column, parent });
  }
  const total = random.int(8, 25);
  const extra = random.sample(pool, Math.max(0, total - columns.length - 2 - 1));
  const enumType = random.pick(enums);
  columns.push(['status', `${enumType.varName}.column().notNull().default(${quote(enumType.values[0])})`]);
  facts.enum = { column: 'status', value: enumType.values[0] };
  for (const column of extra) {
    const described = random.chance(0.4) ? `.describe(${quote(`${column.name.replace(/_/g, ' ')} of the ${nouns[index % nouns.length]}`)})` : '';
    columns.push([column.name, column.code + described]);
    if (column.text) facts.text.push(column.name);
    if (column.gin) facts.gin.push(column.name);
    if (column.softDelete) facts.softDelete = true;
    if (column.flag) facts.flag = column.name;
  }
  columns.push(['created_at', 'timestamptz().notNull().defaultNow()'], ['updated_at', 'timestamptz().notNull().defaultNow()']);
  for (const [column, code] of columns) facts.columns[column] = code;

  const indexes = generateIndexes(random, facts);
  const triggers = [`set_updated_at: { timing: 'before', events: ['update'], function: setUpdatedAt }`];
  if (index % 3 === 0) triggers.push(`audit_changes: { timing: 'after', events: ['insert', 'update', 'delete'], function: auditRow }`);
  const policies = generatePolicies(random, facts);

  facts.body = `export const ${varName} = table(${quote(name)}, {
  description: ${quote(`Generated ${nouns[index % nouns.length]} table ${index} of ${names.length}`)},
  columns: {
${columns.map(([column, code]) => `    ${column}: ${code},`).join('\n')}
  },
  indexes: {
${indexes.map(([indexName, code]) => `    ${indexName}: ${code},`).join('\n')}
  },
  triggers: {
${triggers.map((code) => `    ${code},`).join('\n')}
  },
  rls: true,
  policies: {
${policies.map(([policyName, code]) => `    ${quote(policyName)}: ${code},`).join('\n')}
  },
});`;
  return facts;
}

/** 2-5 indexes: composite, DESC, partial, gin, expression and foreign-key indexes. */
function generateIndexes(random, facts) {
  const t = facts.name;
  const kinds = [
    [`${t}_owner_created_idx`, "{ on: ['owner_id', 'created_at DESC'] }"],
    [`${t}_created_at_idx`, "{ on: ['created_at DESC'] }"],
  ];
  const partial = facts.softDelete ? 'deleted_at IS NULL' : facts.flag ? `${facts.flag}` : `status = '${facts.enum.value}'`;
  kinds.push([`${t}_live_idx`, `{ on: ['owner_id'], where: sql\`${partial}\` }`]);
  if (facts.gin.length) kinds.push([`${t}_${facts.gin[0]}_gin_idx`, `{ on: [${JSON.stringify(facts.gin[0]).replace(/"/g, "'")}], using: 'gin' }`]);
  if (facts.text.length) kinds.push([`${t}_${facts.text[0]}_lower_idx`, `{ on: ['lower(${facts.text[0]})'] }`]);
  for (const fk of facts.fks) kinds.push([`${t}_${fk.column}_idx`, `{ on: ['${fk.column}'] }`]);
  const count = Math.min(kinds.length, random.int(2, 5));
  return [kinds[0], ...random.sample(kinds.slice(1), count - 1)];
}

/** 1-3 RLS policies on auth.uid() (and the SECURITY DEFINER is_admin()). */
function generatePolicies(random, facts) {
  const t = facts.name;
  const all = [
    [`Owners can read ${t}`, "{ for: 'select', to: 'authenticated', using: sql`owner_id = (select auth.uid())` }"],
    [`Owners can write ${t}`, "{ for: 'all', to: 'authenticated', using: sql`owner_id = (select auth.uid())`, withCheck: sql`owner_id = (select auth.uid())` }"],
    [`Admins can read ${t}`, "{ for: 'select', to: 'authenticated', using: sql`public.is_admin()` }"],
    [`Owners can delete ${t}`, "{ for: 'delete', to: 'authenticated', using: sql`owner_id = auth.uid()` }"],
  ];
  return random.sample(all, random.int(1, 3));
}
