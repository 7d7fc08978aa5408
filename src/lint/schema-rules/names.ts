import type { SourceLocation } from '../../model/schema.js';
import type { SchemaRule } from '../rule.js';
import { targetOf } from '../targets.js';

interface Named {
  schema: string;
  name: string;
  source?: SourceLocation;
  lint?: { allow: Record<string, string> };
}

/**
 * Not from splinter: `table('tenant.lists', …)` is legal and makes a table named "tenant.lists" in
 * public, which every query must quote; the writer almost always meant the table lists in schema
 * tenant. The message says which schema the prefix would name when the model has it.
 */
export const nameWithDot: SchemaRule = {
  id: 'name_with_dot',
  level: 'WARN',
  category: 'SAFETY',
  description: "An object's name contains a dot (table('tenant.lists')): it names one object in its schema, quoted everywhere, not lists in schema tenant. Give the schema as { schema: 'tenant' }.",
  check: ({ schema }) => {
    const kinds: [string, Record<string, Named>][] = [
      ['table', schema.tables],
      ['view', schema.views],
      ['function', schema.routines],
      ['enum', schema.enums],
      ['domain', schema.domains],
      ['type', schema.composites ?? {}],
      ['type', schema.ranges ?? {}],
      ['sequence', schema.sequences],
    ];
    return kinds.flatMap(([kind, record]) =>
      Object.entries(record)
        .filter(([, object]) => object.name.includes('.') && !schema.namespaces[object.schema]?.external)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([id, object]) => {
          const [prefix, ...rest] = object.name.split('.');
          const meant = prefix && schema.namespaces[prefix] ? `; for ${rest.join('.')} in schema ${prefix}, give { schema: '${prefix}' }` : '';
          return { ...targetOf(kind, id, object), message: `${kind} "${object.name}" in schema ${object.schema} has a dot in its name${meant}` };
        }),
    );
  },
};
