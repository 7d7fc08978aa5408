import { objectId, readParts } from '../../model/id.js';
import { multirangeId } from '../../model/range.js';
import { bool, call, method, num, obj, str, type Expr } from './code.js';
import { userTypeKey, warn, type PullContext } from './context.js';

/** A type name as `format_type` prints it, split: `"Odd Schema".mood[]` -> schema, name, array. */
export interface TypeName {
  schema?: string;
  name: string;
  /** `(20)`, `(12,2)` or empty. */
  modifier: string;
  array: boolean;
}

/** Splits a printed type name; undefined for spellings with words after a modifier (`timestamp(3) with time zone`). */
export function parseTypeName(text: string): TypeName | undefined {
  const { parts, end, unterminated } = readParts(text, '"([]');
  if (unterminated || parts.includes('')) return undefined;
  const rest = /^(\([^)]*\))?(\[\])?$/.exec(text.slice(end));
  if (!rest || parts.length === 0 || parts.length > 2) return undefined;
  return {
    ...(parts.length === 2 ? { schema: parts[0]! } : {}),
    name: parts.at(-1)!,
    modifier: rest[1] ?? '',
    array: Boolean(rest[2]),
  };
}

/** Built-in types with a builder of their own, by `format_type` spelling. */
const builders: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  smallint: 'smallint',
  integer: 'integer',
  bigint: 'bigint',
  real: 'real',
  'double precision': 'doublePrecision',
  boolean: 'boolean',
  date: 'date',
  'time without time zone': 'time',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  interval: 'interval',
  json: 'json',
  jsonb: 'jsonb',
  bytea: 'bytea',
  inet: 'inet',
  cidr: 'cidr',
  tsvector: 'tsvector',
  numeric: 'numeric',
  'character varying': 'varchar',
  character: 'char',
};

/**
 * Types an extension brings, which the DSL knows by their bare name (it mirrors the DSL's list:
 * phases share only the model). The server prints them qualified (`public.citext`).
 */
const extensionTypes = new Set(['citext', 'hstore', 'ltree', 'lquery', 'cube', 'seg', 'isbn', 'ean13', 'vector', 'halfvec']);

/** A name the DSL's string lookup finds as is: lower-case letters, digits and underscores. */
const plain = /^[a-z_][a-z0-9_]*$/;

/**
 * The type as text the DSL resolves: built-in spellings as printed, extension types without the
 * schema the server adds, user types `schema.name` when plain.
 */
export function typeText(type: string, ctx: PullContext): string {
  const parsed = parseTypeName(type);
  if (parsed?.schema && !ctx.external.has(parsed.schema) && extensionTypes.has(parsed.name)) {
    return `${parsed.name}${parsed.modifier}${parsed.array ? '[]' : ''}`;
  }
  return type;
}

/** A TypeRef written out, for user types whose name the DSL's string lookup cannot find. */
function typeRefLiteral(kind: 'enum' | 'domain' | 'composite' | 'range', schema: string, name: string, array: boolean): Expr {
  return obj([
    ['pgform', str(kind)],
    ['schema', str(schema)],
    ['name', str(name)],
    ['array', array ? bool(true) : undefined],
  ]);
}

/** The enum, domain or composite type behind a printed type, with how to name it without its variable. */
function userType(type: string, ctx: PullContext): { key: string; byName: Expr; array: boolean } | undefined {
  const parsed = parseTypeName(type);
  if (!parsed?.schema || parsed.modifier) return undefined;
  const found = userTypeKey(ctx, parsed.schema, parsed.name);
  if (!found) return undefined;
  const isPlain = plain.test(parsed.schema) && plain.test(parsed.name);
  const byName = isPlain ? str(`${parsed.schema}.${parsed.name}${parsed.array ? '[]' : ''}`) : typeRefLiteral(found.kind, parsed.schema, parsed.name, parsed.array);
  return { key: found.key, byName, array: parsed.array };
}

/**
 * Warns about a schema-qualified type that is neither an enum, a domain, a composite type, an
 * extension's type nor in a preset's schema (a table's row type, a range type): definitions cannot name it.
 */
function checkDeclarable(type: string, ctx: PullContext, where: { object: string; what: string }): void {
  const parsed = parseTypeName(type);
  if (!parsed?.schema || ctx.external.has(parsed.schema) || extensionTypes.has(parsed.name)) return;
  // A pulled range type's multirange is named by its text: the range's definition declares it.
  if (Object.values(ctx.schema.ranges ?? {}).some((range) => multirangeId(range) === objectId(parsed.schema!, parsed.name))) return;
  warn(ctx, where.object, `${where.what} has type ${type}, which definitions can only name when it is an enum, a domain, a composite or range type or a built-in type`);
}

/** The start of a column: `uuid()`, `varchar(20)`, `leadStatus.column().array()`, `column('box')`. */
export function columnType(type: string, ctx: PullContext, where: { object: string; what: string }): Expr {
  const user = userType(type, ctx);
  if (user) {
    const scalar: Expr = method({ kind: 'var', target: user.key }, 'column');
    const direct = user.array ? method(scalar, 'array') : scalar;
    return { kind: 'ref', target: user.key, direct, byName: call('column', user.byName) };
  }
  const array = type.endsWith('[]');
  const base = array ? type.slice(0, -2) : type;
  const builtin = builtinColumn(base);
  if (builtin) return array ? method(builtin, 'array') : builtin;
  checkDeclarable(type, ctx, where);
  return call('column', str(typeText(type, ctx)));
}

function builtinColumn(type: string): Expr | undefined {
  const simple = builders[type];
  if (simple && simple !== 'char') return call(simple);
  const modified = /^(character varying|character|numeric)\((\d+)(?:,(\d+))?\)$/.exec(type);
  if (!modified) return undefined;
  const args = [num(modified[2]!), ...(modified[3] !== undefined ? [num(modified[3])] : [])];
  return call(builders[modified[1]!]!, ...args);
}

/**
 * An argument or result type of a routine: the enum's variable, or the type's text. `where` is
 * left out for results, where a table's row type (`SETOF public.leads`) is declarable.
 */
export function routineType(type: string, ctx: PullContext, where?: { object: string; what: string }): Expr {
  const user = userType(type, ctx);
  if (!user) {
    if (where) checkDeclarable(type, ctx, where);
    return str(typeText(type, ctx));
  }
  if (user.array) return user.byName;
  return { kind: 'ref', target: user.key, direct: { kind: 'var', target: user.key }, byName: user.byName };
}
