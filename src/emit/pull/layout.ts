import type { PullContext } from './context.js';
import { camelCase, filePool, kebabCase, variablePool, type NamePool } from './names.js';
import type { Unit } from './units.js';

/**
 * A Layout decides the files: `group` one file per schema (namespace), `table` a file per table
 * and view beside a file per schema for its types and routines, `single` one file for everything.
 */
export type Layout = 'group' | 'table' | 'single';
export const layouts: Layout[] = ['group', 'table', 'single'];

/** Where each unit lives and what its variable is called. */
export interface Placement {
  file: Map<string, string>;
  variable: Map<string, string>;
}

const publicFirst = (a: string, b: string) => (a === b ? 0 : a === 'public' ? -1 : b === 'public' ? 1 : a < b ? -1 : 1);

const kindWords: Record<Unit['kind'], string> = {
  namespace: 'schema',
  'default privileges': 'defaults',
  extension: 'extension',
  collation: 'collation',
  enum: 'enum',
  domain: 'domain',
  composite: 'type',
  range: 'type',
  sequence: 'sequence',
  routine: 'function',
  aggregate: 'aggregate',
  table: 'table',
  trigger: 'trigger',
  policy: 'policy',
  view: 'view',
  publication: 'publication',
};

/** Files by layout; every name is made unique, case-insensitively, within its folder. */
function placeFiles(units: Unit[], layout: Layout, ctx: PullContext): Map<string, string> {
  const files = new Map<string, string>();
  if (layout === 'single') {
    for (const unit of units) files.set(unit.key, 'definitions.ts');
    return files;
  }
  const pulled = new Set(Object.values(ctx.schema.namespaces).filter((n) => !n.external).map((n) => n.name));
  // An extension installed in a schema that is not pulled (Supabase's `extensions`), a trigger
  // whose function is not pulled, or a policy on a preset's table, is declared with public.
  const home = (unit: Unit) => ((unit.kind === 'extension' || unit.kind === 'trigger' || unit.kind === 'policy') && !pulled.has(unit.schema) ? 'public' : unit.schema);
  const namespaces = [...new Set([...pulled, ...units.map(home)])].sort(publicFirst);
  const top = filePool();
  const namespaceFile = new Map(namespaces.map((name) => [name, top.claim([kebabCase(name)], 'schema')]));
  const folders = new Map<string, NamePool>();
  for (const unit of units) {
    const base = namespaceFile.get(home(unit))!;
    if (layout === 'table' && (unit.kind === 'table' || unit.kind === 'view')) {
      const pool = folders.get(base) ?? filePool();
      folders.set(base, pool);
      files.set(unit.key, `${base}/${pool.claim([kebabCase(unit.name)], unit.kind)}.ts`);
    } else {
      files.set(unit.key, `${base}.ts`);
    }
  }
  return files;
}

/** Variables: tables and views get the plain names first, other kinds add their kind when taken. */
function nameVariables(units: Unit[]): Map<string, string> {
  const pool = variablePool();
  const variables = new Map<string, string>();
  const priority: Unit['kind'][] = ['table', 'view', 'enum', 'domain', 'composite', 'range', 'routine', 'aggregate', 'sequence', 'trigger', 'policy', 'namespace', 'extension', 'collation', 'publication', 'default privileges'];
  const ordered = [...units].sort(
    (a, b) => priority.indexOf(a.kind) - priority.indexOf(b.kind) || publicFirst(a.schema, b.schema) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  for (const unit of ordered) {
    const word = kindWords[unit.kind];
    // An overloaded routine is numbered: `addNumbersFunction` would not say which one it is.
    const candidates =
      unit.kind === 'routine' || unit.kind === 'aggregate'
        ? [camelCase(unit.name), camelCase(`${unit.schema} ${unit.name}`)]
        : [camelCase(unit.name), camelCase(`${unit.name} ${word}`), camelCase(`${unit.schema} ${unit.name}`), camelCase(`${unit.schema} ${unit.name} ${word}`)];
    variables.set(unit.key, pool.claim(candidates, word));
  }
  return variables;
}

export function placeUnits(units: Unit[], layout: Layout, ctx: PullContext): Placement {
  return { file: placeFiles(units, layout, ctx), variable: nameVariables(units) };
}
