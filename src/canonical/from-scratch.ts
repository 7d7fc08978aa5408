import { diffSchemas } from '../diff/index.js';
import { defaultPublicNamespace, emptySchema, type Schema } from '../model/schema.js';
import { planChanges, type Plan } from '../plan/index.js';

/** What a new database holds before any definition: `public` with PostgreSQL's grants, and the preset's external schemas. */
export function baselineOf(schema: Schema): Schema {
  const baseline = emptySchema();
  baseline.namespaces.public = defaultPublicNamespace();
  for (const namespace of Object.values(schema.namespaces)) {
    if (namespace.external) baseline.namespaces[namespace.name] = namespace;
  }
  return baseline;
}

/** The plan that creates a schema from scratch on a new database. */
export function createPlan(schema: Schema): Plan {
  const baseline = baselineOf(schema);
  // Everything is created here: no table holds rows another session writes.
  return planChanges(diffSchemas(baseline, schema), { from: baseline, to: schema }, { online: false });
}
