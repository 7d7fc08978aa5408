/** A PgformConfig is the content of `pgform.config.ts`. */
export interface PgformConfig {
  /** The definitions: a file or a folder of `.ts` files (default `schemas`). */
  definitions?: string;
  /** The migrations folder (default `migrations`). */
  migrations?: string;
  /** Where generated types and docs go (default `generated`). */
  out?: string;
  /** A database URL; default `DATABASE_URL`, else the embedded database under `.pgform/`. */
  database?: string;
  /** External objects the definitions use: `supabase` (default) or `none`. */
  preset?: 'supabase' | 'none';
  /** Schemas to manage (default: every schema the definitions declare, plus `public`). */
  schemas?: string[];
  /**
   * Plan lock-safe forms on tables that already exist (default true): indexes CONCURRENTLY, NOT
   * VALID constraints validated apart, SET NOT NULL through a validated check. `false` selects
   * the plain forms, for development databases where speed matters more than locks.
   */
  online?: boolean;
  /** How long each migration statement waits for a lock before it retries (default `2s`). */
  lockTimeout?: string;
  /** Named systems, each a definitions folder with its own generated output (`schemas/<name>`). */
  systems?: Record<string, string>;
  /**
   * `pgform lint`: rule id -> `'off'` or the level to report it at (`'error'`, `'warn'`, `'info'`),
   * and the schemas the Data API exposes (default `['public']`).
   */
  lint?: { rules?: Record<string, 'off' | 'error' | 'warn' | 'info'>; exposedSchemas?: string[] };
  /** What `pgform gen` writes besides the docs. */
  gen?: GenConfig;
  /**
   * The fleet `--targets config` runs on: a name per database, its URL read from the environment
   * with `env('EU_URL')` (a URL written here must not hold a password: use PGPASSWORD or ~/.pgpass).
   */
  targets?: Record<string, string | EnvReference>;
}

/** An EnvReference is a value the config reads from an environment variable when a command runs. */
export interface EnvReference {
  env: string;
}

/** A value read from the environment at run time, so secrets stay out of the config file: `env('EU_URL')`. */
export function env(name: string): EnvReference {
  return { env: name };
}

/** The client code `pgform gen` writes: typed clients and validators. */
export interface GenConfig {
  /** Types for these clients: `kysely` (`db.ts`, the default) and/or `supabase` (`database.types.ts`). */
  types?: TypesTarget[];
  /** Zod validators of every table's rows, inserts and updates (`zod.ts`); default false. */
  zod?: boolean;
}

export type TypesTarget = 'kysely' | 'supabase';

/** Types a config file: `export default defineConfig({ definitions: 'schemas/crm' })`. */
export function defineConfig(config: PgformConfig): PgformConfig {
  return config;
}
