/**
 * Reads a CHECK expression as PostgreSQL prints it (`pg_get_constraintdef`, the form the model
 * holds) into a small tree: columns, constants, casts, comparisons, `= ANY (ARRAY[...])`,
 * AND/OR/NOT, IS [NOT] NULL, arithmetic and function calls. Anything else (subscripts, CASE,
 * other operators) is refused with a reason, so the caller names the check as untranslated.
 */

export type SqlNode =
  | { kind: 'column'; name: string }
  | { kind: 'constant'; value: string | number | boolean | null; text?: boolean }
  | { kind: 'cast'; operand: SqlNode; type: string }
  | { kind: 'binary'; operator: string; left: SqlNode; right: SqlNode }
  | { kind: 'any'; operator: string; left: SqlNode; values: SqlNode[] }
  | { kind: 'and' | 'or'; operands: SqlNode[] }
  | { kind: 'not'; operand: SqlNode }
  | { kind: 'is-null'; operand: SqlNode; negated: boolean }
  | { kind: 'call'; name: string; args: SqlNode[] }
  | { kind: 'array'; items: SqlNode[] };

/** Why an expression could not be read. */
export class Unreadable extends Error {}

type Token = { kind: 'word' | 'quoted' | 'string' | 'number' | 'symbol'; text: string };

const symbols = ['::', '<>', '!=', '<=', '>=', '!~*', '!~', '~*', '||', '=', '<', '>', '~', '(', ')', '[', ']', ',', '+', '-', '*', '/', '%', '.'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || ((c === 'E' || c === 'e') && text[i + 1] === "'")) {
      const escaped = c !== "'";
      let j = escaped ? i + 2 : i + 1;
      let value = '';
      for (;;) {
        if (j >= text.length) throw new Unreadable('an unterminated string');
        if (text[j] === "'" && text[j + 1] === "'") {
          value += "'";
          j += 2;
        } else if (text[j] === "'") break;
        else if (escaped && text[j] === '\\') throw new Unreadable('an escaped string');
        else value += text[j++];
      }
      tokens.push({ kind: 'string', text: value });
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      let name = '';
      for (;;) {
        if (j >= text.length) throw new Unreadable('an unterminated identifier');
        if (text[j] === '"' && text[j + 1] === '"') {
          name += '"';
          j += 2;
        } else if (text[j] === '"') break;
        else name += text[j++];
      }
      tokens.push({ kind: 'quoted', text: name });
      i = j + 1;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i))!;
      tokens.push({ kind: 'number', text: match[0] });
      i += match[0].length;
    } else if (/[\p{L}_]/u.test(c)) {
      const match = /^[\p{L}_][\p{L}\p{N}_$]*/u.exec(text.slice(i))!;
      tokens.push({ kind: 'word', text: match[0] });
      i += match[0].length;
    } else {
      const symbol = symbols.find((s) => text.startsWith(s, i));
      if (!symbol) throw new Unreadable(`the operator ${JSON.stringify(c)}`);
      tokens.push({ kind: 'symbol', text: symbol });
      i += symbol.length;
    }
  }
  return tokens;
}

const comparisons = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
const patternOperators = new Set(['~', '~*', '!~', '!~*']);
/** Words a type name may continue with after its first word: `character varying`, `timestamp with time zone`. */
const typeWords = new Set(['varying', 'precision', 'with', 'without', 'time', 'zone']);

/** Parses one printed CHECK expression; throws Unreadable naming what it could not read. */
export function parseCheck(text: string): SqlNode {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (offset = 0) => tokens[position + offset];
  const isWord = (word: string, offset = 0) => {
    const token = peek(offset);
    return token?.kind === 'word' && token.text.toUpperCase() === word;
  };
  const isSymbol = (symbol: string) => peek()?.kind === 'symbol' && peek()!.text === symbol;
  const expect = (symbol: string) => {
    if (!isSymbol(symbol)) throw new Unreadable(`${peek()?.text ?? 'the end'} where ${symbol} belongs`);
    position++;
  };

  const or = (): SqlNode => {
    const operands = [and()];
    while (isWord('OR')) {
      position++;
      operands.push(and());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  };
  const and = (): SqlNode => {
    const operands = [not()];
    while (isWord('AND')) {
      position++;
      operands.push(not());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  };
  const not = (): SqlNode => {
    if (isWord('NOT')) {
      position++;
      return { kind: 'not', operand: not() };
    }
    return isNull();
  };
  const isNull = (): SqlNode => {
    let operand = comparison();
    while (isWord('IS')) {
      const negated = isWord('NOT', 1);
      if (!isWord('NULL', negated ? 2 : 1)) throw new Unreadable('IS without NULL');
      position += negated ? 3 : 2;
      operand = { kind: 'is-null', operand, negated };
    }
    return operand;
  };
  const comparison = (): SqlNode => {
    const left = pattern();
    const token = peek();
    if (token?.kind !== 'symbol' || !comparisons.has(token.text)) return left;
    position++;
    const operator = token.text === '!=' ? '<>' : token.text;
    if (isWord('ANY') || isWord('ALL')) {
      if (isWord('ALL')) throw new Unreadable('ALL (...)');
      position++;
      expect('(');
      const list = pattern();
      expect(')');
      const array = list.kind === 'cast' ? list.operand : list;
      if (array.kind !== 'array') throw new Unreadable('ANY over something other than an ARRAY[...] list');
      return { kind: 'any', operator, left, values: array.items };
    }
    return { kind: 'binary', operator, left, right: pattern() };
  };
  const pattern = (): SqlNode => {
    let left = additive();
    for (let token = peek(); token?.kind === 'symbol' && (patternOperators.has(token.text) || token.text === '||'); token = peek()) {
      if (token.text === '||') throw new Unreadable('the || operator');
      position++;
      left = { kind: 'binary', operator: token.text, left, right: additive() };
    }
    if (isWord('LIKE') || isWord('ILIKE') || isWord('SIMILAR') || isWord('BETWEEN') || isWord('IN')) throw new Unreadable(peek()!.text.toUpperCase());
    return left;
  };
  const additive = (): SqlNode => {
    let left = multiplicative();
    while (isSymbol('+') || isSymbol('-')) {
      const operator = peek()!.text;
      position++;
      left = { kind: 'binary', operator, left, right: multiplicative() };
    }
    return left;
  };
  const multiplicative = (): SqlNode => {
    let left = unary();
    while (isSymbol('*') || isSymbol('/') || isSymbol('%')) {
      const operator = peek()!.text;
      position++;
      left = { kind: 'binary', operator, left, right: unary() };
    }
    return left;
  };
  const unary = (): SqlNode => {
    if (isSymbol('-')) {
      position++;
      const operand = unary();
      if (operand.kind === 'constant' && typeof operand.value === 'number') return { kind: 'constant', value: -operand.value };
      return { kind: 'binary', operator: '-', left: { kind: 'constant', value: 0 }, right: operand };
    }
    return cast();
  };
  const cast = (): SqlNode => {
    let operand = primary();
    while (isSymbol('::')) {
      position++;
      operand = { kind: 'cast', operand, type: typeName() };
    }
    return operand;
  };
  const typeName = (): string => {
    const parts: string[] = [];
    const word = () => {
      const token = peek();
      if (token?.kind !== 'word' && token?.kind !== 'quoted') throw new Unreadable('a type name');
      position++;
      return token.kind === 'word' ? token.text.toLowerCase() : token.text;
    };
    parts.push(word());
    while (isSymbol('.')) {
      position++;
      parts.push(word());
    }
    let name = parts.join('.');
    while (peek()?.kind === 'word' && typeWords.has(peek()!.text.toLowerCase())) name += ` ${word()}`;
    if (isSymbol('(')) {
      while (!isSymbol(')')) {
        if (!peek()) throw new Unreadable('an unterminated type modifier');
        position++;
      }
      position++;
    }
    while (isSymbol('[')) {
      position++;
      expect(']');
      name += '[]';
    }
    return name;
  };
  const primary = (): SqlNode => {
    const token = peek();
    if (!token) throw new Unreadable('an unexpected end');
    if (token.kind === 'symbol' && token.text === '(') {
      position++;
      const inner = or();
      expect(')');
      return inner;
    }
    if (token.kind === 'number') {
      position++;
      return { kind: 'constant', value: Number(token.text) };
    }
    if (token.kind === 'string') {
      position++;
      return { kind: 'constant', value: token.text, text: true };
    }
    if (token.kind === 'quoted') {
      position++;
      if (isSymbol('.') || isSymbol('(')) throw new Unreadable('a qualified name or call');
      return { kind: 'column', name: token.text };
    }
    if (token.kind === 'word') {
      const upper = token.text.toUpperCase();
      if (upper === 'TRUE' || upper === 'FALSE') {
        position++;
        return { kind: 'constant', value: upper === 'TRUE' };
      }
      if (upper === 'NULL') {
        position++;
        return { kind: 'constant', value: null };
      }
      if (upper === 'ARRAY') {
        position++;
        expect('[');
        const items: SqlNode[] = [];
        if (!isSymbol(']')) {
          items.push(or());
          while (isSymbol(',')) {
            position++;
            items.push(or());
          }
        }
        expect(']');
        return { kind: 'array', items };
      }
      if (['CASE', 'EXISTS', 'SELECT', 'ROW', 'CURRENT_DATE', 'CURRENT_TIMESTAMP', 'LOCALTIMESTAMP'].includes(upper)) throw new Unreadable(upper);
      position++;
      if (isSymbol('.')) throw new Unreadable('a qualified name');
      if (isSymbol('(')) {
        position++;
        const args: SqlNode[] = [];
        if (!isSymbol(')')) {
          args.push(or());
          while (isSymbol(',')) {
            position++;
            args.push(or());
          }
        }
        expect(')');
        return { kind: 'call', name: token.text.toLowerCase(), args };
      }
      return { kind: 'column', name: token.text };
    }
    throw new Unreadable(`the symbol ${token.text}`);
  };

  const tree = or();
  if (position < tokens.length) throw new Unreadable(`text after the expression: ${tokens[position]!.text}`);
  return tree;
}
