import { ident, literal } from '../../src/sql/quote.js';
import { enumOfType, type ColumnType } from './spec.js';

/** A TypeKind groups column types that take the same defaults, checks and expressions. */
export type TypeKind = 'int' | 'numeric' | 'text' | 'bool' | 'time' | 'jsonb' | 'uuid' | 'textArray' | 'intArray' | 'enum' | 'enumArray';

/** The kind of a column type; an enum that no longer exists reads as text. */
export function kindOf(type: ColumnType, enumValues: (name: string) => string[] | undefined): TypeKind {
  const en = enumOfType(type);
  if (en) {
    if (!enumValues(en.name)) return en.array ? 'textArray' : 'text';
    return en.array ? 'enumArray' : 'enum';
  }
  if (type === 'integer' || type === 'bigint') return 'int';
  if (type.startsWith('numeric')) return 'numeric';
  if (type === 'text' || type.startsWith('varchar')) return 'text';
  if (type === 'boolean') return 'bool';
  if (type === 'timestamptz') return 'time';
  if (type === 'jsonb') return 'jsonb';
  if (type === 'uuid') return 'uuid';
  if (type === 'text[]') return 'textArray';
  if (type === 'integer[]') return 'intArray';
  throw new Error(`unknown spec type ${type}`);
}

/**
 * The two defaults of a kind (SQL text), or none when the kind has no sensible default. With
 * `immutable`, only constants (a generated column may not call now() or gen_random_uuid()).
 */
export function defaultSql(kind: TypeKind, variant: 0 | 1, values: string[], immutable = false): string | undefined {
  if (immutable && (kind === 'time' || kind === 'uuid')) variant = 1;
  switch (kind) {
    case 'int':
      return ['0', '42'][variant]!;
    case 'numeric':
      return ['0', '1.5'][variant]!;
    case 'text':
      return [literal('x'), literal("it's")][variant]!;
    case 'bool':
      return ['false', 'true'][variant]!;
    case 'time':
      return ['now()', literal('2020-01-01 00:00:00+00')][variant]!;
    case 'jsonb':
      return [`${literal('{}')}::jsonb`, `${literal('[1]')}::jsonb`][variant]!;
    case 'uuid':
      return ['gen_random_uuid()', `${literal('00000000-0000-0000-0000-000000000000')}::uuid`][variant]!;
    case 'textArray':
      return [`${literal('{}')}::text[]`, `ARRAY[${literal('a')}]`][variant]!;
    case 'intArray':
      return [`${literal('{}')}::integer[]`, `${literal('{1,2}')}::integer[]`][variant]!;
    case 'enum':
      return values.length ? literal(variant === 0 ? values[0]! : values[values.length - 1]!) : undefined;
    case 'enumArray':
      return undefined;
  }
}

/** The two checks of a kind on a column (SQL text). */
export function checkSql(kind: TypeKind, variant: 0 | 1, column: string, values: string[]): string {
  const q = ident(column);
  switch (kind) {
    case 'int':
    case 'numeric':
      return [`${q} >= 0`, `${q} < 1000000`][variant]!;
    case 'text':
      return [`char_length(${q}) <= 50`, `${q} <> ''`][variant]!;
    case 'bool':
      return [`${q} IS NOT NULL`, `${q} OR NOT ${q}`][variant]!;
    case 'time':
      return [`${q} > ${literal('2000-01-01')}`, `${q} IS NOT NULL`][variant]!;
    case 'jsonb':
      return [`jsonb_typeof(${q}) <> ${literal('null')}`, `${q} <> ${literal('null')}::jsonb`][variant]!;
    case 'uuid':
      return [`${q} IS NOT NULL`, `${q} <> ${literal('00000000-0000-0000-0000-000000000000')}::uuid`][variant]!;
    case 'textArray':
    case 'intArray':
    case 'enumArray':
      return [`cardinality(${q}) < 10`, `${q} IS NOT NULL`][variant]!;
    case 'enum':
      return variant === 1 && values.length ? `${q} <> ${literal(values[0]!)}` : `${q} IS NOT NULL`;
  }
}

/** Whether `lower()` applies to a column of this kind. */
export function isTextual(kind: TypeKind): boolean {
  return kind === 'text';
}

/**
 * Whether PostgreSQL has an explicit cast between two spec types, so `USING column::type` can
 * convert the values. Strings convert to and from anything (I/O casts); the rest is the cast
 * catalog for these types.
 */
export function hasCast(from: ColumnType, to: ColumnType): boolean {
  const family = (type: ColumnType): string => {
    const en = enumOfType(type);
    if (en) return en.array ? 'array' : 'enum';
    if (type === 'text' || type.startsWith('varchar')) return 'string';
    if (type === 'integer') return 'int4';
    if (type === 'bigint' || type.startsWith('numeric')) return 'number';
    if (type.endsWith('[]')) return 'array';
    return type;
  };
  const element = (type: ColumnType) => (type.endsWith('[]') ? type.slice(0, -2) : undefined);
  const [ea, eb] = [element(from), element(to)];
  if (ea !== undefined && eb !== undefined) return hasCast(ea, eb);
  const a = family(from);
  const b = family(to);
  if (a === b || a === 'string' || b === 'string') return true;
  const casts = new Set(['int4>number', 'number>int4', 'int4>boolean', 'boolean>int4', 'jsonb>int4', 'jsonb>number', 'jsonb>boolean']);
  return casts.has(`${a}>${b}`);
}
