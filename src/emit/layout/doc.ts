/**
 * Layout documents with prettier's semantics, so emitters can write text exactly as prettier
 * would lay it out without loading prettier at run time. The builders mirror prettier's
 * (group, conditionalGroup, indent, align, line, softline, hardline, literalline, ifBreak,
 * indentIfBreak, fill, breakParent); `print.ts` lays a document out in a width.
 */

export type Doc = string | Doc[] | Group | Indent | Align | Line | IfBreak | Fill | BreakParent | Flat;

/** A Group prints flat when it fits in the rest of the line, else broken. */
export interface Group {
  kind: 'group';
  contents: Doc;
  /** Set when the group must break: asked for, or it holds a hard line or a broken group. */
  break: boolean;
  id?: symbol;
  /** A conditional group's layouts, most compact first: the first that fits is taken. */
  states?: Doc[];
}

export interface Indent {
  kind: 'indent';
  contents: Doc;
}

export interface Align {
  kind: 'align';
  width: number;
  contents: Doc;
}

export interface Line {
  kind: 'line';
  soft: boolean;
  hard: boolean;
  /** A literal line starts at column 0 and keeps the spaces before it (template literal text). */
  literal: boolean;
}

export interface IfBreak {
  kind: 'if-break';
  breakContents: Doc;
  flatContents: Doc;
  /** The group whose mode decides; the enclosing one when absent. */
  groupId?: symbol;
}

/** Contents and separators in turn: each separator breaks only when the next content does not fit. */
export interface Fill {
  kind: 'fill';
  parts: Doc[];
  /** How many parts are already printed (the printer's bookkeeping). */
  start: number;
}

/** Breaks the enclosing group without printing anything. */
export interface BreakParent {
  kind: 'break-parent';
}

/**
 * A group that nothing forces to break, given as the text it prints flat. Its document is built
 * only when the text does not fit: most of a generated file's pieces fit on their line, and
 * building and measuring their documents would be most of the work.
 */
export interface Flat {
  kind: 'flat';
  text: string;
  width: number;
  /** Builds the group from `source`; called once, on first use. */
  build: (source: never) => Group;
  source: unknown;
  built?: Group;
}

export const line: Doc = { kind: 'line', soft: false, hard: false, literal: false };
export const softline: Doc = { kind: 'line', soft: true, hard: false, literal: false };
export const hardline: Doc = { kind: 'line', soft: false, hard: true, literal: false };
export const literalline: Doc = { kind: 'line', soft: false, hard: true, literal: true };
export const breakParent: Doc = { kind: 'break-parent' };

export function group(contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Group {
  const result: Group = { kind: 'group', contents, break: Boolean(options.shouldBreak) || breaksParent(contents) };
  if (options.id) result.id = options.id;
  return result;
}

/**
 * Layouts to choose from, most compact first. A conditional group is never broken by what it
 * holds: each layout decides for itself, so a break inside one does not reach the parents.
 */
export function conditionalGroup(states: Doc[]): Group {
  return { kind: 'group', contents: states[0]!, break: false, states };
}

export function indent(contents: Doc): Doc {
  return { kind: 'indent', contents };
}

export function align(width: number, contents: Doc): Doc {
  return { kind: 'align', width, contents };
}

export function ifBreak(breakContents: Doc, flatContents: Doc = '', groupId?: symbol): Doc {
  return groupId ? { kind: 'if-break', breakContents, flatContents, groupId } : { kind: 'if-break', breakContents, flatContents };
}

/**
 * A group given by its flat text and a way to build it from `source` (no closure per group:
 * files hold hundreds of thousands of them). The caller vouches that `build` makes a group that
 * prints `text` when flat and holds nothing that must break (no hard line, no group
 * that must break, not even in a conditional group's layouts).
 */
export function flat<T>(text: string, width: number, build: (source: T) => Group, source: T): Flat {
  return { kind: 'flat', text, width, build: build as (source: never) => Group, source };
}

/** The group a Flat stands for. */
export function flatGroup(doc: Flat): Group {
  return (doc.built ??= (doc.build as (source: unknown) => Group)(doc.source));
}

/** Contents indented only when the group `groupId` broke (prettier's indentIfBreak). */
export function indentIfBreak(contents: Doc, groupId: symbol): Doc {
  return ifBreak(indent(contents), contents, groupId);
}

export function fill(parts: Doc[]): Doc {
  return { kind: 'fill', parts, start: 0 };
}

export function join(separator: Doc, docs: Doc[]): Doc[] {
  const parts: Doc[] = [];
  docs.forEach((doc, index) => {
    if (index > 0) parts.push(separator);
    parts.push(doc);
  });
  return parts;
}

/** Text with line feeds, each line starting at column 0 whatever the indentation (template literal text). */
export function literalText(text: string): Doc {
  return join(literalline, text.split('\n'));
}

/**
 * Whether a document holds a hard line, a breakParent or a group that must break. Conditional
 * groups keep their breaks to themselves when prettier propagates breaks to the parents
 * (`lookIntoChoices` false); its willBreak, which printers ask before anything is laid out,
 * looks into their first layout too.
 */
function holdsBreak(doc: Doc, lookIntoChoices: boolean): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) return doc.some((part) => holdsBreak(part, lookIntoChoices));
  switch (doc.kind) {
    case 'group':
      return doc.break || (lookIntoChoices && doc.states !== undefined && holdsBreak(doc.contents, true));
    case 'line':
      return doc.hard;
    case 'break-parent':
      return true;
    case 'flat':
      return false;
    case 'if-break':
      return holdsBreak(doc.breakContents, lookIntoChoices) || holdsBreak(doc.flatContents, lookIntoChoices);
    case 'fill':
      return doc.parts.some((part) => holdsBreak(part, lookIntoChoices));
    default:
      return holdsBreak(doc.contents, lookIntoChoices);
  }
}

/** Prettier propagates a hard line, a breakParent or a broken group to every enclosing group. */
function breaksParent(doc: Doc): boolean {
  return holdsBreak(doc, false);
}

/** Whether a document is sure to break, as prettier's willBreak tells before the document is laid out. */
export function willBreak(doc: Doc): boolean {
  return holdsBreak(doc, true);
}
