import { namePart, objectId, readParts } from '../model/id.js';

/**
 * The model's id of a collation written as SQL in definitions: `"C"` or `C` -> `C`,
 * `public.german` -> `public.german`, `en_US.utf8` -> `"en_US.utf8"`. A dotted name is
 * schema-qualified only when its first part is a schema the definitions know (pg_catalog's
 * names such as `en_US.utf8` hold dots); a bare part keeps its case, as a name in the DSL does.
 */
export function collationId(text: string, isSchema: (name: string) => boolean): string {
  const { parts, end } = readParts(text.trim(), '');
  if (parts.length === 2 && end >= text.trim().length && isSchema(parts[0]!)) return parts[0] === 'pg_catalog' ? namePart(parts[1]!) : objectId(parts[0]!, parts[1]!);
  if (parts.length === 1 && end >= text.trim().length) return namePart(parts[0]!);
  return namePart(text.trim());
}
