import { clip, maxNameBytes as maxBytes, objectName } from '../../model/names.js';
import type { Index } from '../../model/schema.js';

/*
 * The name PostgreSQL gives a partition's index when CREATE INDEX on the partitioned parent builds
 * it (ChooseIndexName in indexcmds.c): `<partition>_<columns>_idx`, each part clipped to fit 63
 * bytes, the label numbered (`idx1`, `idx2`...) while the name is taken. The online form builds
 * each partition's index itself and must name it the same, so the database ends as the plain
 * form leaves it.
 */

const bytes = (text: string) => Buffer.byteLength(text);

/** The index just past the parenthesis that closes the one at `open`, skipping quoted text. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const char = text[i]!;
    if (char === "'" || char === '"') {
      i = text.indexOf(char, i + 1);
      if (i < 0) return text.length;
      continue;
    }
    if (char === '(') depth++;
    if (char === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

const word = String.raw`(?:"(?:[^"]|"")*"|[a-z_][a-z0-9_$]*)`;
const unquote = (name: string) => (name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name);
/** Expressions PostgreSQL names by their keyword (FigureColnameInternal). */
const keywords: Record<string, string> = { CASE: 'case', COALESCE: 'coalesce', GREATEST: 'greatest', LEAST: 'least', NULLIF: 'nullif', ARRAY: 'array', ROW: 'row', EXISTS: 'exists' };

/**
 * The name PostgreSQL gives an index key (FigureIndexColname): a column's own name, a function
 * call's function, a cast's column, a few expressions their keyword, any other `expr`.
 */
function figure(expression: string): string {
  let text = expression.trim();
  while (text.startsWith('(') && closing(text, 0) === text.length) text = text.slice(1, -1).trim();
  const column = new RegExp(`^${word}$`).exec(text);
  if (column) return unquote(column[0]);
  const keyword = /^([A-Z]+)\b/.exec(text);
  if (keyword && keywords[keyword[1]!]) return keywords[keyword[1]!]!;
  const call = new RegExp(`^(?:${word}\\.)?(${word})\\(`).exec(text);
  if (call && closing(text, call[0].length - 1) === text.length) return unquote(call[1]!);
  // A cast is named after what it casts (a cast of an expression after its type: left as `expr`).
  const operand = text.startsWith('(') ? text.slice(0, closing(text, 0)) : new RegExp(`^${word}`).exec(text)?.[0];
  if (operand && /^::[\w ."]+(\(\d+(,\s*\d+)?\))?(\[\])?$/.test(text.slice(operand.length))) return figure(operand);
  return 'expr';
}

/** The name of one printed key: its expression or column, before COLLATE, operator class or order. */
function keyColumn(key: string): string {
  const head = key.startsWith('(') ? key.slice(0, closing(key, 0)) : (new RegExp(`^(?:${word}\\.)?${word}\\(`).exec(key) ? key.slice(0, closing(key, key.indexOf('('))) : (new RegExp(`^${word}`).exec(key)?.[0] ?? key));
  return figure(head);
}

/** The key and INCLUDE columns' names, a repeated one numbered, joined by `_` (ChooseIndexNameAddition). */
function columnsPart(columns: string[]): string {
  const names: string[] = [];
  for (const original of columns) {
    let name = original;
    for (let i = 1; names.includes(name); i++) name = clip(original, maxBytes - bytes(String(i))) + String(i);
    names.push(name);
  }
  let joined = '';
  for (const name of names) {
    joined = joined ? `${joined}_${name}` : name;
    if (bytes(joined) >= maxBytes) break;
  }
  return clip(joined, maxBytes);
}

/** The names taken in one schema: relations (pg_class: tables, views, sequences, indexes, composite types) and constraints. */
export interface TakenNames {
  relations: Set<string>;
  constraints: Set<string>;
}

/**
 * The name of `partition`'s index (label `idx`) under the parent's `index`, or of its key's index
 * (`pkey`, `key`) under the parent's constraint, adding it to `taken`. As ChooseRelationName
 * does, an index avoids the names of relations, a key's index those of constraints too (a CHECK
 * or foreign key of that name pushes it to the next number, not a plain index).
 */
export function partitionIndexName(partition: string, of: Index | { columns: string[]; label: 'pkey' | 'key' }, taken: TakenNames): string {
  const [columns, label] = 'keys' in of ? [[...of.keys.map(keyColumn), ...of.include], 'idx'] : [of.columns, of.label];
  // A primary key's index is named `<table>_pkey`, without its columns.
  const name = (l: string) => objectName(partition, label === 'pkey' ? undefined : columnsPart(columns), l);
  const isTaken = (candidate: string) => taken.relations.has(candidate) || (label !== 'idx' && taken.constraints.has(candidate));
  let chosen = name(label);
  for (let pass = 1; isTaken(chosen); pass++) chosen = name(`${label}${pass}`);
  taken.relations.add(chosen);
  if (label !== 'idx') taken.constraints.add(chosen);
  return chosen;
}
