/**
 * Calls laid out as prettier lays them out: argument lists that hug a last object or array
 * (`table('x', {` ... `})`), break one argument a line, or stay flat; method chains that stay on
 * one line while they fit and have few calls with simple arguments, else break one call a line.
 */
import { breakParent, conditionalGroup, group, hardline, ifBreak, indent, join, line, softline, willBreak, type Doc } from '../layout/doc.js';
import { chainCalls, isLong, isTemplateCall, readChain, type Call, type Link, type Member } from './chain.js';
import type { Expr } from './code.js';
import type { ExprPrinter } from './print.js';
import { couldExpand, identifierName, isConciseArray, isSimpleArgument } from './syntax.js';

export function callDoc(call: Call, printer: ExprPrinter): Doc {
  if (isTemplateCall(call)) return [printer.print(call.callee), '(', printer.print(call.args[0]!), ')'];
  if (call.callee.kind === 'member') return chainDoc(call, printer);
  const contents = [printer.print(call.callee), argumentsDoc(call.args, printer)];
  return call.callee.kind === 'call' ? group(contents) : contents;
}

/** A lookup outside a chain: after a plain name it never breaks; after anything else it may move to the next line. */
export function memberDoc(member: Member, printer: ExprPrinter): Doc {
  const lookup = ['.', member.name];
  const object = printer.print(member.object);
  return identifierName(member.object, printer.names) !== undefined ? [object, lookup] : [object, group(indent([softline, lookup]))];
}

/** The last argument may hug the parentheses unless the one before it is of the same kind, or it is a list of numbers after others. */
function hugsLastArgument(args: Expr[]): boolean {
  const last = args[args.length - 1]!;
  const before = args[args.length - 2];
  return couldExpand(last) && (!before || before.kind !== last.kind) && !(args.length > 1 && isConciseArray(last));
}

export function argumentsDoc(args: Expr[], printer: ExprPrinter): Doc {
  if (args.length === 0) return '()';
  const printed = args.map((arg) => printer.print(arg));
  const parts = printed.map((doc, index) => (index === printed.length - 1 ? doc : [doc, ',', line]));
  const allBroken = () => group(['(', indent([line, ...parts]), ',', line, ')'], { shouldBreak: true });
  if (hugsLastArgument(args)) {
    const head = parts.slice(0, -1);
    if (head.some(willBreak)) return allBroken();
    const last = printed[printed.length - 1]!;
    const hugged = ['(', ...head, group(last, { shouldBreak: true }), ')'];
    if (willBreak(last)) return [breakParent, conditionalGroup([hugged, allBroken()])];
    return conditionalGroup([['(', ...head, last, ')'], hugged, allBroken()]);
  }
  return group(['(', indent([softline, ...parts]), ifBreak(','), softline, ')'], { shouldBreak: parts.some(willBreak) });
}

function linkDoc(link: Link, printer: ExprPrinter): Doc {
  if (link.role === 'head') return printer.print(link.expr);
  if (link.role === 'lookup') return ['.', link.expr.name];
  return argumentsDoc(link.expr.args, printer);
}

/**
 * A chain of calls on lookups. Up to the cutoff it is plain text that breaks only inside its
 * argument lists. Longer, it stays on one line while that fits, else puts each call on a line of
 * its own; always so when it has more than two calls and one has an argument that is not simple.
 */
function chainDoc(call: Call, printer: ExprPrinter): Doc {
  const chain = readChain(call, printer.names);
  const printed = chain.groups.map((links) => links.map((link) => linkDoc(link, printer)));
  if (!isLong(chain)) return group(printed);
  const firstLine = chain.merged ? 2 : 1;
  const expanded = [printed.slice(0, firstLine), indent([hardline, join(hardline, printed.slice(firstLine))])];
  const calls = chainCalls(chain);
  const complexArguments = calls.length > 2 && calls.some((c) => !c.args.every((arg) => isSimpleArgument(arg)));
  if (complexArguments || printed.slice(0, -1).some(willBreak)) return group(expanded);
  return [willBreak(printed) ? breakParent : '', conditionalGroup([printed, expanded])];
}
