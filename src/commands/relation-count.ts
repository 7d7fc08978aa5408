import type { Schema } from '../model/schema.js';

/** How many tables and views a schema holds: what the embedded engine's work grows with. */
export function relationCount(schema: Schema): number {
  return Object.keys(schema.tables).length + Object.keys(schema.views).length;
}
