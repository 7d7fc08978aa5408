/**
 * Type names of the generated file. Tables, views and enums become PascalCase names prefixed
 * with their schema outside `public` (kysely-codegen's convention); a name taken by a helper, a
 * global the file refers to, or an earlier object gets its kind appended, then a number.
 */
import { isIdentifier } from './ts-type.js';

/** Names the file declares or refers to itself: an object never takes one of them. */
const reserved = [
  'ColumnType', 'Generated', 'GeneratedAlways', 'Selectable', 'IPostgresInterval',
  'Int8', 'Numeric', 'Timestamp', 'Interval', 'GeneratedInt8', 'GeneratedNumeric', 'GeneratedTimestamp', 'GeneratedInterval', 'Json', 'JsonArray', 'JsonObject', 'JsonPrimitive', 'JsonValue',
  'Point', 'Circle', 'DB', 'Functions', 'Date', 'Buffer', 'Record', 'Array',
];

/** The key of a relation in `DB` and of a routine in `Functions`: the name, schema-qualified outside `public`. */
export function qualifiedKey(schema: string, name: string): string {
  return schema === 'public' ? name : `${schema}.${name}`;
}

/** `dashboard_users` -> `DashboardUsers`, `billing.invoices` -> `BillingInvoices`; letters and digits only. */
export function pascalCase(text: string): string {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  if (name === '') return '';
  return isIdentifier(name) ? name : `_${name}`;
}

/** A Namer hands out unique type names in the order it is asked, so callers ask in sorted order. */
export type Namer = (schema: string, name: string, kind: string) => string;

export function namer(): Namer {
  const taken = new Set(reserved);
  return (schema, name, kind) => {
    const base = pascalCase(qualifiedKey(schema, name)) || kind;
    let candidate = [base, `${base}${kind}`].find((c) => !taken.has(c));
    for (let n = 2; !candidate; n++) if (!taken.has(`${base}${kind}${n}`)) candidate = `${base}${kind}${n}`;
    taken.add(candidate);
    return candidate;
  };
}
