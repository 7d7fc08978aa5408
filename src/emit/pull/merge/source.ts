/**
 * Reading existing definition files with ts-morph: where a definition's call is, its properties by
 * key, method chains, and the edits that add, replace or remove one of them while leaving every
 * other byte of the file as it was.
 */
import { Node, type CallExpression, type Expression, type ObjectLiteralExpression, type PropertyAccessExpression, type SourceFile } from 'ts-morph';
import type { TextEdit } from './edits.js';

/** The key a property is written with, or undefined for a computed key or a spread. */
export function propertyName(property: Node): string | undefined {
  if (!Node.isPropertyAssignment(property) && !Node.isShorthandPropertyAssignment(property)) return undefined;
  const name = property.getNameNode();
  if (Node.isIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralText();
  if (Node.isNumericLiteral(name)) return String(Number(name.getText()));
  return undefined;
}

/** The property written with this key, when it is a plain `key: value`. */
export function findProperty(object: ObjectLiteralExpression, key: string): Node | undefined {
  return object.getProperties().find((property) => propertyName(property) === key);
}

/** True when some entries of the object come from code: a spread, a computed key, a method. */
export function hasOpaqueEntries(object: ObjectLiteralExpression): boolean {
  return object.getProperties().some((property) => propertyName(property) === undefined);
}

/** The value of `key: value`, without `as const`, `satisfies` or parentheses around it. */
export function valueOf(property: Node): Expression | undefined {
  if (!Node.isPropertyAssignment(property)) return undefined;
  const initializer = property.getInitializer();
  return initializer ? unwrap(initializer) : undefined;
}

export function unwrap(node: Expression): Expression {
  if (Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isParenthesizedExpression(node)) return unwrap(node.getExpression());
  return node;
}

/**
 * True when a value says all it means in place (strings, numbers, sql`` without substitutions,
 * plain arrays and objects of those): replacing it loses nothing a person wrote but its layout.
 */
export function isPlainValue(node: Node): boolean {
  if (Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isParenthesizedExpression(node)) return isPlainValue(node.getExpression());
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) || Node.isNumericLiteral(node)) return true;
  if (Node.isTrueLiteral(node) || Node.isFalseLiteral(node) || Node.isNullLiteral(node)) return true;
  if (Node.isPrefixUnaryExpression(node)) return Node.isNumericLiteral(node.getOperand());
  if (Node.isTaggedTemplateExpression(node)) return node.getTag().getText() === 'sql' && Node.isNoSubstitutionTemplateLiteral(node.getTemplate());
  if (Node.isArrayLiteralExpression(node)) return node.getElements().every(isPlainValue);
  if (Node.isObjectLiteralExpression(node)) {
    return node.getProperties().every((property) => propertyName(property) !== undefined && Node.isPropertyAssignment(property) && isPlainValue(property.getInitializerOrThrow()));
  }
  return false;
}

/** The indentation (in spaces) of the line a node starts on. */
export function depthOf(node: Node): number {
  const text = node.getSourceFile().getFullText();
  const lineStart = text.lastIndexOf('\n', node.getStart() - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0].replace(/\t/g, '  ').length;
}

const isMultiline = (node: Node) => node.getText().includes('\n');

/**
 * Inserts a property (`print(depth)` gives `key: value,` laid out `depth` deep) after `anchor`,
 * or first when there is none, following the object's own layout: one property a line, or inline.
 */
export function insertProperty(object: ObjectLiteralExpression, anchor: Node | undefined, print: (depth: number) => string): TextEdit {
  const text = object.getSourceFile().getFullText();
  const properties = object.getProperties();
  if (properties.length === 0) {
    const depth = depthOf(object) + 2;
    return { start: object.getStart(), end: object.getEnd(), text: `{\n${' '.repeat(depth)}${print(depth)}\n${' '.repeat(depth - 2)}}` };
  }
  const bare = (depth: number) => print(depth).replace(/,$/, '');
  if (!isMultiline(object)) {
    if (!anchor) return { start: properties[0]!.getStart(), end: properties[0]!.getStart(), text: `${bare(depthOf(object))}, ` };
    return { start: anchor.getEnd(), end: anchor.getEnd(), text: `, ${bare(depthOf(object))}` };
  }
  const depth = depthOf(properties[0]!);
  const indent = ' '.repeat(depth);
  if (!anchor) return { start: object.getStart() + 1, end: object.getStart() + 1, text: `\n${indent}${print(depth)}` };
  const end = anchor.getEnd();
  if (text[end] === ',') return { start: end + 1, end: end + 1, text: `\n${indent}${print(depth)}` };
  // The last property without a trailing comma: the new one follows it, and keeps that style.
  return { start: end, end, text: `,\n${indent}${bare(depth)}` };
}

/**
 * Removes a property with its comma; when it stands on lines of its own, those whole lines go,
 * with the comments written just above it.
 */
export function removeProperty(property: Node): TextEdit {
  return removeLines(property, true);
}

/** Removes a node (a property, a statement) with its own lines and the comments above it. */
export function removeLines(node: Node, withComma: boolean): TextEdit {
  const text = node.getSourceFile().getFullText();
  let end = node.getEnd();
  if (withComma && text[end] === ',') end++;
  let start = node.getStart();
  for (const range of node.getLeadingCommentRanges()) {
    start = Math.min(start, range.getPos());
    break;
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const ownLines = /^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*$/.test(text.slice(end, lineEnd === -1 ? text.length : lineEnd));
  if (ownLines) {
    let stop = lineEnd === -1 ? text.length : lineEnd + 1;
    // A statement between blank lines takes one of them along, so no double blank line is left.
    if (!withComma && text[stop] === '\n' && (lineStart === 0 || text[lineStart - 2] === '\n')) stop++;
    return { start: lineStart, end: stop, text: '' };
  }
  while (/[ \t]/.test(text[end] ?? '')) end++;
  return { start: node.getStart(), end, text: '' };
}

/** Replaces a node's text. */
export function replaceNode(node: Node, text: string): TextEdit {
  return { start: node.getStart(), end: node.getEnd(), text };
}

/** One method call of a chain: `.notNull()` in `text().notNull()`. */
export interface ChainLink {
  name: string;
  call: CallExpression;
  access: PropertyAccessExpression;
}

/** A method chain: the call it starts from (`text()`, or a helper's `brandColumn()`) and its links, in order. */
export interface Chain {
  root: Node;
  links: ChainLink[];
}

export function chainOf(node: Node): Chain {
  const links: ChainLink[] = [];
  let current: Node = node;
  while (Node.isCallExpression(current)) {
    const callee = current.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) break;
    links.unshift({ name: callee.getName(), call: current, access: callee });
    current = callee.getExpression();
  }
  return { root: current, links };
}

/** The text between the value a link is called on and its dot: '' inline, a newline and indentation when broken. */
function separator(link: ChainLink): string {
  const text = link.access.getSourceFile().getFullText();
  return text.slice(link.access.getExpression().getEnd(), link.access.getNameNode().getStart() - 1);
}

/** Inserts `.name(args)` before `before` (else at the end of the chain), broken like the chain's other links. */
export function insertLink(chain: Chain, before: ChainLink | undefined, callText: string): TextEdit {
  const model = before ?? chain.links[chain.links.length - 1];
  const sep = model ? separator(model) : '';
  const at = before ? before.access.getExpression().getEnd() : (chain.links[chain.links.length - 1]?.call ?? chain.root).getEnd();
  return { start: at, end: at, text: `${sep}.${callText}` };
}

export function removeLink(link: ChainLink): TextEdit {
  return { start: link.access.getExpression().getEnd(), end: link.call.getEnd(), text: '' };
}

export function replaceLink(link: ChainLink, callText: string): TextEdit {
  return { start: link.access.getNameNode().getStart(), end: link.call.getEnd(), text: callText };
}

/** Every call of a builder (`table('leads', ...)`) a file makes with a plain name as its first argument. */
export function builderCalls(file: SourceFile, builders: Set<string>): { builder: string; name: string; call: CallExpression }[] {
  const found: { builder: string; name: string; call: CallExpression }[] = [];
  file.forEachDescendant((node) => {
    if (!Node.isCallExpression(node)) return;
    const callee = node.getExpression();
    const [first] = node.getArguments();
    if (!Node.isIdentifier(callee) || !builders.has(callee.getText()) || !first) return;
    if (Node.isStringLiteral(first) || Node.isNoSubstitutionTemplateLiteral(first)) found.push({ builder: callee.getText(), name: first.getLiteralText(), call: node });
  });
  return found;
}

/** A string property of a call's options object (`schema: 'crm'`), if written plainly. */
export function stringOption(call: CallExpression, key: string): string | undefined {
  const options = call.getArguments().find((arg) => Node.isObjectLiteralExpression(arg));
  if (!options || !Node.isObjectLiteralExpression(options)) return undefined;
  const property = findProperty(options, key);
  const value = property && valueOf(property);
  return value && (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) ? value.getLiteralText() : undefined;
}
