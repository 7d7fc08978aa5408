import { unionGrants } from '../model/default-privileges.js';
import type { ColumnCompression, ColumnSettings, ColumnStorage, Grant, Index, SourceLocation, StatisticsObject, StorageOptions } from '../model/schema.js';
import { PgformError } from '../errors.js';
import type { Documentation, LintOptions } from './documentation.js';
import { guard, guardName, materializedViewColumnShape, plainViewShape, viewShape } from './guard.js';
import { callSite } from './source.js';
import { sqlOf, type SqlInput } from './sql.js';
import { toIndexModel, toStorage, toTriggerModel, type IndexInput, type StorageInput, type TableDef, type TriggerInput } from './table.js';
import { toGrants, type GrantInput } from './types.js';
import { toStatisticsModel, type StatisticsInput } from './statistics.js';
import { toColumnOptions } from './column.js';

/** A materialized view column's settings as the model holds them. */
function toColumnSettings(input: MaterializedViewColumn): ColumnSettings {
  const options = toColumnOptions(input.options ?? {});
  return {
    ...(input.storage ? { storage: input.storage } : {}),
    ...(input.compression ? { compression: input.compression } : {}),
    ...(input.statistics !== undefined ? { statistics: input.statistics } : {}),
    ...(Object.keys(options).length ? { options } : {}),
  };
}

export interface ViewOptions extends Documentation, LintOptions {
  schema?: string;
  /** The view's previous name. */
  renamedFrom?: string;
  /** The SELECT that defines the view. */
  query: SqlInput;
  /** Descriptions of output columns, by name. */
  columns?: Record<string, string>;
  /** Run with the caller's rights (and RLS), as Supabase recommends for views on RLS tables. */
  securityInvoker?: boolean;
  securityBarrier?: boolean;
  checkOption?: 'local' | 'cascaded';
  /** Triggers of the view, by name: `INSTEAD OF` row triggers make it writable. */
  triggers?: Record<string, TriggerInput>;
  /** Grants on the view; one naming `columns` grants those columns' privileges (`GRANT UPDATE (a) ON v`). */
  grants?: GrantInput[];
}

/** A materialized view's column: its description and settings (as a table column's `storage()`, `statistics()`...). */
export interface MaterializedViewColumn {
  description?: string;
  storage?: ColumnStorage;
  compression?: ColumnCompression;
  statistics?: number;
  options?: { n_distinct?: number; n_distinct_inherited?: number };
}

export interface MaterializedViewOptions extends Omit<ViewOptions, 'securityInvoker' | 'securityBarrier' | 'checkOption' | 'triggers' | 'columns'> {
  /** Descriptions of output columns, or their description and settings, by name. */
  columns?: Record<string, string | MaterializedViewColumn>;
  indexes?: Record<string, IndexInput>;
  /** Extended statistics objects by name (CREATE STATISTICS ... FROM the view), as a table's. */
  statistics?: Record<string, StatisticsInput>;
  /** Storage parameters: `{ fillfactor: 70 }`. */
  storage?: StorageInput;
  /** Created WITH NO DATA and kept unpopulated: it cannot be read until REFRESH MATERIALIZED VIEW fills it. */
  withNoData?: boolean;
}

/** A ViewDef is the plain data `view()` and `materializedView()` return. */
export interface ViewDef extends Documentation, LintOptions {
  readonly pgform: 'view';
  readonly schema: string;
  readonly name: string;
  readonly materialized: boolean;
  readonly definition: string;
  readonly columnComments: Record<string, string>;
  /** Column privileges by column name. */
  readonly columnGrants: Record<string, Grant[]>;
  /** A materialized view's column settings, by column. */
  readonly columnSettings?: Record<string, ColumnSettings>;
  readonly statistics?: Record<string, StatisticsObject>;
  readonly securityInvoker?: boolean;
  readonly securityBarrier?: boolean;
  readonly checkOption?: 'local' | 'cascaded';
  readonly indexes: Record<string, Index>;
  readonly triggers: TableDef['triggers'];
  readonly storage?: StorageOptions;
  readonly withNoData?: boolean;
  readonly grants: ReturnType<typeof toGrants>;
  readonly source?: SourceLocation;
  readonly renamedFrom?: string;
}

function documentation(options: Documentation & LintOptions & { renamedFrom?: string }) {
  return {
    ...(options.lint ? { lint: options.lint } : {}),
    ...(options.renamedFrom ? { renamedFrom: options.renamedFrom } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.group ? { group: options.group } : {}),
    ...(options.note ? { note: options.note } : {}),
  };
}

/** Grants that name columns, as each column's privileges. */
function columnGrantsOf(grants: GrantInput[] | undefined): Record<string, Grant[]> {
  const out: Record<string, Grant[]> = {};
  for (const { columns, ...grant } of grants ?? []) {
    for (const column of columns ?? []) out[column] = unionGrants(out[column] ?? [], toGrants([grant]));
  }
  return out;
}

export function view(name: string, options: ViewOptions): ViewDef {
  const source = callSite();
  guardName(name, 'view', source);
  guard(plainViewShape, options, { object: `view ${name}`, source });
  const triggers: TableDef['triggers'] = {};
  for (const [triggerName, trigger] of Object.entries(options.triggers ?? {})) triggers[triggerName] = toTriggerModel(triggerName, trigger);
  return {
    pgform: 'view',
    schema: options.schema ?? 'public',
    name,
    materialized: false,
    definition: sqlOf(options.query),
    columnComments: options.columns ?? {},
    columnGrants: columnGrantsOf(options.grants),
    ...(options.securityInvoker ? { securityInvoker: true } : {}),
    ...(options.securityBarrier ? { securityBarrier: true } : {}),
    ...(options.checkOption ? { checkOption: options.checkOption } : {}),
    indexes: {},
    triggers,
    grants: toGrants(options.grants?.filter((grant) => !grant.columns)),
    ...documentation(options),
    ...(source ? { source } : {}),
  };
}

export function materializedView(name: string, options: MaterializedViewOptions): ViewDef {
  const source = callSite();
  guardName(name, 'materialized view', source);
  guard(viewShape.omit({ securityInvoker: true, securityBarrier: true, checkOption: true, triggers: true }), options, { object: `materialized view ${name}`, source });
  const indexes: Record<string, Index> = {};
  for (const [indexName, index] of Object.entries(options.indexes ?? {})) indexes[indexName] = toIndexModel(indexName, index);
  const columnComments: Record<string, string> = {};
  const columnSettings: Record<string, ColumnSettings> = {};
  for (const [column, input] of Object.entries(options.columns ?? {})) {
    if (typeof input === 'string') columnComments[column] = input;
    else {
      guard(materializedViewColumnShape, input, { object: `materialized view ${name}`, source, field: `columns.${column}` });
      if (input.description !== undefined) columnComments[column] = input.description;
      const settings = toColumnSettings(input);
      if (Object.keys(settings).length) columnSettings[column] = settings;
    }
  }
  const statistics: Record<string, StatisticsObject> = {};
  for (const [statisticsName, input] of Object.entries(options.statistics ?? {})) {
    // The view's columns are the server's to derive: names are checked when it is created.
    const result = toStatisticsModel(statisticsName, input, undefined);
    if ('problem' in result) throw new PgformError('DEFINITION_INVALID', result.problem.message, { ...(source ? { file: source.file, line: source.line } : {}), object: `materialized view ${name}`, field: result.problem.field });
    statistics[statisticsName] = result.statistics;
  }
  return {
    pgform: 'view',
    schema: options.schema ?? 'public',
    name,
    materialized: true,
    definition: sqlOf(options.query),
    columnComments,
    columnGrants: columnGrantsOf(options.grants),
    ...(Object.keys(columnSettings).length ? { columnSettings } : {}),
    ...(Object.keys(statistics).length ? { statistics } : {}),
    indexes,
    triggers: {},
    ...toStorage(options.storage),
    ...(options.withNoData ? { withNoData: true } : {}),
    grants: toGrants(options.grants?.filter((grant) => !grant.columns)),
    ...documentation(options),
    ...(source ? { source } : {}),
  };
}
