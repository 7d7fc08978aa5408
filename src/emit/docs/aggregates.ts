/**
 * Aggregates: signature, what they compute with (state function and type, initial state, final
 * function), their moving-aggregate mode and parallel safety, grants and purpose.
 */
import { aggregateIdentity } from '../../model/aggregate.js';
import type { Aggregate } from '../../model/schema.js';
import { displayName, shortType, slug, sorted, type DocsContext } from './context.js';
import { blocks, code, heading, nestMarkdown, table } from './markdown.js';

export const aggregatesAnchor = 'section-aggregates';

/** `public.first(anyelement)`, `public.median(double precision ORDER BY double precision)`. */
function aggregateTitle(aggregate: Aggregate): string {
  const list = (args: Aggregate['arguments']) => args.map((a) => `${a.mode === 'variadic' ? 'VARIADIC ' : ''}${a.name ? `${a.name} ` : ''}${shortType(a.type)}`).join(', ');
  const direct = aggregate.orderBy ? `${list(aggregate.arguments)}${aggregate.arguments.length ? ' ' : ''}ORDER BY ${list(aggregate.orderBy)}` : list(aggregate.arguments) || '*';
  return `${displayName(aggregate.schema, aggregate.name)}(${direct})`;
}

function renderAggregate(aggregate: Aggregate, anchor: string): string {
  const kind = aggregate.hypothetical ? 'hypothetical-set' : aggregate.orderBy ? 'ordered-set' : 'normal';
  const grants = aggregate.grants.filter((g) => g.privileges.includes('EXECUTE')).map((g) => (g.grantee === 'PUBLIC' ? 'PUBLIC (every role)' : code(g.grantee)));
  const state = [`${code(aggregate.sfunc)} over ${code(shortType(aggregate.stype))}`, aggregate.initcond !== undefined ? `starting at ${code(aggregate.initcond)}` : 'starting at NULL'].join(', ');
  const rows: [string, string][] = [
    ['Kind', kind],
    ['State', state],
  ];
  if (aggregate.finalfunc !== undefined) rows.push(['Final function', `${code(aggregate.finalfunc)}${aggregate.finalfuncExtra ? ' (with the arguments)' : ''}`]);
  if (aggregate.combinefunc !== undefined) rows.push(['Combine function', code(aggregate.combinefunc)]);
  if (aggregate.msfunc !== undefined) rows.push(['Moving mode', `${code(aggregate.msfunc)} / inverse ${code(aggregate.minvfunc ?? '')} over ${code(shortType(aggregate.mstype ?? ''))}`]);
  if (aggregate.sortop !== undefined) rows.push(['Sort operator', code(aggregate.sortop)]);
  rows.push(['Parallel', aggregate.parallel], ['EXECUTE granted to', grants.length ? grants.join(', ') : 'owner only']);
  return blocks(
    heading(3, anchor, code(aggregateTitle(aggregate))),
    aggregate.comment,
    aggregate.source ? `defined in ${code(aggregate.source.file)}` : '',
    aggregate.note && nestMarkdown(aggregate.note, 3),
    table(['Property', 'Value'], rows),
  );
}

/** The Aggregates section, by id; empty when the model has none. */
export function renderAggregates(ctx: DocsContext): string {
  const aggregates = ctx.schema.aggregates ?? {};
  const ids = sorted(Object.keys(aggregates));
  if (ids.length === 0) return '';
  const used = new Set<string>();
  const anchorOf = (aggregate: Aggregate) => {
    const base = `aggregate-${slug(`${displayName(aggregate.schema, aggregate.name)} ${aggregateIdentity(aggregate).join(' ')}`)}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    return anchor;
  };
  return blocks(heading(2, aggregatesAnchor, 'Aggregates'), ...ids.map((id) => renderAggregate(aggregates[id]!, anchorOf(aggregates[id]!))));
}
