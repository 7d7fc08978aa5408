import { objectId } from '../../model/id.js';
import type { Argument, Grant, Routine } from '../../model/schema.js';
import { bool, call, num, obj, sqlText, str, strings, type Expr } from './code.js';
import { checkKey, pulledGrants, warn, type PullContext } from './context.js';
import { grantsExpr } from './parts.js';
import { routineType } from './types.js';

/** Splits `a uuid, "b c" numeric(12,2)` at the commas outside quotes and parentheses. */
function splitTopLevel(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '(') depth++;
    else if (!quoted && char === ')') depth--;
    else if (!quoted && depth === 0 && char === ',') {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(text.slice(start).trim());
  return items.filter(Boolean);
}

/** `TABLE(id uuid, "Full Name" text)` as `{ table: { id: 'uuid', 'Full Name': 'text' } }`. */
function tableResult(columns: string, ctx: PullContext): Expr {
  return obj([
    [
      'table',
      obj(
        splitTopLevel(columns).map((item) => {
          const match = /^(?:"((?:[^"]|"")*)"|(\S+))\s+(.+)$/s.exec(item)!;
          const name = match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]!;
          return [name, routineType(match[3]!, ctx)];
        }),
      ),
    ],
  ]);
}

function returnsExpr(returns: string, ctx: PullContext): Expr | undefined {
  if (returns === 'void') return undefined;
  const table = /^TABLE\((.*)\)$/s.exec(returns);
  if (table) return tableResult(table[1]!, ctx);
  const setof = /^SETOF (.+)$/s.exec(returns);
  if (setof) {
    const inner = routineType(setof[1]!, ctx);
    return inner.kind === 'string' ? str(`SETOF ${inner.value}`) : obj([['setof', inner]]);
  }
  return routineType(returns, ctx);
}

function argumentExpr(argument: Argument, owner: string, ctx: PullContext): Expr {
  const type = routineType(argument.type, ctx, { object: owner, what: `argument ${argument.name ?? ''}`.trim() });
  if (argument.mode === 'in' && argument.default === undefined) return type;
  return obj([
    ['type', type],
    ['mode', argument.mode !== 'in' ? str(argument.mode) : undefined],
    ['default', argument.default !== undefined ? sqlText(argument.default) : undefined],
  ]);
}

/** EXECUTE grants beyond the default privileges: left out when they are PostgreSQL's default (every role), role names when plain. */
export function routineGrants(grants: Grant[]): Expr | undefined {
  if (grants.length === 1 && grants[0]!.grantee === 'PUBLIC' && grants[0]!.privileges.join() === 'EXECUTE' && !grants[0]!.withGrantOption) return undefined;
  if (grants.every((grant) => grant.privileges.join() === 'EXECUTE' && !grant.withGrantOption)) return strings(grants.map((grant) => grant.grantee));
  return grantsExpr(grants);
}

/** `SET` values as stored (`search_path=""`); the empty search path reads better as ''. */
function settingsExpr(settings: Record<string, string>): Expr | undefined {
  const entries = Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return undefined;
  return obj(entries.map(([name, value]) => [name, str(name === 'search_path' && value === '""' ? '' : value)]));
}

/** `rpc()`, `triggerFunction()` or `procedure()` with every option that differs from the DSL's default. */
export function routineExpr(routine: Routine, ctx: PullContext): Expr {
  const isTrigger = routine.kind === 'function' && routine.returns === 'trigger' && routine.arguments.length === 0;
  const builder = routine.kind === 'procedure' ? 'procedure' : isTrigger ? 'triggerFunction' : 'rpc';
  // The DSL reads a sql body starting so as SQL-standard; a quoted one cannot be declared as such.
  if (!routine.standardBody && routine.language === 'sql' && /^\s*(RETURN\b|BEGIN\s+ATOMIC\b)/i.test(routine.body)) {
    warn(ctx, objectId(routine.schema, routine.name), 'a quoted body that starts like a SQL-standard one would be declared as SQL-standard; rewrite it');
  }
  const owner = objectId(routine.schema, routine.name);
  const args = routine.arguments.map((argument, i): [string, Expr] => [
    argument.name === undefined ? `$${i + 1}` : checkKey(argument.name, owner, 'argument', ctx),
    argumentExpr(argument, owner, ctx),
  ]);
  const options = obj([
    ['schema', routine.schema !== 'public' ? str(routine.schema) : undefined],
    ['description', routine.comment !== undefined ? str(routine.comment) : undefined],
    ['args', args.length ? obj(args) : undefined],
    ['returns', builder === 'rpc' && routine.returns !== undefined ? returnsExpr(routine.returns, ctx) : undefined],
    ['language', isTrigger && routine.language === 'plpgsql' ? undefined : str(routine.language)],
    ['volatility', routine.kind === 'function' && routine.volatility !== 'volatile' ? str(routine.volatility) : undefined],
    ['strict', routine.strict ? bool(true) : undefined],
    ['security', routine.securityDefiner ? str('definer') : undefined],
    ['leakproof', routine.leakproof ? bool(true) : undefined],
    ['parallel', routine.parallel !== 'unsafe' ? str(routine.parallel) : undefined],
    ['cost', routine.cost !== undefined ? num(routine.cost) : undefined],
    ['rows', routine.rows !== undefined ? num(routine.rows) : undefined],
    ['support', routine.support !== undefined ? str(routine.support) : undefined],
    ['transforms', routine.transforms?.length ? strings(routine.transforms) : undefined],
    ['set', settingsExpr(routine.settings)],
    ['body', sqlText(routine.body)],
    ['grants', routineGrants(pulledGrants(ctx, 'functions', routine.schema, routine.grants, owner))],
  ]);
  return call(builder, str(routine.name), options);
}
