import type { ResolvedConfig } from '../config/load.js';
import type { Connection } from '../engine/connection.js';
import { PgformError } from '../errors.js';
import { targetError, type TargetError } from '../fleet/outcome.js';
import { matchTenantSchemas, moveSqlText, templateNamespace } from '../fleet/tenant-schemas.js';
import { applyMigration } from '../migrate/apply.js';
import { listMigrations, migrationsFolder, type MigrationFile } from '../migrate/files.js';
import { withMigrationLock } from '../migrate/lock.js';
import { defaultLockRetry } from '../migrate/retry.js';
import { splitStatements } from '../migrate/split.js';
import { countStates, migrationStatus, type MigrationState, type MigrationStatus } from '../migrate/status.js';
import { ensureTenantHistory, readTenantHistory, recordTenantApplied } from '../migrate/tenant-history.js';
import { databaseLabel, openDatabase, presetReads, withConnection } from './database.js';
import { defaultLockTimeout } from './defaults.js';
import { pendingFrom, type MigrateOptions } from './migrate.js';

/** The migration files as one tenant schema runs them: the template's schema rewritten into the tenant's. */
export function tenantFile(file: MigrationFile, template: string, tenant: string): MigrationFile {
  const sql = moveSqlText(file.sql, template, tenant);
  // The checksum stays the file's: a file changed after being applied is found in every tenant alike.
  return { ...file, sql, statements: splitStatements(sql) };
}

/** The template schema (the definitions' one schema) and the tenant schemas `--schemas` names, with every tenant's history in one read. */
async function tenantsOf(config: ResolvedConfig, conn: Connection, spec: string) {
  const { loadConfiguredSchema } = await import('./sql.js');
  const template = templateNamespace(await loadConfiguredSchema(config));
  const existing = (await conn.query<{ name: string }>(`SELECT nspname::text AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY 1`)).map((row) => row.name);
  const tenants = matchTenantSchemas(spec, existing.filter((name) => name !== template && !presetReads(config).externalNamespaces.includes(name)));
  return { template, tenants, history: await readTenantHistory(conn) };
}

/** Per-tenant files run in one transaction each (the history row with them): a no-transaction file has no place to resume per schema. */
function checkTransactional(files: MigrationFile[]): void {
  const outside = files.find((file) => !file.transactional);
  if (outside) {
    throw new PgformError('USAGE', 'per-tenant migrations run every file in a transaction, once per schema; this one runs outside a transaction', { file: outside.path, field: '--schemas' }, 'build the index without CONCURRENTLY in per-tenant files (each tenant table is small), or migrate that schema alone');
  }
}

/** What `pgform migrate --schemas` did to one tenant schema. */
export interface TenantMigration {
  schema: string;
  state: 'applied' | 'up to date' | 'planned' | 'failed';
  applied: { name: string; durationMs: number }[];
  /** The files that run (dry run) or were to run. */
  pending: string[];
  error?: TargetError;
}

/**
 * Applies the pending migration files to every tenant schema: each file rewritten into the
 * schema (names qualified by the template's schema, and the search_path), in its own transaction
 * with the schema's history row, under one advisory lock for the database. A schema whose file
 * fails stops there and the others go on; the next run resumes each schema where it stands.
 */
export async function tenantMigrateCommand(config: ResolvedConfig, spec: string, options: Pick<MigrateOptions, 'dryRun' | 'allowOutOfOrder' | 'lockTimeout' | 'onEvent'> & { onSchema?: (record: TenantMigration) => void } = {}): Promise<{ database: string; folder: string; template: string; schemas: TenantMigration[] }> {
  const files = listMigrations(config.root, config.migrations);
  checkTransactional(files);
  const lockTimeout = options.lockTimeout ?? config.lockTimeout ?? defaultLockTimeout;
  const base = { database: databaseLabel(config), folder: migrationsFolder(config.root, config.migrations).display };
  const run = async (conn: Connection) => {
    const { template, tenants, history } = await tenantsOf(config, conn, spec);
    const schemas: TenantMigration[] = [];
    for (const tenant of tenants) {
      const record: TenantMigration = { schema: tenant, state: 'up to date', applied: [], pending: [] };
      try {
        const { pending } = pendingFrom(files, history.get(tenant) ?? [], options);
        record.pending = pending.map((file) => file.name);
        if (options.dryRun) record.state = pending.length ? 'planned' : 'up to date';
        for (const file of options.dryRun ? [] : pending) {
          const moved = tenantFile(file, template, tenant);
          const durationMs = await applyMigration(conn, moved, {
            lockTimeout,
            retry: { ...defaultLockRetry, timeout: lockTimeout },
            searchPath: `"${tenant}"`,
            record: (ms) => recordTenantApplied(conn, tenant, file.name, file.checksum, ms),
            onBlocked: (blocked) => options.onEvent?.({ type: 'blocked', ...blocked }),
          });
          record.applied.push({ name: file.name, durationMs: Math.round(durationMs) });
          record.state = 'applied';
        }
      } catch (error) {
        record.state = 'failed';
        record.error = targetError(error, { name: tenant, url: config.url ?? '' });
      }
      options.onSchema?.(record);
      schemas.push(record);
    }
    return { ...base, template, schemas };
  };
  return withConnection(
    () => openDatabase(config),
    (conn) =>
      options.dryRun
        ? run(conn)
        : withMigrationLock(
            conn,
            async () => {
              await ensureTenantHistory(conn);
              return run(conn);
            },
            (holder) => options.onEvent?.({ type: 'waiting', ...(holder ? { holder } : {}) }),
          ),
  );
}

/** Where one tenant schema stands: its files' states, as `pgform status` shows them for a database. */
export interface TenantStatus {
  schema: string;
  migrations: MigrationStatus[];
  counts: Record<MigrationState, number>;
}

/** `pgform status --schemas`: every tenant schema's files against its history, read in one query; creates nothing. */
export async function tenantStatusCommand(config: ResolvedConfig, spec: string): Promise<{ database: string; folder: string; template: string; schemas: TenantStatus[] }> {
  const files = listMigrations(config.root, config.migrations);
  return withConnection(
    () => openDatabase(config),
    async (conn) => {
      const { template, tenants, history } = await tenantsOf(config, conn, spec);
      const schemas = tenants.map((schema) => {
        const migrations = migrationStatus(files, history.get(schema) ?? []);
        return { schema, migrations, counts: countStates(migrations) };
      });
      return { database: databaseLabel(config), folder: migrationsFolder(config.root, config.migrations).display, template, schemas };
    },
  );
}
