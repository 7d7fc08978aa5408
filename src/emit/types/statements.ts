/**
 * Top-level statements of the generated file as layout documents, shaped the way prettier lays
 * out the same statements: type aliases (a union breaks after `=`, anything else stays beside it
 * while it fits), `as const` arrays, interfaces and type-only imports.
 */
import { group, hardline, ifBreak, indent, indentIfBreak, join, line, softline, type Doc } from '../layout/doc.js';
import { commentDoc, hugsUnion, interfaceBody, quoteString, typeDoc, type Member, type TsType } from './ts-type.js';

/** A Statement is one declaration with its optional description. */
export interface Statement {
  doc: Doc;
  comment?: string;
  /** Printed right under the statement before it, without a blank line (imports). */
  tight?: boolean;
}

function withComment(doc: Doc, comment: string | undefined): Statement {
  return comment ? { doc, comment } : { doc };
}

/** `left = right` with prettier's "fluid" layout: break after `=` only when the right side cannot start on the line. */
function fluid(left: Doc, right: Doc): Doc {
  const id = Symbol('assignment');
  return group([group(left), ' =', group(indent(line), { id }), indentIfBreak(right, id)]);
}

export function typeAlias(name: string, type: TsType, comment?: string): Statement {
  const left = ['type ', name];
  const assignment =
    type.kind === 'union' && !hugsUnion(type)
      ? group([group(left), ' =', group(indent([line, typeDoc(type, 'alias')]))])
      : fluid(left, typeDoc(type, 'alias'));
  return withComment(['export ', assignment, ';'], comment);
}

/** `export const Name = ["a", "b"] as const;` */
export function constArray(name: string, values: string[]): Statement {
  const items = values.map(quoteString);
  const array = items.length === 0 ? '[]' : group(['[', indent([softline, join([',', line], items)]), ifBreak(','), softline, ']']);
  return { doc: ['export const ', fluid(name, [array, ' as const']), ';'] };
}

export function interfaceDeclaration(name: string, members: Member[], comment?: string): Statement {
  return withComment(['export interface ', name, ' ', interfaceBody(members)], comment);
}

/** `import type { A, B } from "module";` */
export function importTypes(names: string[], module: string): Statement {
  const specifiers = group(['{', indent([line, join([',', line], names)]), ifBreak(','), line, '}']);
  return { doc: ['import type ', specifiers, ' from ', quoteString(module), ';'], tight: true };
}

/** The whole file: a header comment, then the statements one blank line apart. */
export function program(header: string, statements: Statement[]): Doc {
  const docs = statements.map((s, index) => [
    index === 0 ? '' : s.tight && statements[index - 1]!.tight ? hardline : [hardline, hardline],
    s.comment ? [commentDoc(s.comment), hardline, s.doc] : s.doc,
  ]);
  return [commentDoc(header), hardline, hardline, docs, hardline];
}
