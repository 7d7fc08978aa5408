import type { Schema } from '../model/schema.js';

/** Object counts of a model, the summary every command prints. */
export function countObjects(schema: Schema): Record<string, number> {
  const tables = Object.values(schema.tables);
  const views = Object.values(schema.views);
  return {
    tables: tables.length,
    views: views.filter((v) => !v.materialized).length,
    'materialized views': views.filter((v) => v.materialized).length,
    functions: Object.values(schema.routines).length,
    // Counted only where there are any: most schemas have none, and their summaries stay as they were.
    ...(Object.keys(schema.aggregates ?? {}).length ? { aggregates: Object.keys(schema.aggregates!).length } : {}),
    enums: Object.keys(schema.enums).length,
    indexes: tables.reduce((n, t) => n + Object.keys(t.indexes).length, 0) + views.reduce((n, v) => n + Object.keys(v.indexes).length, 0),
    triggers:
      tables.reduce((n, t) => n + Object.keys(t.triggers).length, 0) +
      Object.values(schema.externalTables ?? {}).reduce((n, t) => n + Object.keys(t.triggers).length, 0),
    policies:
      tables.reduce((n, t) => n + Object.keys(t.policies).length, 0) +
      Object.values(schema.externalTables ?? {}).reduce((n, t) => n + Object.keys(t.policies).length, 0),
  };
}

export function describeCounts(schema: Schema): string {
  return Object.entries(countObjects(schema))
    .map(([kind, n]) => `${n} ${n === 1 ? kind.replace(/s$/, '').replace(/xe$/, 'x') : kind}`)
    .join(', ');
}
