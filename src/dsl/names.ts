import { PgformError } from '../errors.js';

export { maxNameBytes, objectName } from '../model/names.js';
import { maxNameBytes } from '../model/names.js';

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** Rejects a declared name PostgreSQL would silently truncate. */
export function checkName(name: string, where: { file?: string; line?: number; object: string; field: string }): void {
  if (name.length === 0) throw new PgformError('DEFINITION_INVALID', 'a name must not be empty', where);
  if (byteLength(name) > maxNameBytes) {
    throw new PgformError(
      'DEFINITION_INVALID',
      `name "${name}" is ${byteLength(name)} bytes; PostgreSQL keeps only ${maxNameBytes} and would truncate it`,
      where,
      'shorten the name',
    );
  }
  if (name.includes('\0')) throw new PgformError('DEFINITION_INVALID', 'a name must not contain a NUL character', where);
}
