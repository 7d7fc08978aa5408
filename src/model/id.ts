/**
 * The one id codec. An id names an object stably across front ends: `public.leads` for a
 * relation or type, `public.score(uuid,integer)` for a routine. A name part that contains a
 * dot, double quote, comma or parenthesis is wrapped in double quotes (doubled inside), so
 * every id parses back to exactly its parts.
 */

const plainPart = /^[^."(),]+$/;

function encodePart(part: string): string {
  return plainPart.test(part) ? part : `"${part.replace(/"/g, '""')}"`;
}

/** The id of a schema-qualified object: relation, type or (without arguments) routine name. */
export function objectId(schema: string, name: string): string {
  return `${encodePart(schema)}.${encodePart(name)}`;
}

/** The id of a routine: its name and the types of its identity (IN, INOUT, VARIADIC) arguments. */
export function routineId(schema: string, name: string, argumentTypes: string[]): string {
  return `${objectId(schema, name)}(${argumentTypes.join(',')})`;
}

/** Splits an id made by `objectId` back into schema and name. */
export function parseObjectId(id: string): { schema: string; name: string } {
  const parts: string[] = [];
  let i = 0;
  while (i < id.length && parts.length < 2) {
    if (id[i] === '"') {
      let part = '';
      i++;
      while (i < id.length) {
        if (id[i] === '"' && id[i + 1] === '"') {
          part += '"';
          i += 2;
        } else if (id[i] === '"') {
          i++;
          break;
        } else {
          part += id[i++];
        }
      }
      parts.push(part);
    } else {
      const end = parts.length === 0 ? id.indexOf('.', i) : firstOf(id, i, '(');
      const stop = end === -1 ? id.length : end;
      parts.push(id.slice(i, stop));
      i = stop;
    }
    if (parts.length === 1 && id[i] === '.') i++;
  }
  if (parts.length !== 2) throw new Error(`not an object id: ${id}`);
  return { schema: parts[0]!, name: parts[1]! };
}

function firstOf(text: string, from: number, char: string): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at;
}

/** The schema-qualified name part of a routine id: `public.score(uuid)` -> `public.score`. */
export function routineName(id: string): { schema: string; name: string } {
  return parseObjectId(id);
}

/**
 * The schema and name a printed type or relation name stands for: `public."kind""s"[]` ->
 * { schema: 'public', name: 'kind"s' }. Returns undefined for an unqualified (built-in) name.
 */
export function parseQualifiedName(text: string): { schema: string; name: string } | undefined {
  const parts: string[] = [];
  let i = 0;
  const source = text.replace(/\[\]$/, '');
  while (i < source.length && parts.length < 3) {
    if (source[i] === '"') {
      let part = '';
      i++;
      while (i < source.length) {
        if (source[i] === '"' && source[i + 1] === '"') {
          part += '"';
          i += 2;
        } else if (source[i] === '"') {
          i++;
          break;
        } else part += source[i++];
      }
      parts.push(part);
    } else {
      const end = source.indexOf('.', i);
      const stop = end === -1 ? source.length : end;
      parts.push(source.slice(i, stop));
      i = stop;
    }
    if (source[i] === '.') i++;
    else break;
  }
  return parts.length === 2 && i >= source.length ? { schema: parts[0]!, name: parts[1]! } : undefined;
}
