import type { Schema } from '../../model/schema.js';
import { createContext, type PullWarning } from './context.js';
import { printFiles, type PulledFile } from './files.js';
import { placeUnits, type Layout } from './layout.js';
import { collectUnits } from './units.js';

export { layouts, type Layout } from './layout.js';
export { pullHeader, type PulledFile } from './files.js';
export type { PullWarning } from './context.js';

export interface PullRender {
  files: PulledFile[];
  /** What the database has that definitions cannot declare. */
  warnings: PullWarning[];
}

/**
 * Renders a model (read from a database) as definitions in the DSL a person writes: column
 * shorthands where they reproduce the database exactly, table-level forms with explicit names
 * elsewhere, so loading the files gives back the same model. Everything is built in memory;
 * the caller writes the files.
 */
export async function renderPull(schema: Schema, options: { layout: Layout; externalNamespaces: string[]; externalExtensions?: string[]; presetDefaults?: Record<string, string[]> }): Promise<PullRender> {
  const ctx = createContext(schema, options.externalNamespaces, options.externalExtensions, options.presetDefaults);
  const units = collectUnits(ctx);
  const files = printFiles(units, placeUnits(units, options.layout, ctx));
  return { files, warnings: ctx.warnings };
}
