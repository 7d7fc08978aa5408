import { objectId } from '../../model/id.js';
import type { Aggregate, Argument } from '../../model/schema.js';
import { bool, call, num, obj, str, type Expr } from './code.js';
import { checkKey, pulledGrants, type PullContext } from './context.js';
import { routineGrants } from './routine.js';
import { routineType } from './types.js';

function argumentsExpr(args: Argument[], owner: string, ctx: PullContext, offset = 0): Expr {
  return obj(
    args.map((argument, i): [string, Expr] => {
      const type = routineType(argument.type, ctx, { object: owner, what: `argument ${argument.name ?? ''}`.trim() });
      const key = argument.name === undefined ? `$${offset + i + 1}` : checkKey(argument.name, owner, 'argument', ctx);
      return [key, argument.mode === 'variadic' ? obj([['type', type], ['mode', str('variadic')]]) : type];
    }),
  );
}

/** `aggregate()` with every option the catalog holds; defaults are left out as the catalog leaves them out. */
export function aggregateExpr(aggregate: Aggregate, ctx: PullContext): Expr {
  const owner = objectId(aggregate.schema, aggregate.name);
  const text = (value: string | undefined) => (value !== undefined ? str(value) : undefined);
  const type = (value: string | undefined, what: string) => (value !== undefined ? routineType(value, ctx, { object: owner, what }) : undefined);
  const options = obj([
    ['schema', aggregate.schema !== 'public' ? str(aggregate.schema) : undefined],
    ['description', text(aggregate.comment)],
    ['args', aggregate.arguments.length ? argumentsExpr(aggregate.arguments, owner, ctx) : undefined],
    ['orderBy', aggregate.orderBy ? argumentsExpr(aggregate.orderBy, owner, ctx, aggregate.arguments.length) : undefined],
    ['hypothetical', aggregate.hypothetical ? bool(true) : undefined],
    ['sfunc', str(aggregate.sfunc)],
    ['stype', type(aggregate.stype, 'state type')],
    ['sspace', aggregate.sspace !== undefined ? num(aggregate.sspace) : undefined],
    ['finalfunc', text(aggregate.finalfunc)],
    ['finalfuncExtra', aggregate.finalfuncExtra ? bool(true) : undefined],
    ['finalfuncModify', text(aggregate.finalfuncModify)],
    ['combinefunc', text(aggregate.combinefunc)],
    ['serialfunc', text(aggregate.serialfunc)],
    ['deserialfunc', text(aggregate.deserialfunc)],
    ['initcond', text(aggregate.initcond)],
    ['msfunc', text(aggregate.msfunc)],
    ['minvfunc', text(aggregate.minvfunc)],
    ['mstype', type(aggregate.mstype, 'moving state type')],
    ['msspace', aggregate.msspace !== undefined ? num(aggregate.msspace) : undefined],
    ['mfinalfunc', text(aggregate.mfinalfunc)],
    ['mfinalfuncExtra', aggregate.mfinalfuncExtra ? bool(true) : undefined],
    ['mfinalfuncModify', text(aggregate.mfinalfuncModify)],
    ['minitcond', text(aggregate.minitcond)],
    ['sortop', text(aggregate.sortop)],
    ['parallel', aggregate.parallel !== 'unsafe' ? str(aggregate.parallel) : undefined],
    ['grants', routineGrants(pulledGrants(ctx, 'functions', aggregate.schema, aggregate.grants, owner))],
  ]);
  return call('aggregate', str(aggregate.name), options);
}
