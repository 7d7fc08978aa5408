import type { SchemaRule } from '../rule.js';
import { managedRoutines, managedTables, targetOf } from '../targets.js';

/** splinter 0011: a function resolving names through the caller's search_path can be made to call another schema's objects. */
export const functionSearchPathMutable: SchemaRule = {
  id: 'function_search_path_mutable',
  level: 'WARN',
  category: 'SECURITY',
  description: "A function does not pin search_path (set: { search_path: '' }): names in its body resolve through the caller's path. For a SECURITY DEFINER function that is an escalation path, reported as an error.",
  check: ({ schema }) =>
    managedRoutines(schema)
      .filter(([, routine]) => routine.settings.search_path === undefined && !['c', 'internal'].includes(routine.language))
      .map(([id, routine]) => ({
        ...targetOf('function', id, routine),
        ...(routine.securityDefiner ? { level: 'ERROR' as const } : {}),
        message: `${routine.securityDefiner ? 'SECURITY DEFINER ' : ''}${routine.kind} ${id} has no fixed search_path; set: { search_path: '' } and qualify names`,
      })),
};

/** splinter 0014: objects of an extension in public show up in the API and collide with the application's. */
export const extensionInPublic: SchemaRule = {
  id: 'extension_in_public',
  level: 'WARN',
  category: 'SECURITY',
  description: 'An extension is installed in the public schema: its functions and tables appear in the Data API and mix with the application\'s. Install it in extensions.',
  check: ({ schema }) =>
    Object.values(schema.extensions)
      .filter((extension) => extension.schema === 'public')
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((extension) => ({ kind: 'extension', object: extension.name, ...(extension.source ? { source: extension.source } : {}), message: `extension ${extension.name} is installed in public; install it in extensions` })),
};

/** splinter: Supabase Auth may drop or change its unique constraints other than the primary key. */
export const fkeyToAuthUnique: SchemaRule = {
  id: 'fkey_to_auth_unique',
  level: 'ERROR',
  category: 'SECURITY',
  description: "A foreign key references an auth table on columns other than its primary key (id): Supabase Auth's own migrations may drop that unique constraint.",
  check: ({ schema }) =>
    managedTables(schema).flatMap(([id, table]) =>
      Object.values(table.constraints)
        .filter((constraint) => constraint.kind === 'foreign key' && constraint.references.table.startsWith('auth.') && constraint.references.columns.join(',') !== 'id')
        .map((fk) => ({ ...targetOf('table', id, table), message: `foreign key ${fk.name} on ${id} references ${fk.kind === 'foreign key' ? `${fk.references.table} (${fk.references.columns.join(', ')})` : ''}; reference the primary key id instead` })),
    ),
};
