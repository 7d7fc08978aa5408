import { parseObjectId } from '../../model/id.js';
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
