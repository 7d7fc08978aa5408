import type { Schema } from '../model/schema.js';
import { firstUserOid } from './queries/addresses.js';

/**
 * A KindCoverage says what pgform does with one kind of PostgreSQL object: `modelled` kinds are
 * read into the model and planned; `reported` kinds are read only so that every comparison can
 * list them (`Schema.unmanaged`) and no plan drops them. When a kind becomes modelled, flip its
 * status here and drop its `objects` query: the unmanaged read then stops listing it.
 */
export interface KindCoverage {
  /** The kind as PostgreSQL's `pg_identify_object` spells it, or close to it. */
  kind: string;
  status: 'modelled' | 'reported';
  /** The work that will model a reported kind, while it is only reported. */
  planned?: string;
  /** Counts a modelled kind in a model. */
  count?: (schema: Schema) => number;
  /**
   * For a reported kind: a query yielding `classid, objid, objsubid` of the user's objects of
   * the kind (`$1` holds the selected schema names). Objects an extension owns are not listed.
   */
  objects?: string;
  /** The folder of test cases that show it, where one does. */
  cases?: string;
}

const inSchemas = (nspOid: string) => `${nspOid} IN (SELECT oid FROM pg_namespace WHERE nspname = ANY ($1::text[]))`;
const userOid = (oid: string) => `${oid} >= ${firstUserOid}`;
const byOid = (catalog: string, where: string, alias = 'o') => `SELECT '${catalog}'::regclass, ${alias}.oid, 0 FROM ${catalog} ${alias} WHERE ${where}`;

const tables = (schema: Schema) => Object.values(schema.tables);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Every kind of object PostgreSQL has, with what pgform does with it. */
export const coverage: KindCoverage[] = [
  { kind: 'schema', status: 'modelled', count: (s) => Object.values(s.namespaces).filter((n) => !n.external).length, cases: 'test/cases/roundtrip/namespaces' },
  { kind: 'extension', status: 'modelled', count: (s) => Object.keys(s.extensions).length, cases: 'test/cases/roundtrip/extensions' },
  { kind: 'table', status: 'modelled', count: (s) => tables(s).length, cases: 'test/cases/roundtrip/basic-table' },
  { kind: 'table column', status: 'modelled', count: (s) => sum(tables(s).map((t) => t.columns.length)), cases: 'test/cases/roundtrip/column-types' },
  { kind: 'table constraint', status: 'modelled', count: (s) => sum(tables(s).map((t) => Object.keys(t.constraints).length)), cases: 'test/cases/roundtrip/constraints' },
  {
    kind: 'index',
    status: 'modelled',
    count: (s) => sum([...tables(s), ...Object.values(s.views)].map((t) => Object.keys(t.indexes).length)),
    cases: 'test/cases/roundtrip/indexes',
  },
  { kind: 'trigger', status: 'modelled', count: (s) => sum(tables(s).map((t) => Object.keys(t.triggers).length)), cases: 'test/cases/roundtrip/triggers' },
  { kind: 'trigger on a view', status: 'modelled', count: (s) => sum(Object.values(s.views).map((v) => Object.keys(v.triggers ?? {}).length)), cases: 'test/cases/diff/view-trigger' },
  { kind: 'policy', status: 'modelled', count: (s) => sum(tables(s).map((t) => Object.keys(t.policies).length)), cases: 'test/cases/roundtrip/rls-policies' },
  { kind: 'view', status: 'modelled', count: (s) => Object.values(s.views).filter((v) => !v.materialized).length, cases: 'test/cases/roundtrip/views' },
  { kind: 'materialized view', status: 'modelled', count: (s) => Object.values(s.views).filter((v) => v.materialized).length, cases: 'test/cases/roundtrip/views' },
  { kind: 'sequence', status: 'modelled', count: (s) => Object.keys(s.sequences).length, cases: 'test/cases/roundtrip/enums-domains-sequences' },
  { kind: 'enum type', status: 'modelled', count: (s) => Object.keys(s.enums).length, cases: 'test/cases/roundtrip/enums-domains-sequences' },
  { kind: 'domain', status: 'modelled', count: (s) => Object.keys(s.domains).length, cases: 'test/cases/roundtrip/enums-domains-sequences' },
  { kind: 'function', status: 'modelled', count: (s) => Object.values(s.routines).filter((r) => r.kind === 'function').length, cases: 'test/cases/roundtrip/routines' },
  { kind: 'procedure', status: 'modelled', count: (s) => Object.values(s.routines).filter((r) => r.kind === 'procedure').length, cases: 'test/cases/roundtrip/routines' },
  { kind: 'event trigger', status: 'reported', objects: byOid('pg_event_trigger', 'true'), cases: 'test/cases/diff/unmanaged/event-trigger' },
  {
    kind: 'rule',
    status: 'reported',
    objects: `SELECT 'pg_rewrite'::regclass, o.oid, 0 FROM pg_rewrite o JOIN pg_class c ON c.oid = o.ev_class WHERE o.rulename <> '_RETURN' AND ${inSchemas('c.relnamespace')}`,
    cases: 'test/cases/diff/unmanaged/rule',
  },
  {
    kind: 'trigger on a foreign table',
    status: 'reported',
    objects: `SELECT 'pg_trigger'::regclass, o.oid, 0 FROM pg_trigger o JOIN pg_class c ON c.oid = o.tgrelid WHERE NOT o.tgisinternal AND c.relkind = 'f' AND ${inSchemas('c.relnamespace')}`,
  },
  { kind: 'aggregate', status: 'modelled', count: (s) => Object.keys(s.aggregates ?? {}).length, cases: 'test/cases/diff/aggregate' },
  { kind: 'window function', status: 'reported', objects: byOid('pg_proc', `o.prokind = 'w' AND ${inSchemas('o.pronamespace')}`) },
  { kind: 'foreign-data wrapper', status: 'reported', objects: byOid('pg_foreign_data_wrapper', 'true'), cases: 'test/cases/diff/unmanaged/foreign-table' },
  { kind: 'server', status: 'reported', objects: byOid('pg_foreign_server', 'true'), cases: 'test/cases/diff/unmanaged/foreign-table' },
  { kind: 'user mapping', status: 'reported', objects: byOid('pg_user_mapping', 'true'), cases: 'test/cases/diff/unmanaged/foreign-table' },
  { kind: 'foreign table', status: 'reported', objects: byOid('pg_class', `o.relkind = 'f' AND ${inSchemas('o.relnamespace')}`), cases: 'test/cases/diff/unmanaged/foreign-table' },
  { kind: 'composite type', status: 'modelled', count: (s) => Object.keys(s.composites ?? {}).length, cases: 'test/cases/diff/composite' },
  { kind: 'range type', status: 'modelled', count: (s) => Object.keys(s.ranges ?? {}).length, cases: 'test/cases/diff/range' },
  {
    kind: 'base type',
    status: 'reported',
    objects: byOid('pg_type', `o.typtype IN ('b', 'p') AND o.typsubscript <> 'array_subscript_handler'::regproc AND ${inSchemas('o.typnamespace')}`)
  },
  { kind: 'operator', status: 'reported', objects: byOid('pg_operator', inSchemas('o.oprnamespace')), cases: 'test/cases/diff/unmanaged/many-kinds' },
  { kind: 'operator class', status: 'reported', objects: byOid('pg_opclass', inSchemas('o.opcnamespace')) },
  { kind: 'operator family', status: 'reported', objects: byOid('pg_opfamily', inSchemas('o.opfnamespace')) },
  { kind: 'cast', status: 'reported', objects: byOid('pg_cast', userOid('o.oid')), cases: 'test/cases/diff/unmanaged/many-kinds' },
  { kind: 'text search configuration', status: 'reported', objects: byOid('pg_ts_config', inSchemas('o.cfgnamespace')), cases: 'test/cases/diff/unmanaged/many-kinds' },
  { kind: 'text search dictionary', status: 'reported', objects: byOid('pg_ts_dict', `${userOid('o.oid')} AND ${inSchemas('o.dictnamespace')}`) },
  { kind: 'text search parser', status: 'reported', objects: byOid('pg_ts_parser', `${userOid('o.oid')} AND ${inSchemas('o.prsnamespace')}`) },
  { kind: 'text search template', status: 'reported', objects: byOid('pg_ts_template', `${userOid('o.oid')} AND ${inSchemas('o.tmplnamespace')}`) },
  {
    kind: 'statistics object',
    status: 'modelled',
    count: (s) => sum([...tables(s), ...Object.values(s.views)].map((t) => Object.keys(t.statistics ?? {}).length)),
    cases: 'test/cases/diff/statistics',
  },
  {
    kind: 'statistics object on a foreign table',
    status: 'reported',
    objects: byOid('pg_statistic_ext', `${inSchemas('o.stxnamespace')} AND o.stxrelid IN (SELECT oid FROM pg_class WHERE relkind NOT IN ('r', 'p', 'm'))`),
    cases: 'test/cases/diff/unmanaged/statistics-on-foreign-table',
  },
  // Properties of modelled objects the model does not hold: the object is planned, this part of it is only reported.
  {
    kind: 'typed table (OF type)',
    status: 'reported',
    objects: byOid('pg_class', `o.reloftype <> 0 AND o.relkind IN ('r', 'p') AND ${inSchemas('o.relnamespace')}`),
    cases: 'test/coverage/report.test.ts',
  },
  {
    kind: 'default of a view column',
    status: 'reported',
    objects: `SELECT 'pg_attrdef'::regclass, o.oid, 0 FROM pg_attrdef o JOIN pg_class c ON c.oid = o.adrelid WHERE c.relkind = 'v' AND ${inSchemas('c.relnamespace')}`,
    cases: 'test/coverage/report.test.ts',
  },
  { kind: 'transform', status: 'reported', objects: byOid('pg_transform', userOid('o.oid')) },
  { kind: 'conversion', status: 'reported', objects: byOid('pg_conversion', `${userOid('o.oid')} AND ${inSchemas('o.connamespace')}`) },
  { kind: 'access method', status: 'reported', objects: byOid('pg_am', userOid('o.oid')) },
  { kind: 'language', status: 'reported', objects: byOid('pg_language', userOid('o.oid')) },
  { kind: 'publication', status: 'modelled', count: (s) => Object.keys(s.publications).length, cases: 'test/cases/diff/publication' },
  { kind: 'Citus distribution (pg_dist_partition)', status: 'modelled', count: (s) => Object.keys(s.distributions ?? {}).length, cases: 'test/cases/diff/citus' },
  { kind: 'subscription', status: 'reported', objects: byOid('pg_subscription', 'o.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())') },
  { kind: 'collation', status: 'modelled', count: (s) => Object.keys(s.collations ?? {}).length, cases: 'test/cases/diff/collation' },
  { kind: 'default privileges', status: 'modelled', count: (s) => Object.keys(s.defaultPrivileges ?? {}).length, cases: 'test/cases/diff/default-privileges' },
  {
    kind: 'large object',
    status: 'reported',
    objects: `SELECT 'pg_largeobject'::regclass, o.oid, 0 FROM pg_largeobject_metadata o`
  },
  {
    kind: 'security label',
    status: 'reported',
    objects: `SELECT o.classoid, o.objoid, o.objsubid FROM pg_seclabel o`
  },
];

/** The catalog rows behind `objects`, keyed by the kind that lists them. */
export function reportedKinds(): KindCoverage[] {
  return coverage.filter((k) => k.status === 'reported' && k.objects);
}

/** A CoverageLine is one kind's status and how many objects of it a model holds. */
export interface CoverageLine {
  kind: string;
  status: KindCoverage['status'];
  planned?: string;
  count: number;
}

/** Every kind with its status and its count in `schema` (reported kinds count its `unmanaged` objects). */
export function coverageOf(schema: Schema): CoverageLine[] {
  const unmanaged = Object.values(schema.unmanaged ?? {});
  return coverage.map((k) => ({
    kind: k.kind,
    status: k.status,
    ...(k.planned ? { planned: k.planned } : {}),
    count: k.count ? k.count(schema) : unmanaged.filter((o) => o.kind === k.kind).length,
  }));
}

/** The `inspect --coverage` table: kind, status, count, aligned. */
export function renderCoverage(lines: CoverageLine[]): string {
  const width = Math.max(...lines.map((l) => l.kind.length), 'kind'.length);
  const status = (l: CoverageLine) => (l.status === 'modelled' ? 'modelled' : 'reported only');
  const rows = [`${'kind'.padEnd(width)}  ${'status'.padEnd(13)}  count`];
  for (const l of lines) rows.push(`${l.kind.padEnd(width)}  ${status(l).padEnd(13)}  ${String(l.count).padStart(5)}${l.planned ? `  (modelling planned: ${l.planned})` : ''}`);
  const reported = lines.filter((l) => l.status === 'reported').reduce((n, l) => n + l.count, 0);
  rows.push('', `${reported} object${reported === 1 ? '' : 's'} of kinds pgform does not manage (reported, never changed)`);
  return `${rows.join('\n')}\n`;
}
