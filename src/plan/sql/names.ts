import { parseObjectId, readParts } from '../../model/id.js';
import type { Argument, Routine } from '../../model/schema.js';
import { ident, qualified } from '../../sql/quote.js';

/** The quoted, schema-qualified name of an object id: `public.leads` -> `"public"."leads"`. */
export function nameOf(id: string): string {
  const { schema, name } = parseObjectId(id);
  return qualified(schema, name);
}

/** An argument as written in CREATE FUNCTION: `IN "p_id" uuid DEFAULT NULL`. */
export function argumentSql(argument: Argument, withDefault: boolean): string {
  const mode = argument.mode === 'in' ? '' : `${argument.mode.toUpperCase()} `;
  const name = argument.name ? `${ident(argument.name)} ` : '';
  const defaultSql = withDefault && argument.default !== undefined ? ` DEFAULT ${argument.default}` : '';
  return `${mode}${name}${argument.type}${defaultSql}`;
}

/** The identity of a routine for ALTER, DROP, GRANT and COMMENT: `"public"."f"(uuid, integer)`. */
export function routineSignature(routine: Routine): string {
  const types = routine.arguments.filter((a) => a.mode !== 'out').map((a) => (a.mode === 'variadic' ? `VARIADIC ${a.type}` : a.type));
  return `${qualified(routine.schema, routine.name)}(${types.join(', ')})`;
}

/**
 * A collation as SQL. The model names one as an id: `C` or `"en_US.utf8"` (pg_catalog's, one
 * part) or `public.german`; unquoted, `C` would fold to the missing collation `c`.
 */
export function collationSql(collation: string): string {
  const { parts } = readParts(collation, '');
  return parts.length === 2 ? qualified(parts[0]!, parts[1]!) : ident(parts[0] ?? collation);
}
