import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** What jiti hands its transform (see jiti's TransformOptions), and what it takes back. */
export interface TranspileInput {
  source: string;
  filename?: string;
  ts?: boolean;
  jsx?: unknown;
  async?: boolean;
}
export interface TranspileOutput {
  code: string;
  error?: unknown;
}

const require = createRequire(import.meta.url);
type Sucrase = typeof import('sucrase');
let sucrase: Sucrase | undefined;
let babel: ((input: TranspileInput) => TranspileOutput) | undefined;

/**
 * Turns a user's TypeScript module into the CommonJS jiti evaluates. Through sucrase where it
 * can: jiti's own transform (babel) took a quarter of a second per fifty-table file and half a
 * second to load, which was most of a run after one definitions file changed; sucrase does the
 * same in a tenth of that. Like babel with retained lines, it keeps every statement on its line,
 * so the file:line of each definition stays true without source maps. What sucrase cannot do
 * here goes to babel: `import.meta` (a module's own URL has no CommonJS form sucrase writes),
 * JSX, and any syntax it does not know.
 */
export function transpile(input: TranspileInput): TranspileOutput {
  if (input.jsx || /\bimport\s*\.\s*meta\b/.test(input.source)) return babelTranspile(input);
  try {
    sucrase ??= require('sucrase') as Sucrase;
    const { code } = sucrase.transform(input.source, {
      transforms: input.ts ? ['typescript', 'imports'] : ['imports'],
      ...(input.filename ? { filePath: input.filename } : {}),
    });
    return { code };
  } catch {
    return babelTranspile(input);
  }
}

function babelTranspile(input: TranspileInput): TranspileOutput {
  // jiti's package exports only its entries: its transform is found beside them.
  babel ??= require(join(dirname(require.resolve('jiti')), '..', 'dist', 'babel.cjs')) as (input: TranspileInput) => TranspileOutput;
  return babel(input);
}

/**
 * Where jiti keeps what transpile wrote, by file and content: apart from what jiti's own
 * transform wrote (its cache does not know which transform made an entry), and apart again for
 * each version of sucrase.
 */
export function transpiledCacheDir(): string {
  const { version } = require('sucrase/package.json') as { version: string };
  return join(tmpdir(), `pgform-transpiled-sucrase-${version}`);
}
