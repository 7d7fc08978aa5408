import { PgformError } from '../errors.js';

/** PostgreSQL keeps at most 63 bytes of a name (NAMEDATALEN - 1). */
export const maxNameBytes = 63;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** Cuts text to at most `bytes` bytes without splitting a character, as pg_mbcliplen does. */
function clip(text: string, bytes: number): string {
  let out = '';
  for (const char of text) {
    if (byteLength(out + char) > bytes) break;
    out += char;
  }
  return out;
}

/**
 * The name PostgreSQL itself would choose (makeObjectName): `table_column_label`, with the
 * longer of the two parts shortened until the whole fits in 63 bytes.
 */
export function objectName(name1: string, name2: string | undefined, label: string): string {
  const overhead = byteLength(label) + 1 + (name2 ? 1 : 0);
  const available = maxNameBytes - overhead;
  let n1 = byteLength(name1);
  let n2 = name2 ? byteLength(name2) : 0;
  while (n1 + n2 > available) {
    if (n1 > n2) n1--;
    else n2--;
  }
  const parts = [clip(name1, n1)];
  if (name2) parts.push(clip(name2, n2));
  parts.push(label);
  return parts.join('_');
}

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
