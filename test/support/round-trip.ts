import { canonicalize } from '../../src/canonical/index.js';
import { applyPlan } from '../../src/canonical/apply.js';
import { inTransaction, type Connection } from '../../src/engine/connection.js';
import { presets } from '../../src/engine/presets.js';
import { diffSchemas } from '../../src/diff/index.js';
import { introspect } from '../../src/introspect/index.js';
import { loadSchema } from '../../src/load/definitions.js';
import { listDifferences, type Difference } from '../../src/model/compare.js';
import type { Schema } from '../../src/model/schema.js';
import { createPlan } from '../../src/canonical/from-scratch.js';

export const externalNamespaces = presets.supabase.externalNamespaces;

/** The parts of a model a database holds: documentation-only parts and the preset's schemas and extensions left out. */
export function databasePart(schema: Schema): Schema {
  return {
    ...schema,
    namespaces: Object.fromEntries(Object.entries(schema.namespaces).filter(([, n]) => !n.external)),
    // An extension at its server's default version pins nothing (pull writes no version for it).
    extensions: Object.fromEntries(
      Object.entries(schema.extensions)
        .filter(([, e]) => !e.external)
        .map(([name, { version, ...e }]) => [name, version !== undefined && version !== e.defaultVersion ? { ...e, version } : e]),
    ),
    docs: { groups: {}, joins: [] },
  };
}

export interface RoundTrip {
  declared: Schema;
  canonical: Schema;
  live: Schema;
  differences: Difference[];
  /** Changes a second diff still finds after applying: must be none. */
  remaining: ReturnType<typeof diffSchemas>;
}

/** definitions -> canonical model -> SQL applied to an empty database -> introspect -> compare. */
export async function roundTrip(conn: Connection, definitions: string | Schema): Promise<RoundTrip> {
  const declared = typeof definitions === 'string' ? await loadSchema(definitions, { externalNamespaces }) : definitions;
  const canonical = await canonicalize(declared, conn, { externalNamespaces });
  await inTransaction(conn, () => applyPlan(conn, createPlan(declared)));
  const namespaces = Object.values(declared.namespaces).filter((n) => !n.external).map((n) => n.name);
  const live = await introspect(conn, { namespaces, externalNamespaces });
  const expected = databasePart(canonical);
  const actual = databasePart(live);
  // An extension declared without a version gets the server's default: no difference.
  for (const [name, extension] of Object.entries(actual.extensions)) {
    if (expected.extensions[name] && expected.extensions[name]!.version === undefined) actual.extensions[name] = { name, schema: extension.schema, ...(extension.comment !== undefined ? { comment: extension.comment } : {}) };
  }
  return { declared, canonical, live, differences: listDifferences(expected, actual), remaining: diffSchemas(actual, expected) };
}
