import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildSchema, isDefinition, type Definition } from '../dsl/build.js';
import { isPgformError, PgformError } from '../errors.js';
import type { Schema } from '../model/schema.js';
import { explainNotAFunction } from './suggest.js';
import { importTypeScript } from './typescript.js';

/** A file a definitions folder loads: TypeScript or JavaScript, not declarations or tests. */
export function isDefinitionFileName(name: string): boolean {
  return /\.(ts|mts|js|mjs)$/.test(name) && !/\.(d|test|spec)\.[mc]?[tj]s$/.test(name);
}

/** The definition files of a path: the file itself, or every `.ts` file below a folder, sorted. */
export function definitionFiles(path: string): string[] {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new PgformError('DEFINITION_LOAD_FAILED', `definitions not found: ${path}`, { file: path });
  if (statSync(absolute).isFile()) return [absolute];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (isDefinitionFileName(entry.name)) {
        files.push(full);
      }
    }
  };
  walk(absolute);
  return files;
}

/** Every definition a module exports, also inside exported arrays and plain objects. */
function collect(value: unknown, into: Definition[], depth = 0): void {
  if (depth > 3 || value === null || typeof value !== 'object') return;
  if (isDefinition(value)) {
    into.push(value);
    return;
  }
  if (Array.isArray(value)) value.forEach((item) => collect(item, into, depth + 1));
  else if (Object.getPrototypeOf(value) === Object.prototype || depth === 0) {
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
      const explained = error instanceof TypeError ? explainNotAFunction(message) : undefined;
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

/** Loads and builds the model of a definitions path. */
export async function loadSchema(path: string, options: { externalNamespaces?: string[] } = {}): Promise<Schema> {
  const definitions = await loadDefinitions(path);
  return buildSchema(definitions, { ...options, file: relative(process.cwd(), resolve(path)) });
}
