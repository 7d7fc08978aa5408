/**
 * Just enough SQL reading for documentation: which columns an expression mentions, which
 * relations a view reads, which functions it calls, and shorter spellings of PostgreSQL's printed
 * checks. Expressions arrive in canonical form (as the server prints them), so a tokenizer that
 * knows strings, quoted identifiers, dollar quotes and comments is enough; no parser is needed.
 */

export interface Token {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'symbol';
  /** Identifier value: unquoted words folded to lower case, quoted ones as written. */
  value: string;
  start: number;
  end: number;
}

/** Splits SQL text into tokens, skipping whitespace and comments. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: Token['kind'], value: string, start: number) => tokens.push({ kind, value, start, end: i });
  while (i < text.length) {
    const start = i;
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (text.startsWith('--', i)) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? text.length : close + 2;
    } else if (ch === "'" || ((ch === 'E' || ch === 'e') && text[i + 1] === "'")) {
      const escapes = ch !== "'";
      i += escapes ? 2 : 1;
      while (i < text.length) {
        if (escapes && text[i] === '\\') i += 2;
        else if (text[i] === "'" && text[i + 1] === "'") i += 2;
        else if (text[i] === "'") {
          i++;
          break;
        } else i++;
      }
      push('string', text.slice(start, i), start);
    } else if (ch === '"') {
      let value = '';
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
      push('quoted', value, start);
    } else if (ch === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(text.slice(i))) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i))![0];
      const close = text.indexOf(tag, i + tag.length);
      i = close === -1 ? text.length : close + tag.length;
      push('string', text.slice(start, i), start);
    } else if (/[\p{L}_]/u.test(ch)) {
      while (i < text.length && /[\p{L}\p{N}_$]/u.test(text[i]!)) i++;
      push('word', text.slice(start, i).toLowerCase(), start);
    } else if (/[0-9]/.test(ch)) {
      while (i < text.length && /[0-9.eE]/.test(text[i]!)) i++;
      push('number', text.slice(start, i), start);
    } else if (text.startsWith('::', i)) {
      i += 2;
      push('symbol', '::', start);
    } else {
      i++;
      push('symbol', ch, start);
    }
  }
  return tokens;
}

const isName = (token: Token | undefined) => token?.kind === 'word' || token?.kind === 'quoted';

/** Identifier chains (`a`, `a.b`, `a.b.c`) with the index of the token after each. */
function chains(tokens: Token[]): { parts: string[]; at: number; next: number }[] {
  const found: { parts: string[]; at: number; next: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isName(tokens[i]) || (tokens[i - 1]?.value === '.' && tokens[i - 1]?.kind === 'symbol')) continue;
    if (tokens[i - 1]?.value === '::') continue;
    const parts = [tokens[i]!.value];
    let j = i + 1;
    while (tokens[j]?.value === '.' && isName(tokens[j + 1])) {
      parts.push(tokens[j + 1]!.value);
      j += 2;
    }
    found.push({ parts, at: i, next: j });
  }
  return found;
}

/** The names among `columns` that an expression mentions (not as function names). */
export function columnsMentioned(expression: string, columns: string[]): string[] {
  const known = new Set(columns);
  const seen = new Set<string>();
  const tokens = tokenize(expression);
  for (const chain of chains(tokens)) {
    if (tokens[chain.next]?.value === '(') continue;
    const last = chain.parts[chain.parts.length - 1]!;
    if (known.has(last)) seen.add(last);
  }
  return columns.filter((column) => seen.has(column));
}

// ON and USING do not end a FROM list: `a JOIN b ON ..., c` goes on after them.
const clauseEnd = new Set(['where', 'group', 'order', 'having', 'limit', 'offset', 'window', 'union', 'intersect', 'except', 'select', 'returning', 'for', 'fetch']);

/**
 * Relation names a query reads: what follows FROM or JOIN (and commas of a FROM list), as
 * identifier chains. Function calls in FROM are left out (see `functionsCalled`).
 */
export function relationsRead(query: string): string[][] {
  const tokens = tokenize(query);
  const found: string[][] = [];
  // Per parenthesis depth: whether a FROM list is open there, and whether the parentheses are
  // a function call's (EXTRACT(year FROM x), x IS DISTINCT FROM y inside calls read no relation).
  const fromOpen: boolean[] = [false];
  const inCall: boolean[] = [false];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'symbol' && token.value === '(') {
      depth++;
      fromOpen[depth] = false;
      const subquery = ['select', 'with', 'values'].includes(tokens[i + 1]?.value ?? '');
      inCall[depth] = isName(tokens[i - 1]) && !subquery;
      continue;
    }
    if (token.kind === 'symbol' && token.value === ')') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (token.kind === 'word' && clauseEnd.has(token.value)) fromOpen[depth] = false;
    if (inCall[depth]) continue;
    const opens = token.kind === 'word' && (token.value === 'from' || token.value === 'join');
    const comma = token.kind === 'symbol' && token.value === ',' && fromOpen[depth];
    if (token.kind === 'word' && token.value === 'from') fromOpen[depth] = true;
    if (!opens && !comma) continue;
    let j = i + 1;
    while (tokens[j]?.kind === 'word' && (tokens[j]!.value === 'only' || tokens[j]!.value === 'lateral')) j++;
    if (!isName(tokens[j])) continue;
    const parts = [tokens[j]!.value];
    let k = j + 1;
    while (tokens[k]?.value === '.' && isName(tokens[k + 1])) {
      parts.push(tokens[k + 1]!.value);
      k += 2;
    }
    if (tokens[k]?.value === '(') continue;
    found.push(parts);
  }
  return found;
}

/** Function names called in SQL text: identifier chains followed by `(`. */
export function functionsCalled(text: string): string[][] {
  const tokens = tokenize(text);
  return chains(tokens)
    .filter((chain) => tokens[chain.next]?.value === '(')
    .map((chain) => chain.parts);
}

/** Removes parentheses that wrap a whole expression: `((a = b))` -> `a = b`. */
export function stripOuterParens(expression: string): string {
  let text = expression.trim();
  for (;;) {
    if (!text.startsWith('(') || !text.endsWith(')')) return text;
    const tokens = tokenize(text);
    let depth = 0;
    let closesAtEnd = true;
    for (let i = 0; i < tokens.length; i++) {
      const value = tokens[i]!.kind === 'symbol' ? tokens[i]!.value : '';
      if (value === '(') depth++;
      if (value === ')') depth--;
      if (depth === 0 && i < tokens.length - 1) {
        closesAtEnd = false;
        break;
      }
    }
    if (!closesAtEnd) return text;
    text = text.slice(1, -1).trim();
  }
}

/**
 * A check as people write it: `x = ANY (ARRAY['a'::text, 'b'::text])` reads `x IN ('a', 'b')`,
 * and `'a'::text` reads `'a'`. Both say the same to PostgreSQL; the casts are printing noise.
 */
export function readableCheck(expression: string): string {
  const text = dropTextCasts(stripOuterParens(expression));
  const match = /^([\p{L}_][\p{L}\p{N}_$]*|"(?:[^"]|"")+") = ANY \(ARRAY\[(.*)\]\)$/su.exec(text);
  if (match && listOfLiterals(match[2]!)) return `${match[1]} IN (${match[2]})`;
  return text;
}

function listOfLiterals(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.every((token, i) => (i % 2 === 0 ? token.kind === 'string' || token.kind === 'number' : token.value === ','));
}

/** Removes `::text` and `::character varying` after string literals. */
export function dropTextCasts(text: string): string {
  const tokens = tokenize(text);
  let out = '';
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const [literal, cast, type] = [tokens[i]!, tokens[i + 1], tokens[i + 2]];
    if (literal.kind !== 'string' || cast?.value !== '::' || type?.kind !== 'word') continue;
    const varying = type.value === 'character' && tokens[i + 3]?.value === 'varying';
    if (type.value !== 'text' && !varying) continue;
    const end = varying ? tokens[i + 3]!.end : type.end;
    out += text.slice(from, literal.end);
    from = end;
  }
  return out + text.slice(from);
}

/** The column a key of an index names, or undefined for an expression key. */
export function keyColumn(key: string): string | undefined {
  const tokens = tokenize(key);
  if (!isName(tokens[0])) return undefined;
  const next = tokens[1];
  if (next && (next.kind === 'symbol' || next.kind === 'string' || next.kind === 'number')) return undefined;
  return tokens[0]!.value;
}
