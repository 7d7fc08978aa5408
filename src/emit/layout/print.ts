/**
 * Lays a document out in a width, following prettier's printDocToString: a group is flat when
 * it fits in what is left of the line (reading on into what follows it up to the next possible
 * line break), a conditional group takes its first layout that fits, a fill breaks a separator
 * only before content that does not fit, and a hard line inside a flat group makes the groups
 * after it measure again.
 */
import type { Doc, Fill, Line } from './doc.js';
import { stringWidth } from './width.js';

export type Mode = 'break' | 'flat';

interface Command {
  indentation: number;
  mode: Mode;
  doc: Doc;
}

type GroupModes = Map<symbol, Mode>;

/**
 * Lays a document out in `width` columns with two-space indentation (prettier's default width
 * is 80). `groupModes` receives how each group with an id was laid out.
 */
export function printDoc(doc: Doc, width = 80, groupModes: GroupModes = new Map()): string {
  const commands: Command[] = [{ indentation: 0, mode: 'break', doc }];
  const out: string[] = [];
  let position = 0;
  let remeasure = false;
  while (commands.length > 0) {
    const { indentation, mode, doc: current } = commands.pop()!;
    if (typeof current === 'string') {
      out.push(current);
      position += stringWidth(current);
      continue;
    }
    if (Array.isArray(current)) {
      // Leading text, and line breaks in a broken layout, are written at once (nothing decides
      // how they print): only the parts after them wait on the stack.
      let first = 0;
      for (; first < current.length; first++) {
        const part = current[first]!;
        if (typeof part === 'string') {
          out.push(part);
          position += stringWidth(part);
        } else if (mode === 'break' && !Array.isArray(part) && part.kind === 'line') position = breakLine(out, part, indentation);
        else break;
      }
      for (let i = current.length - 1; i >= first; i--) commands.push({ indentation, mode, doc: current[i]! });
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
        let chosen: Command;
        if (mode === 'flat' && !remeasure) {
          chosen = { indentation, mode: current.break ? 'break' : 'flat', doc: current.contents };
        } else {
          remeasure = false;
          const remaining = width - position;
          const flat: Command = { indentation, mode: 'flat', doc: current.contents };
          if (!current.break && fits(flat, commands, remaining, groupModes)) chosen = flat;
          else if (!current.states) chosen = { indentation, mode: 'break', doc: current.contents };
          else chosen = chooseState(current.states, current.break, indentation, commands, remaining, groupModes);
        }
        commands.push(chosen);
        if (current.id) groupModes.set(current.id, chosen.mode);
        break;
      }
      case 'fill':
        commands.push(...fillStep(current, indentation, mode, width - position, groupModes));
        break;
      case 'if-break': {
        const groupMode = current.groupId ? groupModes.get(current.groupId) : mode;
        if (groupMode === 'break') commands.push({ indentation, mode, doc: current.breakContents });
        if (groupMode === 'flat') commands.push({ indentation, mode, doc: current.flatContents });
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
        if (mode === 'flat') remeasure = true;
        position = breakLine(out, current, indentation);
        break;
      case 'break-parent':
        break;
    }
  }
  return out.join('');
}

/** A conditional group that did not fit flat: the first middle layout that fits, else the last one broken. */
function chooseState(states: Doc[], mustBreak: boolean, indentation: number, rest: Command[], remaining: number, groupModes: GroupModes): Command {
  if (!mustBreak) {
    for (let i = 1; i < states.length - 1; i++) {
      const state: Command = { indentation, mode: 'flat', doc: states[i]! };
      if (fits(state, rest, remaining, groupModes)) return state;
    }
  }
  return { indentation, mode: 'break', doc: states[states.length - 1]! };
}

/**
 * One step of a fill, as commands to push (last pushed runs first): its next content flat when
 * it fits, the separator after it flat when the content after that fits too, and the rest of
 * the fill again.
 */
function fillStep(doc: Fill, indentation: number, mode: Mode, remaining: number, groupModes: GroupModes): Command[] {
  const left = doc.parts.length - doc.start;
  if (left === 0) return [];
  const content = doc.parts[doc.start]!;
  const contentFits = fits({ indentation, mode: 'flat', doc: content }, [], remaining, groupModes, true);
  const contentCommand: Command = { indentation, mode: contentFits ? 'flat' : 'break', doc: content };
  if (left === 1) return [contentCommand];
  const separator = doc.parts[doc.start + 1]!;
  if (left === 2) return [{ indentation, mode: contentCommand.mode, doc: separator }, contentCommand];
  const pair: Command = { indentation, mode: 'flat', doc: [content, separator, doc.parts[doc.start + 2]!] };
  const pairFits = fits(pair, [], remaining, groupModes, true);
  const rest: Command = { indentation, mode, doc: { ...doc, start: doc.start + 2 } };
  return [rest, { indentation, mode: pairFits ? 'flat' : 'break', doc: separator }, contentCommand];
}

/** Writes a line break (a literal one starts at column 0) and returns the position after it. */
function breakLine(out: string[], line: Line, indentation: number): number {
  if (line.literal) {
    out.push('\n');
    return 0;
  }
  trimTrailingSpace(out);
  out.push(newline(indentation));
  return indentation;
}

const newlines: string[] = [];

function newline(indentation: number): string {
  return (newlines[indentation] ??= '\n' + ' '.repeat(indentation));
}

/**
 * Whether `next` fits in `width` columns, reading on into the commands after it (in their own
 * modes) up to the first line that breaks. A space from a flat line counts only once text
 * follows it on the same line. `mustBeFlat` (for fill) fails on any group that must break.
 */
function fits(next: Command, rest: Command[], width: number, groupModes: GroupModes, mustBeFlat = false): boolean {
  let restIndex = rest.length;
  const stack: { mode: Mode; doc: Doc }[] = [next];
  let remaining = width;
  let pendingSpace = false;
  while (remaining >= 0) {
    if (stack.length === 0) {
      if (restIndex === 0) return true;
      stack.push(rest[--restIndex]!);
      continue;
    }
    const { mode, doc } = stack.pop()!;
    if (typeof doc === 'string') {
      if (doc === '') continue;
      if (pendingSpace) {
        remaining -= 1;
        pendingSpace = false;
      }
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
      case 'fill':
        for (let i = doc.parts.length - 1; i >= doc.start; i--) stack.push({ mode, doc: doc.parts[i]! });
        break;
      case 'group': {
        if (mustBeFlat && doc.break) return false;
        const groupMode: Mode = doc.break ? 'break' : mode;
        stack.push({ mode: groupMode, doc: doc.states && groupMode === 'break' ? doc.states[doc.states.length - 1]! : doc.contents });
        break;
      }
      case 'if-break': {
        const groupMode = doc.groupId ? (groupModes.get(doc.groupId) ?? 'flat') : mode;
        stack.push({ mode, doc: groupMode === 'break' ? doc.breakContents : doc.flatContents });
        break;
      }
      case 'line':
        if (mode === 'break' || doc.hard) return true;
        if (!doc.soft) pendingSpace = true;
        break;
      case 'break-parent':
        break;
    }
  }
  return false;
}

/** Drops spaces and tabs before a line break, as prettier does. */
function trimTrailingSpace(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const end = last.charCodeAt(last.length - 1);
    if (end !== 0x20 && end !== 0x09 && last !== '') return;
    const kept = last.replace(/[\t ]+$/, '');
    if (kept !== '') {
      out[out.length - 1] = kept;
      return;
    }
    out.pop();
  }
}

/**
 * The text `doc` prints as when laid out flat, as printDoc writes a group that fits; undefined
 * when it cannot be flat (a hard line, a breakParent, a group that must break) or when its flat
 * text is not its own to tell (an ifBreak on another group, a fill). An emitter checks the width
 * of a line it already knows is flat without laying out a document for it.
 */
export function flatText(doc: Doc): string | undefined {
  const parts: string[] = [];
  const stack: Doc[] = [doc];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (typeof current === 'string') {
      parts.push(current);
      continue;
    }
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push(current[i]!);
      continue;
    }
    switch (current.kind) {
      case 'indent':
      case 'align':
        stack.push(current.contents);
        break;
      case 'group':
        if (current.break) return undefined;
        stack.push(current.contents);
        break;
      case 'if-break':
        if (current.groupId) return undefined;
        stack.push(current.flatContents);
        break;
      case 'line':
        if (current.hard) return undefined;
        if (!current.soft) parts.push(' ');
        break;
      case 'fill':
      case 'break-parent':
        return undefined;
    }
  }
  return parts.join('');
}
