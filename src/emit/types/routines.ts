/**
 * The `Functions` interface: each function callable from SQL (an RPC) with its arguments and
 * result. Arguments take the types node-postgres accepts, optional when they have a default;
 * results take the types it returns: a scalar or a column of a result row may be NULL, SETOF and
 * TABLE(...) are arrays, a composite result is the row of its table or view. Trigger functions
 * and procedures are left out: neither is called with SELECT.
 */
import { objectId } from '../../model/id.js';
import type { Argument, Routine, Schema } from '../../model/schema.js';
import { qualifiedKey } from './names.js';
import { parseTypeName } from './pg-types.js';
import type { Resolve } from './resolve.js';
import { arrayOf, keyword, object, ref, union, type Member, type TsType } from './ts-type.js';
import { withComment } from './relations.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The members of `Functions`, sorted by key; overloads of one name form a union. */
export function functionMembers(schema: Schema, resolve: Resolve, relationNames: Map<string, string>): Member[] {
  const overloads = new Map<string, { id: string; routine: Routine }[]>();
  for (const [id, routine] of Object.entries(schema.routines)) {
    if (routine.kind !== 'function' || /^(SETOF )?(trigger|event_trigger)$/.test(routine.returns ?? '')) continue;
    const key = qualifiedKey(routine.schema, routine.name);
    overloads.set(key, [...(overloads.get(key) ?? []), { id, routine }]);
  }
  return [...overloads.keys()].sort(byText).map((key) => {
    const routines = overloads.get(key)!.sort((a, b) => byText(a.id, b.id)).map((o) => o.routine);
    const signatures = routines.map((routine) => signature(routine, resolve, relationNames));
    const comments = [...new Set(routines.map((r) => r.comment).filter((c): c is string => Boolean(c)))];
    return withComment({ key, type: union(...signatures) }, comments.join('\n') || undefined);
  });
}

function signature(routine: Routine, resolve: Resolve, relationNames: Map<string, string>): TsType {
  const inputs = routine.arguments.filter((a) => a.mode !== 'out');
  const args: Member[] = inputs.map((argument, index) => ({
    key: argument.name ?? `$${index + 1}`,
    type: resolve(argument.type).value.write,
    ...(argument.default ? { optional: true } : {}),
  }));
  return object(
    [
      { key: 'args', type: args.length > 0 ? object(args) : ref('Record', keyword('string'), keyword('never')) },
      { key: 'returns', type: result(routine, resolve, relationNames) },
    ],
    true,
  );
}

/** What a function returns: rows of named columns, or values of one printed type; one, or a set. */
export type ResultShape = { set: boolean; columns: { name: string; type: string }[] } | { set: boolean; type: string };

/** The shape of a function's result, from `pg_get_function_result` and its OUT arguments. */
export function resultShape(routine: Routine): ResultShape {
  const printed = (routine.returns ?? 'void').trim();
  const table = /^TABLE\((.*)\)$/s.exec(printed);
  if (table) return { set: true, columns: splitColumns(table[1]!) };
  const set = printed.startsWith('SETOF ');
  const type = set ? printed.slice('SETOF '.length) : printed;
  const outputs = routine.arguments.filter((a) => a.mode === 'out' || a.mode === 'inout');
  if (type === 'record' && outputs.length > 0) return { set, columns: outputs.map(outputColumn) };
  return { set, type };
}

/** The result type of a function as node-postgres returns it. */
function result(routine: Routine, resolve: Resolve, relationNames: Map<string, string>): TsType {
  const shape = resultShape(routine);
  if ('type' in shape && shape.type === 'void') return keyword('void');
  let single: TsType;
  if ('columns' in shape) single = row(shape.columns, resolve);
  else if (shape.type === 'record') single = keyword('unknown');
  else {
    const name = parseTypeName(shape.type);
    const relation = name.array ? undefined : relationNames.get(objectId(name.schema ?? 'public', name.name));
    single = relation ? ref('Selectable', ref(relation)) : orNull(resolve(shape.type).value.select);
  }
  return shape.set ? arrayOf(single) : single;
}

/** A value that may be NULL; `unknown` already covers it. */
function orNull(type: TsType): TsType {
  return type.kind === 'keyword' && type.name === 'unknown' ? type : union(type, keyword('null'));
}

function outputColumn(argument: Argument, index: number): { name: string; type: string } {
  return { name: argument.name ?? `column${index + 1}`, type: argument.type };
}

/** A result row: every column may be NULL. */
function row(columns: { name: string; type: string }[], resolve: Resolve): TsType {
  return object(columns.map((column) => ({ key: column.name, type: orNull(resolve(column.type).value.select) })));
}

/** Splits `a integer, "b c" numeric(12,2)` into names and types, minding quotes and parentheses. */
export function splitColumns(list: string): { name: string; type: string }[] {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const c of list) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    if (c === ',' && !quoted && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) items.push(current.trim());
  return items.map((item) => {
    if (!item.startsWith('"')) {
      const space = item.search(/\s/);
      return { name: item.slice(0, space), type: item.slice(space + 1).trim() };
    }
    let i = 1;
    let name = '';
    while (i < item.length) {
      if (item[i] === '"' && item[i + 1] === '"') {
        name += '"';
        i += 2;
      } else if (item[i] === '"') break;
      else name += item[i++];
    }
    return { name, type: item.slice(i + 1).trim() };
  });
}
