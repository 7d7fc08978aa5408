/**
 * CHECK constraints as Zod rules. A check made of comparisons of one column with constants
 * (`score >= 0 AND score <= 100`, `status = ANY (ARRAY[...])`, `length(name) <= 80`,
 * `code ~ '^[A-Z]{3}$'`, `name <> ''`) becomes methods on that column's schema (`.gte(0)`,
 * `z.enum([...])`, `.max(80)`, `.regex(...)`, `.min(1)`). Any other check within the grammar
 * the generated `holds()` evaluates (several columns, OR, IS NULL, arithmetic, coalesce) becomes
 * a refinement of the row, with PostgreSQL's rule that NULL passes. What neither can say is
 * returned as untranslated, with the reason, for the emitter to name.
 */
import { arr, num, str, type Expr } from '../pull/code.js';
import type { ValueKind, ZodColumn } from './columns.js';
import { parseCheck, Unreadable, type SqlNode } from './parse-check.js';

/** A rule on one column's schema: a method call, a set of allowed values, or NOT NULL. */
export type ColumnRule = { method: string; args: Expr[] } | { values: string[] } | { required: true };

export type CheckTranslation =
  | { kind: 'column'; rules: [string, ColumnRule][] }
  | { kind: 'row'; expression: Expr; columns: string[] }
  | { kind: 'untranslated'; reason: string };

type Columns = Map<string, ZodColumn>;

const flipped: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '<>': '<>' };
const numericTypes = new Set(['smallint', 'integer', 'bigint', 'real', 'double precision', 'numeric']);
const textTypes = new Set(['text', 'character varying', 'character', 'bpchar', 'citext', 'name']);
const dateTypes = new Set(['date', 'timestamp with time zone', 'timestamp without time zone']);

/** Translates one CHECK expression (`VALUE` stands for `column` in a domain's check). */
export function translateCheck(expression: string, columns: Columns, value?: string): CheckTranslation {
  let tree: SqlNode;
  try {
    tree = parseCheck(expression);
    if (value !== undefined) tree = renameValue(tree, value);
  } catch (error) {
    if (error instanceof Unreadable) return { kind: 'untranslated', reason: `cannot read ${error.message}` };
    throw error;
  }
  const conjuncts = tree.kind === 'and' ? tree.operands : [tree];
  const rules = conjuncts.map((conjunct) => columnRule(conjunct, columns));
  if (rules.every((rule): rule is [string, ColumnRule] => rule !== undefined)) return { kind: 'column', rules };
  try {
    const used = new Set<string>();
    const { expression: ast } = evaluable(tree, columns, used);
    return { kind: 'row', expression: ast, columns: [...used] };
  } catch (error) {
    if (error instanceof Unreadable) return { kind: 'untranslated', reason: error.message };
    throw error;
  }
}

function renameValue(node: SqlNode, column: string): SqlNode {
  const walk = (n: SqlNode): SqlNode => {
    switch (n.kind) {
      case 'column':
        return n.name.toUpperCase() === 'VALUE' ? { kind: 'column', name: column } : n;
      case 'constant':
        return n;
      case 'cast':
      case 'not':
      case 'is-null':
        return { ...n, operand: walk(n.operand) };
      case 'binary':
        return { ...n, left: walk(n.left), right: walk(n.right) };
      case 'any':
        return { ...n, left: walk(n.left), values: n.values.map(walk) };
      case 'and':
      case 'or':
        return { ...n, operands: n.operands.map(walk) };
      case 'call':
        return { ...n, args: n.args.map(walk) };
      case 'array':
        return { ...n, items: n.items.map(walk) };
    }
  };
  return walk(node);
}

/** A constant, through the casts PostgreSQL prints on it (`0::numeric`, `'a'::text`). */
function constantOf(node: SqlNode): { value: string | number | boolean | null; text?: boolean } | undefined {
  if (node.kind === 'constant') return node;
  if (node.kind === 'cast') {
    const inner = constantOf(node.operand);
    if (!inner) return undefined;
    if (numericTypes.has(node.type) && inner.text && inner.value !== null && /^\s*-?\d+(\.\d+)?\s*$/.test(String(inner.value))) return { value: Number(inner.value) };
    return inner;
  }
  return undefined;
}

/** A column, through a cast that keeps its values' kind (`(status)::text`, `(qty)::numeric`). */
function columnOf(node: SqlNode, columns: Columns): { name: string; column: ZodColumn } | undefined {
  if (node.kind === 'column') {
    const column = columns.get(node.name);
    return column ? { name: node.name, column } : undefined;
  }
  if (node.kind === 'cast') {
    const inner = columnOf(node.operand, columns);
    if (!inner) return undefined;
    const kind = numericTypes.has(node.type) ? 'number' : textTypes.has(node.type) ? 'text' : dateTypes.has(node.type) ? 'date' : undefined;
    return kind === inner.column.kind ? inner : undefined;
  }
  return undefined;
}

const numberMethods: Record<string, string> = { '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' };

/** The column rule one conjunct of a check amounts to, if it is one. */
function columnRule(node: SqlNode, columns: Columns): [string, ColumnRule] | undefined {
  if (node.kind === 'is-null' && node.negated) {
    const target = columnOf(node.operand, columns);
    return target ? [target.name, { required: true }] : undefined;
  }
  if (node.kind === 'any' && node.operator === '=') {
    const target = columnOf(node.left, columns);
    const values = node.values.map(constantOf);
    if (!target || target.column.kind !== 'text' || !values.every((v) => v?.text && typeof v.value === 'string')) return undefined;
    return [target.name, { values: values.map((v) => v!.value as string) }];
  }
  if (node.kind !== 'binary') return undefined;
  let { operator, left, right } = node;
  if (constantOf(left) && !constantOf(right)) [operator, left, right] = [flipped[operator] ?? operator, right, left];
  const constant = constantOf(right);
  if (!constant || constant.value === null) return undefined;
  if (operator === '~' || operator === '~*') {
    const target = columnOf(left, columns);
    if (!target || target.column.kind !== 'text' || typeof constant.value !== 'string' || !portablePattern(constant.value)) return undefined;
    return [target.name, { method: 'regex', args: [regexp(constant.value, operator === '~*')] }];
  }
  if (left.kind === 'call' && left.args.length === 1 && typeof constant.value === 'number' && Number.isInteger(constant.value)) {
    const target = columnOf(left.args[0]!, columns);
    const measures = (left.name === 'length' || left.name === 'char_length') && target?.column.kind === 'text';
    const counts = left.name === 'cardinality' && target?.column.kind === 'array';
    if (!target || !(measures || counts)) return undefined;
    const n = constant.value;
    const rule: ColumnRule | undefined =
      operator === '<=' ? { method: 'max', args: [num(n)] }
      : operator === '<' ? { method: 'max', args: [num(n - 1)] }
      : operator === '>=' ? { method: 'min', args: [num(n)] }
      : operator === '>' ? { method: 'min', args: [num(n + 1)] }
      : operator === '=' ? { method: 'length', args: [num(n)] }
      : undefined;
    // A negative bound says nothing Zod's min and max would take.
    return rule && n >= 0 ? [target.name, rule] : undefined;
  }
  const target = columnOf(left, columns);
  if (!target) return undefined;
  if (target.column.kind === 'number' && typeof constant.value === 'number' && numberMethods[operator]) {
    return [target.name, { method: numberMethods[operator]!, args: [num(constant.value)] }];
  }
  if (target.column.kind === 'text' && constant.text && typeof constant.value === 'string') {
    if (operator === '=') return [target.name, { values: [constant.value] }];
    if (operator === '<>' && constant.value === '') return [target.name, { method: 'min', args: [num(1)] }];
  }
  return undefined;
}

/**
 * Whether a POSIX pattern means the same to JavaScript's RegExp: no character classes by name,
 * no ARE-only escapes or options. `\w` and `\d` stay ASCII in JavaScript, locale-wide in PostgreSQL.
 */
export function portablePattern(pattern: string): boolean {
  if (/\[\[[:.=]|\(\?|\*\*\*/.test(pattern)) return false;
  for (const match of pattern.matchAll(/\\(.)/g)) if (!/[.^$*+?()[\]{}|\\/dDsSwW-]/.test(match[1]!)) return false;
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** `RegExp('^[A-Z]{3}$')`: a call, so the printer needs no regular-expression literal. */
function regexp(pattern: string, ignoreCase: boolean): Expr {
  return { kind: 'call', callee: { kind: 'dsl', name: 'RegExp' }, args: ignoreCase ? [str(pattern), str('i')] : [str(pattern)] };
}

type Typed = { expression: Expr; kind: ValueKind | 'null' };

const comparable: Record<string, ValueKind[]> = {
  '=': ['number', 'text', 'date', 'boolean'],
  '<>': ['number', 'text', 'date', 'boolean'],
  '<': ['number', 'date'],
  '<=': ['number', 'date'],
  '>': ['number', 'date'],
  '>=': ['number', 'date'],
};

/** The check as data for `holds()`: `['or', ['isnull', ...], ['>=', ['col', 'a', 'date'], ...]]`. */
function evaluable(node: SqlNode, columns: Columns, used: Set<string>): Typed {
  const walk = (n: SqlNode) => evaluable(n, columns, used);
  const node_ = (op: string, ...items: Expr[]): Expr => arr([str(op), ...items]);
  switch (node.kind) {
    case 'column': {
      const column = columns.get(node.name);
      if (!column) throw new Unreadable(`the column ${node.name}, which the table does not have`);
      used.add(node.name);
      return { expression: node_('col', str(node.name), str(column.kind)), kind: column.kind };
    }
    case 'constant':
      if (node.value === null) return { expression: node_('val', { kind: 'null' }), kind: 'null' };
      if (typeof node.value === 'number') return { expression: node_('val', num(node.value)), kind: 'number' };
      if (typeof node.value === 'boolean') return { expression: node_('val', { kind: 'boolean', value: node.value }), kind: 'boolean' };
      return { expression: node_('val', str(node.value)), kind: 'text' };
    case 'cast': {
      const constant = constantOf(node);
      if (constant && node.operand.kind === 'constant') {
        if (dateTypes.has(node.type) && typeof constant.value === 'string' && Number.isFinite(Date.parse(constant.value))) {
          return { expression: node_('val', str(constant.value), str('date')), kind: 'date' };
        }
        if (numericTypes.has(node.type) && typeof constant.value === 'number') return { expression: node_('val', num(constant.value)), kind: 'number' };
        if (textTypes.has(node.type) && typeof constant.value === 'string') return { expression: node_('val', str(constant.value)), kind: 'text' };
        throw new Unreadable(`a constant of type ${node.type}`);
      }
      const inner = walk(node.operand);
      const kind = numericTypes.has(node.type) ? 'number' : textTypes.has(node.type) ? 'text' : dateTypes.has(node.type) ? 'date' : undefined;
      if (kind !== inner.kind) throw new Unreadable(`a cast to ${node.type}`);
      return inner;
    }
    case 'and':
    case 'or':
      return { expression: node_(node.kind, ...node.operands.map((o) => boolean(walk(o)))), kind: 'boolean' };
    case 'not':
      return { expression: node_('not', boolean(walk(node.operand))), kind: 'boolean' };
    case 'is-null':
      return { expression: node_(node.negated ? 'notnull' : 'isnull', walk(node.operand).expression), kind: 'boolean' };
    case 'any': {
      if (node.operator !== '=') throw new Unreadable(`${node.operator} ANY (...)`);
      const left = walk(node.left);
      const values = node.values.map((v) => {
        const typed = walk(v);
        if (v.kind !== 'constant' && !(v.kind === 'cast' && v.operand.kind === 'constant')) throw new Unreadable('ANY over values that are not constants');
        if (typed.kind !== left.kind && typed.kind !== 'null') throw new Unreadable('ANY over values of another type');
        return typed.expression;
      });
      return { expression: node_('in', left.expression, ...values), kind: 'boolean' };
    }
    case 'call':
      return call(node, walk);
    case 'array':
      throw new Unreadable('an array value');
    case 'binary': {
      const left = walk(node.left);
      const right = walk(node.right);
      const kind = left.kind === 'null' ? right.kind : left.kind;
      if (left.kind !== right.kind && left.kind !== 'null' && right.kind !== 'null') throw new Unreadable(`${node.operator} between ${left.kind} and ${right.kind}`);
      if (['~', '~*', '!~', '!~*'].includes(node.operator)) {
        const pattern = constantOf(node.right);
        if (left.kind !== 'text' || typeof pattern?.value !== 'string' || !portablePattern(pattern.value)) throw new Unreadable('a pattern JavaScript reads differently');
        const match = node_('~', left.expression, str(pattern.value), str(node.operator.endsWith('*') ? 'i' : ''));
        return { expression: node.operator.startsWith('!') ? node_('not', match) : match, kind: 'boolean' };
      }
      if (['+', '-', '*'].includes(node.operator)) {
        if (kind !== 'number') throw new Unreadable(`${node.operator} on ${kind}`);
        return { expression: node_(node.operator, left.expression, right.expression), kind: 'number' };
      }
      if (!comparable[node.operator]?.includes(kind as ValueKind) && kind !== 'null') throw new Unreadable(`${node.operator} on ${kind}`);
      return { expression: node_(node.operator, left.expression, right.expression), kind: 'boolean' };
    }
  }
}

function boolean(typed: Typed): Expr {
  if (typed.kind !== 'boolean' && typed.kind !== 'null') throw new Unreadable(`a ${typed.kind} where a condition belongs`);
  return typed.expression;
}

function call(node: Extract<SqlNode, { kind: 'call' }>, walk: (n: SqlNode) => Typed): Typed {
  const args = node.args.map(walk);
  const one = (kind: ValueKind) => {
    if (args.length !== 1 || (args[0]!.kind !== kind && args[0]!.kind !== 'null')) throw new Unreadable(`${node.name}() of these arguments`);
    return args[0]!.expression;
  };
  switch (node.name) {
    case 'length':
    case 'char_length':
      return { expression: arr([str('length'), one('text')]), kind: 'number' };
    case 'cardinality':
      return { expression: arr([str('cardinality'), one('array')]), kind: 'number' };
    case 'btrim':
      return { expression: arr([str('btrim'), one('text')]), kind: 'text' };
    case 'lower':
    case 'upper':
      return { expression: arr([str(node.name), one('text')]), kind: 'text' };
    case 'jsonb_typeof':
    case 'json_typeof':
      return { expression: arr([str('typeof'), one('json')]), kind: 'text' };
    case 'coalesce': {
      const kinds = new Set(args.map((a) => a.kind).filter((k) => k !== 'null'));
      if (kinds.size > 1) throw new Unreadable('coalesce() of mixed types');
      return { expression: arr([str('coalesce'), ...args.map((a) => a.expression)]), kind: ([...kinds][0] ?? 'null') as ValueKind };
    }
    default:
      throw new Unreadable(`the function ${node.name}()`);
  }
}
