import type { Expr } from '../../src/emit/pull/code.js';
import type { FilePlan } from '../../src/emit/pull/files.js';
import { quoteString, templateBody } from '../../src/emit/pull/literals.js';
import type { Names } from '../../src/emit/pull/syntax.js';

/**
 * The unformatted source of a pulled expression: everything on one line, as pull wrote it
 * before it laid its files out itself. Keys are quoted unless plain ASCII identifiers, so that
 * prettier, not the printer under test, decides which keys go bare.
 */
export function oneLineExpr(expr: Expr, names: Names): string {
  const print = (e: Expr) => oneLineExpr(e, names);
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
      return `sql\`${templateBody(expr.text)}\``;
    case 'dsl':
      return expr.name;
    case 'var':
      return names(expr.target);
    case 'ref':
      throw new Error('unresolved reference');
    case 'call':
      return `${print(expr.callee)}(${expr.args.map(print).join(', ')})`;
    case 'member':
      return `${print(expr.object)}.${expr.name}`;
    case 'object':
      if (expr.entries.length === 0) return '{}';
      return `{ ${expr.entries.map(([key, value]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quoteString(key)}: ${print(value)}`).join(', ')} }`;
    case 'array':
      return `[${expr.items.map(print).join(', ')}]`;
  }
}

/** A planned file as one unformatted line a declaration, below the header `printed` starts with. */
export function oneLineFile(plan: FilePlan, printed: string): string {
  const header = printed.slice(0, printed.indexOf('\nimport ') + 1);
  const imports = plan.imports.map(({ module, names }) => `import { ${names.join(', ')} } from ${quoteString(module)};`);
  const declarations = plan.declarations.map(({ variable, value }) => `export const ${variable} = ${oneLineExpr(value, plan.names)};`);
  return `${header}${imports.join('\n')}\n\n${declarations.join('\n\n')}\n`;
}
