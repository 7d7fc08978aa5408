import type { Schema } from '../../model/schema.js';

/** Renders the Markdown schema document of a model (SCHEMA.md). Placeholder until the docs emitter lands. */
export function renderDocs(_schema: Schema): string {
  throw new Error('docs emitter not written yet');
}
