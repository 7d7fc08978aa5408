import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The house is built one way: cli → commands → phases → model. These checks read every import of
 * src/ and hold the top-level modules (a folder or a file directly under src/) to it.
 */
const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const moduleOf = (path: string) => relative(src, path).split(sep)[0]!.replace(/\.[jt]s$/, '');

/** Edges between top-level modules: importer → the modules it imports. */
function moduleImports(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles(src)) {
    const from = moduleOf(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const to = moduleOf(resolve(dirname(file), specifier!));
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  return edges;
}

/** One cycle among the modules, as a path, or undefined when there is none. */
function findCycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]): string[] | undefined => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === 'done') return undefined;
    state.set(node, 'open');
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next, [...path, node]);
      if (cycle) return cycle;
    }
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...edges.keys()].sort()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('imports flow one way', () => {
  const edges = moduleImports();

  it('finds the modules it checks', () => {
    expect(edges.get('commands')?.has('model')).toBe(true);
  });

  it('the model, the SQL helpers and the errors import nothing of the project', () => {
    for (const base of ['model', 'sql', 'errors']) expect([...(edges.get(base) ?? [])], base).toEqual([]);
  });

  it('only the CLI imports the commands, and nothing imports the CLI', () => {
    const offenders = [...edges].filter(([from, to]) => (to.has('cli') && from !== 'index') || (to.has('commands') && from !== 'cli')).map(([from]) => from);
    expect(offenders).toEqual([]);
  });

  it('no two modules import each other, directly or through others', () => {
    expect(findCycle(edges)).toBeUndefined();
  });
});
