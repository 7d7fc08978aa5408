import { parseObjectId, refOwner } from '../model/id.js';
import type { Dependency, ObjectRef, Schema } from '../model/schema.js';

const perSchemaKinds = ['enums', 'domains', 'composites', 'ranges', 'sequences', 'tables', 'views', 'routines', 'aggregates'] as const;

/** The schema an edge's end lives in, or undefined for what no schema holds. */
function schemaOf(ref: ObjectRef, live: Schema): string | undefined {
  if (ref.type === 'unmanaged') return live.unmanaged?.[ref.key]?.schema;
  return ref.type === 'schema' ? ref.id : parseObjectId(refOwner(ref)).schema;
}

/**
 * Each tenant schema's part of a model read from many of them, made in one pass: the objects in
 * the schema, its namespace, the extensions there, Citus distribution, unmanaged objects and the
 * dependency edges that start in it. What belongs to no schema (publications, collations, default
 * privileges) is shared. Cutting each tenant out of the whole model instead costs a pass over
 * every tenant's objects and edges per tenant: minutes at a thousand schemas.
 */
export function sliceByTenant(live: Schema, tenants: string[]): Map<string, Schema> {
  const slices = new Map<string, Schema>();
  for (const tenant of tenants) {
    const namespace = live.namespaces[tenant];
    slices.set(tenant, {
      ...live,
      namespaces: namespace && !namespace.external ? { [tenant]: namespace } : {},
      extensions: {},
      enums: {},
      domains: {},
      ...(live.composites ? { composites: {} } : {}),
      ...(live.ranges ? { ranges: {} } : {}),
      sequences: {},
      tables: {},
      views: {},
      routines: {},
      ...(live.aggregates ? { aggregates: {} } : {}),
      ...(live.distributions ? { distributions: {} } : {}),
      ...(live.unmanaged ? { unmanaged: {} } : {}),
      ...(live.dependencies ? { dependencies: [] as Dependency[] } : {}),
    });
  }
  for (const kind of perSchemaKinds) {
    for (const [id, object] of Object.entries(live[kind] ?? {})) {
      const slice = slices.get(object.schema);
      if (slice) (slice[kind] as Record<string, unknown>)[id] = object;
    }
  }
  for (const [name, extension] of Object.entries(live.extensions)) {
    const slice = slices.get(extension.schema);
    if (slice) slice.extensions[name] = extension;
  }
  for (const [id, distribution] of Object.entries(live.distributions ?? {})) {
    const table = live.tables[id];
    const slice = table && slices.get(table.schema);
    if (slice) slice.distributions![id] = distribution;
  }
  for (const [key, object] of Object.entries(live.unmanaged ?? {})) {
    const slice = object.schema === undefined ? undefined : slices.get(object.schema);
    if (slice) slice.unmanaged![key] = object;
  }
  for (const edge of live.dependencies ?? []) {
    const from = schemaOf(edge.from, live);
    const slice = from === undefined ? undefined : slices.get(from);
    if (slice) slice.dependencies!.push(edge);
  }
  return slices;
}
