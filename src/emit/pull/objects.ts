import { defaultPrivilegeId } from '../../model/default-privileges.js';
import { objectId } from '../../model/id.js';
import { columnSettings, defaultPublicNamespace, type Collation, type CompositeType, type DefaultPrivilege, type Grant, type Domain, type Enum, type Extension, type Namespace, type Publication, type RangeType, type Sequence, type View, type ViewColumn } from '../../model/schema.js';
import { arr, bool, call, callWith, method, num, obj, sqlText, str, strings, type Expr } from './code.js';
import { checkKey, pulledGrants, warn, type PullContext } from './context.js';
import { byName, collationSql, columnOptionsExpr, grantsExpr, indexExpr, relationGrantsExpr, storageExpr, tableTarget } from './parts.js';
import { statisticsExpr } from './statistics.js';
import { triggersExpr } from './table-rules.js';
import { columnType, routineType, typeText } from './types.js';
import { readParts } from '../../model/id.js';

const description = (comment: string | undefined): [string, Expr | undefined] => ['description', comment !== undefined ? str(comment) : undefined];
const schemaOption = (schema: string): [string, Expr | undefined] => ['schema', schema !== 'public' ? str(schema) : undefined];

/** `schema('crm', { description, grants })`; undefined for a public schema as PostgreSQL creates it. */
export function namespaceExpr(namespace: Namespace, ctx: PullContext): Expr | undefined {
  if (namespace.name === 'public') {
    const standard = defaultPublicNamespace();
    if (namespace.comment === standard.comment && JSON.stringify(namespace.grants) === JSON.stringify(standard.grants)) return undefined;
    if (namespace.comment === undefined) warn(ctx, 'public', 'the public schema has no comment, which definitions cannot declare; it is pulled with the standard one');
    return call('schema', str('public'), obj([description(namespace.comment), ['grants', grantsExpr(namespace.grants)]]));
  }
  const grants = pulledGrants(ctx, 'schemas', undefined, namespace.grants, namespace.name);
  return callWith('schema', [str(namespace.name)], obj([description(namespace.comment), ['grants', grants.length ? grantsExpr(grants) : undefined]]));
}

export function extensionExpr(extension: Extension): Expr {
  // A version other than the server's default is a pin; the default is left to the server.
  const pinned = extension.defaultVersion !== undefined && extension.version !== undefined && extension.version !== extension.defaultVersion;
  return callWith('extension', [str(extension.name)], obj([schemaOption(extension.schema), ['version', pinned ? str(extension.version!) : undefined], description(extension.comment)]));
}

export function enumExpr(en: Enum): Expr {
  return callWith('enumType', [str(en.name), strings(en.values)], obj([schemaOption(en.schema), description(en.comment)]));
}

export function domainExpr(domain: Domain, ctx: PullContext): Expr {
  const type = typeText(domain.type, ctx);
  if (/"/.test(type)) warn(ctx, objectId(domain.schema, domain.name), `the domain's type ${type} can only be named by a plain name in definitions`);
  const checks = Object.entries(domain.checks).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const options = obj([
    schemaOption(domain.schema),
    description(domain.comment),
    ['notNull', domain.notNull ? bool(true) : undefined],
    ['default', domain.default !== undefined ? sqlText(domain.default) : undefined],
    ['collation', domain.collation !== undefined ? str(collationSql(domain.collation)) : undefined],
    ['checks', checks.length ? obj(checks.map(([name, check]) => [name, check.notValid ? obj([['expression', sqlText(check.expression)], ['notValid', bool(true)]]) : sqlText(check.expression)])) : undefined],
  ]);
  return callWith('domain', [str(domain.name), str(type)], options);
}

/**
 * `rangeType('floatrange', { subtype: 'double precision', subtypeDiff: 'float8mi' })`: only the
 * options PostgreSQL would not pick by itself. A multirange in another schema cannot be declared.
 */
export function rangeExpr(range: RangeType, ctx: PullContext): Expr {
  const id = objectId(range.schema, range.name);
  const multirange = range.multirange === undefined ? undefined : readParts(range.multirange, '').parts;
  if (multirange?.length === 2) warn(ctx, id, `its multirange type ${range.multirange} is in another schema, which definitions cannot declare; it is pulled with the name PostgreSQL derives`);
  return callWith(
    'rangeType',
    [str(range.name)],
    obj([
      schemaOption(range.schema),
      description(range.comment),
      ['subtype', routineType(range.subtype, ctx, { object: id, what: 'the subtype' })],
      ['subtypeOpclass', range.subtypeOpclass !== undefined ? str(range.subtypeOpclass) : undefined],
      ['collation', range.collation !== undefined ? str(collationSql(range.collation)) : undefined],
      ['canonical', range.canonical !== undefined ? str(range.canonical) : undefined],
      ['subtypeDiff', range.subtypeDiff !== undefined ? str(range.subtypeDiff) : undefined],
      ['multirange', multirange?.length === 1 ? str(multirange[0]!) : undefined],
    ]),
  );
}

/** `compositeType('address', { attributes: { street: text(), zip: varchar(10) } })`: attributes in order. */
export function compositeExpr(composite: CompositeType, ctx: PullContext): Expr {
  const id = objectId(composite.schema, composite.name);
  const attributes = composite.attributes.map((a): [string, Expr] => {
    const type = columnType(a.type, ctx, { object: id, what: `attribute ${a.name}` });
    const collated = a.collation !== undefined ? method(type, 'collate', str(collationSql(a.collation))) : type;
    return [checkKey(a.name, id, 'attribute', ctx), a.comment !== undefined ? method(collated, 'describe', str(a.comment)) : collated];
  });
  return callWith('compositeType', [str(composite.name)], obj([schemaOption(composite.schema), description(composite.comment), ['attributes', obj(attributes)]]));
}

const typeMaximum: Record<string, bigint> = { smallint: 32767n, integer: 2147483647n, bigint: 9223372036854775807n };

/** `sequence('ticket_numbers', { start: 100, increment: 5 })`: only what differs from the DSL's defaults. */
export function sequenceExpr(sequence: Sequence, ctx: PullContext): Expr {
  const increment = BigInt(sequence.increment);
  const typeMax = typeMaximum[sequence.type] ?? typeMaximum.bigint!;
  const min = increment > 0n ? 1n : -typeMax - 1n;
  const max = increment > 0n ? typeMax : -1n;
  const start = increment > 0n ? BigInt(sequence.min) : BigInt(sequence.max);
  const differs = (value: string, fallback: bigint) => (BigInt(value) !== fallback ? num(value) : undefined);
  const options = obj([
    schemaOption(sequence.schema),
    description(sequence.comment),
    ['type', sequence.type !== 'bigint' ? str(sequence.type) : undefined],
    ['start', differs(sequence.start, start)],
    ['increment', differs(sequence.increment, 1n)],
    ['min', differs(sequence.min, min)],
    ['max', differs(sequence.max, max)],
    ['cache', differs(sequence.cache, 1n)],
    ['cycle', sequence.cycle ? bool(true) : undefined],
    ['unlogged', sequence.unlogged ? bool(true) : undefined],
    ['ownedBy', sequence.ownedBy ? obj([['table', tableTarget(sequence.ownedBy.table)], ['column', str(sequence.ownedBy.column)]]) : undefined],
    ['grants', optionalGrants(pulledGrants(ctx, 'sequences', sequence.schema, sequence.grants, objectId(sequence.schema, sequence.name)))],
  ]);
  return callWith('sequence', [str(sequence.name)], options);
}

const optionalGrants = (grants: Grant[]): Expr | undefined => (grants.length ? grantsExpr(grants) : undefined);

/**
 * `defaultPrivileges({ inSchema, on, grant, to })`, one per set of privileges; the preset's own
 * grants are left out (every database pgform builds has them), and so is an entry left empty.
 */
export function defaultPrivilegesExprs(entry: DefaultPrivilege, ctx: PullContext): Expr[] {
  const preset = entry.forRole === undefined ? (ctx.presetDefaults[defaultPrivilegeId(entry)] ?? []) : [];
  const groups = new Map<string, { privileges: string[]; withGrantOption: boolean; to: string[] }>();
  for (const grant of entry.grants) {
    if (preset.includes(grant.grantee)) continue;
    const key = `${grant.privileges.join()}|${grant.withGrantOption ? 1 : 0}`;
    const group = groups.get(key) ?? { privileges: grant.privileges, withGrantOption: Boolean(grant.withGrantOption), to: [] };
    group.to.push(grant.grantee);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) =>
    call(
      'defaultPrivileges',
      obj([
        ['forRole', entry.forRole !== undefined ? str(entry.forRole) : undefined],
        ['inSchema', entry.inSchema !== undefined ? str(entry.inSchema) : undefined],
        ['on', str(entry.on)],
        ['grant', strings(group.privileges.map((privilege) => privilege.toLowerCase()))],
        ['to', strings(group.to)],
        ['withGrantOption', group.withGrantOption ? bool(true) : undefined],
      ]),
    ),
  );
}

/** pg_get_viewdef's text without the trailing semicolon, which would end the CREATE VIEW early. */
function queryText(definition: string): string {
  return `\n${definition.replace(/\s*;\s*$/, '').replace(/^\s*\n/, '')}\n`;
}

/** `view()` or `materializedView()` with the query as the server prints it. */
/** `collation('case_insensitive', { provider: 'icu', locale: 'und-u-ks-level2', deterministic: false })`. */
export function collationExpr(collation: Collation): Expr {
  const sameLibc = collation.lcCollate !== undefined && collation.lcCollate === collation.lcCtype;
  return call(
    'collation',
    str(collation.name),
    obj([
      schemaOption(collation.schema),
      description(collation.comment),
      ['provider', collation.provider !== 'libc' ? str(collation.provider) : undefined],
      ['locale', collation.locale !== undefined ? str(collation.locale) : sameLibc ? str(collation.lcCollate!) : undefined],
      ['lcCollate', !sameLibc && collation.lcCollate !== undefined ? str(collation.lcCollate) : undefined],
      ['lcCtype', !sameLibc && collation.lcCtype !== undefined ? str(collation.lcCtype) : undefined],
      ['deterministic', collation.deterministic ? undefined : bool(false)],
    ]),
  );
}

/** A view column's description, or its description and settings (a materialized view's). */
function viewColumnExpr(column: ViewColumn): Expr {
  const { settings } = columnSettings({ ...column, notNull: false });
  if (Object.keys(settings).length === 0) return str(column.comment!);
  return obj([
    ['description', column.comment !== undefined ? str(column.comment) : undefined],
    ['storage', settings.storage !== undefined ? str(settings.storage) : undefined],
    ['compression', settings.compression !== undefined ? str(settings.compression) : undefined],
    ['statistics', settings.statistics !== undefined ? num(settings.statistics) : undefined],
    ['options', settings.options ? columnOptionsExpr(settings.options) : undefined],
  ]);
}

export function viewExpr(view: View, ctx: PullContext): Expr {
  const described = view.columns.filter((column) => column.comment !== undefined || Object.keys(columnSettings({ ...column, notNull: false }).settings).length > 0);
  const indexes = byName(Object.values(view.indexes));
  const options = obj([
    schemaOption(view.schema),
    description(view.comment),
    ['securityInvoker', view.securityInvoker ? bool(true) : undefined],
    ['securityBarrier', view.securityBarrier ? bool(true) : undefined],
    ['checkOption', view.checkOption ? str(view.checkOption) : undefined],
    ['query', sqlText(queryText(view.definition))],
    ['columns', described.length ? obj(described.map((column) => [column.name, viewColumnExpr(column)])) : undefined],
    ['indexes', view.materialized && indexes.length ? obj(indexes.map((index) => [index.name, indexExpr(index)])) : undefined],
    ['triggers', view.materialized ? undefined : triggersExpr(view, ctx)],
    ['storage', view.materialized ? storageExpr(view.storage) : undefined],
    ['statistics', view.materialized ? statisticsExpr(view) : undefined],
    ['withNoData', view.materialized && view.withNoData ? bool(true) : undefined],
    ['grants', relationGrantsExpr(pulledGrants(ctx, 'tables', view.schema, view.grants, objectId(view.schema, view.name)), view.columns)],
  ]);
  return call(view.materialized ? 'materializedView' : 'view', str(view.name), options);
}

const allOperations = ['insert', 'update', 'delete', 'truncate'];

/**
 * `publication('feed', { tables, publish })`. Members without a column list or row filter are
 * declared on their table (`publications: ['feed']`); narrowed ones here.
 */
export function publicationExpr(publication: Publication): Expr {
  const narrowed = Object.entries(publication.tables).filter(([, member]) => member.columns !== undefined || member.where !== undefined);
  const options = obj([
    description(publication.comment),
    ['allTables', publication.allTables ? bool(true) : undefined],
    ['schemas', publication.schemas.length ? strings(publication.schemas) : undefined],
    [
      'tables',
      narrowed.length
        ? arr(
            narrowed.map(([table, member]) =>
              obj([
                ['table', tableTarget(table)],
                ['columns', member.columns ? strings(member.columns) : undefined],
                ['where', member.where !== undefined ? sqlText(member.where) : undefined],
              ]),
            ),
          )
        : undefined,
    ],
    ['publish', publication.publish.join(',') !== allOperations.join(',') ? strings(publication.publish) : undefined],
    ['viaRoot', publication.viaRoot ? bool(true) : undefined],
  ]);
  return callWith('publication', [str(publication.name)], options);
}
