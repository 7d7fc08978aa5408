import type { Expr } from './code.js';

/** How a file's printer treats references to other definitions. */
export interface PrintScope {
  /** True when `target` may be named by its variable here (same file, or an import that closes no cycle). */
  canUse(target: string): boolean;
  /** The variable of a unit; recorded as an import when it lives in another file. */
  useVar(target: string): string;
  /** Records a builder imported from 'pgform'. */
  useDsl(name: string): void;
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A single-quoted JavaScript string literal. */
export function quoteString(value: string): string {
  let out = "'";
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === "'") out += "\\'";
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}'`;
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

/** A property key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return identifier.test(key) ? key : quoteString(key);
}

/** Prints an expression on one line; prettier breaks it up afterwards. */
export function printExpr(expr: Expr, scope: PrintScope): string {
  switch (expr.kind) {
    case 'string':
      return quoteString(expr.value);
    case 'number':
      return Object.is(expr.value, -0) ? '-0' : String(expr.value);
    case 'bigint':
      return `${expr.value}n`;
    case 'boolean':
      return String(expr.value);
    case 'null':
      return 'null';
    case 'sql':
      scope.useDsl('sql');
      return `sql\`${templateBody(expr.text)}\``;
    case 'dsl':
      scope.useDsl(expr.name);
      return expr.name;
    case 'var':
      return scope.useVar(expr.target);
    case 'ref':
      return printExpr(scope.canUse(expr.target) ? expr.direct : expr.byName, scope);
    case 'call':
      return `${printExpr(expr.callee, scope)}(${expr.args.map((arg) => printExpr(arg, scope)).join(', ')})`;
    case 'member':
      return `${printExpr(expr.object, scope)}.${expr.name}`;
    case 'object':
      if (expr.entries.length === 0) return '{}';
      return `{ ${expr.entries.map(([key, value]) => `${propertyKey(key)}: ${printExpr(value, scope)}`).join(', ')} }`;
    case 'array':
      return `[${expr.items.map((item) => printExpr(item, scope)).join(', ')}]`;
  }
}
