import type { PublishedOperation, SourceLocation } from '../model/schema.js';
import type { TableTarget } from './column.js';
import { guard, guardName, publicationShape } from './guard.js';
import { callSite } from './source.js';
import { sqlOf, type SqlInput } from './sql.js';

/** A PublicationMember is a table, or a table narrowed to some columns and rows (PostgreSQL 15+). */
export type PublicationMember = TableTarget | { table: TableTarget; columns?: string[]; where?: SqlInput };

export interface PublicationOptions {
  description?: string;
  /** Member tables; tables can also join with their own `publications: ['name']`. */
  tables?: PublicationMember[];
  /** `FOR ALL TABLES`: every table of the database, now and later. */
  allTables?: boolean;
  /** `FOR TABLES IN SCHEMA` (PostgreSQL 15+): every table of these schemas. */
  schemas?: string[];
  /** Operations sent; default all four. */
  publish?: PublishedOperation[];
  /** `publish_via_partition_root`: partitions' changes are sent as their root table's. */
  viaRoot?: boolean;
}

/** A PublicationDef is the plain data `publication()` returns. */
export interface PublicationDef {
  readonly pgform: 'publication';
  readonly name: string;
  readonly options: Omit<PublicationOptions, 'tables'>;
  readonly tables: { table: TableTarget; columns?: string[]; where?: string }[];
  readonly source?: SourceLocation;
}

function isNarrowed(member: PublicationMember): member is { table: TableTarget; columns?: string[]; where?: SqlInput } {
  return typeof member === 'object' && member !== null && 'table' in member && !('pgform' in member);
}

/**
 * Declares a publication pgform manages (logical replication to a replica or a service).
 * Supabase Realtime's `supabase_realtime` is the platform's: tables join it with `realtime: true`.
 */
export function publication(name: string, options: PublicationOptions = {}): PublicationDef {
  const source = callSite();
  guardName(name, 'publication', source);
  guard(publicationShape, options, { object: `publication ${name}`, source });
  const { tables = [], ...rest } = options;
  return {
    pgform: 'publication',
    name,
    options: rest,
    tables: tables.map((member) =>
      isNarrowed(member)
        ? { table: member.table, ...(member.columns ? { columns: member.columns } : {}), ...(member.where !== undefined ? { where: sqlOf(member.where) } : {}) }
        : { table: member },
    ),
    ...(source ? { source } : {}),
  };
}
