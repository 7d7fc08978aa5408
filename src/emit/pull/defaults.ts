import type { Column } from '../../model/schema.js';
import { arr, bool, jsonValue, sqlText, str, type Expr } from './code.js';

/** A method on a column builder: its name and arguments. */
export type Modifier = [name: string, args: Expr[]];

const numericTypes = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision']);

/** The base of a column type without its modifier: `character varying(20)` -> `character varying`. */
function baseType(type: string): string {
  return type.replace(/\((\d+(,\d+)?)\)$/, '');
}

/**
 * The default of a column as the builder a person would write: `.defaultNow()`, `.default(0)`,
 * `.default('new')`, `.default({})`, else `.default(sql\`...\`)`. A value is only written as a
 * literal when the DSL's rendering of it makes the server print exactly the same default: an
 * untyped literal takes the column's type, so `'new'::public.lead_status` is `.default('new')`.
 */
export function defaultModifier(column: Column): Modifier | undefined {
  const text = column.default;
  if (text === undefined) return undefined;
  if (text === 'now()') return ['defaultNow', []];
  if (text === 'gen_random_uuid()' && column.type === 'uuid') return ['defaultRandom', []];
  const literal = literalValue(text, column.type);
  return ['default', [literal ?? sqlText(text)]];
}

function literalValue(text: string, type: string): Expr | undefined {
  if ((text === 'true' || text === 'false') && type === 'boolean') return bool(text === 'true');
  if (/^-?\d+(\.\d+)?$/.test(text) && numericTypes.has(baseType(type))) return numberLiteral(text);
  const quoted = /^'((?:[^']|'')*)'::(.+)$/s.exec(text);
  if (!quoted || quoted[2] !== baseType(type)) return undefined;
  const value = quoted[1]!.replace(/''/g, "'");
  if (type.endsWith('[]')) return value === '{}' ? arr([]) : undefined;
  if (numericTypes.has(baseType(type))) return /^-?\d+(\.\d+)?$/.test(value) ? numberLiteral(value) : undefined;
  if (type === 'jsonb') return jsonLiteral(value);
  if (type === 'json' || type === 'boolean') return undefined;
  return str(value);
}

/** A number only when JavaScript prints it back the same way (no rounding, no lost zeros). */
function numberLiteral(text: string): Expr | undefined {
  const value = Number(text);
  const exact = String(value) === text && (Number.isSafeInteger(value) || !Number.isInteger(value));
  return exact ? { kind: 'number', value } : undefined;
}

/**
 * An object or array jsonb default, when writing it back through JSON.stringify gives the value
 * the server holds: jsonb keeps its own key order and number spellings, so a value is only
 * rewritten when its printed form re-reads identically.
 */
function jsonLiteral(value: string): Expr | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object') return undefined;
  return jsonbText(parsed) === value ? jsonValue(parsed) : undefined;
}

/** jsonb's output spelling: `{"a": 1, "b": [1, 2]}`. */
function jsonbText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${jsonbText(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}
