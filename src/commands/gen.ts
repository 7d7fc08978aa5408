import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ResolvedConfig } from '../config/load.js';
import type { Schema } from '../model/schema.js';
import type { Finding } from '../lint/index.js';
import { databaseState, definitionsState, definitionsStates } from './states.js';

/** A Generator writes one file: `types` the Kysely types, `supabase` the supabase-js types, `zod` the validators. */
export type Generator = 'types' | 'supabase' | 'zod' | 'docs';

/** A GeneratedFile is one output file and whether the copy on disk matches it. */
export interface GeneratedFile {
  path: string;
  content: string;
  status: 'written' | 'unchanged' | 'stale';
}

type Render = (schema: Schema, advisor: Finding[]) => string;

/** Each generator's file and emitter, the emitter loaded only when its file is asked for. */
const outputs: Record<Generator, { file: string; render: () => Promise<Render> }> = {
  types: { file: 'db.ts', render: async () => (await import('../emit/types/index.js')).renderTypes },
  supabase: { file: 'database.types.ts', render: async () => (await import('../emit/supabase/index.js')).renderSupabaseTypes },
  zod: { file: 'zod.ts', render: async () => (await import('../emit/zod/index.js')).renderZod },
  docs: {
    file: 'SCHEMA.md',
    render: async () => {
      const { renderDocs } = await import('../emit/docs/index.js');
      return (schema, advisor) => renderDocs(schema, { advisor });
    },
  },
};

/** The type generators a config asks for: Kysely's unless it names its clients. */
export function typeGenerators(config: ResolvedConfig): Generator[] {
  return (config.gen?.types ?? ['kysely']).map((target) => (target === 'kysely' ? 'types' : 'supabase'));
}

/** What a bare `pgform gen` writes: the configured types, the Zod validators when asked for, and the docs. */
export function allGenerators(config: ResolvedConfig): Generator[] {
  return [...typeGenerators(config), ...(config.gen?.zod ? (['zod'] as const) : []), 'docs'];
}

/**
 * Generates types and/or docs into the output folder: from the definitions (no database needed)
 * or from the live database when a URL is given. With `check`, nothing is written: files that
 * differ are reported stale.
 */
export async function genCommand(config: ResolvedConfig, options: { generators: Generator[]; check: boolean; fromDatabase: boolean }): Promise<GeneratedFile[]> {
  // Kysely types read no constraints, indexes, triggers or policies: a live read skips those queries.
  const tableParts = options.generators.some((generator) => generator !== 'types');
  // The emitters load while the database is read (their failure is reported where they are used).
  for (const generator of options.generators) outputs[generator].render().catch(() => undefined);
  // The definitions' loader, the canonical printer and the linter are loaded only on the paths
  // that use them (see definitionsState): a live read for types needs none of them.
  // Only docs read the definitions as written (their Gaps section): the rest need the canonical form alone.
  const { declared, canonical: schema } = options.fromDatabase
    ? { declared: undefined, canonical: await databaseState(config, config.url, config.schemas, { tableParts }) }
    : options.generators.includes('docs')
      ? await definitionsStates(config)
      : { declared: undefined, canonical: await definitionsState(config) };
  // The Gaps section lists what `pgform lint` leaves open: on the definitions as written (the
  // same findings the command reports), or on the database the docs were read from.
  const advisor = options.generators.includes('docs') ? await advisorFindings(config, declared ?? schema, !options.fromDatabase) : [];
  const files: GeneratedFile[] = [];
  for (const generator of options.generators) files.push(await writeGenerated(config, generator, schema, advisor, options.check));
  return files;
}

/**
 * Renders one generator's file from a model and writes it only when its content changed (or,
 * with `check`, reports it stale): written beside it and renamed, so a reader (an editor, a
 * watching compiler, a process stopped midway) never sees half a file.
 */
export async function writeGenerated(config: ResolvedConfig, generator: Generator, schema: Schema, advisor: Finding[], check = false): Promise<GeneratedFile> {
  const { file } = outputs[generator];
  const render = await outputs[generator].render();
  const path = join(config.out, file);
  const content = render(schema, advisor);
  // Compared as bytes: decoded, the file on disk would be a second copy of a string that takes two
  // bytes a character once it holds one beyond Latin-1 (25 MB for SCHEMA.md at 2,000 tables).
  const bytes = Buffer.from(content);
  const current = existsSync(path) ? readFileSync(path) : undefined;
  if (current?.equals(bytes)) return { path: relative(config.root, path), content, status: 'unchanged' };
  if (check) return { path: relative(config.root, path), content, status: 'stale' };
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, path);
  return { path: relative(config.root, path), content, status: 'written' };
}

/** What the linter finds in `schema`: the definitions as written, or a live database. */
async function advisorFindings(config: ResolvedConfig, schema: Schema, fromDefinitions: boolean): Promise<Finding[]> {
  const { lintModel } = await import('./lint-settings.js');
  return lintModel(config, schema, fromDefinitions).findings;
}
