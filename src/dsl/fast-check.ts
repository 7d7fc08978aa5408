import type { z } from 'zod';

/**
 * Whether zod would surely accept `value` for `shape`, read off the shape's definition without
 * running zod: a table's options parsed by zod cost a fifth of loading thousands of tables.
 * Conservative: a shape it does not fully know (refinements, transforms, formats other than a
 * pattern) answers false, and then zod decides (and words the error). Never true where zod fails.
 */
export function surelyValid(shape: z.ZodType, value: unknown): boolean {
  const def = (shape as unknown as { _zod: { def: Def } })._zod.def;
  if (def.checks?.length && !checksPass(def.checks, value)) return false;
  switch (def.type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'bigint':
      return typeof value === 'bigint';
    case 'null':
      return value === null;
    case 'enum':
      return Object.values(def.entries!).includes(value as string);
    case 'literal':
      return def.values!.includes(value);
    case 'optional':
      return value === undefined || surelyValid(def.innerType!, value);
    case 'custom':
      return def.fn!(value) === true;
    case 'lazy':
      return surelyValid(lazyShape(shape, def), value);
    case 'union':
      return def.options!.some((option) => surelyValid(option, value));
    case 'array':
      return Array.isArray(value) && value.every((item) => surelyValid(def.element!, item));
    case 'object':
      return isObject(value) && objectValid(def, value);
    case 'record':
      return isPlainObject(value) && recordValid(def, value);
    default:
      return false;
  }
}

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  innerType?: z.ZodType;
  fn?: (value: unknown) => unknown;
  getter?: () => z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
  value?: number | bigint;
  inclusive?: boolean;
  tx?: (value: string) => unknown;
}

/** The checks of a shape (`.min(1)`, `.regex()`, `.int()`...), all of them known and passing. */
function checksPass(checks: { _zod: { def: CheckDef } }[], input: unknown): boolean {
  let value = input;
  for (const { _zod } of checks) {
    const check = _zod.def;
    const length = (value as { length?: unknown } | null | undefined)?.length;
    switch (check.check) {
      case 'overwrite':
        // `.trim()`: the checks after it see the trimmed text.
        if (typeof value !== 'string') return false;
        value = check.tx!(value);
        break;
      case 'min_length':
        if (typeof length !== 'number' || length < check.minimum!) return false;
        break;
      case 'max_length':
        if (typeof length !== 'number' || length > check.maximum!) return false;
        break;
      case 'string_format':
        if (check.format !== 'regex' || typeof value !== 'string') return false;
        check.pattern!.lastIndex = 0;
        if (!check.pattern!.test(value)) return false;
        break;
      case 'number_format':
        if (check.format !== 'safeint' || !Number.isSafeInteger(value)) return false;
        break;
      case 'greater_than':
        if (typeof value !== 'number' || !(check.inclusive ? value >= (check.value as number) : value > (check.value as number))) return false;
        break;
      case 'less_than':
        if (typeof value !== 'number' || !(check.inclusive ? value <= (check.value as number) : value < (check.value as number))) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** An object shape's keys, read once: walking every optional key of a table's shape for each table cost as much as zod. */
interface ObjectKeys {
  shape: Map<string, z.ZodType>;
  required: string[];
  /** No catchall: other keys are dropped; `unknown`: kept (passthrough); `never`: refused (strict); else: not known here. */
  others: 'dropped' | 'kept' | 'refused' | 'unknown';
}

const objectKeys = new WeakMap<Def, ObjectKeys>();

function keysOf(def: Def): ObjectKeys {
  let keys = objectKeys.get(def);
  if (keys) return keys;
  const shape = new Map(Object.entries(def.shape!));
  const required = [...shape].filter(([, inner]) => typeOf(inner) !== 'optional').map(([key]) => key);
  const catchall = def.catchall && typeOf(def.catchall);
  const others = catchall === undefined ? 'dropped' : catchall === 'unknown' ? 'kept' : catchall === 'never' ? 'refused' : 'unknown';
  objectKeys.set(def, (keys = { shape, required, others }));
  return keys;
}

const typeOf = (shape: z.ZodType) => (shape as unknown as { _zod: { def: Def } })._zod.def.type;

function objectValid(def: Def, value: Record<string, unknown>): boolean {
  const { shape, required, others } = keysOf(def);
  // zod reads a shape's keys through the prototype too: plain objects only, whose keys are their own.
  if (others === 'unknown' || !isPlainObject(value)) return false;
  for (const key of required) if (!surelyValid(shape.get(key)!, value[key])) return false;
  for (const key of Object.keys(value)) {
    const inner = shape.get(key);
    if (inner ? !surelyValid(inner, value[key]) : others === 'refused') return false;
  }
  return true;
}

function recordValid(def: Def, value: Record<string, unknown>): boolean {
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key !== 'string' || !surelyValid(def.keyType!, key) || !surelyValid(def.valueType!, value[key])) return false;
  }
  return true;
}

const lazyShapes = new WeakMap<z.ZodType, z.ZodType>();
function lazyShape(shape: z.ZodType, def: Def): z.ZodType {
  let inner = lazyShapes.get(shape);
  if (!inner) lazyShapes.set(shape, (inner = def.getter!()));
  return inner;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
