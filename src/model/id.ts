import type { ObjectRef } from './schema.js';

/**
 * The one id codec. An id names an object stably across front ends: `public.leads` for a
 * relation or type, `public.score(uuid,integer)` for a routine. A name part that contains a
 * dot, double quote, comma or parenthesis is wrapped in double quotes (doubled inside), so
 * every id parses back to exactly its parts.
 */

const plainPart = /^[^."(),]+$/;

/** One name part as ids write it: bare, or double-quoted when it holds a dot, quote, comma or parenthesis. */
export function namePart(part: string): string {
  return encodePart(part);
}

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

/**
 * Reads dot-separated name parts, each bare or double-quoted (doubled quotes inside), from the
 * start of `text`, stopping at `stop` (a character that ends a bare part, such as `(`), and
 * returns them with the position reached; `unterminated` when a quoted part never closed.
 */
export function readParts(text: string, stop: string): { parts: string[]; end: number; unterminated: boolean } {
  const parts: string[] = [];
  let unterminated = false;
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      let part = '';
      i++;
      unterminated = true;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          part += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          unterminated = false;
          break;
        } else part += text[i++];
      }
      parts.push(part);
    } else {
      let end = i;
      while (end < text.length && text[end] !== '.' && !stop.includes(text[end]!)) end++;
      parts.push(text.slice(i, end));
      i = end;
    }
    if (unterminated || text[i] !== '.') break;
    i++;
  }
  return { parts, end: i, unterminated };
}

/** Splits an id made by `objectId` (or a routine id) back into schema and name. */
export function parseObjectId(id: string): { schema: string; name: string } {
  const dot = id.startsWith('"') ? -1 : id.indexOf('.');
  // A bare schema part runs to the first dot; the name may contain anything but a bare '('.
  if (dot > 0) {
    const rest = readParts(id.slice(dot + 1), '(');
    if (rest.parts.length >= 1) return { schema: id.slice(0, dot), name: rest.parts[0]! };
  }
  const { parts } = readParts(id, '(');
  if (parts.length < 2) throw new Error(`not an object id: ${id}`);
  return { schema: parts[0]!, name: parts[1]! };
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
  const source = text.replace(/\[\]$/, '');
  const { parts, end } = readParts(source, '');
  return parts.length === 2 && end >= source.length ? { schema: parts[0]!, name: parts[1]! } : undefined;
}

/** The key of an unmanaged object in `Schema.unmanaged`: its kind and identity. */
export function unmanagedKey(kind: string, identity: string): string {
  return `${kind} ${identity}`;
}

/** What an ObjectRef belongs to: the relation or table of a part of one, else its own id (or unmanaged key). */
export function refOwner(ref: ObjectRef): string {
  return 'relation' in ref ? ref.relation : 'table' in ref ? ref.table : 'id' in ref ? ref.id : ref.key;
}

/** A text key for an ObjectRef (`column public.leads status`), for sets and maps. */
export function refKey(ref: ObjectRef): string {
  if ('key' in ref) return `unmanaged ${ref.key}`;
  if ('relation' in ref) return `${ref.type} ${ref.relation} ${ref.column}`;
  if ('table' in ref) return `${ref.type} ${ref.table} ${ref.name}`;
  return `${ref.type} ${ref.id}`;
}
