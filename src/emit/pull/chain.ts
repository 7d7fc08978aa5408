/**
 * Method chains as prettier's member-chain printer sees them: `uuid().primaryKey().default(0)`
 * read left to right as links (the head, then `.name` lookups and argument lists), gathered into
 * groups that each start a line when the chain breaks: [uuid()] [.primaryKey()] [.default(0)].
 */
import type { Expr } from './code.js';
import { identifierName, isMultilineTemplate, type Names } from './syntax.js';

export type Call = Extract<Expr, { kind: 'call' }>;
export type Member = Extract<Expr, { kind: 'member' }>;

/** One link of a chain: where it starts (the head), a `.name` lookup, or the argument list of a call. */
export type Link = { role: 'head'; expr: Expr } | { role: 'lookup'; expr: Member } | { role: 'arguments'; expr: Call };

/** A chain read for layout. */
export interface Chain {
  links: Link[];
  groups: Link[][];
  /** The second group stays on the first line when the chain breaks (`Factory.create()`). */
  merged: boolean;
}

/** `f(sql`...`)` with a multi-line template: prettier prints it in one piece, never broken around the template. */
export function isTemplateCall(call: Call): boolean {
  return call.args.length === 1 && isMultilineTemplate(call.args[0]!);
}

/** A call prettier prints as a chain: one on a lookup (`x.name(...)`), unless its only argument is a multi-line template. */
export function isChainCall(expr: Expr): expr is Call {
  return expr.kind === 'call' && expr.callee.kind === 'member' && !isTemplateCall(expr);
}

export function readChain(call: Call, names: Names): Chain {
  const links = chainLinks(call);
  const groups = chainGroups(links);
  return { links, groups, merged: mergesFirstCall(groups, names) };
}

/** A chain with more groups than fit its first line plus one: prettier gives it the chain layout. */
export function isLong(chain: Chain): boolean {
  return chain.groups.length > (chain.merged ? 3 : 2);
}

/** A call printed with the chain layout, which assignments do not count as too plain to break. */
export function isLongChain(expr: Expr, names: Names): boolean {
  return isChainCall(expr) && isLong(readChain(expr, names));
}

/** Every call in a chain, the head included when it is one. */
export function chainCalls(chain: Chain): Call[] {
  return chain.links.flatMap((link) => (link.expr.kind === 'call' ? [link.expr] : []));
}

function chainLinks(call: Call): Link[] {
  const links: Link[] = [{ role: 'arguments', expr: call }];
  let current = call.callee;
  for (;;) {
    if (current.kind === 'call' && (current.callee.kind === 'member' || current.callee.kind === 'call')) {
      links.unshift({ role: 'arguments', expr: current });
      current = current.callee;
    } else if (current.kind === 'member') {
      links.unshift({ role: 'lookup', expr: current });
      current = current.object;
    } else {
      links.unshift({ role: 'head', expr: current });
      return links;
    }
  }
}

/**
 * Groups of links: the head with the calls right after it (and, after a plain name, all
 * lookups but the last: `a.b.c()` keeps `a.b`), then each lookup with the calls that follow it.
 */
function chainGroups(links: Link[]): Link[][] {
  const first = [links[0]!];
  let i = 1;
  while (i < links.length && links[i]!.role === 'arguments') first.push(links[i++]!);
  if (links[0]!.expr.kind !== 'call') {
    while (i + 1 < links.length && links[i]!.role === 'lookup' && links[i + 1]!.role === 'lookup') first.push(links[i++]!);
  }
  const groups = [first];
  let current: Link[] = [];
  let seenCall = false;
  for (; i < links.length; i++) {
    const link = links[i]!;
    if (seenCall && link.role === 'lookup') {
      groups.push(current);
      current = [];
      seenCall = false;
    }
    if (link.role === 'arguments') seenCall = true;
    current.push(link);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Names that read as factories (`Object`, `_`): prettier keeps their first call on the first line. */
const isFactory = (name: string) => /^[A-Z]|^[$_]+$/.test(name);

function mergesFirstCall(groups: Link[][], names: Names): boolean {
  if (groups.length < 2) return false;
  const first = groups[0]!;
  if (first.length === 1) {
    const name = identifierName(first[0]!.expr, names);
    return name !== undefined && isFactory(name);
  }
  const last = first[first.length - 1]!.expr;
  return last.kind === 'member' && isFactory(last.name);
}
