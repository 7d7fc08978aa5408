/**
 * A TsType is a TypeScript type expression as the types emitter builds it; `typeDoc` lays it out
 * the way prettier prints the same type (unions broken one member a line, type arguments hugged
 * when prettier hugs them, object types flat until they do not fit).
 */
import { align, flat, group, hardline, ifBreak, indent, join, line, softline, type Doc, type Group } from '../layout/doc.js';
import { stringWidth } from '../layout/width.js';

export type TsType =
  | { kind: 'keyword'; name: 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'unknown' | 'never' | 'void' | 'bigint' }
  | { kind: 'reference'; name: string; args: TsType[] }
  | { kind: 'literal'; value: string }
  | { kind: 'array'; element: TsType }
  | { kind: 'union'; members: TsType[] }
  | { kind: 'object'; members: Member[]; expanded?: boolean }
  | { kind: 'tuple'; elements: TsType[] }
  /** Text printed as it is: `true`, `{ [_ in never]: never }`. */
  | { kind: 'raw'; text: string };

/** A Member of an object type or interface: a property, or an index signature `[x: string]: T`. */
export interface Member {
  key: string;
  type: TsType;
  optional?: boolean;
  index?: boolean;
  comment?: string;
}

export const keyword = (name: Extract<TsType, { kind: 'keyword' }>['name']): TsType => ({ kind: 'keyword', name });
export const ref = (name: string, ...args: TsType[]): TsType => ({ kind: 'reference', name, args });
export const literal = (value: string): TsType => ({ kind: 'literal', value });
export const arrayOf = (element: TsType): TsType => ({ kind: 'array', element });
export const object = (members: Member[], expanded = false): TsType => ({ kind: 'object', members, expanded });
export const tuple = (elements: TsType[]): TsType => ({ kind: 'tuple', elements });
export const raw = (text: string): TsType => ({ kind: 'raw', text });

/** A union with nested unions flattened and repeated members dropped; one member stands alone. */
export function union(...types: TsType[]): TsType {
  const members: TsType[] = [];
  const add = (type: TsType) => {
    for (const member of members) if (sameType(member, type)) return;
    members.push(type);
  };
  for (const type of types) {
    if (type.kind === 'union') for (const member of type.members) add(member);
    else add(type);
  }
  if (members.length === 0) return keyword('never');
  // `unknown | null` is just unknown, and prettier would not print it shorter: say it once.
  if (members.some((m) => m.kind === 'keyword' && m.name === 'unknown')) return keyword('unknown');
  return members.length === 1 ? members[0]! : { kind: 'union', members };
}

/** Structural equality of two types (member order counts). */
export function sameType(a: TsType, b: TsType): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'keyword':
      return b.kind === 'keyword' && a.name === b.name;
    case 'literal':
      return b.kind === 'literal' && a.value === b.value;
    case 'reference':
      return b.kind === 'reference' && a.name === b.name && sameList(a.args, b.args);
    case 'array':
      return b.kind === 'array' && sameType(a.element, b.element);
    case 'union':
      return b.kind === 'union' && sameList(a.members, b.members);
    case 'tuple':
      return b.kind === 'tuple' && sameList(a.elements, b.elements);
    case 'raw':
      return b.kind === 'raw' && a.text === b.text;
    case 'object':
      return (
        b.kind === 'object' &&
        a.members.length === b.members.length &&
        a.members.every((m, i) => {
          const o = b.members[i]!;
          return m.key === o.key && Boolean(m.optional) === Boolean(o.optional) && Boolean(m.index) === Boolean(o.index) && sameType(m.type, o.type);
        })
      );
  }
}

function sameList(a: TsType[], b: TsType[]): boolean {
  return a.length === b.length && a.every((type, i) => sameType(type, b[i]!));
}

/** Where a type is printed: its parent decides how a union may break. */
type Place = 'annotation' | 'alias' | 'argument' | 'element' | 'member';

const isNullish = (type: TsType) => type.kind === 'keyword' && (type.name === 'null' || type.name === 'void');

/** Prettier prints `Foo | null` (one object-like member, the rest null or void) on one line, unbreakable. */
export function hugsUnion(type: TsType): boolean {
  if (type.kind !== 'union') return false;
  const objectLike = type.members.filter((member) => member.kind === 'reference' || member.kind === 'object');
  return objectLike.length === 1 && type.members.every((member) => member === objectLike[0] || isNullish(member));
}

/** Keywords, literals and references without arguments: prettier's "simple" types. */
function isSimple(type: TsType): boolean {
  return type.kind === 'keyword' || type.kind === 'literal' || (type.kind === 'reference' && type.args.length === 0);
}

export function typeDoc(type: TsType, place: Place = 'annotation'): Doc {
  switch (type.kind) {
    case 'keyword':
      return type.name;
    case 'literal':
      return quoteString(type.value);
    case 'reference':
      return [type.name, typeArguments(type.args)];
    case 'array':
      return [type.element.kind === 'union' ? ['(', typeDoc(type.element, 'element'), ')'] : typeDoc(type.element, 'element'), '[]'];
    case 'object':
      return objectDoc(type.members, type.expanded ?? false);
    case 'union':
      return unionDoc(type.members, place);
    case 'tuple':
      if (type.elements.length === 0) return '[]';
      return group(['[', indent([softline, join([',', line], type.elements.map((element) => typeDoc(element, 'element')))]), ifBreak(','), softline, ']']);
    case 'raw':
      return type.text;
  }
}

function typeArguments(args: TsType[]): Doc {
  if (args.length === 0) return '';
  const only = args[0]!;
  if (args.length === 1 && (isSimple(only) || only.kind === 'object' || hugsUnion(only))) return ['<', typeDoc(only, 'argument'), '>'];
  return group(['<', indent([softline, join([',', line], args.map((arg) => typeDoc(arg, 'argument')))]), softline, '>']);
}

function unionDoc(members: TsType[], place: Place): Doc {
  const docs = members.map((member) => typeDoc(member, 'member'));
  if (hugsUnion({ kind: 'union', members })) return join(' | ', docs);
  const lines = group(docs.map((doc, index) => [index === 0 ? ifBreak('| ') : [line, '| '], align(2, doc)]));
  if (place === 'element') return group([indent([softline, lines]), softline]);
  if (place === 'alias' || place === 'argument') return lines;
  return group(indent([softline, lines]));
}

/** An object type literal: `{ a: string; b?: number }`, or one member a line when expanded or too long. */
function objectDoc(members: Member[], expanded: boolean): Doc {
  if (members.length === 0) return '{}';
  const parts: Doc[] = [line];
  for (const member of members) parts.push(memberDoc(member), separator);
  parts[parts.length - 1] = ifBreak(';');
  return group(['{', indent(parts), line, '}'], { shouldBreak: expanded });
}

const separator: Doc = [';', line];

/**
 * An interface body: always one member a line. Interfaces are top-level statements, so their
 * members start two columns in.
 */
export function interfaceBody(members: Member[]): Doc {
  if (members.length === 0) return '{}';
  return linesOfMembers(members, 2);
}

/** `{`, then each member on its own line at `indentation` with its `;`, then `}` a level out. */
function linesOfMembers(members: Member[], indentation: number): Doc {
  return ['{', indent([hardline, join(hardline, members.map((member) => withSemicolon(memberLine(member, indentation))))]), hardline, '}'];
}

const withSemicolon = (doc: Doc): Doc => (typeof doc === 'string' ? `${doc};` : [doc, ';']);

/** How wide the printer lays out (prettier's default). */
const printWidth = 80;

/**
 * A member on a line of its own at `indentation`, laid out as the printer would lay out
 * `memberDoc` there, without a document wherever the layout is already known: one line of text
 * when its type prints flat and the line fits before its `;`, an expanded object's members one a
 * line below its key. Most members of a large schema are one line, and a line of text costs the
 * printer nothing to measure.
 */
function memberLine(member: Member, indentation: number): Doc {
  if (member.index) return memberDoc(member);
  const key = `${propertyKey(member.key)}${member.optional ? '?' : ''}: `;
  const { type } = member;
  let layout: Doc;
  if (type.kind === 'object' && type.expanded && type.members.length > 0) layout = [key, linesOfMembers(type.members, indentation + 2)];
  else {
    const flat = flatAnnotation(type);
    if (flat === undefined || stringWidth(key) + stringWidth(flat) + 1 > printWidth - indentation) return memberDoc(member);
    layout = key + flat;
  }
  return member.comment ? [commentDoc(member.comment), hardline, layout] : layout;
}

/** Flat annotations by type: columns of a schema share a few dozen types (see `columnType`). */
const flatAnnotations = new WeakMap<TsType, string | null>();

/** A type's one-line text as a member's annotation, or undefined when it must break. */
function flatAnnotation(type: TsType): string | undefined {
  let flat = flatAnnotations.get(type);
  if (flat === undefined) flatAnnotations.set(type, (flat = flatType(type) ?? null));
  return flat ?? undefined;
}

function memberDoc(member: Member): Doc {
  if (member.comment) return [commentDoc(member.comment), hardline, signatureDoc(member)];
  // Most members fit their line: their text is enough, their document is built only when one does not.
  const type = flatType(member.type);
  if (type === undefined) return signatureDoc(member);
  const text = `${memberKey(member)}${member.optional ? '?' : ''}: ${type}`;
  return flat(text, stringWidth(text), signatureDoc, member);
}

function signatureDoc(member: Member): Group {
  return group([memberKey(member), member.optional ? '?' : '', ': ', typeDoc(member.type, 'annotation')]);
}

const memberKey = (member: Member) => (member.index ? `[${member.key}: string]` : propertyKey(member.key));

/**
 * A type's text on one line, as `typeDoc` lays it out flat (the same wherever it stands), or
 * undefined when it holds something that must break: an expanded object type.
 */
function flatType(type: TsType): string | undefined {
  switch (type.kind) {
    case 'keyword':
      return type.name;
    case 'literal':
      return quoteString(type.value);
    case 'reference': {
      if (type.args.length === 0) return type.name;
      const args = flatList(type.args, ', ');
      return args === undefined ? undefined : `${type.name}<${args}>`;
    }
    case 'array': {
      const element = flatType(type.element);
      if (element === undefined) return undefined;
      return type.element.kind === 'union' ? `(${element})[]` : `${element}[]`;
    }
    case 'object': {
      if (type.members.length === 0) return '{}';
      if (type.expanded) return undefined;
      let members = '';
      for (const member of type.members) {
        if (member.comment) return undefined;
        const value = flatType(member.type);
        if (value === undefined) return undefined;
        members += `${members === '' ? '' : '; '}${memberKey(member)}${member.optional ? '?' : ''}: ${value}`;
      }
      return `{ ${members} }`;
    }
    case 'union':
      return flatList(type.members, ' | ');
    case 'tuple': {
      const elements = flatList(type.elements, ', ');
      return elements === undefined ? undefined : `[${elements}]`;
    }
    case 'raw':
      return type.text.includes('\n') ? undefined : type.text;
  }
}

function flatList(types: TsType[], separator: string): string | undefined {
  let out = '';
  for (let i = 0; i < types.length; i++) {
    const text = flatType(types[i]!);
    if (text === undefined) return undefined;
    out += i === 0 ? text : separator + text;
  }
  return out;
}

/** A JSDoc block for a description: one line when it is one line, else one ` * ` line per line. */
export function commentDoc(text: string): Doc {
  if (!/[\r\n]|\*\//.test(text)) return `/** ${text.trim()} */`;
  const lines = text
    .replace(/\*\//g, '*\\/')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  if (lines.length <= 1) return `/** ${lines[0] ?? ''} */`;
  return join(hardline, ['/**', ...lines.map((l) => (l ? ` * ${l}` : ' *')), ' */']);
}

const identifier = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/** Whether a name can stand as a property key or type name without quotes. */
export function isIdentifier(name: string): boolean {
  return identifier.test(name);
}

/** A property key: bare when it is an identifier (reserved words included), else a string. */
export function propertyKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = isIdentifier(name) ? name : quoteString(name);
    // Column names repeat across a schema's tables: each is judged once.
    if (keys.size > 10_000) keys.clear();
    keys.set(name, key);
  }
  return key;
}

const keys = new Map<string, string>();

/** A string literal as prettier writes it: double quotes unless the text holds more of them than single ones. */
export function quoteString(value: string): string {
  // Most strings hold nothing to escape and no double quote: quoted as they are.
  if (!/["\\\x00-\x1f\x7f\u2028\u2029]/.test(value)) return `"${value}"`;
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  const quote = doubles > singles ? "'" : '"';
  let body = '';
  for (const character of value) {
    const code = character.codePointAt(0)!;
    if (character === '\\') body += '\\\\';
    else if (character === quote) body += `\\${quote}`;
    else if (character === '\n') body += '\\n';
    else if (character === '\r') body += '\\r';
    else if (character === '\t') body += '\\t';
    else if (code < 0x20 || code === 0x7f) body += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code === 0x2028 || code === 0x2029) body += `\\u${code.toString(16)}`;
    else body += character;
  }
  return `${quote}${body}${quote}`;
}
