/**
 * How prettier classifies the pieces of a pulled expression when it picks a layout: which are
 * identifiers, literals, "simple" call arguments, lone short arguments, arguments it may hug,
 * and arrays it fills. Read on expressions whose references are resolved (no `ref` left).
 */
import type { Expr } from './code.js';
import { quoteString } from './literals.js';

/** The variable a `var` expression names. */
export type Names = (target: string) => string;

/** The name an identifier prints: a builder's, a definition's variable, or `Infinity` and `NaN`. */
export function identifierName(expr: Expr, names: Names): string | undefined {
  if (expr.kind === 'dsl') return expr.name;
  if (expr.kind === 'var') return names(expr.target);
  if (expr.kind === 'number' && (Number.isNaN(expr.value) || expr.value === Infinity)) return String(expr.value);
  return undefined;
}

/** A number or bigint printed with a minus, which JavaScript parses as a unary minus on a literal. */
export function isNegative(expr: Expr): boolean {
  if (expr.kind === 'number') return expr.value < 0 || Object.is(expr.value, -0);
  return expr.kind === 'bigint' && expr.value.startsWith('-');
}

/** What the minus of a negative number applies to. */
export function negated(expr: Expr): Expr {
  if (expr.kind === 'number') return { kind: 'number', value: -expr.value };
  if (expr.kind === 'bigint') return { kind: 'bigint', value: expr.value.slice(1) };
  return expr;
}

/** A numeric literal: a finite number without a minus. */
function isNumericLiteral(expr: Expr): boolean {
  return expr.kind === 'number' && Number.isFinite(expr.value) && !isNegative(expr);
}

/** A numeric literal, or one with a minus. */
function isSignedNumeric(expr: Expr): boolean {
  return expr.kind === 'number' && Number.isFinite(expr.value);
}

/** Prettier's literals: strings, numbers, bigints, booleans and null, without a minus. */
export function isLiteral(expr: Expr): boolean {
  if (expr.kind === 'string' || expr.kind === 'boolean' || expr.kind === 'null') return true;
  return (expr.kind === 'bigint' || isNumericLiteral(expr)) && !isNegative(expr);
}

/** A number or boolean value, which an assignment keeps beside its operator. */
export function isNumberOrBoolean(expr: Expr): boolean {
  return expr.kind === 'boolean' || isNumericLiteral(expr);
}

/** A sql`` template with more than one line: prettier keeps a call of it alone in one piece. */
export function isMultilineTemplate(expr: Expr): boolean {
  return expr.kind === 'sql' && expr.text.includes('\n');
}

/** Prettier's "simple" call argument, nested at most `depth` levels. A template tag is never simple. */
export function isSimpleArgument(expr: Expr, depth = 2): boolean {
  if (depth <= 0) return false;
  if (isNegative(expr)) return isSimpleArgument(negated(expr), depth);
  switch (expr.kind) {
    case 'object':
      return expr.entries.every(([, value]) => isSimpleArgument(value, depth - 1));
    case 'array':
      return expr.items.every((item) => isSimpleArgument(item, depth - 1));
    case 'call':
      return isSimpleArgument(expr.callee, depth) && expr.args.length <= depth && expr.args.every((arg) => isSimpleArgument(arg, depth - 1));
    case 'member':
      return isSimpleArgument(expr.object, depth);
    case 'sql':
    case 'ref':
      return false;
    default:
      return true;
  }
}

/** The longest argument (a quarter of the 120-column width) that still counts as short. */
const shortArgument = 30;

/** Prettier's lone short argument: an argument so short that a call of it is not worth breaking. */
export function isLoneShortArgument(expr: Expr, names: Names): boolean {
  const name = identifierName(expr, names);
  if (name !== undefined) return name.length <= shortArgument;
  if (isNegative(expr)) return isSignedNumeric(expr) || isLoneShortArgument(negated(expr), names);
  if (expr.kind === 'string') return quoteString(expr.value).length <= shortArgument;
  if (expr.kind === 'call' && expr.args.length === 0 && (expr.callee.kind === 'dsl' || expr.callee.kind === 'var')) {
    return identifierName(expr.callee, names)!.length <= shortArgument - 2;
  }
  return isLiteral(expr);
}

/** An object or array with something in it: the last argument of a call may hug the parentheses. */
export function couldExpand(expr: Expr): boolean {
  return (expr.kind === 'object' && expr.entries.length > 0) || (expr.kind === 'array' && expr.items.length > 0);
}

/** An array of numbers only, which prettier fills line by line instead of one item a line. */
export function isConciseArray(expr: Expr): boolean {
  return expr.kind === 'array' && expr.items.length > 0 && expr.items.every(isSignedNumeric);
}

/**
 * Arrays of two or more objects (or arrays) that each hold two or more entries: prettier breaks
 * them one item a line even when they would fit.
 */
export function isArrayOfRecords(expr: Expr): boolean {
  if (expr.kind !== 'array' || expr.items.length < 2) return false;
  const kind = expr.items[0]!.kind;
  return expr.items.every(
    (item) => item.kind === kind && ((item.kind === 'object' && item.entries.length > 1) || (item.kind === 'array' && item.items.length > 1)),
  );
}
