/**
 * Merges one pulled definition into the call that declares it: the pulled expressions of the
 * definitions' model (`mine`) and of the database's (`db`) are compared key by key, and only
 * where they differ is the source edited: a property added, replaced or removed, a method of a
 * column chain added, changed or dropped. What is not written plainly (a spread, a helper, a
 * computed name) is reported instead of overwritten.
 */
import { Node, type CallExpression, type ObjectLiteralExpression } from 'ts-morph';
import { call, dsl, type Expr } from '../code.js';
import { printFragment } from '../print.js';
import type { TextEdit } from './edits.js';
import {
  chainOf,
  depthOf,
  findProperty,
  hasOpaqueEntries,
  insertLink,
  insertProperty,
  isPlainValue,
  removeLink,
  removeProperty,
  replaceLink,
  replaceNode,
  valueOf,
  type ChainLink,
} from './source.js';

/** What one merge writes: edits to the file, and what it could not merge, by path. */
export interface MergeSink {
  edits: TextEdit[];
  problems: string[];
}

type ObjectExpr = Extract<Expr, { kind: 'object' }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const names = (target: string) => target;
const print = (value: Expr, depth: number, key?: string) => printFragment(value, names, depth, key);
const label = (path: string[]) => path.map((part) => (/^[A-Za-z_$][\w$]*$/.test(part) ? part : JSON.stringify(part))).join('.');

/** Keys of a table's options whose entries may be declared elsewhere (column shorthands, `oneOf`): added ones get their own property. */
const entryContainers = new Set(['checks', 'indexes', 'triggers', 'policies', 'exclusions']);

/** Merges a definition's call: positional arguments, then its options object. */
export function mergeCall(node: CallExpression, mine: Expr, db: Expr, sink: MergeSink): void {
  if (mine.kind !== 'call' || db.kind !== 'call') return;
  const builder = node.getExpression().getText();
  const dbBuilder = db.callee.kind === 'dsl' ? db.callee.name : undefined;
  if (dbBuilder !== builder) {
    sink.problems.push(`it is declared with ${builder}() where the database reads as ${dbBuilder}()`);
    return;
  }
  const args = node.getArguments();
  const isOptions = (expr: Expr | undefined) => expr?.kind === 'object';
  const positional = (expr: Extract<Expr, { kind: 'call' }>) => (isOptions(expr.args[expr.args.length - 1]) ? expr.args.slice(0, -1) : expr.args);
  const minePositional = positional(mine);
  const dbPositional = positional(db);
  for (let i = 0; i < Math.max(minePositional.length, dbPositional.length); i++) {
    if (same(minePositional[i], dbPositional[i])) continue;
    const arg = args[i];
    if (arg && dbPositional[i] && isPlainValue(arg)) sink.edits.push(replaceNode(arg, print(dbPositional[i]!, depthOf(node))));
    else sink.problems.push(`argument ${i + 1} is not written as a plain value`);
  }
  const empty: ObjectExpr = { kind: 'object', entries: [] };
  const mineOptions = (isOptions(mine.args[mine.args.length - 1]) ? mine.args[mine.args.length - 1] : empty) as ObjectExpr;
  const dbOptions = (isOptions(db.args[db.args.length - 1]) ? db.args[db.args.length - 1] : empty) as ObjectExpr;
  if (same(mineOptions, dbOptions)) return;
  const options = args[minePositional.length];
  if (options && Node.isObjectLiteralExpression(options)) syncObject(options, mineOptions, dbOptions, [], sink);
  else sink.problems.push('its options are not written as an object literal');
}

/** Adds, replaces and removes the entries of an object literal where the two sides differ. */
function syncObject(node: ObjectLiteralExpression, mine: ObjectExpr, db: ObjectExpr, path: string[], sink: MergeSink): void {
  const mineEntries = new Map(mine.entries);
  const dbKeys = db.entries.map(([key]) => key);
  for (const [index, [key, value]] of db.entries.entries()) {
    const before = mineEntries.get(key);
    if (same(before, value)) continue;
    const property = findProperty(node, key);
    if (property) {
      mergeValue(property, before, value, [...path, key], sink);
      continue;
    }
    if (before === undefined) {
      // Placed after the nearest entry before it that the source writes, so order follows the database.
      const anchor = dbKeys
        .slice(0, index)
        .reverse()
        .map((k) => findProperty(node, k))
        .find(Boolean);
      sink.edits.push(insertProperty(node, anchor, (depth) => print(value, depth, key)));
    } else if (path.length === 0 && entryContainers.has(key) && before.kind === 'object' && value.kind === 'object' && !hasOpaqueEntries(node)) {
      addOnly(node, key, before, value, dbKeys.slice(0, index), [...path, key], sink);
    } else {
      sink.problems.push(`${label([...path, key])} is not written as a plain property (a spread or a helper?)`);
    }
  }
  for (const [key] of mine.entries) {
    if (db.entries.some(([k]) => k === key)) continue;
    const property = findProperty(node, key);
    if (property) sink.edits.push(removeProperty(property));
    else sink.problems.push(`${label([...path, key])} is gone from the database but not written as a plain property`);
  }
}

/**
 * The source declares a table's checks (or indexes...) elsewhere, through column methods: new
 * entries get a property of their own; a changed or dropped one cannot be found, and is reported.
 */
function addOnly(node: ObjectLiteralExpression, key: string, mine: ObjectExpr, db: ObjectExpr, keysBefore: string[], path: string[], sink: MergeSink): void {
  const mineKeys = new Map(mine.entries);
  const added = db.entries.filter(([k]) => !mineKeys.has(k));
  for (const [k, value] of mine.entries) {
    const now = db.entries.find(([d]) => d === k);
    if (!now || !same(now[1], value)) sink.problems.push(`${label([...path, k])} is declared by code (a column method or helper) and cannot be merged`);
  }
  if (added.length === 0) return;
  const anchor = keysBefore
    .reverse()
    .map((k) => findProperty(node, k))
    .find(Boolean);
  sink.edits.push(insertProperty(node, anchor, (depth) => print({ kind: 'object', entries: added }, depth, key)));
}

function mergeValue(property: Node, mine: Expr | undefined, db: Expr, path: string[], sink: MergeSink): void {
  const value = valueOf(property);
  if (!value) {
    sink.problems.push(`${label(path)} is not written as a plain property`);
    return;
  }
  if (mine?.kind === 'object' && db.kind === 'object' && Node.isObjectLiteralExpression(value)) {
    syncObject(value, mine, db, path, sink);
    return;
  }
  if (path.length === 2 && path[0] === 'columns' && mine?.kind === 'call' && db.kind === 'call') {
    mergeChain(value, mine, db, path, sink);
    return;
  }
  if (isPlainValue(value)) {
    sink.edits.push(replaceNode(value, print(db, depthOf(property))));
    return;
  }
  sink.problems.push(`${label(path)} is built by code (a variable or helper) and cannot be merged`);
}

type Method = [name: string, args: Expr[]];

/** A pulled column: its type call, then its methods in order. */
function methodsOf(expr: Expr): { root: Expr; methods: Method[] } {
  const methods: Method[] = [];
  let current = expr;
  while (current.kind === 'call' && current.callee.kind === 'member') {
    methods.unshift([current.callee.name, current.args]);
    current = current.callee.object;
  }
  return { root: current, methods };
}

/** Methods that say the same thing share a family: `.default(sql\`now()\`)` and `.defaultNow()`. */
const family = (name: string) => (name.startsWith('default') ? 'default' : name === 'comment' ? 'describe' : name);

/** Merges a column's chain method by method: the type, `.notNull()`, the default, `.describe()`... */
function mergeChain(node: Node, mine: Expr, db: Expr, path: string[], sink: MergeSink): void {
  const chain = chainOf(node);
  const before = methodsOf(mine);
  const after = methodsOf(db);
  const depth = depthOf(node) + 2;
  if (!same(before.root, after.root)) {
    const root = chain.root;
    const rootName = Node.isCallExpression(root) ? root.getExpression().getText() : undefined;
    const mineName = before.root.kind === 'call' && before.root.callee.kind === 'dsl' ? before.root.callee.name : undefined;
    if (rootName !== undefined && rootName === mineName) sink.edits.push(replaceNode(root, print(after.root, depth)));
    else sink.problems.push(`the type of ${label(path)} changed, and the column is built by code (a helper?)`);
  }
  const find = (name: string): ChainLink | undefined => chain.links.find((link) => family(link.name) === family(name));
  const callText = ([name, args]: Method) => print(call(dsl(name), ...args), depth);
  const mineMethods = new Map(before.methods.map((method) => [family(method[0]), method]));
  const dbMethods = new Map(after.methods.map((method) => [family(method[0]), method]));
  for (const [key, method] of dbMethods) {
    const was = mineMethods.get(key);
    if (same(was, method)) continue;
    const link = find(method[0]);
    if (link) sink.edits.push(replaceLink(link, callText(method)));
    else if (was === undefined) sink.edits.push(insertLink(chain, key === 'describe' ? undefined : find('describe'), callText(method)));
    else sink.problems.push(`${label(path)}: .${method[0]}() is set by code (a helper?) and cannot be merged`);
  }
  for (const [key, method] of mineMethods) {
    if (dbMethods.has(key)) continue;
    const link = find(method[0]);
    if (link) sink.edits.push(removeLink(link));
    else sink.problems.push(`${label(path)}: .${method[0]}() is gone from the database, but the column gets it from code (a helper?)`);
  }
}
