/**
 * A schema's `Functions`: each function supabase-js can call with `.rpc()`, its `Args` (optional
 * when the argument has a default) and `Returns` as PostgREST sends it: a scalar, an array for
 * SETOF and TABLE(...), the row of a table or view for a composite result. Overloads of one name
 * form a union. Trigger functions and procedures are left out: neither is an RPC.
 */
import { objectId } from '../../model/id.js';
import type { Routine, Schema } from '../../model/schema.js';
import { parseTypeName } from '../types/pg-types.js';
import type { Resolve } from '../types/resolve.js';
import { resultShape } from '../types/routines.js';
import { arrayOf, keyword, object, ref, union, type Member, type TsType } from '../types/ts-type.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The members of `Functions` for one schema, by name. */
export function functionEntries(schema: Schema, namespace: string, resolve: Resolve, databasePath: (...keys: string[]) => TsType): Member[] {
  const overloads = new Map<string, { id: string; routine: Routine }[]>();
  for (const [id, routine] of Object.entries(schema.routines)) {
    if (routine.schema !== namespace || routine.kind !== 'function' || /^(SETOF )?(trigger|event_trigger)$/.test(routine.returns ?? '')) continue;
    overloads.set(routine.name, [...(overloads.get(routine.name) ?? []), { id, routine }]);
  }
  const relations = new Map<string, TsType>();
  for (const table of Object.values(schema.tables)) relations.set(objectId(table.schema, table.name), databasePath(table.schema, 'Tables', table.name, 'Row'));
  for (const view of Object.values(schema.views)) relations.set(objectId(view.schema, view.name), databasePath(view.schema, 'Views', view.name, 'Row'));
  return [...overloads.keys()].sort(byText).map((name) => {
    const routines = overloads.get(name)!.sort((a, b) => byText(a.id, b.id)).map((o) => o.routine);
    const comments = [...new Set(routines.map((r) => r.comment).filter((c): c is string => Boolean(c)))];
    const member: Member = { key: name, type: union(...routines.map((routine) => signature(routine, resolve, relations))) };
    return comments.length > 0 ? { ...member, comment: comments.join('\n') } : member;
  });
}

function signature(routine: Routine, resolve: Resolve, relations: Map<string, TsType>): TsType {
  const args: Member[] = routine.arguments
    .filter((a) => a.mode !== 'out')
    .map((argument, index) => ({ key: argument.name ?? `$${index + 1}`, type: resolve(argument.type).value.write, ...(argument.default ? { optional: true } : {}) }));
  return object(
    [
      { key: 'Args', type: args.length > 0 ? object(args, true) : ref('Record', ref('PropertyKey'), keyword('never')) },
      { key: 'Returns', type: result(routine, resolve, relations) },
    ],
    true,
  );
}

function result(routine: Routine, resolve: Resolve, relations: Map<string, TsType>): TsType {
  const shape = resultShape(routine);
  let single: TsType;
  if ('columns' in shape) single = row(shape.columns, resolve);
  else {
    const name = parseTypeName(shape.type);
    single = (name.array ? undefined : relations.get(objectId(name.schema ?? 'public', name.name))) ?? resolve(shape.type).value.select;
  }
  return shape.set ? arrayOf(single) : single;
}

function row(columns: { name: string; type: string }[], resolve: Resolve): TsType {
  return object(columns.map((column) => ({ key: column.name, type: resolve(column.type).value.select })), true);
}
