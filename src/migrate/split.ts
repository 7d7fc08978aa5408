/** A SqlStatement is one top-level statement of a migration file, with where it starts. */
export interface SqlStatement {
  /** The statement's text, without the terminating semicolon or surrounding blanks. */
  sql: string;
  /** Offset of the statement's first character in the file text. */
  offset: number;
  /** 1-based line of the statement's first character. */
  line: number;
}

const identChar = /[A-Za-z0-9_$\u0080-\uffff]/;
const dollarTag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/**
 * Splits SQL text into top-level statements at semicolons, skipping those inside quotes, quoted
 * identifiers, dollar quotes, comments and SQL-standard `BEGIN ATOMIC ... END` bodies. pgform
 * uses it to name the statement and line a migration fails at and to run no-transaction files
 * statement by statement; transactional files still reach the server as one script, so a case
 * this splitter misreads can only blur an error's location, never change what runs.
 */
export function splitStatements(text: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = 0;
  let hasCode = false;
  let head: string[] = [];
  let previous = '';
  let atomicDepth = 0;
  let i = 0;
  // A statement starts at its first code character: comments before it are not part of it.
  let counted = 0;
  let line = 1;
  // Statements come in order, so lines are counted once over the text, not from the top each time.
  const lineOf = (offset: number) => {
    for (; counted < offset; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
  const finish = (end: number) => {
    if (hasCode) statements.push({ sql: text.slice(start, end).trim(), offset: start, line: lineOf(start) });
    start = end + 1;
    hasCode = false;
    head = [];
    previous = '';
    atomicDepth = 0;
  };
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '-' && next === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (c === '/' && next === '*') {
      i = skipBlockComment(text, i);
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c !== ';' && !hasCode) {
      hasCode = true;
      start = i;
    }
    if (c === "'") {
      const escapes = i > 0 && /[eE]/.test(text[i - 1]!) && (i < 2 || !identChar.test(text[i - 2]!));
      i = skipQuoted(text, i, "'", escapes);
    } else if (c === '"') {
      i = skipQuoted(text, i, '"', false);
    } else if (c === '$' && (i === 0 || !identChar.test(text[i - 1]!)) && dollarTag.test(text.slice(i, i + 64))) {
      const tag = dollarTag.exec(text.slice(i, i + 64))![0];
      const end = text.indexOf(tag, i + tag.length);
      i = end < 0 ? text.length : end + tag.length;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < text.length && identChar.test(text[j]!)) j++;
      const word = text.slice(i, j).toUpperCase();
      atomicDepth = trackAtomic(head, previous, word, atomicDepth);
      if (head.length < 4) head.push(word);
      previous = word;
      i = j;
    } else if (c === ';' && atomicDepth === 0) {
      finish(i);
      i++;
    } else {
      i++;
    }
  }
  finish(text.length);
  return statements;
}

/**
 * Depth inside a `BEGIN ATOMIC` body of CREATE FUNCTION/PROCEDURE: its inner statements end in
 * semicolons, and only the END matching BEGIN (CASE ... END nests inside) closes it.
 */
function trackAtomic(head: string[], previous: string, word: string, depth: number): number {
  if (depth > 0) return word === 'CASE' ? depth + 1 : word === 'END' ? depth - 1 : depth;
  const routine = head[0] === 'CREATE' && head.slice(1, 4).some((w) => w === 'FUNCTION' || w === 'PROCEDURE');
  return routine && previous === 'BEGIN' && word === 'ATOMIC' ? 1 : 0;
}

function skipBlockComment(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return i;
}

function skipQuoted(text: string, from: number, quote: string, backslashEscapes: boolean): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text[i];
    if (backslashEscapes && c === '\\') i += 2;
    else if (c === quote && text[i + 1] === quote) i += 2;
    else if (c === quote) return i + 1;
    else i++;
  }
  return i;
}

/** The 1-based line of an offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** True for statements that open or close a transaction themselves. */
export function isTransactionControl(sql: string): boolean {
  const words = sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '').toUpperCase().split(/[\s;(]+/);
  const [first, second] = words;
  if (first === 'BEGIN') return second !== 'ATOMIC';
  if (first === 'ROLLBACK') return second !== 'TO';
  return first === 'COMMIT' || first === 'END' || first === 'ABORT' || (first === 'START' && second === 'TRANSACTION');
}
