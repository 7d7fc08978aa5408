import type { Connection } from '../engine/connection.js';
import { objectId } from '../model/id.js';
import { emptySchema, type Schema, type Table } from '../model/schema.js';
import { defaultPrivilegeId } from '../model/default-privileges.js';
import { defaultPrivilegesSql, toDefaultPrivilege, type DefaultPrivilegeRow } from './queries/default-privileges.js';
import { domainsSql, toDomain, type DomainRow } from './queries/domains.js';
import { compositesSql, toComposite, type CompositeRow } from './queries/composites.js';
import { rangesSql, toRange, type RangeRow } from './queries/ranges.js';
import { enumsSql, toEnum, type EnumRow } from './queries/enums.js';
import { extensionsSql, toExtension, type ExtensionRow } from './queries/extensions.js';
import { namespacesSql, toNamespace, type NamespaceRow } from './queries/namespaces.js';
import { publicationsSql, toPublication, type PublicationRow } from './queries/publications.js';
import { citusPresentSql, distributionsSql, toDistributions, type DistributionRow } from './queries/distributions.js';
import { routinesSql, toRoutine, type RoutineRow } from './queries/routines.js';
import { aggregatesSql, toAggregate, type AggregateRow } from './queries/aggregates.js';
import { sequencesSql, toSequence, type SequenceRow } from './queries/sequences.js';
import { tableShapesSql, tablesSql, toTable, type TableRow } from './queries/tables.js';
import { collationsSql, toCollation, type CollationRow } from './queries/collations.js';
import { toView, viewsSql, type ViewRow } from './queries/views.js';
import { inCatalogSnapshot, readInParts } from './read.js';
import { sortedRecord } from './sorted.js';
import type { ConstraintRow, IndexRow, PolicyRow, StatisticsRow, TriggerRow, UnmanagedRow } from './table-parts.js';

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


/**
 * Reads a live database into the model: one set-based catalog query per kind of object, all in
 * one snapshot, so the cost grows with the number of objects, not of round trips. Objects that
 * extensions own are left out: the extension stands for them.
 */
export async function introspect(conn: Connection, options: IntrospectOptions): Promise<Schema> {
  // A read for types (tableParts false) neither reads nor loads the parts' queries.
  const tableParts = (options.tableParts ?? true) ? import('./table-parts.js') : Promise.resolve(undefined);
  // Asked while the snapshot's other sessions connect; awaited where the reads need it.
  const asked = conn.serverVersion();
  asked.catch(() => undefined);
  return inCatalogSnapshot(conn, async (reader) => {
    const version = await asked;
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
    const parts = await tableParts;
    const edges = options.dependencies ?? true;
    const none = Promise.resolve([]);
    // Asked for largest first, so the sessions of a parallel read finish close together.
    const reads = {
      // The tables are the longest read on a large schema: read in parts, one a session (see readInParts).
      tables: readInParts(reader, 'tables', parts ? tablesSql : tableShapesSql, params, (row: TableRow): [string, Table] => [objectId(row.schema, row.name), toTable(row)]),
      constraints: parts ? reader.read<ConstraintRow>('constraints', parts.constraintsSql(version), params) : none,
      indexes: parts ? reader.read<IndexRow>('indexes', parts.indexesSql(version), params) : none,
      edges: parts && edges ? parts.readEdges(reader) : Promise.resolve(undefined),
      policies: parts ? reader.read<PolicyRow>('policies', parts.policiesSql, [...params, [...external]]) : none,
      views: reader.read<ViewRow>('views', viewsSql, params),
      triggers: parts ? reader.read<TriggerRow>('triggers', parts.triggersSql, params) : none,
      statistics: parts ? reader.read<StatisticsRow>('statistics objects', parts.statisticsSql, params) : none,
      routines: reader.read<RoutineRow>('routines', routinesSql, params),
      aggregates: reader.read<AggregateRow>('aggregates', aggregatesSql, params),
      sequences: reader.read<SequenceRow>('sequences', sequencesSql, params),
      enums: reader.read<EnumRow>('enums', enumsSql, params),
      domains: reader.read<DomainRow>('domains', domainsSql, params),
      composites: reader.read<CompositeRow>('composite types', compositesSql, params),
      ranges: reader.read<RangeRow>('range types', rangesSql, params),
      extensions: reader.read<ExtensionRow>('extensions', extensionsSql),
      unmanaged: parts && edges ? reader.read<UnmanagedRow>('unmanaged objects', parts.unmanagedSql(), params) : none,
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
    const ranges = await reads.ranges;
    if (ranges.length) schema.ranges = sortedRecord(ranges.map((row) => [objectId(row.schema, row.name), toRange(row)]));
    schema.sequences = sortedRecord((await reads.sequences).map((row) => [objectId(row.schema, row.name), toSequence(row)]));
    schema.routines = sortedRecord((await reads.routines).map((row) => toRoutine(row)).map(({ id, routine }) => [id, routine]));
    const aggregates = await reads.aggregates;
    if (aggregates.length) schema.aggregates = sortedRecord(aggregates.map((row) => toAggregate(row)).map(({ id, aggregate }) => [id, aggregate]));
    schema.tables = sortedRecord(await reads.tables);
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
    if (parts) {
      parts.attachTableParts(schema, external, {
        constraints: await reads.constraints,
        indexes: await reads.indexes,
        triggers: await reads.triggers,
        policies: await reads.policies,
        statistics: await reads.statistics,
      });
      const read = await reads.edges;
      if (read) parts.attachDependencies(schema, read, await reads.unmanaged);
    }
    return schema;
  });
}

/** The catalog's dependency edges alone (what `dependencies: false` leaves out, unmanaged objects aside). */
export async function introspectDependencies(conn: Connection): Promise<Schema['dependencies']> {
  const { readDependencies } = await import('./table-parts.js');
  return readDependencies(conn);
}
