import fc from 'fast-check';
import type { Input } from './base.js';

export type Path = (string | number)[];

/** A Mutation changes one place of an Input: a value replaced, a field removed, an entry copied or a key renamed. */
export type Mutation =
  | { kind: 'replace'; path: Path; value: unknown }
  | { kind: 'remove'; path: Path }
  | { kind: 'duplicate'; path: Path }
  | { kind: 'rename key'; path: Path; key: string };

const isContainer = (value: unknown): value is Record<string | number, unknown> => typeof value === 'object' && value !== null;

/**
 * Keys that name the harness's own choices (which builder, which type helper, which method):
 * never mutated. Everything else is, and `materialize` skips what no longer has its shape.
 */
function protectedPath(path: Path, parent: unknown): boolean {
  const last = path[path.length - 1];
  if (last === 'builder' || last === 'helper') return true;
  return last === 0 && path[path.length - 3] === 'calls' && Array.isArray(parent);
}

/** Every path inside an Input, in a stable order. */
export function pathsOf(input: Input): Path[] {
  const paths: Path[] = [];
  const walk = (value: unknown, path: Path) => {
    if (!isContainer(value)) return;
    for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
      const child = [...path, key];
      if (!protectedPath(child, value)) paths.push(child);
      walk((value as Record<string | number, unknown>)[key], child);
    }
  };
  walk(input, []);
  return paths;
}

/** Names the base already uses: replacing a name with one of these makes a duplicate or a wrong reference. */
export function namesOf(input: Input): string[] {
  const names = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string' && /^[a-z_.]+$/.test(value)) names.add(value);
    if (isContainer(value)) for (const [key, item] of Object.entries(value)) (names.add(key), walk(item));
  };
  walk(input);
  return [...names].filter((name) => !/^\d+$/.test(name) && !name.startsWith('$')).sort();
}

/** Values no builder expects: wrong types, empty and over-long names, dangling references. */
export function hostileValue(names: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      undefined, null, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, true, false,
      '', ' ', 'x'.repeat(64), 'é'.repeat(32), '"', "'", 'a\0b', 'nosuch', 'nosuch.thing', 'public.nosuch', 'auth.users',
      {}, [], [null], [[]], { sql: 1 }, { sql: '' }, { $def: 'nosuch' }, { pgform: 'table' },
    ),
    fc.constant(undefined).map(() => 1n),
    fc.constant(undefined).map(() => () => undefined),
    fc.constant(undefined).map(() => new Date(0)),
    fc.constantFrom(...names),
    fc.string({ maxLength: 6 }),
  );
}

/** Records keyed by a name the user picks: removing or renaming an entry keeps the types right. */
const namedRecords = new Set(['columns', 'indexes', 'triggers', 'policies', 'checks', 'args', 'groups', 'exclusions']);

function valueAt(input: Input, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (isContainer(value) ? value[key] : undefined), input);
}

/** Strings a typed definitions file could hold where a name or SQL text goes. */
function hostileString(names: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('', ' ', 'x'.repeat(64), 'é'.repeat(32), '"', "'", 'a\0b', 'nosuch', 'nosuch.thing', 'public.nosuch', 'auth.users', 'crm.nosuch'),
    fc.constantFrom(...names),
    fc.string({ maxLength: 6 }),
  );
}

/**
 * Mutations of an Input. `typed` keeps to what a type-checked definitions file can say (a string
 * for a string, entries of name-keyed records removed or renamed, array entries removed or
 * copied, declarations dropped or declared twice); otherwise any value goes anywhere.
 */
export function mutationArbitrary(input: Input, options: { typed?: boolean } = {}): fc.Arbitrary<Mutation> {
  const names = namesOf(input);
  const all = pathsOf(input);
  if (!options.typed) {
    const path = fc.constantFrom(...all);
    return fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), path, value: hostileValue(names) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), path }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), path }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename key' as const), path, key: fc.constantFrom(...names, '', 'x'.repeat(64)) }) },
    );
  }
  // A `$def` turned into another declared name could fetch a definition of the wrong kind, which
  // no type-checked file can pass: references there dangle as text instead.
  const references = all.filter((path) => path[path.length - 1] === '$def');
  const strings = all.filter((path) => typeof valueAt(input, path) === 'string' && path[path.length - 1] !== '$def');
  const numbers = all.filter((path) => typeof valueAt(input, path) === 'number');
  // Positional arguments (of builders, helpers, methods) are not lists: removing one shifts the rest.
  const positional = (path: Path) => path[path.length - 2] === 'args' && (path.length === 3 || path[path.length - 3] === '$column');
  const inArrays = all.filter((path) => Array.isArray(valueAt(input, path.slice(0, -1))) && path[path.length - 3] !== 'calls' && !positional(path));
  const inRecords = all.filter((path) => namedRecords.has(String(path[path.length - 2])) && !Array.isArray(valueAt(input, path.slice(0, -1))));
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...strings), value: hostileString(names) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...references), value: fc.constantFrom('nosuch', 'crm.nosuch', 'crm.accounts', 'public.accounts', 'auth.users') }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...numbers), value: fc.constantFrom(0, -1, 1000, 2 ** 53) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom(...inArrays, ...inRecords) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), path: fc.constantFrom(...inArrays) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename key' as const), path: fc.constantFrom(...inRecords), key: hostileString(names) }) },
  );
}

/** A deep copy of plain data that keeps functions, symbols and other values as they are. */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isContainer(value) && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clone(item)])) as T;
  }
  return value;
}

/** Applies mutations in order to a copy; one whose path no longer exists does nothing. */
export function applyMutations(input: Input, mutations: Mutation[]): Input {
  const copy = clone(input);
  // Values first, then entries removed or copied, so an earlier splice does not move a later path.
  const splices = (m: Mutation) => (m.kind === 'remove' || m.kind === 'duplicate' ? 1 : 0);
  for (const mutation of [...mutations].sort((a, b) => splices(a) - splices(b))) {
    const parent = mutation.path.slice(0, -1).reduce<unknown>((value, key) => (isContainer(value) ? value[key] : undefined), copy);
    const key = mutation.path[mutation.path.length - 1]!;
    if (!isContainer(parent) || !(key in parent)) continue;
    if (mutation.kind === 'replace') parent[key] = mutation.value;
    else if (mutation.kind === 'remove') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (mutation.kind === 'duplicate') {
      if (Array.isArray(parent)) parent.splice(Number(key), 0, clone(parent[Number(key)]));
      else parent[`${String(key)}_copy`] = clone(parent[key]);
    } else if (!Array.isArray(parent)) {
      const entries = Object.entries(parent).map(([k, v]) => [k === key ? mutation.key : k, v] as const);
      for (const k of Object.keys(parent)) delete parent[k];
      for (const [k, v] of entries) parent[k] = v;
    }
  }
  return copy;
}

/** A mutation as one line, for reports: `replace 7.args.1.columns.id -> undefined`. */
export function describeMutation(mutation: Mutation): string {
  const where = mutation.path.join('.');
  if (mutation.kind === 'replace') return `replace ${where} -> ${show(mutation.value)}`;
  if (mutation.kind === 'rename key') return `rename key ${where} -> ${JSON.stringify(mutation.key)}`;
  return `${mutation.kind} ${where}`;
}

function show(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return 'a Date';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}
