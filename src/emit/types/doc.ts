/**
 * A small layout engine with prettier's document semantics (group, indent, align, line, ifBreak,
 * indentIfBreak), so the types emitter can print text exactly as `prettier --parser typescript`
 * would without paying for prettier at run time. Builders mirror prettier's; `printDoc` follows
 * prettier's `printDocToString` and `fits`, including how a broken group breaks its parents.
 */

export type Doc = string | Doc[] | Group | Indent | Align | Line | IfBreak;

/** A Group prints flat when it fits in the remaining width, else broken. */
export interface Group {
  kind: 'group';
  contents: Doc;
  /** Set when the group must break: asked for, or it holds a hard line or a broken group. */
  break: boolean;
  id?: symbol;
}

interface Indent {
  kind: 'indent';
  contents: Doc;
}

interface Align {
  kind: 'align';
  width: number;
  contents: Doc;
}

interface Line {
  kind: 'line';
  soft: boolean;
  hard: boolean;
}

interface IfBreak {
  kind: 'if-break';
  breakContents: Doc;
  flatContents: Doc;
  /** The group whose mode decides; the enclosing one when absent. */
  groupId?: symbol;
}

export const line: Doc = { kind: 'line', soft: false, hard: false };
export const softline: Doc = { kind: 'line', soft: true, hard: false };
export const hardline: Doc = { kind: 'line', soft: false, hard: true };

export function group(contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Group {
  const result: Group = { kind: 'group', contents, break: Boolean(options.shouldBreak) || breaksParent(contents) };
  if (options.id) result.id = options.id;
  return result;
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

/** Contents indented only when the group `groupId` broke (prettier's indentIfBreak). */
export function indentIfBreak(contents: Doc, groupId: symbol): Doc {
  return ifBreak(indent(contents), contents, groupId);
}

export function join(separator: Doc, docs: Doc[]): Doc[] {
  const parts: Doc[] = [];
  docs.forEach((doc, index) => {
    if (index > 0) parts.push(separator);
    parts.push(doc);
  });
  return parts;
}

/** Prettier propagates a hard line or a broken group to every enclosing group. */
function breaksParent(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) return doc.some(breaksParent);
  switch (doc.kind) {
    case 'group':
      return doc.break;
    case 'line':
      return doc.hard;
    case 'if-break':
      return breaksParent(doc.breakContents) || breaksParent(doc.flatContents);
    default:
      return breaksParent(doc.contents);
  }
}

type Mode = 'break' | 'flat';

interface Command {
  indentation: number;
  mode: Mode;
  doc: Doc;
}

/** Lays a document out in `width` columns (prettier's default 80, two-space indentation). */
export function printDoc(doc: Doc, width = 80): string {
  const groupModes = new Map<symbol, Mode>();
  const commands: Command[] = [{ indentation: 0, mode: 'break', doc }];
  const out: string[] = [];
  let position = 0;
  while (commands.length > 0) {
    const { indentation, mode, doc: current } = commands.pop()!;
    if (typeof current === 'string') {
      out.push(current);
      position += stringWidth(current);
      continue;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) commands.push({ indentation, mode, doc: current[i]! });
      continue;
    }
    switch (current.kind) {
      case 'indent':
        commands.push({ indentation: indentation + 2, mode, doc: current.contents });
        break;
      case 'align':
        commands.push({ indentation: indentation + current.width, mode, doc: current.contents });
        break;
      case 'group': {
        const flat: Command = { indentation, mode: 'flat', doc: current.contents };
        const chosen = mode === 'flat' && !current.break ? flat : !current.break && fits(flat, commands, width - position, groupModes) ? flat : { indentation, mode: 'break' as Mode, doc: current.contents };
        commands.push(chosen);
        if (current.id) groupModes.set(current.id, chosen.mode);
        break;
      }
      case 'if-break': {
        const groupMode = current.groupId ? groupModes.get(current.groupId) : mode;
        const contents = groupMode === 'break' ? current.breakContents : current.flatContents;
        commands.push({ indentation, mode, doc: contents });
        break;
      }
      case 'line':
        if (mode === 'flat' && !current.hard) {
          if (!current.soft) {
            out.push(' ');
            position += 1;
          }
          break;
        }
        position -= trimTrailingSpace(out);
        out.push(newline(indentation));
        position = indentation;
        break;
    }
  }
  return out.join('');
}

const newlines: string[] = [];

function newline(indentation: number): string {
  return (newlines[indentation] ??= '\n' + ' '.repeat(indentation));
}

/** Whether `next` fits in `width` columns, reading on into the commands after it up to the first line break. */
function fits(next: Command, rest: Command[], width: number, groupModes: Map<symbol, Mode>): boolean {
  let restIndex = rest.length;
  const stack: { mode: Mode; doc: Doc }[] = [next];
  let remaining = width;
  while (remaining >= 0) {
    if (stack.length === 0) {
      if (restIndex === 0) return true;
      stack.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = stack.pop()!;
    if (typeof doc === 'string') {
      remaining -= stringWidth(doc);
      continue;
    }
    if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) stack.push({ mode, doc: doc[i]! });
      continue;
    }
    switch (doc.kind) {
      case 'indent':
      case 'align':
        stack.push({ mode, doc: doc.contents });
        break;
      case 'group':
        stack.push({ mode: doc.break ? 'break' : mode, doc: doc.contents });
        break;
      case 'if-break': {
        const groupMode = doc.groupId ? (groupModes.get(doc.groupId) ?? 'flat') : mode;
        stack.push({ mode, doc: groupMode === 'break' ? doc.breakContents : doc.flatContents });
        break;
      }
      case 'line':
        if (mode === 'break' || doc.hard) return true;
        if (!doc.soft) remaining -= 1;
        break;
    }
  }
  return false;
}

/** Drops spaces and tabs before a line break, as prettier does; returns how many went. */
function trimTrailingSpace(out: string[]): number {
  let trimmed = 0;
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const kept = last.replace(/[\t ]+$/, '');
    trimmed += last.length - kept.length;
    if (kept !== '') {
      out[out.length - 1] = kept;
      break;
    }
    out.pop();
  }
  return trimmed;
}

// East Asian wide and fullwidth ranges, and emoji: two columns each, as prettier counts them.
const wideRanges: [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0x303e],
  [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x18cff],
  [0x1b000, 0x1b2ff], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff], [0x20000, 0x3fffd],
];

/** Columns a string takes: ASCII one each, wide characters two, controls and combining marks none. */
export function stringWidth(text: string): number {
  if (!/[^\x20-\x7e]/.test(text)) return text.length;
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f)) continue;
    width += wideRanges.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
  }
  return width;
}
