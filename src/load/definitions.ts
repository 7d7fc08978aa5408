import { relative, resolve } from 'node:path';
import { buildSchema, isDefinition, type Definition } from '../dsl/build.js';
import { isPgformError, PgformError } from '../errors.js';
import type { Schema } from '../model/schema.js';
import { definitionFiles } from './files.js';
import { explainNotAFunction, explainUnknownImport } from './suggest.js';
import { importTypeScript, pgformExportNames, trackedLoad } from './typescript.js';

/** Every definition a module exports, also inside exported arrays and plain objects. */
function collect(value: unknown, into: Definition[], depth = 0): void {
  if (depth > 3 || value === null || typeof value !== 'object') return;
  if (isDefinition(value)) {
    into.push(value);
    return;
  }
  if (Array.isArray(value)) value.forEach((item) => collect(item, into, depth + 1));
  else if (depth === 0) {
    // A module's exports in the order of an ES module's namespace (by name), whatever order the
    // transpiler happened to assign them in: which of two clashing definitions is reported is stable.
    const record = value as Record<string, unknown>;
    for (const name of Object.keys(record).sort()) collect(record[name], into, depth + 1);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const item of Object.values(value as Record<string, unknown>)) collect(item, into, depth + 1);
  }
}

/** The line of `file` an error points at: a parse error's `file:line:column`, or the first stack frame in the file. */
function errorLine(error: unknown, file: string): number | undefined {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  for (const match of text.matchAll(/(?:file:\/\/)?([^\s()]+):(\d+):\d+/g)) {
    if (match[1] === file) return Number(match[2]);
  }
  return undefined;
}

/** Loads definition files (TypeScript, through jiti) and returns their definitions in file order. */
export async function loadDefinitions(path: string): Promise<Definition[]> {
  const definitions: Definition[] = [];
  for (const file of definitionFiles(path)) {
    let exports: unknown;
    try {
      exports = await importTypeScript(file);
    } catch (error) {
      if (isPgformError(error)) throw error;
      const message = error instanceof Error ? error.message.split('\n')[0]!.trim() : String(error);
      const line = errorLine(error, file);
      const explained = error instanceof TypeError ? (explainNotAFunction(message) ?? explainUnknownImport(file, pgformExportNames())) : undefined;
      throw new PgformError(
        'DEFINITION_LOAD_FAILED',
        `cannot load definitions: ${explained?.message ?? message}`,
        { file: relative(process.cwd(), file), ...(line ? { line } : {}) },
        explained?.hint,
        { cause: error },
      );
    }
    collect(exports, definitions);
  }
  return definitions;
}

export interface LoadOptions {
  externalNamespaces?: string[];
}

/** Loads and builds the model of a definitions path. */
export async function loadSchema(path: string, options: LoadOptions = {}): Promise<Schema> {
  return (await loadSchemaTracked(path, options)).schema;
}

/** The same, with the file of every module the load evaluated outside node_modules (what the model can depend on). */
export async function loadSchemaTracked(path: string, options: LoadOptions = {}): Promise<{ schema: Schema; modules: string[] }> {
  const { value: definitions, modules } = await trackedLoad(() => loadDefinitions(path));
  const schema = buildSchema(definitions, { externalNamespaces: options.externalNamespaces, file: relative(process.cwd(), resolve(path)) });
  return { schema, modules };
}
