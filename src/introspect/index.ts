import type { Connection } from '../engine/connection.js';
import { objectId } from '../model/id.js';
import { emptySchema, type Dependency, type Schema, type Unmanaged } from '../model/schema.js';
import { defaultPrivilegeId } from '../model/default-privileges.js';
import { constraintsSql, toConstraint, type ConstraintRow } from './queries/constraints.js';
import { defaultPrivilegesSql, toDefaultPrivilege, type DefaultPrivilegeRow } from './queries/default-privileges.js';
import { dependenciesSql, toDependencies, type DependencyRow } from './queries/dependencies.js';
import { domainsSql, toDomain, type DomainRow } from './queries/domains.js';
import { compositesSql, toComposite, type CompositeRow } from './queries/composites.js';
import { enumsSql, toEnum, type EnumRow } from './queries/enums.js';
import { extensionsSql, toExtension, type ExtensionRow } from './queries/extensions.js';
import { indexesSql, toIndex, type IndexRow } from './queries/indexes.js';
import { namespacesSql, toNamespace, type NamespaceRow } from './queries/namespaces.js';
import { policiesSql, toPolicy, type PolicyRow } from './queries/policies.js';
import { publicationsSql, toPublication, type PublicationRow } from './queries/publications.js';
import { citusPresentSql, distributionsSql, toDistributions, type DistributionRow } from './queries/distributions.js';
import { routinesSql, toRoutine, type RoutineRow } from './queries/routines.js';
import { sequencesSql, toSequence, type SequenceRow } from './queries/sequences.js';
import { tableShapesSql, tablesSql, toTable, type TableRow } from './queries/tables.js';
import { toTrigger, triggersSql, type TriggerRow } from './queries/triggers.js';
import { statisticsSql, toStatistics, type StatisticsRow } from './queries/statistics.js';
import { toUnmanaged, unmanagedSql, type UnmanagedRow } from './queries/unmanaged.js';
import { collationsSql, toCollation, type CollationRow } from './queries/collations.js';
import { toView, viewsSql, type ViewRow } from './queries/views.js';
import { inCatalogSnapshot } from './read.js';

/** IntrospectOptions choose which namespaces are read and which are only referenced. */
export interface IntrospectOptions {
  /** Schemas to read; default every non-system schema not in externalNamespaces. */
  namespaces?: string[];
  /** Schemas a preset owns (Supabase's auth): listed as external when they exist, never read. */
  externalNamespaces: string[];
  /**
   * Publications a platform owns (Supabase's `supabase_realtime`, the default): listed as
   * external, with only their member tables, and left out when none of those is read (unless
   * it publishes all tables).
   */
  externalPublications?: string[];
  /**
   * False skips constraints, indexes, triggers, policies, dependencies and unmanaged objects,
   * and reads tables by their shape only: no privileges, storage parameters, replica identity,
   * identity sequence options or column collations (types need none of them).
   */
  tableParts?: boolean;
  /**
   * False skips the catalog's dependency edges and the unmanaged objects (a printing database's
   * read is merged into declared models, which hold neither; they are the largest read).
   */
  dependencies?: boolean;
  /** Roles a preset owns (Supabase's supabase_admin): their default privileges are listed as external. */
  externalRoles?: string[];
}

/** The Supabase platform's publication, which Realtime reads. */
const defaultExternalPublications = ['supabase_realtime'];

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A record whose insertion order is its sorted keys, so JSON output is deterministic. */
function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, value] of [...entries].sort(([a], [b]) => byText(a, b))) record[key] = value;
  return record;
}

/**
 * Reads a live database into the model: one set-based catalog query per kind of object, all in
 * one snapshot, so the cost grows with the number of objects, not of round trips. Objects that
 * extensions own are left out: the extension stands for them.
 */
export async function introspect(conn: Connection, options: IntrospectOptions): Promise<Schema> {
  const version = await conn.serverVersion();
  return inCatalogSnapshot(conn, async (reader) => {
    const schema = emptySchema();
    const external = new Set(options.externalNamespaces);
    const candidates = await reader.read<NamespaceRow>('namespaces', namespacesSql);
    const wanted = options.namespaces ? new Set(options.namespaces) : undefined;
    const selected = candidates.filter((ns) => !external.has(ns.name) && (wanted ? wanted.has(ns.name) : !ns.extensionOwned));
    schema.namespaces = sortedRecord([
      ...selected.map((ns): [string, Schema['namespaces'][string]] => [ns.name, toNamespace(ns)]),
      ...candidates
        .filter((ns) => external.has(ns.name))
        .map((ns): [string, Schema['namespaces'][string]] => [ns.name, { name: ns.name, external: true, grants: [] }]),
    ]);
    const params = [selected.map((ns) => ns.name)];
    const parts = options.tableParts ?? true;
    const edges = options.dependencies ?? true;
    const none = Promise.resolve([]);
    // Asked for largest first, so the sessions of a parallel read finish close together.
    const reads = {
      // The catalog's edges are the longest read on a large schema (a second at 2,000 tables):
      // started first, the other reads share the remaining sessions meanwhile.
      dependencies: parts && edges ? reader.read<DependencyRow>('dependencies', dependenciesSql) : none,
      tables: reader.read<TableRow>('tables', parts ? tablesSql : tableShapesSql, params),
      indexes: parts ? reader.read<IndexRow>('indexes', indexesSql(version), params) : none,
      constraints: parts ? reader.read<ConstraintRow>('constraints', constraintsSql(version), params) : none,
      policies: parts ? reader.read<PolicyRow>('policies', policiesSql, [...params, [...external]]) : none,
      views: reader.read<ViewRow>('views', viewsSql, params),
      triggers: parts ? reader.read<TriggerRow>('triggers', triggersSql, params) : none,
      statistics: parts ? reader.read<StatisticsRow>('statistics objects', statisticsSql, params) : none,
      routines: reader.read<RoutineRow>('routines', routinesSql, params),
      sequences: reader.read<SequenceRow>('sequences', sequencesSql, params),
      enums: reader.read<EnumRow>('enums', enumsSql, params),
      domains: reader.read<DomainRow>('domains', domainsSql, params),
      composites: reader.read<CompositeRow>('composite types', compositesSql, params),
      extensions: reader.read<ExtensionRow>('extensions', extensionsSql),
      unmanaged: parts && edges ? reader.read<UnmanagedRow>('unmanaged objects', unmanagedSql(), params) : none,
      collations: reader.read<CollationRow>('collations', collationsSql, params),
      publications: reader.read<PublicationRow>('publications', publicationsSql(version), params),
      defaultPrivileges: reader.read<DefaultPrivilegeRow>('default privileges', defaultPrivilegesSql, params),
      // Citus's catalog exists only with the extension (or its stand-in): asked for once it is known to.
      distributions: reader
        .read<{ present: boolean }>('Citus metadata', citusPresentSql)
        .then(([row]) => (row?.present ? reader.read<DistributionRow>('Citus distributions', distributionsSql, params) : [])),
    };
    // Every read is awaited before any result is used, so a failure never leaves one running.
    const settled = await Promise.allSettled(Object.values(reads));
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    // An extension in a preset's namespace (Supabase's `extensions`) is the platform's: referenced.
    schema.extensions = sortedRecord((await reads.extensions).map((row) => [row.name, { ...toExtension(row), ...(external.has(row.schema) ? { external: true } : {}) }]));
    const collations = await reads.collations;
    if (collations.length) schema.collations = sortedRecord(collations.map((row) => [objectId(row.schema, row.name), toCollation(row)]));
    schema.enums = sortedRecord((await reads.enums).map((row) => [objectId(row.schema, row.name), toEnum(row)]));
    schema.domains = sortedRecord((await reads.domains).map((row) => [objectId(row.schema, row.name), toDomain(row)]));
    const composites = await reads.composites;
    if (composites.length) schema.composites = sortedRecord(composites.map((row) => [objectId(row.schema, row.name), toComposite(row)]));
    schema.sequences = sortedRecord((await reads.sequences).map((row) => [objectId(row.schema, row.name), toSequence(row)]));
    schema.routines = sortedRecord((await reads.routines).map((row) => toRoutine(row)).map(({ id, routine }) => [id, routine]));
    schema.tables = sortedRecord((await reads.tables).map((row) => [objectId(row.schema, row.name), toTable(row)]));
    schema.views = sortedRecord((await reads.views).map((row) => [objectId(row.schema, row.name), toView(row)]));
    const platform = new Set(options.externalPublications ?? defaultExternalPublications);
    schema.publications = sortedRecord(
      (await reads.publications)
        .map((row) => toPublication(row, platform.has(row.name)))
        .filter((publication) => !publication.external || publication.allTables || Object.keys(publication.tables).length > 0)
        .map((publication) => [publication.name, publication]),
    );
    const platformRoles = new Set(options.externalRoles ?? []);
    const defaults = (await reads.defaultPrivileges).map(toDefaultPrivilege).map((entry) => (entry.forRole !== undefined && platformRoles.has(entry.forRole) ? { ...entry, external: true } : entry));
    if (defaults.length) schema.defaultPrivileges = sortedRecord(defaults.map((entry) => [defaultPrivilegeId(entry), entry]));
    const distributions = toDistributions(await reads.distributions);
    if (Object.keys(distributions).length) schema.distributions = distributions;
    attachTableParts(schema, external, {
      constraints: await reads.constraints,
      indexes: await reads.indexes,
      triggers: await reads.triggers,
      policies: await reads.policies,
      statistics: await reads.statistics,
    });
    attachDependencies(schema, await reads.dependencies, await reads.unmanaged);
    return schema;
  });
}

/** The catalog's dependency edges alone (what `dependencies: false` leaves out, unmanaged objects aside). */
export async function introspectDependencies(conn: Connection): Promise<Schema['dependencies']> {
  return inCatalogSnapshot(conn, async (reader) => inOrder(toDependencies(await reader.read<DependencyRow>('dependencies', dependenciesSql))));
}

/** The catalogs' edges and the objects pgform does not model; both absent when there are none. */
function attachDependencies(schema: Schema, dependencyRows: DependencyRow[], unmanagedRows: UnmanagedRow[]): void {
  const dependencies = toDependencies(dependencyRows);
  const unmanaged: [string, Unmanaged][] = [];
  for (const row of unmanagedRows) {
    const { key, object, dependencies: edges } = toUnmanaged(row);
    unmanaged.push([key, object]);
    dependencies.push(...edges);
  }
  if (unmanaged.length) schema.unmanaged = sortedRecord(unmanaged);
  if (dependencies.length) schema.dependencies = inOrder(dependencies);
}

/** Edges sorted by their JSON text and without repeats: the server sends them unsorted. */
function inOrder(dependencies: Dependency[]): Dependency[] {
  const keyed = dependencies.map((d) => [JSON.stringify(d), d] as const).sort(([a], [b]) => byText(a, b));
  return keyed.filter(([k], i) => i === 0 || keyed[i - 1]![0] !== k).map(([, d]) => d);
}

interface TablePartRows {
  constraints: ConstraintRow[];
  indexes: IndexRow[];
  triggers: TriggerRow[];
  policies: PolicyRow[];
  statistics: StatisticsRow[];
}

/** Constraints, indexes, triggers and policies, attached to their table (or materialized view). */
function attachTableParts(schema: Schema, external: Set<string>, { constraints, indexes, triggers, policies, statistics }: TablePartRows): void {
  const tableOf = (row: { schema: string; table: string }) => schema.tables[objectId(row.schema, row.table)];
  // Rows arrive sorted by name within each relation only under the database's collation, so
  // they are sorted again by code point before being inserted.
  const sortByName = <R extends { name: string }>(rows: R[]) => [...rows].sort((a, b) => byText(a.name, b.name));
  for (const row of sortByName(constraints)) {
    const table = tableOf(row);
    if (table) table.constraints[row.name] = toConstraint(row);
  }
  for (const row of sortByName(statistics)) {
    const owner = schema.tables[objectId(row.tableSchema, row.table)] ?? schema.views[objectId(row.tableSchema, row.table)];
    if (owner) (owner.statistics ??= {})[row.name] = toStatistics(row);
  }
  for (const row of sortByName(indexes)) {
    const owner = tableOf(row) ?? schema.views[objectId(row.schema, row.table)];
    if (owner) owner.indexes[row.name] = toIndex(row);
  }
  const externalTable = (row: { schema: string; table: string }) => ((schema.externalTables ??= {})[objectId(row.schema, row.table)] ??= { triggers: {}, policies: {} });
  for (const row of sortByName(triggers)) {
    const table = tableOf(row);
    const view = table ? undefined : schema.views[objectId(row.schema, row.table)];
    if (table) table.triggers[row.name] = toTrigger(row);
    else if (view) (view.triggers ??= {})[row.name] = toTrigger(row);
    else if (external.has(row.schema)) externalTable(row).triggers[row.name] = toTrigger(row);
  }
  for (const row of sortByName(policies)) {
    const table = tableOf(row);
    if (table) table.policies[row.name] = toPolicy(row);
    else if (external.has(row.schema)) externalTable(row).policies[row.name] = toPolicy(row);
  }
  if (schema.externalTables) schema.externalTables = sortedRecord(Object.entries(schema.externalTables));
}
