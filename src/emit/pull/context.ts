import { objectId } from '../../model/id.js';
import { declarableGrants } from '../../model/default-privileges.js';
import type { DefaultPrivilegeObjects, Grant, Schema } from '../../model/schema.js';

/** A Warning is something the database has that the DSL cannot say; the pulled model will lack it. */
export interface PullWarning {
  object: string;
  message: string;
}

/** The kinds of pulled definitions, in the order a file declares them. */
export const unitKinds = ['namespace', 'default privileges', 'extension', 'collation', 'enum', 'domain', 'composite', 'range', 'sequence', 'routine', 'aggregate', 'table', 'trigger', 'policy', 'view', 'publication'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** The key of a pulled definition: its kind and model id, `enum:public.lead_status`. */
export function unitKey(kind: UnitKind, id: string): string {
  return `${kind}:${id}`;
}

/** What every emitter of `pull` reads: the model, the preset's namespaces, and a place for warnings. */
export interface PullContext {
  schema: Schema;
  external: Set<string>;
  /** Extensions the preset itself installs: the platform's, never declared. */
  presetExtensions: Set<string>;
  warnings: PullWarning[];
  /** The preset's default privileges: grantees by default privilege id, never pulled. */
  presetDefaults: Record<string, string[]>;
}

export function createContext(schema: Schema, externalNamespaces: string[], externalExtensions: string[] = [], presetDefaults: Record<string, string[]> = {}): PullContext {
  const external = new Set([...externalNamespaces, ...Object.values(schema.namespaces).filter((n) => n.external).map((n) => n.name)]);
  return { schema, external, presetExtensions: new Set(externalExtensions), warnings: [], presetDefaults };
}

/**
 * The grants definitions declare for an object holding `live`: what the default privileges in
 * force give is left out (definitions add to them), and a default grant the object lacks is warned.
 */
export function pulledGrants(ctx: PullContext, on: DefaultPrivilegeObjects, namespace: string | undefined, live: Grant[], object: string): Grant[] {
  const { grants, complete } = declarableGrants(ctx.schema, on, namespace, live);
  if (!complete) warn(ctx, object, 'lacks grants the default privileges give every new object; definitions can only add grants, so pushing them grants those back');
  return grants;
}

export function warn(ctx: PullContext, object: string, message: string): void {
  ctx.warnings.push({ object, message });
}

/** The enum, domain, composite or range type a schema-qualified type names, as a unit key. */
export function userTypeKey(ctx: PullContext, schema: string, name: string): { key: string; kind: 'enum' | 'domain' | 'composite' | 'range' } | undefined {
  const id = objectId(schema, name);
  if (ctx.schema.enums[id]) return { key: unitKey('enum', id), kind: 'enum' };
  if (ctx.schema.domains[id]) return { key: unitKey('domain', id), kind: 'domain' };
  if (ctx.schema.composites?.[id]) return { key: unitKey('composite', id), kind: 'composite' };
  if (ctx.schema.ranges?.[id]) return { key: unitKey('range', id), kind: 'range' };
  return undefined;
}

/**
 * A name used as an object key where order or identity matters (columns, arguments). JavaScript
 * puts integer-like keys first and treats `__proto__` specially, so such a name is reported.
 */
export function checkKey(name: string, object: string, what: string, ctx: PullContext): string {
  if (name === '__proto__' || (/^(0|[1-9][0-9]*)$/.test(name) && Number(name) < 2 ** 32 - 1)) {
    warn(ctx, object, `${what} "${name}" cannot keep its place as a key of a JavaScript object; check the order in the pulled definitions`);
  }
  return name;
}
