/**
 * The Zod schema of one column's values, from its type: integers within their type's range,
 * `numeric(p, s)` within what rounds into p digits, `varchar(n)` at most n long, uuids, ISO
 * dates and timestamps, json, enums as `z.enum`, arrays of any of these. Domains are read
 * through to their base type; a range or multirange is its text (`'[1,5)'`). A type Zod cannot describe better is a string, which PostgreSQL
 * parses itself.
 */
import { objectId } from '../../model/id.js';
import { multirangeId } from '../../model/range.js';
import type { Domain, Schema } from '../../model/schema.js';
import { dsl, method, num, obj, bool, strings, type Expr } from '../pull/code.js';
import { parseTypeName } from '../types/pg-types.js';

/** How a check reads a column's values: compared as numbers, text, instants, booleans or arrays. */
export type ValueKind = 'number' | 'text' | 'date' | 'boolean' | 'array' | 'json' | 'other';

/** A column's type as Zod sees it: the base schema, and what checks may compare it as. */
export interface ZodColumn {
  schema: Expr;
  kind: ValueKind;
  /** The values of an enum (or of a text column an IN check narrows), which replace the base schema. */
  values?: string[];
  /** Domains the type passes through, outermost first: their checks apply to the column. */
  domains: Domain[];
  /** A NOT NULL domain: the column never holds NULL. */
  notNull: boolean;
}

const z = dsl('z');
const zod = (name: string, ...args: Expr[]) => method(z, name, ...args);
const iso = (name: string, ...args: Expr[]) => method({ kind: 'member', object: z, name: 'iso' }, name, ...args);

/** `numeric(12,2)` -> [12, 2]. */
function modifiers(spelling: string): number[] {
  const match = /\(([\d\s,]+)\)/.exec(spelling);
  return match ? match[1]!.split(',').map((part) => Number(part.trim())) : [];
}

function builtin(name: string, spelling: string): { schema: Expr; kind: ValueKind } {
  switch (name) {
    case 'smallint':
      return { schema: method(method(zod('int'), 'min', num(-32768)), 'max', num(32767)), kind: 'number' };
    case 'integer':
      return { schema: zod('int32'), kind: 'number' };
    case 'bigint':
      // JSON numbers: a bigint beyond 2^53 cannot travel as one.
      return { schema: zod('int'), kind: 'number' };
    case 'real':
    case 'double precision':
      return { schema: zod('number'), kind: 'number' };
    case 'numeric': {
      const [precision, scale = 0] = modifiers(spelling);
      if (precision === undefined) return { schema: zod('number'), kind: 'number' };
      // PostgreSQL rounds to the scale, then refuses what needs more than precision - scale integer digits.
      const bound = Number((10 ** (precision - scale) - 5 * 10 ** -(scale + 1)).toPrecision(precision + 1));
      return { schema: method(method(zod('number'), 'gt', num(-bound)), 'lt', num(bound)), kind: 'number' };
    }
    case 'boolean':
      return { schema: zod('boolean'), kind: 'boolean' };
    case 'uuid':
      // Any 8-4-4-4-12 hex value, as PostgreSQL's uuid accepts (z.uuid() wants an RFC variant).
      return { schema: zod('guid'), kind: 'text' };
    case 'json':
    case 'jsonb':
      return { schema: zod('json'), kind: 'json' };
    case 'date':
      return { schema: iso('date'), kind: 'date' };
    case 'timestamp with time zone':
    case 'timestamp without time zone':
      return { schema: iso('datetime', obj([['offset', bool(true)], ['local', bool(true)]])), kind: 'date' };
    case 'time without time zone':
      return { schema: iso('time'), kind: 'other' };
    case 'text':
    case 'citext':
      return { schema: zod('string'), kind: 'text' };
    case 'character varying':
    case 'character': {
      const [length] = modifiers(spelling);
      return { schema: length === undefined ? zod('string') : method(zod('string'), 'max', num(length)), kind: 'text' };
    }
    default:
      return { schema: zod('string'), kind: 'other' };
  }
}

/** Resolves a column's printed type to its Zod schema. */
export function zodColumn(schema: Schema, spelling: string, seen: Set<string> = new Set()): ZodColumn {
  const type = parseTypeName(spelling);
  const id = objectId(type.schema ?? 'public', type.name);
  let element: ZodColumn;
  const anEnum = schema.enums[id];
  const domain = schema.domains[id];
  const range = Object.values(schema.ranges ?? {}).some((r) => objectId(r.schema, r.name) === id || multirangeId(r) === id);
  if (anEnum) element = { schema: zod('enum', strings(anEnum.values)), kind: 'text', values: anEnum.values, domains: [], notNull: false };
  else if (range) element = { schema: zod('string'), kind: 'other', domains: [], notNull: false };
  else if (domain && !seen.has(id)) {
    const base = zodColumn(schema, domain.type, new Set([...seen, id]));
    element = { ...base, domains: [domain, ...base.domains], notNull: domain.notNull || base.notNull };
  } else element = { ...builtin(type.schema && type.schema !== 'pg_catalog' ? type.name : type.name, spelling), domains: [], notNull: false };
  if (!type.array) return element;
  // An array's elements may be NULL; its domains' checks judge the array, not the elements.
  return { schema: zod('array', method(element.schema, 'nullable')), kind: 'array', domains: [], notNull: false };
}
