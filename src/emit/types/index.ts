import type { Schema } from '../../model/schema.js';

/** Renders the Kysely types of a model (db.ts). Placeholder until the types emitter lands. */
export function renderTypes(_schema: Schema): string {
  throw new Error('types emitter not written yet');
}
