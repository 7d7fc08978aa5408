import fc from 'fast-check';
import { zodColumn } from '../../src/emit/zod/columns.js';
import { parseCheck, type SqlNode } from '../../src/emit/zod/parse-check.js';
import type { Column, Schema, Table } from '../../src/model/schema.js';
import { parseTypeName } from '../../src/emit/types/pg-types.js';

/** A drawn row: column values as JavaScript, `undefined` for a column left out. */
export type Row = Record<string, unknown>;

function constants(node: SqlNode, into: (string | number)[]): void {
  switch (node.kind) {
    case 'constant':
      if (typeof node.value === 'number' || typeof node.value === 'string') into.push(node.value);
      return;
    case 'cast':
    case 'not':
    case 'is-null':
      return constants(node.operand, into);
    case 'binary':
      constants(node.left, into);
      return constants(node.right, into);
    case 'any':
      constants(node.left, into);
      return node.values.forEach((v) => constants(v, into));
    case 'and':
    case 'or':
      return node.operands.forEach((o) => constants(o, into));
    case 'call':
      return node.args.forEach((a) => constants(a, into));
    case 'array':
      return node.items.forEach((i) => constants(i, into));
    case 'column':
      return;
  }
}

/** Numbers and strings the table's checks (and its columns' domains' checks) mention: the values at their edges. */
function checkConstants(schema: Schema, table: Table): (string | number)[] {
  const found: (string | number)[] = [];
  const expressions = Object.values(table.constraints).flatMap((c) => (c.kind === 'check' ? [c.expression] : []));
  for (const column of table.columns) for (const d of zodColumn(schema, column.type).domains) expressions.push(...Object.values(d.checks).map((c) => c.expression));
  for (const expression of expressions) {
    try {
      constants(parseCheck(expression), found);
    } catch {
      // An expression the parser cannot read gives no edges.
    }
  }
  return found;
}

const patterns = (schema: Schema, table: Table): RegExp[] =>
  [...Object.values(table.constraints).flatMap((c) => (c.kind === 'check' ? [c.expression] : [])),
    ...table.columns.flatMap((c) => zodColumn(schema, c.type).domains.flatMap((d) => Object.values(d.checks).map((k) => k.expression)))]
    .flatMap((e) => [...e.matchAll(/~\*? '((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'")))
    .flatMap((p) => {
      try {
        return [new RegExp(p)];
      } catch {
        return [];
      }
    });

/** Values of one column's type: the edges the checks name, one past them, and ordinary ones. */
function columnValues(schema: Schema, table: Table, column: Column): fc.Arbitrary<unknown> | undefined {
  const zodType = zodColumn(schema, column.type);
  const type = parseTypeName(column.type);
  const edges = checkConstants(schema, table);
  const numbers = edges.filter((e): e is number => typeof e === 'number');
  const strings = edges.filter((e): e is string => typeof e === 'string');
  const length = Number(/\((\d+)\)/.exec(column.type)?.[1] ?? 0);
  const scalar = (): fc.Arbitrary<unknown> | undefined => {
    switch (zodType.kind) {
      case 'number': {
        const integer = ['smallint', 'integer', 'bigint'].includes(type.name) || (zodType.domains.length === 0 && /^(smallint|integer|bigint)/.test(column.type));
        const around = numbers.flatMap((n) => [n - 1, n, n + 1, n - 0.5, n + 0.5]).filter((n) => !integer || Number.isInteger(n));
        const bounds = type.name === 'smallint' ? [32767, 32768, -32768, -32769] : type.name === 'integer' ? [2147483647, 2147483648] : [];
        const precision = /numeric\((\d+),(\d+)\)/.exec(column.type);
        const digits = precision ? [10 ** (Number(precision[1]) - Number(precision[2])) - 1, 10 ** (Number(precision[1]) - Number(precision[2]))] : [];
        return fc.oneof(fc.constantFrom(0, 1, -1, 7, ...around, ...bounds, ...digits), integer ? fc.integer({ min: -1000, max: 1000 }) : fc.double({ min: -1000, max: 1000, noNaN: true }).map((n) => Math.round(n * 100) / 100));
      }
      case 'text': {
        if (type.name === 'uuid') return fc.uuid();
        const values = zodType.values ?? [];
        const regexes = patterns(schema, table);
        const sized = length > 0 ? ['x'.repeat(length), 'y'.repeat(length + 1)] : [];
        return fc.oneof(
          fc.constantFrom('', 'a', 'abc', 'Hello world', 'ABC-12', 'order', 'XXX-1', ...values, ...strings, ...sized, 'x'.repeat(21)),
          ...regexes.map((r) => fc.stringMatching(r, { size: 'small' })),
          fc.string({ unit: 'grapheme-ascii', maxLength: 8 }),
        );
      }
      case 'boolean':
        return fc.boolean();
      case 'date':
        if (type.name === 'date') return fc.constantFrom('2024-01-01', '2024-02-29', '2023-12-31', '2025-06-15');
        return fc.constantFrom('2024-01-01T00:00:00Z', '2024-05-06T07:08:09.123+02:00', '2023-12-31T23:59:59', '2025-06-15T12:00:00Z');
      case 'json':
        return fc.constantFrom({}, [], { a: 1 }, [1, 2], 'x', 3, true);
      case 'array':
        return fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 5 });
      default:
        return undefined;
    }
  };
  const values = scalar();
  if (!values) return undefined;
  return fc.oneof({ arbitrary: values, weight: 10 }, { arbitrary: fc.constant(null), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

/**
 * Rows for a table: each column's value drawn from the values around its constraints, NULL or
 * left out; `undefined` when a column's type has no values here (the table is then not drawn).
 * `fits` says whether a value passes the column's own schema: values that do are drawn more
 * often, so that rows passing every constraint of a table with many are drawn too.
 */
export function rowsOf(schema: Schema, table: Table, fits: (column: string, value: unknown) => boolean, seed: number): fc.Arbitrary<Row> | undefined {
  const entries: [string, fc.Arbitrary<unknown>][] = [];
  for (const column of table.columns) {
    const drawn = columnValues(schema, table, column);
    if (!drawn) {
      // A column of a type drawn here never: left out, so only tables where that is allowed are drawn.
      if (column.notNull && !column.default && !column.identity && !column.generated) return undefined;
      continue;
    }
    const fitting = fc.sample(drawn, { numRuns: 200, seed }).filter((value) => value === undefined || fits(column.name, value));
    const values = fitting.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...fitting), weight: 4 }, { arbitrary: drawn, weight: 1 }) : drawn;
    // The database fills these; a value for them must be refused by both sides.
    entries.push([column.name, column.identity === 'always' || column.generated ? fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: drawn, weight: 1 }) : values]);
  }
  return fc.record(Object.fromEntries(entries)).map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)));
}

/** A value as PostgreSQL's text input of the column's type reads it. */
export function sqlText(value: unknown, kind: string): string | null {
  if (value === null) return null;
  if (kind === 'json') return JSON.stringify(value);
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v).replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
  return String(value);
}
