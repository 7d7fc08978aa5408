/**
 * Literal spellings in pulled files, each already the one prettier (singleQuote) keeps: strings
 * in single quotes unless the text holds more of them than double ones, keys bare when they are
 * ES5 identifier names, numbers without `e+`, and sql`` template bodies that read back exactly.
 */

/** Text that needs no escape and no choice of quotes: most names and values. */
const plainText = /^[^"'\\\x00-\x1f\x7f\u2028\u2029]*$/;

/** A JavaScript string literal: single-quoted, double-quoted when that needs fewer escapes. */
export function quoteString(value: string): string {
  if (plainText.test(value)) return `'${value}'`;
  const singles = value.split("'").length - 1;
  const doubles = value.split('"').length - 1;
  const quote = singles > doubles ? '"' : "'";
  let out = quote;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return out + quote;
}

/**
 * The body of a sql`` template whose text is `text`. The tag reads the template raw (backslashes
 * stay as written) and unescapes only \` and \${, so those two are escaped; what raw text cannot
 * hold is interpolated as a string: a carriage return (raw text turns it into a line feed) and a
 * run of backslashes that ends the text or stands before an escape (it would swallow the escape).
 */
export function templateBody(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const char = text[i]!;
    const opensSubstitution = (at: number) => text[at] === '$' && text[at + 1] === '{';
    if (char === '\\') {
      const run = /^\\+/.exec(text.slice(i))![0];
      const next = i + run.length;
      const unsafe = next === text.length || text[next] === '`' || text[next] === '\r' || opensSubstitution(next);
      out += unsafe ? `\${${quoteString(run)}}` : run;
      i = next;
    } else if (char === '`') {
      out += '\\`';
      i++;
    } else if (opensSubstitution(i)) {
      out += '\\${';
      i += 2;
    } else if (char === '\r') {
      out += "${'\\r'}";
      i++;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/**
 * Letters and marks that Unicode encoded after version 9.0. Prettier unquotes a key only when it
 * is an ES5 identifier name by the Unicode 9.0 tables, so a key holding one of these stays quoted.
 */
const newerThanUnicode9 =
  /[\u0560\u0588\u05ef\u07fd\u0860-\u086a\u0870-\u0887\u0889-\u088f\u0897-\u089f\u08b5\u08be-\u08d3\u09fc\u09fe\u0afa-\u0aff\u0b55\u0c04\u0c3c\u0c5c\u0c5d\u0cdc\u0cdd\u0cf3\u0d00\u0d04\u0d3b\u0d3c\u0d81\u0e86\u0e89\u0e8c\u0e8e-\u0e93\u0e98\u0ea0\u0ea8\u0ea9\u0eac\u0eba\u0ece\u170d\u1715\u171f\u180f\u1878\u1abf-\u1add\u1ae0-\u1aeb\u1b4c\u1c89\u1c8a\u1c90-\u1cba\u1cbd-\u1cbf\u1cf7\u1cfa\u1df6-\u1dfa\u2c2f\u2c5f\u312e\u312f\u31bb-\u31bf\u4db6-\u4dbf\u9fd6-\u9fff\ua7af\ua7b8-\ua7dc\ua7f1-\ua7f6\ua82c\ua8fe\ua8ff\uab66-\uab69]/;
/** U+1CF2 and U+1CF3 were marks in Unicode 9.0: they may continue an identifier but not start one. */
const formerMarks = /^[\u1cf2\u1cf3]/;
const es5IdentifierName = /^[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$\u200c\u200d]*$/u;
const astral = /[\u{10000}-\u{10ffff}]/u;

/** Whether a key can be written bare: an ES5 identifier name (reserved words included), so never a number. */
export function isBareKey(key: string): boolean {
  return es5IdentifierName.test(key) && !astral.test(key) && !newerThanUnicode9.test(key) && !formerMarks.test(key);
}

/** A property key: bare when it can be, quoted otherwise. */
export function propertyKey(key: string): string {
  return isBareKey(key) ? key : quoteString(key);
}

/** A non-negative finite number as prettier prints it: JavaScript's spelling without the `+` of an exponent. */
export function numberText(value: number): string {
  return String(value).replace('e+', 'e');
}
