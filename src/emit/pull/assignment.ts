/**
 * `key: value` and `const name = value` as prettier lays them out. It picks one of three layouts
 * by the value: break after the operator first (strings, and calls too plain to break inside),
 * never break after it (short keys, templates, numbers, booleans), or "fluid": break after the
 * operator only when the value cannot even start on the line.
 */
import { group, indent, indentIfBreak, line, type Doc, type Group } from '../layout/doc.js';
import { stringWidth } from '../layout/width.js';
import { isLongChain } from './chain.js';
import type { Expr } from './code.js';
import type { ExprPrinter } from './print.js';
import { identifierName, isLoneShortArgument, isNegative, isNumberOrBoolean, negated, type Names } from './syntax.js';

type AssignmentLayout = 'break-after-operator' | 'never-break-after-operator' | 'fluid';

/**
 * A call chain that breaking inside would not help: calls without arguments or with one short
 * argument, down to a plain name (`text().notNull()`, `schema('crm')`), unless printed as a long chain.
 */
function isPoorlyBreakable(expr: Expr, names: Names, deep = false): boolean {
  if (expr.kind === 'call') {
    if (isLongChain(expr, names)) return false;
    const [only, ...more] = expr.args;
    if (more.length > 0 || (only && !isLoneShortArgument(only, names))) return false;
    return isPoorlyBreakable(expr.callee, names, true);
  }
  if (expr.kind === 'member') return isPoorlyBreakable(expr.object, names, true);
  return deep && identifierName(expr, names) !== undefined;
}

function breaksAfterOperator(value: Expr, names: Names): boolean {
  const operand = isNegative(value) ? negated(value) : value;
  return operand.kind === 'string' || isPoorlyBreakable(operand, names);
}

function layoutDoc(left: string, operator: string, right: Doc, layout: AssignmentLayout): Group {
  switch (layout) {
    case 'break-after-operator':
      return group([left, operator, group(indent([line, right]))]);
    case 'never-break-after-operator':
      return group([left, operator, ' ', right]);
    case 'fluid': {
      const id = Symbol('assignment');
      return group([left, operator, group(indent(line), { id }), indentIfBreak(right, id)]);
    }
  }
}

/** Keys narrower than this gain too little from moving their value to the next line. */
const shortKeyWidth = 5;

/** `key: value` in an object literal. */
export function propertyDoc(key: string, value: Expr, printer: ExprPrinter): Group {
  const shortKey = stringWidth(key) < shortKeyWidth;
  const layout: AssignmentLayout =
    !shortKey && breaksAfterOperator(value, printer.names)
      ? 'break-after-operator'
      : shortKey || value.kind === 'sql' || isNumberOrBoolean(value)
        ? 'never-break-after-operator'
        : 'fluid';
  return layoutDoc(key, ':', printer.print(value), layout);
}

/** `export const name = value;` */
export function declarationDoc(name: string, value: Expr, printer: ExprPrinter): Doc {
  const layout: AssignmentLayout = breaksAfterOperator(value, printer.names)
    ? 'break-after-operator'
    : value.kind === 'sql' || isNumberOrBoolean(value)
      ? 'never-break-after-operator'
      : 'fluid';
  return ['export ', group(['const ', layoutDoc(name, ' =', printer.print(value), layout), ';'])];
}
