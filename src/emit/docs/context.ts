import { objectId, parseObjectId } from '../../model/id.js';
import { multirangeId } from '../../model/range.js';
import type { ForeignKey, Routine, Schema, Table } from '../../model/schema.js';
import { code, link } from './markdown.js';
import { tokenize } from './sql-text.js';

/**
 * Anchors of the top-level sections. They carry a prefix because system notes have headings of
 * their own ("Key joins"), and a renderer's automatic anchor for those must not take ours.
 */
export const sectionAnchor = {
  overview: 'section-overview',
  inventory: 'section-inventory',
  tables: 'section-tables',
  relationships: 'section-relationships',
  joins: 'section-key-joins',
  views: 'section-views',
  functions: 'section-functions',
  types: 'section-types',
  diagrams: 'section-diagrams',
  gaps: 'section-gaps',
} as const;

/** The group of objects without one. */
export const ungrouped = 'Ungrouped';

/** A DocGroup is one inventory section: a documentation group and the objects in it, sorted by id. */
export interface DocGroup {
  name: string;
  anchor: string;
  description?: string;
  note?: string;
  tables: string[];
  views: string[];
  routines: string[];
  enums: string[];
  domains: string[];
  composites: string[];
  ranges: string[];
}

/** A ForeignKeyRef is a foreign key with the id of the table that holds it. */
export interface ForeignKeyRef {
  table: string;
  key: ForeignKey;
}

export type AnchorKind = 'table' | 'view' | 'routine' | 'enum' | 'domain' | 'composite' | 'range' | 'group' | 'diagram';

/**
 * A DocsContext is what every section needs besides the schema: groups in document order,
 * foreign keys, and one anchor per object. Anchors are made once for the whole document and
 * made unique there, so two names that slug alike (`Leads` and `leads`) still get their own.
 */
export interface DocsContext {
  schema: Schema;
  groups: DocGroup[];
  /** Table ids in the order of the inventory (group order, then id). */
  tableOrder: string[];
  foreignKeys: ForeignKeyRef[];
  /** The foreign keys a table holds, and those that reference it, in `foreignKeys` order. */
  foreignKeysFrom: Map<string, ForeignKeyRef[]>;
  foreignKeysTo: Map<string, ForeignKeyRef[]>;
  /** The group each table, view and routine is listed in. */
  groupOf: Map<string, DocGroup>;
  anchor(kind: AnchorKind, id: string): string | undefined;
  /** Routine ids by schema-qualified name (`public.score`), for triggers and calls. */
  routinesByName: Map<string, string[]>;
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts strings by code point, the same everywhere (no locale). */
export function sorted(values: Iterable<string>): string[] {
  return [...values].sort(byText);
}

export function buildContext(schema: Schema): DocsContext {
  const groups = buildGroups(schema);
  const anchors = new Map<string, string>();
  const used = new Set<string>();
  const add = (kind: AnchorKind, id: string, label = id) => {
    const base = `${kind === 'routine' ? 'function' : kind}-${slug(label)}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    anchors.set(`${kind}:${id}`, anchor);
  };
  for (const group of groups) {
    add('group', group.name);
    add('diagram', group.name);
  }
  for (const id of sorted(Object.keys(schema.tables))) add('table', id, displayId(id));
  for (const id of sorted(Object.keys(schema.views))) add('view', id, displayId(id));
  for (const id of sorted(Object.keys(schema.routines))) add('routine', id, routineTitle(schema.routines[id]!));
  for (const id of sorted(Object.keys(schema.enums))) add('enum', id, displayId(id));
  for (const id of sorted(Object.keys(schema.domains))) add('domain', id, displayId(id));
  for (const id of sorted(Object.keys(schema.composites ?? {}))) add('composite', id, displayId(id));
  for (const id of sorted(Object.keys(schema.ranges ?? {}))) add('range', id, displayId(id));
  for (const group of groups) group.anchor = anchors.get(`group:${group.name}`)!;

  const foreignKeys: ForeignKeyRef[] = [];
  for (const id of sorted(Object.keys(schema.tables))) {
    const table = schema.tables[id]!;
    for (const name of sorted(Object.keys(table.constraints))) {
      const key = table.constraints[name]!;
      if (key.kind === 'foreign key') foreignKeys.push({ table: id, key });
    }
  }
  // Looked up per table: a filter over every foreign key for each of thousands of tables took
  // most of a large schema's docs.
  const foreignKeysFrom = new Map<string, ForeignKeyRef[]>();
  const foreignKeysTo = new Map<string, ForeignKeyRef[]>();
  for (const fk of foreignKeys) {
    append(foreignKeysFrom, fk.table, fk);
    append(foreignKeysTo, fk.key.references.table, fk);
  }
  const groupOf = new Map<string, DocGroup>();
  for (const group of groups) for (const id of [...group.tables, ...group.views, ...group.routines]) if (!groupOf.has(id)) groupOf.set(id, group);
  const routinesByName = new Map<string, string[]>();
  for (const id of sorted(Object.keys(schema.routines))) {
    const routine = schema.routines[id]!;
    const name = objectId(routine.schema, routine.name);
    routinesByName.set(name, [...(routinesByName.get(name) ?? []), id]);
  }
  return {
    schema,
    groups,
    tableOrder: groups.flatMap((group) => group.tables),
    foreignKeys,
    foreignKeysFrom,
    foreignKeysTo,
    groupOf,
    anchor: (kind, id) => anchors.get(`${kind}:${id}`),
    routinesByName,
  };
}

/** Groups in document order: declared groups first, then other group names, then Ungrouped. */
function buildGroups(schema: Schema): DocGroup[] {
  const byName = new Map<string, DocGroup>();
  const group = (name: string) => {
    let found = byName.get(name);
    if (!found) {
      found = { name, anchor: '', tables: [], views: [], routines: [], enums: [], domains: [], composites: [], ranges: [] };
      byName.set(name, found);
    }
    return found;
  };
  for (const [name, docs] of Object.entries(schema.docs.groups)) {
    const declared = group(name);
    if (docs.description) declared.description = docs.description;
    if (docs.note) declared.note = docs.note;
  }
  const place = (kind: 'tables' | 'views' | 'routines' | 'enums' | 'domains' | 'composites' | 'ranges', record: Record<string, { group?: string }>) => {
    for (const id of sorted(Object.keys(record))) group(record[id]!.group ?? ungrouped)[kind].push(id);
  };
  const declaredNames = Object.keys(schema.docs.groups);
  const others = new Set<string>();
  for (const record of [schema.tables, schema.views, schema.routines, schema.enums, schema.domains, schema.composites ?? {}, schema.ranges ?? {}] as Record<string, { group?: string }>[]) {
    for (const item of Object.values(record)) if (item.group && !declaredNames.includes(item.group)) others.add(item.group);
  }
  for (const name of sorted(others)) group(name);
  place('tables', schema.tables);
  place('views', schema.views);
  place('routines', schema.routines);
  place('enums', schema.enums);
  place('domains', schema.domains);
  place('composites', schema.composites ?? {});
  place('ranges', schema.ranges ?? {});
  const order = [...declaredNames, ...sorted(others), ...(byName.has(ungrouped) && !declaredNames.includes(ungrouped) ? [ungrouped] : [])];
  return [...new Set(order)].map((name) => byName.get(name)!);
}

/** An anchor-safe slug: letters, digits, `_` and `-`, lower case. */
export function slug(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned || 'x';
}

/** How a schema-qualified name reads in the document: `public` is left out. */
export function displayName(schema: string, name: string): string {
  return schema === 'public' ? name : `${schema}.${name}`;
}

/** The display name of a relation or type id. */
export function displayId(id: string): string {
  const { schema, name } = parseObjectId(id);
  return displayName(schema, name);
}

/** A table or view as a link to its section, or plain code when the document has none (auth.users). */
export function relationRef(ctx: DocsContext, id: string): string {
  const anchor = ctx.anchor('table', id) ?? ctx.anchor('view', id);
  return anchor ? link(code(displayId(id)), anchor) : code(displayId(id));
}

/** A routine's signature without the schema when it is `public`: `score(p_lead uuid)`. */
export function routineSignature(routine: Routine): string {
  const args = routine.arguments.map((arg) => {
    const mode = arg.mode === 'in' ? '' : `${arg.mode.toUpperCase()} `;
    return `${mode}${arg.name ? `${arg.name} ` : ''}${shortType(arg.type)}${arg.default ? ` DEFAULT ${arg.default}` : ''}`;
  });
  return `${displayName(routine.schema, routine.name)}(${args.join(', ')})`;
}

/** A routine's heading: its name and identity argument types, `score(uuid, integer)`. */
export function routineTitle(routine: Routine): string {
  const types = routine.arguments.filter((a) => a.mode !== 'out').map((a) => shortType(a.type));
  return `${displayName(routine.schema, routine.name)}(${types.join(', ')})`;
}

/** A link to a routine's section, shown as `name()`, with argument types when the name is overloaded. */
export function routineRef(ctx: DocsContext, id: string): string {
  const routine = ctx.schema.routines[id];
  const overloaded = routine && (ctx.routinesByName.get(objectId(routine.schema, routine.name))?.length ?? 0) > 1;
  const text = routine ? (overloaded ? routineTitle(routine) : `${displayName(routine.schema, routine.name)}()`) : id;
  const anchor = ctx.anchor('routine', id);
  return anchor ? link(code(text), anchor) : code(text);
}

/** The routine a trigger calls (trigger functions take no declared arguments). */
export function triggerRoutine(ctx: DocsContext, functionName: string): string | undefined {
  const { schema, name } = parseObjectId(functionName);
  const candidates = ctx.routinesByName.get(objectId(schema, name)) ?? [];
  return candidates.find((id) => ctx.schema.routines[id]!.arguments.length === 0) ?? candidates[0];
}

const aliases: [RegExp, string][] = [
  [/^timestamp(\(\d+\))? with time zone/, 'timestamptz$1'],
  [/^timestamp(\(\d+\))? without time zone/, 'timestamp$1'],
  [/^time(\(\d+\))? with time zone/, 'timetz$1'],
  [/^time(\(\d+\))? without time zone/, 'time$1'],
  [/^character varying/, 'varchar'],
  // `public.` is left out of type names as it is of relation names, also inside `SETOF public.x`.
  [/(^|[\s(,])public\./g, '$1'],
];

/** PostgreSQL's printed type in its short spelling (both are the same type to the server). */
export function shortType(type: string): string {
  let text = type;
  for (const [pattern, replacement] of aliases) text = text.replace(pattern, replacement);
  return text;
}

/** The id of the user type a column type names (`public.lead_status[]` -> `public.lead_status`). */
export function typeId(type: string): string | undefined {
  const tokens = tokenize(type.replace(/(\[\d*\])+$/, ''));
  const names = tokens.filter((t) => t.kind === 'word' || t.kind === 'quoted');
  if (tokens.length !== 3 || names.length !== 2 || tokens[1]!.value !== '.') return undefined;
  return objectId(names[0]!.value, names[1]!.value);
}

/** A column type, linked to its enum, domain, composite or range type section when it is one (a multirange: its range's). */
export function typeRef(ctx: DocsContext, type: string): string {
  const id = typeId(type);
  const range = id && Object.values(ctx.schema.ranges ?? {}).find((r) => multirangeId(r) === id);
  const anchor = id && (ctx.anchor('enum', id) ?? ctx.anchor('domain', id) ?? ctx.anchor('composite', id) ?? ctx.anchor('range', range ? objectId(range.schema, range.name) : id));
  return anchor ? link(code(shortType(type)), anchor) : code(shortType(type));
}

/** Columns of a table that are part of the primary key. */
export function primaryKeyColumns(table: Table): string[] {
  const key = Object.values(table.constraints).find((c) => c.kind === 'primary key');
  return key && key.kind === 'primary key' ? key.columns : [];
}
