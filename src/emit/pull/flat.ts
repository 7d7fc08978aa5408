/**
 * Expressions as the text they print on one line, without building their layout documents: a
 * property that fits its line (most of a generated file's) costs a string, and its document is
 * built only when it has to break. The text is what `print.ts` lays out for the expression in
 * flat mode; an expression holding something that must break (a multi-line template, an object
 * kept broken, an array of records, a long chain with complex arguments) has none.
 */
import { isLong, isTemplateCall, readChain, type Call } from './chain.js';
import type { Expr } from './code.js';
import { numberText, propertyKey, quoteString, templateBody } from './literals.js';
import { identifierName, isArrayOfRecords, isNegative, isSimpleArgument, negated, type Names } from './syntax.js';

/**
 * The object literals of one layout, numbered in the order they are printed: `forced` must
 * break, `ids` name their groups so the layout tells which ones broke. `next` is the number of
 * the next object printed: a document built later (a flat property that broke) numbers its
 * objects from where its text did.
 */
export interface ObjectLayouts {
  forced: Set<number>;
  ids: symbol[];
  next: number;
}

/** The number and group id of the next object literal printed. */
export function takeObject(objects: ObjectLayouts): { index: number; id: symbol } {
  const index = objects.next++;
  return { index, id: (objects.ids[index] ??= Symbol('object')) };
}

/** `key: value` on one line: the text of the property's group in flat mode. */
export function flatProperty(key: string, value: Expr, names: Names, objects: ObjectLayouts): string | undefined {
  const text = flatText(value, names, objects);
  return text === undefined ? undefined : `${key}: ${text}`;
}

/** An expression's text on one line, or undefined when something in it must break. */
export function flatText(expr: Expr, names: Names, objects: ObjectLayouts): string | undefined {
  const flat = (item: Expr) => flatText(item, names, objects);
  if (isNegative(expr)) {
    const operand = flat(negated(expr));
    return operand === undefined ? undefined : `-${operand}`;
  }
  switch (expr.kind) {
    case 'sql':
      return expr.text.includes('\n') ? undefined : `sql\`${templateBody(expr.text)}\``;
    case 'call':
      return callText(expr, names, objects);
    case 'member': {
      const object = flat(expr.object);
      return object === undefined ? undefined : `${object}.${expr.name}`;
    }
    case 'object': {
      if (expr.entries.length === 0) return '{}';
      const { index } = takeObject(objects);
      if (objects.forced.has(index)) return undefined;
      const entries = list(expr.entries, ([key, value]) => flatProperty(propertyKey(key), value, names, objects));
      return entries === undefined ? undefined : `{ ${entries} }`;
    }
    case 'array': {
      if (expr.items.length === 0) return '[]';
      if (isArrayOfRecords(expr)) return undefined;
      const items = list(expr.items, flat);
      return items === undefined ? undefined : `[${items}]`;
    }
    case 'ref':
      return undefined;
    default:
      return leafText(expr, names);
  }
}

/** A literal or a name: the same text however it is laid out. */
export function leafText(expr: Expr, names: Names): string | undefined {
  switch (expr.kind) {
    case 'string':
      return quoteString(expr.value);
    case 'number':
      return identifierName(expr, names) ?? numberText(expr.value);
    case 'bigint':
      return `${expr.value}n`;
    case 'boolean':
      return String(expr.value);
    case 'null':
      return 'null';
    case 'dsl':
    case 'var':
      return identifierName(expr, names);
    default:
      return undefined;
  }
}

function callText(call: Extract<Expr, { kind: 'call' }>, names: Names, objects: ObjectLayouts): string | undefined {
  const flat = (item: Expr) => flatText(item, names, objects);
  if (isTemplateCall(call)) return undefined;
  if (call.callee.kind !== 'member') {
    const callee = flat(call.callee);
    const args = callee === undefined ? undefined : argumentsText(call.args, flat);
    return args === undefined ? undefined : `${callee}${args}`;
  }
  // The links of the chain, as chain.ts reads them: argument lists and lookups down to its head.
  const links: (Expr | string)[] = [];
  let calls = 0;
  let simple = true;
  let current: Expr = call;
  for (;;) {
    if (current.kind === 'call' && (current.callee.kind === 'member' || current.callee.kind === 'call')) {
      calls++;
      simple &&= current.args.every((arg) => isSimpleArgument(arg));
      links.push(current);
      current = current.callee;
    } else if (current.kind === 'member') {
      links.push(`.${current.name}`);
      current = current.object;
    } else break;
  }
  if (current.kind === 'call') {
    calls++;
    simple &&= current.args.every((arg) => isSimpleArgument(arg));
  }
  // A long chain with more than two calls and an argument that is not simple always breaks.
  if (calls > 2 && !simple && isLong(readChain(call, names))) return undefined;
  let text = flat(current);
  for (let i = links.length - 1; i >= 0 && text !== undefined; i--) {
    const link = links[i]!;
    if (typeof link === 'string') text += link;
    else {
      const args = argumentsText((link as Call).args, flat);
      text = args === undefined ? undefined : text + args;
    }
  }
  return text;
}

function argumentsText(args: Expr[], flat: (item: Expr) => string | undefined): string | undefined {
  const text = list(args, flat);
  return text === undefined ? undefined : `(${text})`;
}

/** Items joined by `, `, or undefined when one has no flat text. */
function list<T>(items: T[], text: (item: T) => string | undefined): string | undefined {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const part = text(items[i]!);
    if (part === undefined) return undefined;
    out += i === 0 ? part : `, ${part}`;
  }
  return out;
}
