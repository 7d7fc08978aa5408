/**
 * Prints pulled expressions already in their final form: the text prettier (typescript parser,
 * singleQuote, printWidth 120, trailing commas everywhere) would make of them, built as layout
 * documents by the same rules prettier follows for calls, chains, objects, arrays, assignments
 * and template literals, so `pull` needs no formatter at run time.
 */
import { fill, flat, group, ifBreak, indent, join, line, literalText, softline, type Doc, type Group } from '../layout/doc.js';
import { printDoc, type Mode } from '../layout/print.js';
import { declarationDoc, propertyDoc } from './assignment.js';
import { callDoc, memberDoc } from './calls.js';
import type { Expr } from './code.js';
import { stringWidth } from '../layout/width.js';
import { flatProperty, leafText, takeObject, type ObjectLayouts } from './flat.js';
import { propertyKey, quoteString, templateBody } from './literals.js';
import { isArrayOfRecords, isConciseArray, isNegative, negated, type Names } from './syntax.js';

/** The line width of pulled files. */
export const printWidth = 120;

/** Turns expressions into documents; `names` gives the variable of each `var`. */
export interface ExprPrinter {
  names: Names;
  print(expr: Expr): Doc;
  objects: ObjectLayouts;
  /** Flat properties of earlier layouts of the same declaration, by value. */
  flats: Map<Expr, FlatProperty>;
}

/** A property's flat text, where its objects' numbers start and how many it holds. */
interface FlatProperty {
  key: string;
  text: string;
  width: number;
  start: number;
  objects: number;
}

function exprPrinter(names: Names, objects: ObjectLayouts, flats: Map<Expr, FlatProperty> = new Map()): ExprPrinter {
  const printer: ExprPrinter = { names, objects, flats, print: (expr) => exprDoc(expr, printer) };
  return printer;
}

function exprDoc(expr: Expr, printer: ExprPrinter): Doc {
  if (isNegative(expr)) return ['-', exprDoc(negated(expr), printer)];
  switch (expr.kind) {
    case 'sql':
      // Template text is printed as written: prettier never indents or breaks inside it.
      return ['sql`', literalText(templateBody(expr.text)), '`'];
    case 'call':
      return callDoc(expr, printer);
    case 'member':
      return memberDoc(expr, printer);
    case 'object':
      return objectDoc(expr, printer);
    case 'array':
      return arrayDoc(expr, printer);
    case 'ref':
      throw new Error(`a reference to ${expr.target} reached the printer unresolved`);
    default:
      return leafText(expr, printer.names)!;
  }
}

/** `{ a: 1, b: 2 }` while it fits, else one entry a line with a trailing comma. */
function objectDoc(expr: Extract<Expr, { kind: 'object' }>, printer: ExprPrinter): Doc {
  if (expr.entries.length === 0) return '{}';
  const { index, id } = takeObject(printer.objects);
  const entries = expr.entries.map(([key, value]) => propertyEntry(propertyKey(key), value, printer));
  return group(['{', indent([line, join([',', line], entries)]), ifBreak(','), line, '}'], { shouldBreak: printer.objects.forced.has(index), id });
}

/**
 * A property as its flat text when nothing in it must break; its document is built only if it
 * does not fit. A layout again of the same declaration reuses the text while none of the
 * property's objects is now kept broken.
 */
function propertyEntry(key: string, value: Expr, printer: ExprPrinter): Doc {
  const { objects, names } = printer;
  const start = objects.next;
  let known = printer.flats.get(value);
  if (known && known.key === key && known.start === start && !anyForced(objects.forced, start, known.objects)) objects.next += known.objects;
  else {
    const text = flatProperty(key, value, names, objects);
    if (text === undefined) {
      objects.next = start;
      return propertyDoc(key, value, printer);
    }
    known = { key, text, width: stringWidth(text), start, objects: objects.next - start };
    printer.flats.set(value, known);
  }
  return flat(known.text, known.width, brokenProperty, { key, value, printer, start });
}

/** A flat property's document, its objects numbered from where its text numbered them. */
function brokenProperty({ key, value, printer, start }: { key: string; value: Expr; printer: ExprPrinter; start: number }): Group {
  return propertyDoc(key, value, exprPrinter(printer.names, { ...printer.objects, next: start }, printer.flats));
}

function anyForced(forced: Set<number>, start: number, count: number): boolean {
  if (forced.size === 0) return false;
  for (let index = start; index < start + count; index++) if (forced.has(index)) return true;
  return false;
}

/** `['a', 'b']` while it fits, else one item a line; numbers fill their lines instead. */
function arrayDoc(expr: Extract<Expr, { kind: 'array' }>, printer: ExprPrinter): Doc {
  if (expr.items.length === 0) return '[]';
  const id = Symbol('array');
  const last = expr.items.length - 1;
  let body: Doc;
  if (isConciseArray(expr)) {
    // The trailing comma follows the array's own group: a fill never breaks as a whole.
    const trailingComma = ifBreak(',', '', id);
    body = fill(expr.items.flatMap((item, i) => (i < last ? [[printer.print(item), ','], line] : [[printer.print(item), trailingComma]])));
  } else {
    body = [join([',', line], expr.items.map((item) => group(printer.print(item)))), ifBreak(',')];
  }
  return group(['[', indent([softline, body]), softline, ']'], { shouldBreak: isArrayOfRecords(expr), id });
}

/** How many times a declaration is laid out again at most, should prettier's layouts never settle. */
const maxPasses = 8;

/**
 * `export const name = value;` laid out in the width. Prettier keeps an object broken when its
 * first key stands on a line of its own, so formatting its own output can change it (a chain
 * that broke to fit a hugged object then fits on one line). The declaration is written as
 * prettier leaves it: laid out again with the objects that broke kept broken, until that
 * changes nothing.
 */
export function printDeclaration(name: string, value: Expr, names: Names): string {
  return settle((printer) => declarationDoc(name, value, printer), names);
}

/** Lays a document out again until the objects that broke stay the same (see printDeclaration). */
function settle(build: (printer: ExprPrinter) => Doc, names: Names, depth = 0): string {
  let forced = new Set<number>();
  let text = '';
  const flats = new Map<Expr, FlatProperty>();
  for (let pass = 0; pass < maxPasses; pass++) {
    const objects: ObjectLayouts = { forced, ids: [], next: 0 };
    const modes = new Map<symbol, Mode>();
    let doc: Doc = build(exprPrinter(names, objects, flats));
    for (let level = 0; level < Math.floor(depth / 2); level++) doc = indent(doc);
    text = printDoc([' '.repeat(depth), doc], printWidth, modes).slice(depth);
    const broken = new Set(objects.ids.flatMap((id, index) => (modes.get(id) === 'break' ? [index] : [])));
    if (broken.size === forced.size && [...broken].every((index) => forced.has(index))) break;
    forced = broken;
  }
  return text;
}

/**
 * A piece of a file that already exists, as prettier lays it out `depth` spaces deep: a value, or
 * with `key` the property `key: value,`. Lines after the first carry the indentation (template
 * text excepted, which is printed as written).
 */
export function printFragment(value: Expr, names: Names, depth: number, key?: string): string {
  return settle((printer) => (key === undefined ? printer.print(value) : [propertyDoc(propertyKey(key), value, printer), ',']), names, depth);
}

/** `import { a, b } from 'module';`: one name stays between its braces, several break one a line when too long. */
export function printImport(names: string[], module: string): string {
  const specifiers: Doc =
    names.length === 0 ? '{}' : names.length === 1 ? ['{ ', names[0]!, ' }'] : group(['{', indent([line, join([',', line], names)]), ifBreak(','), line, '}']);
  return printDoc(['import ', specifiers, ' from ', quoteString(module), ';'], printWidth);
}
