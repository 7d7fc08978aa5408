import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PgformError } from '../errors.js';
import { importTypeScript } from '../load/typescript.js';
import type { EnvReference, PgformConfig, TypesTarget } from './define.js';
import { checkDatabaseUrl } from './url.js';

/** Options every command accepts on the command line. */
export interface CommonOptions {
  config?: string;
  definitions?: string;
  migrations?: string;
  url?: string;
  out?: string;
  system?: string;
  /** False for `--no-online`: the plain forms. */
  online?: boolean;
}

/** A ResolvedConfig is what a command works with: flags over config file over defaults. */
export interface ResolvedConfig {
  root: string;
  configFile?: string;
  definitions: string;
  migrations: string;
  out: string;
  /** A database URL, or undefined for the embedded database. */
  url?: string;
  /** The embedded database's data directory. */
  embeddedDir: string;
  preset: 'supabase' | 'none';
  schemas?: string[];
  /** The selected system's name: names generated/<name>/ and the embedded database. */
  system?: string;
  systems: Record<string, string>;
  /** The config's `lint` block: rule levels and the schemas the Data API exposes. */
  lint?: PgformConfig['lint'];
  /** What `pgform gen` writes: types for these clients, and Zod validators or not (default: Kysely types only). */
  gen?: { types: TypesTarget[]; zod: boolean };
  /** The config's `targets` as written (environment references unresolved until a fleet run needs them). */
  targets?: Record<string, string | EnvReference>;
  /** Lock-safe plan forms on existing tables (see PgformConfig.online); absent means on. */
  online?: boolean;
  /** The config file's lock timeout for migration statements, when it sets one. */
  lockTimeout?: string;
}

/** Reads `pgform.config.ts` (when present), validates it, and applies command-line overrides. */
export async function resolveConfig(options: CommonOptions, env: NodeJS.ProcessEnv = process.env): Promise<ResolvedConfig> {
  const root = process.cwd();
  const configFile = options.config ?? (existsSync(join(root, 'pgform.config.ts')) ? 'pgform.config.ts' : undefined);
  let config: PgformConfig = {};
  if (configFile) {
    const path = resolve(root, configFile);
    if (!existsSync(path)) throw new PgformError('CONFIG_INVALID', `config file not found: ${configFile}`, { file: configFile });
    let loaded: unknown;
    try {
      const exports = await importTypeScript(path);
      loaded = exports.default ?? exports;
    } catch (error) {
      throw new PgformError('CONFIG_INVALID', `cannot load config: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { file: configFile }, undefined, { cause: error });
    }
    // The validator (zod) is loaded only when there is a config file to validate: most of a
    // command's start-up otherwise, for commands like `gen types --url` that need none.
    const { configShape } = await import('./shape.js');
    const parsed = configShape.safeParse(loaded);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new PgformError('CONFIG_INVALID', issue.message, { file: configFile, field: issue.path.join('.') || undefined });
    }
    config = parsed.data;
  }
  const systems = config.systems ?? {};
  if (options.system && !systems[options.system]) {
    throw new PgformError('USAGE', `unknown system "${options.system}"`, { file: configFile }, `known systems: ${Object.keys(systems).join(', ') || 'none'}`);
  }
  const systemDefinitions = options.system ? systems[options.system] : undefined;
  const definitions = options.definitions ?? systemDefinitions ?? config.definitions ?? 'schemas';
  const system = options.system ?? (options.definitions ? undefined : Object.entries(systems).find(([, path]) => path === definitions)?.[0]);
  const url = options.url ?? env.DATABASE_URL ?? config.database;
  if (options.url) checkDatabaseUrl(options.url, '--url');
  else if (env.DATABASE_URL) checkDatabaseUrl(env.DATABASE_URL, 'DATABASE_URL');
  else if (config.database) checkDatabaseUrl(config.database, 'database', configFile);
  return {
    root,
    ...(configFile ? { configFile } : {}),
    definitions,
    migrations: options.migrations ?? (system ? join(config.migrations ?? 'migrations', system) : config.migrations ?? 'migrations'),
    out: options.out ?? (system ? join(config.out ?? 'generated', system) : config.out ?? 'generated'),
    ...(url ? { url } : {}),
    embeddedDir: join(root, '.pgform', system ?? 'default', 'db'),
    preset: config.preset ?? 'supabase',
    ...(config.schemas ? { schemas: config.schemas } : {}),
    ...(system ? { system } : {}),
    systems,
    ...(config.lint ? { lint: config.lint } : {}),
    gen: { types: [...new Set<TypesTarget>(config.gen?.types ?? ['kysely'])], zod: config.gen?.zod ?? false },
    ...(config.targets ? { targets: config.targets } : {}),
    // commander sets `online: true` when --no-online is absent: only the flag's false overrides the file.
    online: options.online === false ? false : config.online ?? true,
    ...(config.lockTimeout ? { lockTimeout: config.lockTimeout } : {}),
  };
}
