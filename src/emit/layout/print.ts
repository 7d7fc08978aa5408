/**
 * Lays a document out in a width, following prettier's printDocToString: a group is flat when
 * it fits in what is left of the line (reading on into what follows it up to the next possible
 * line break), a conditional group takes its first layout that fits, a fill breaks a separator
 * only before content that does not fit, and a hard line inside a flat group makes the groups
 * after it measure again. A group given as its flat text (`flat`) is measured by that text and
 * built only when it breaks.
 */
import { flatGroup, type Doc, type Fill, type Line } from './doc.js';
import { stringWidth } from './width.js';

export type Mode = 'break' | 'flat';

/**
 * The printer's stack of commands (a document, its indentation and mode), kept as three
 * parallel arrays: a generated file is laid out from hundreds of thousands of them.
 */
class Commands {
  indentations: number[] = [];
  modes: Mode[] = [];
  docs: Doc[] = [];
  length = 0;

  push(indentation: number, mode: Mode, doc: Doc): void {
    const at = this.length++;
    this.indentations[at] = indentation;
    this.modes[at] = mode;
    this.docs[at] = doc;
  }
}

type GroupModes = Map<symbol, Mode>;

/**
 * Lays a document out in `width` columns with two-space indentation (prettier's default width
 * is 80). `groupModes` receives how each group with an id was laid out.
 */
export function printDoc(doc: Doc, width = 80, groupModes: GroupModes = new Map()): string {
  const commands = new Commands();
  commands.push(0, 'break', doc);
  const out: string[] = [];
  let position = 0;
  let remeasure = false;
  while (commands.length > 0) {
    const at = --commands.length;
    const indentation = commands.indentations[at]!;
    const mode = commands.modes[at]!;
    const current = commands.docs[at]!;
    if (typeof current === 'string') {
      out.push(current);
      position += current.length === 1 && current >= ' ' && current <= '\x7f' ? 1 : stringWidth(current);
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
      for (let i = current.length - 1; i >= first; i--) commands.push(indentation, mode, current[i]!);
      continue;
    }
    switch (current.kind) {
      case 'indent':
        commands.push(indentation + 2, mode, current.contents);
        break;
      case 'align':
        commands.push(indentation + current.width, mode, current.contents);
        break;
      case 'group': {
        let chosen: Mode;
        let contents = current.contents;
        if (mode === 'flat' && !remeasure) {
          chosen = current.break ? 'break' : 'flat';
        } else {
          remeasure = false;
          const remaining = width - position;
          if (!current.break && fits('flat', contents, commands, remaining, groupModes)) chosen = 'flat';
          else if (!current.states) chosen = 'break';
          else [chosen, contents] = chooseState(current.states, current.break, commands, remaining, groupModes);
        }
        commands.push(indentation, chosen, contents);
        if (current.id) groupModes.set(current.id, chosen);
        break;
      }
      case 'flat': {
        // A group as its flat text: laid out as the group would be, built only when it breaks.
        if (mode === 'break' || remeasure) {
          remeasure = false;
          if (!fits('flat', current, commands, width - position, groupModes)) {
            const built = flatGroup(current);
            commands.push(indentation, 'break', built.contents);
            if (built.id) groupModes.set(built.id, 'break');
            break;
          }
        }
        out.push(current.text);
        position += current.width;
        break;
      }
      case 'fill':
        fillStep(current, indentation, mode, width - position, groupModes, commands);
        break;
      case 'if-break': {
        const groupMode = current.groupId ? groupModes.get(current.groupId) : mode;
        if (groupMode === 'break') commands.push(indentation, mode, current.breakContents);
        if (groupMode === 'flat') commands.push(indentation, mode, current.flatContents);
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
function chooseState(states: Doc[], mustBreak: boolean, rest: Commands, remaining: number, groupModes: GroupModes): [Mode, Doc] {
  if (!mustBreak) {
    for (let i = 1; i < states.length - 1; i++) {
      if (fits('flat', states[i]!, rest, remaining, groupModes)) return ['flat', states[i]!];
    }
  }
  return ['break', states[states.length - 1]!];
}

const noCommands = new Commands();

/**
 * One step of a fill, pushed as commands (last pushed runs first): its next content flat when
 * it fits, the separator after it flat when the content after that fits too, and the rest of
 * the fill again.
 */
function fillStep(doc: Fill, indentation: number, mode: Mode, remaining: number, groupModes: GroupModes, commands: Commands): void {
  const left = doc.parts.length - doc.start;
  if (left === 0) return;
  const content = doc.parts[doc.start]!;
  const contentMode: Mode = fits('flat', content, noCommands, remaining, groupModes, true) ? 'flat' : 'break';
  if (left === 1) {
    commands.push(indentation, contentMode, content);
    return;
  }
  const separator = doc.parts[doc.start + 1]!;
  if (left === 2) {
    commands.push(indentation, contentMode, separator);
    commands.push(indentation, contentMode, content);
    return;
  }
  const pairFits = fits('flat', [content, separator, doc.parts[doc.start + 2]!], noCommands, remaining, groupModes, true);
  commands.push(indentation, mode, { ...doc, start: doc.start + 2 });
  commands.push(indentation, pairFits ? 'flat' : 'break', separator);
  commands.push(indentation, contentMode, content);
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

const measuring: { modes: Mode[]; docs: Doc[] } = { modes: [], docs: [] };

/**
 * Whether `next` fits in `width` columns, reading on into the commands after it (in their own
 * modes) up to the first line that breaks. A space from a flat line counts only once text
 * follows it on the same line. `mustBeFlat` (for fill) fails on any group that must break.
 */
function fits(nextMode: Mode, next: Doc, rest: Commands, width: number, groupModes: GroupModes, mustBeFlat = false): boolean {
  let restIndex = rest.length;
  // The measuring stack is reused: fits runs once per group laid out, and never within itself.
  const { modes, docs } = measuring;
  modes.length = 0;
  docs.length = 0;
  modes.push(nextMode);
  docs.push(next);
  let remaining = width;
  let pendingSpace = false;
  while (remaining >= 0) {
    if (docs.length === 0) {
      if (restIndex === 0) return true;
      restIndex--;
      modes.push(rest.modes[restIndex]!);
      docs.push(rest.docs[restIndex]!);
      continue;
    }
    const mode = modes.pop()!;
    const doc = docs.pop()!;
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
      for (let i = doc.length - 1; i >= 0; i--) {
        modes.push(mode);
        docs.push(doc[i]!);
      }
      continue;
    }
    switch (doc.kind) {
      case 'indent':
      case 'align':
        modes.push(mode);
        docs.push(doc.contents);
        break;
      case 'fill':
        for (let i = doc.parts.length - 1; i >= doc.start; i--) {
          modes.push(mode);
          docs.push(doc.parts[i]!);
        }
        break;
      case 'group': {
        if (mustBeFlat && doc.break) return false;
        const groupMode: Mode = doc.break ? 'break' : mode;
        modes.push(groupMode);
        docs.push(doc.states && groupMode === 'break' ? doc.states[doc.states.length - 1]! : doc.contents);
        break;
      }
      case 'flat':
        if (mode === 'break') {
          modes.push(mode);
          docs.push(flatGroup(doc));
        } else if (doc.text !== '') {
          if (pendingSpace) {
            remaining -= 1;
            pendingSpace = false;
          }
          remaining -= doc.width;
        }
        break;
      case 'if-break': {
        const groupMode = doc.groupId ? (groupModes.get(doc.groupId) ?? 'flat') : mode;
        modes.push(mode);
        docs.push(groupMode === 'break' ? doc.breakContents : doc.flatContents);
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
    // Most lines end in text: only a space or a tab at the end needs the work.
    if (end !== 32 && end !== 9 && last !== '') return;
    const kept = last.replace(/[\t ]+$/, '');
    if (kept !== '') {
      out[out.length - 1] = kept;
      return;
    }
    out.pop();
  }
}
