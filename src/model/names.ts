/** PostgreSQL keeps at most 63 bytes of a name (NAMEDATALEN - 1). */
export const maxNameBytes = 63;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** Cuts text to at most `bytes` bytes without splitting a character, as pg_mbcliplen does. */
export function clip(text: string, bytes: number): string {
  let out = '';
  for (const char of text) {
    if (byteLength(out + char) > bytes) break;
    out += char;
  }
  return out;
}

/**
 * The name PostgreSQL itself chooses for a constraint or index (makeObjectName):
 * `table_column_label`, the longer of the two parts shortened until the whole fits in 63 bytes.
 * The DSL's shorthands use it, and pull uses it to know when a shorthand reproduces a name.
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
