/**
 * A small expression tree for the TypeScript that `pull` writes: calls, method chains, object and
 * array literals, string and number literals, sql`` templates, and references to other pulled
 * definitions. Emitters build trees; `print.ts` lays them out as text, as prettier would.
 */
export type Expr =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bigint'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  /** SQL text in a sql`` template literal. */
  | { kind: 'sql'; text: string }
  /** A builder imported from 'pgform': `uuid`, `table`, `sql`... */
  | { kind: 'dsl'; name: string }
  /** The variable of another pulled definition, by its unit key. */
  | { kind: 'var'; target: string }
  /**
   * A use of another definition: `direct` names its variable (imported when it lives in another
   * file); `byName` says the same without the variable, for when an import would close a cycle.
   */
  | { kind: 'ref'; target: string; direct: Expr; byName: Expr }
  | { kind: 'call'; callee: Expr; args: Expr[] }
  | { kind: 'member'; object: Expr; name: string }
  | { kind: 'object'; entries: [string, Expr][] }
  | { kind: 'array'; items: Expr[] };

export const str = (value: string): Expr => ({ kind: 'string', value });
export const bool = (value: boolean): Expr => ({ kind: 'boolean', value });
export const sqlText = (text: string): Expr => ({ kind: 'sql', text });
export const dsl = (name: string): Expr => ({ kind: 'dsl', name });
export const arr = (items: Expr[]): Expr => ({ kind: 'array', items });
export const strings = (values: readonly string[]): Expr => arr(values.map(str));

/** A number literal, or a bigint literal (`9223372036854775807n`) when a number would round it. */
export function num(text: string | number): Expr {
  const value = Number(text);
  if (String(value) === String(text) && (Number.isSafeInteger(value) || !Number.isInteger(value))) return { kind: 'number', value };
  return { kind: 'bigint', value: String(BigInt(text)) };
}

/** Calls a pgform builder: `call('uuid')`. */
export function call(callee: string | Expr, ...args: Expr[]): Expr {
  return { kind: 'call', callee: typeof callee === 'string' ? dsl(callee) : callee, args };
}

/** Appends a method call: `method(uuid(), 'primaryKey')` is `uuid().primaryKey()`. */
export function method(object: Expr, name: string, ...args: Expr[]): Expr {
  return { kind: 'call', callee: { kind: 'member', object, name }, args };
}

/** An object literal; entries whose value is undefined are left out, so options read minimal. */
export function obj(entries: [string, Expr | undefined][]): Expr {
  return { kind: 'object', entries: entries.filter((entry): entry is [string, Expr] => entry[1] !== undefined) };
}

/** Calls a builder with its positional arguments and an options object, left out when empty. */
export function callWith(callee: string, args: Expr[], options: Expr): Expr {
  const given = optional(options);
  return call(callee, ...args, ...(given ? [given] : []));
}

/** An object literal with nothing in it is no option at all. */
export function optional(value: Expr): Expr | undefined {
  if (value.kind === 'object' && value.entries.length === 0) return undefined;
  if (value.kind === 'array' && value.items.length === 0) return undefined;
  return value;
}

/** A JSON value as a literal (jsonb defaults). */
export function jsonValue(value: unknown): Expr {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return bool(value);
  if (Array.isArray(value)) return arr(value.map(jsonValue));
  return obj(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, jsonValue(item)]));
}

/** Every unit key an expression refers to through a `ref`: the edges between pulled files. */
export function refsOf(expr: Expr, into: string[] = []): string[] {
  switch (expr.kind) {
    case 'ref':
      into.push(expr.target);
      break;
    case 'call':
      refsOf(expr.callee, into);
      expr.args.forEach((arg) => refsOf(arg, into));
      break;
    case 'member':
      refsOf(expr.object, into);
      break;
    case 'object':
      expr.entries.forEach(([, value]) => refsOf(value, into));
      break;
    case 'array':
      expr.items.forEach((item) => refsOf(item, into));
      break;
    default:
      break;
  }
  return into;
}

/** How a file's references resolve: which definitions it may name, and what it imports. */
export interface RefScope {
  /** True when `target` may be named by its variable here (same file, or an import that closes no cycle). */
  canUse(target: string): boolean;
  /** Records the variable of a unit as an import when it lives in another file. */
  useVar(target: string): void;
  /** Records a builder imported from 'pgform'. */
  useDsl(name: string): void;
}

/** The expression with every reference settled (its variable, or its name), noting the imports it needs. */
export function resolveRefs(expr: Expr, scope: RefScope): Expr {
  switch (expr.kind) {
    case 'ref':
      return resolveRefs(scope.canUse(expr.target) ? expr.direct : expr.byName, scope);
    case 'var':
      scope.useVar(expr.target);
      return expr;
    case 'dsl':
      scope.useDsl(expr.name);
      return expr;
    case 'sql':
      scope.useDsl('sql');
      return expr;
    case 'call':
      return { kind: 'call', callee: resolveRefs(expr.callee, scope), args: expr.args.map((arg) => resolveRefs(arg, scope)) };
    case 'member':
      return { kind: 'member', object: resolveRefs(expr.object, scope), name: expr.name };
    case 'object':
      return { kind: 'object', entries: expr.entries.map(([key, value]) => [key, resolveRefs(value, scope)]) };
    case 'array':
      return { kind: 'array', items: expr.items.map((item) => resolveRefs(item, scope)) };
    default:
      return expr;
  }
}
