import { readFileSync } from 'node:fs';
import { ColumnBuilder } from '../dsl/column.js';
import * as dsl from '../dsl/index.js';

/** Edits (insert, delete, substitute) that turn a into b. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest name, if close enough to be a slip of the keyboard (case counts as no edit). */
export function closest(name: string, candidates: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

const columnMethods = () => Object.getOwnPropertyNames(ColumnBuilder.prototype).filter((name) => name !== 'constructor' && !name.startsWith('_'));
const builders = () => Object.keys(dsl).filter((name) => typeof (dsl as Record<string, unknown>)[name] === 'function' && /^[a-z]/.test(name));

/**
 * What a `TypeError: ... is not a function` from loading definitions means in DSL words: a
 * misspelled column method (`text().notNul()`, which the transpiler reports as
 * `(0 , _pgform.text)(...).notNul is not a function`) or a misspelled builder (`txt()`).
 */
export function explainNotAFunction(message: string): { message: string; hint?: string } | undefined {
  const builder = /(?:_pgform\w*\.|^)([A-Za-z_$][\w$]*)\)? is not a function/.exec(message);
  const method = /\(\.\.\.\)\.([A-Za-z_$][\w$]*) is not a function/.exec(message) ?? /\.([A-Za-z_$][\w$]*) is not a function/.exec(message);
  if (method && !/_pgform\w*\.[\w$]+\) is not a function/.test(message)) {
    const name = method[1]!;
    const suggestion = closest(name, columnMethods());
    if (suggestion) return { message: `.${name}() is not a method of a column; did you mean .${suggestion}()?` };
    return { message: `.${name}() is not a method of a column`, hint: `column methods: ${columnMethods().map((m) => `.${m}()`).join(', ')}` };
  }
  if (builder) {
    const name = builder[1]!;
    const suggestion = closest(name, builders());
    return { message: `${name}() is not a pgform builder${suggestion ? `; did you mean ${suggestion}()?` : ''}` };
  }
  return undefined;
}

/**
 * A name the file imports from pgform that pgform does not export: calling it fails with a
 * TypeError whose words depend on the transpiler (`_pgform.integr.call` reads a property of
 * undefined), so the file's own imports say what was misspelled.
 */
export function explainUnknownImport(file: string, exportedNames: string[]): { message: string; hint?: string } | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const exported = new Set(exportedNames);
  for (const [, names] of source.matchAll(/\bimport\s*\{([^}]*)\}\s*from\s*['"]pgform['"]/g)) {
    for (const entry of names!.split(',')) {
      const name = entry.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!.trim();
      if (!name || exported.has(name) || /^type\s/.test(entry.trim())) continue;
      const suggestion = closest(name, builders());
      return { message: `${name}() is not a pgform builder${suggestion ? `; did you mean ${suggestion}()?` : ''}` };
    }
  }
  return undefined;
}
