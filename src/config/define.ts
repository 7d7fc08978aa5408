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
}

/** Types a config file: `export default defineConfig({ definitions: 'schemas/crm' })`. */
export function defineConfig(config: PgformConfig): PgformConfig {
  return config;
}
