/**
 * The fixed part of `zod.ts`: `holds`, which evaluates a CHECK constraint kept as data with
 * PostgreSQL's three-valued logic, and `checked`, which adds a table's checks to a schema as
 * refinements, and `notNull` for json columns that are NOT NULL. Kept in prettier's layout for the file's options (the golden test formats it).
 */

export const runtime = `/** A CHECK constraint as data, evaluated by \`holds\`: \`['>=', ['col', 'total', 'number'], ['val', 0]]\`. */
type Sql = readonly unknown[];

/** A CHECK constraint of a table, by name, that the columns' own schemas cannot express. */
interface Check {
  name: string;
  /** The columns the check reads. */
  columns: string[];
  /** Those of them the database may fill on insert (a default, an identity, a generated column). */
  filled: string[];
  expression: Sql;
}

/**
 * Whether a row passes a check as PostgreSQL decides: a check that comes out NULL passes. An
 * insert that leaves out a column without a default gives it NULL; one the database fills, and
 * any column an update leaves out, is not known here: the database decides.
 */
function holds(check: Check, row: Record<string, unknown>, update: boolean): boolean {
  const unknown = update ? check.columns : check.filled;
  return unknown.some((column) => row[column] === undefined) || evaluate(check.expression, row) !== false;
}

function evaluate(node: Sql, row: Record<string, unknown>): unknown {
  const [operator, ...args] = node;
  const at = (index: number) => evaluate(args[index] as Sql, row);
  const all = () => args.map((arg) => evaluate(arg as Sql, row));
  switch (operator) {
    case 'col': {
      const value = row[args[0] as string] ?? null;
      return value !== null && args[1] === 'date' ? Date.parse(value as string) : value;
    }
    case 'val':
      return args[1] === 'date' ? Date.parse(args[0] as string) : args[0];
    case 'and':
      return all().reduce(
        (a, b) => (a === false || b === false ? false : a === null || b === null ? null : true),
        true,
      );
    case 'or':
      return all().reduce((a, b) => (a === true || b === true ? true : a === null || b === null ? null : false), false);
    case 'not':
      return at(0) === null ? null : !at(0);
    case 'isnull':
      return at(0) === null;
    case 'notnull':
      return at(0) !== null;
    case 'coalesce':
      return all().find((value) => value !== null) ?? null;
    case 'in': {
      const [value, ...values] = all();
      if (value === null) return null;
      return values.includes(value) ? true : values.includes(null) ? null : false;
    }
    case '~': {
      const value = at(0);
      return value === null ? null : new RegExp(args[1] as string, args[2] as string).test(value as string);
    }
  }
  const values = all();
  if (values.includes(null)) return null;
  const [a, b] = values as [number, number];
  switch (operator) {
    case 'length':
      return [...(values[0] as string)].length;
    case 'cardinality':
      return (values[0] as unknown[]).length;
    case 'btrim':
      return (values[0] as string).replace(/^ +| +$/g, '');
    case 'lower':
      return (values[0] as string).toLowerCase();
    case 'upper':
      return (values[0] as string).toUpperCase();
    case 'typeof':
      return Array.isArray(values[0])
        ? 'array'
        : values[0] === null
          ? 'null'
          : typeof values[0] === 'object'
            ? 'object'
            : typeof values[0];
    case '=':
      return a === b;
    case '<>':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
  }
  throw new Error(\`unknown operator \${String(operator)}\`);
}

/** A json column that is NOT NULL: JSON's null would arrive as SQL NULL. */
function notNull(value: unknown): boolean {
  return value !== null;
}

/** A table's schema with its checks as refinements, each reported on the first column it reads. */
function checked<T extends z.ZodType<Record<string, unknown>>>(schema: T, checks: Check[], update = false): T {
  return checks.reduce(
    (refined, check) =>
      refined.refine((row) => holds(check, row, update), {
        message: \`violates CHECK \${check.name}\`,
        path: check.columns.slice(0, 1),
      }),
    schema,
  );
}`;
