import { parseObjectId } from '../../model/id.js';
import type { Expr } from './code.js';
import { unitKey, unitKinds, type PullContext, type UnitKind } from './context.js';
import { collationExpr, compositeExpr, rangeExpr, defaultPrivilegesExprs, domainExpr, enumExpr, extensionExpr, namespaceExpr, publicationExpr, sequenceExpr, viewExpr } from './objects.js';
import { routineExpr } from './routine.js';
import { aggregateExpr } from './aggregate.js';
import { externalPolicyExpr, externalTriggerExpr } from './table-rules.js';
import { tableExpr } from './table.js';

/** A Unit is one pulled definition: what it is, and the expression that declares it. */
export interface Unit {
  key: string;
  kind: UnitKind;
  /** The namespace it belongs to (an extension: the schema it is installed in). */
  schema: string;
  name: string;
  expr: Expr;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every definition of the model, in declaration order: by kind, then by id. */
export function collectUnits(ctx: PullContext): Unit[] {
  const { schema } = ctx;
  const units: Unit[] = [];
  const add = (kind: UnitKind, id: string, namespace: string, name: string, expr: Expr | undefined) => {
    if (expr) units.push({ key: unitKey(kind, id), kind, schema: namespace, name, expr });
  };
  const sorted = <T>(record: Record<string, T>) => Object.entries(record).sort(([a], [b]) => byText(a, b));
  for (const [name, namespace] of sorted(schema.namespaces)) if (!namespace.external) add('namespace', name, name, name, namespaceExpr(namespace, ctx));
  // The preset's own extensions are the platform's; others enabled in its schemas are declared.
  for (const [name, extension] of sorted(schema.extensions)) if (!(extension.external && ctx.presetExtensions.has(name))) add('extension', name, extension.schema, name, extensionExpr(extension));
  for (const [id, collation] of sorted(schema.collations ?? {})) add('collation', id, collation.schema, collation.name, collationExpr(collation));
  for (const [id, en] of sorted(schema.enums)) add('enum', id, en.schema, en.name, enumExpr(en));
  for (const [id, domain] of sorted(schema.domains)) add('domain', id, domain.schema, domain.name, domainExpr(domain, ctx));
  for (const [id, composite] of sorted(schema.composites ?? {})) add('composite', id, composite.schema, composite.name, compositeExpr(composite, ctx));
  for (const [id, range] of sorted(schema.ranges ?? {})) add('range', id, range.schema, range.name, rangeExpr(range, ctx));
  for (const [id, entry] of sorted(schema.defaultPrivileges ?? {})) {
    if (entry.external || (entry.inSchema !== undefined && ctx.external.has(entry.inSchema))) continue;
    defaultPrivilegesExprs(entry, ctx).forEach((expr, i) => add('default privileges', `${id}#${i}`, entry.inSchema ?? 'public', `${entry.inSchema ?? 'all'} ${entry.on} defaults`, expr));
  }
  for (const [id, sequence] of sorted(schema.sequences)) add('sequence', id, sequence.schema, sequence.name, sequenceExpr(sequence, ctx));
  for (const [id, routine] of sorted(schema.routines)) add('routine', id, routine.schema, routine.name, routineExpr(routine, ctx));
  for (const [id, aggregate] of sorted(schema.aggregates ?? {})) add('aggregate', id, aggregate.schema, aggregate.name, aggregateExpr(aggregate, ctx));
  for (const [id, table] of sorted(schema.tables)) add('table', id, table.schema, table.name, tableExpr(table, ctx));
  for (const [id, view] of sorted(schema.views)) add('view', id, view.schema, view.name, viewExpr(view, ctx));
  // A publication belongs to the database, not a schema: it is declared with public. The
  // platform's (supabase_realtime) is not declared: its tables say `realtime: true`.
  for (const [name, publication] of sorted(schema.publications)) {
    if (!publication.external) add('publication', name, 'public', name, publicationExpr(publication));
  }
  // A trigger on a preset's table (auth.users) is declared beside its function.
  for (const [tableId, external] of sorted(schema.externalTables ?? {})) {
    for (const [name, trigger] of sorted(external.triggers)) {
      add('trigger', `${tableId}:${name}`, parseObjectId(trigger.function).schema, name, externalTriggerExpr(tableId, trigger, ctx));
    }
    for (const [name, policy] of sorted(external.policies)) add('policy', `${tableId}:${name}`, parseObjectId(tableId).schema, name, externalPolicyExpr(tableId, policy));
  }
  const order = (unit: Unit) => unitKinds.indexOf(unit.kind);
  return units.sort((a, b) => order(a) - order(b) || byText(a.key, b.key));
}
