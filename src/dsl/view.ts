import { unionGrants } from '../model/default-privileges.js';
import type { Grant, Index, SourceLocation, StorageOptions } from '../model/schema.js';
import type { Documentation, LintOptions } from './documentation.js';
import { guard, guardName, viewShape } from './guard.js';
import { callSite } from './source.js';
import { sqlOf, type SqlInput } from './sql.js';
import { toIndexModel, toStorage, toTriggerModel, type IndexInput, type StorageInput, type TableDef, type TriggerInput } from './table.js';
import { toGrants, type GrantInput } from './types.js';

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

export interface MaterializedViewOptions extends Omit<ViewOptions, 'securityInvoker' | 'securityBarrier' | 'checkOption' | 'triggers'> {
  indexes?: Record<string, IndexInput>;
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
  guard(viewShape.omit({ indexes: true, storage: true, withNoData: true }), options, { object: `view ${name}`, source });
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
  return {
    pgform: 'view',
    schema: options.schema ?? 'public',
    name,
    materialized: true,
    definition: sqlOf(options.query),
    columnComments: options.columns ?? {},
    columnGrants: columnGrantsOf(options.grants),
    indexes,
    triggers: {},
    ...toStorage(options.storage),
    ...(options.withNoData ? { withNoData: true } : {}),
    grants: toGrants(options.grants?.filter((grant) => !grant.columns)),
    ...documentation(options),
    ...(source ? { source } : {}),
  };
}
