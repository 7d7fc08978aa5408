import { objectId, routineId, unmanagedKey } from '../../model/id.js';
import type { ObjectRef } from '../../model/schema.js';
import { asJsonRows } from './fragments.js';

/**
 * Catalog addresses (catalog, oid, sub-id) named the way the model names objects: the view of a
 * view's `_RETURN` rule, the column of a default, the table of a constraint, trigger or policy,
 * the element type of an array type, the relation of a row type; anything else by the kind and
 * identity `pg_identify_object` gives it, which is how `unmanaged` objects are keyed.
 *
 * The work is split between the server and the client. Each end of an edge is located in the
 * edge's own query (`locate`): what it is, the relation it belongs to and its part's name.
 * Relations, types and routines are then named on the client from an address book read once
 * (`relationsSql`, `typesSql`, `routinesSql`). Naming every end in SQL, with the relation's and
 * its schema's names looked up again for each, took 0.4-0.5 s of server time for the 73,000
 * candidate edges of a 2,000-table schema; locating them takes about half that.
 */

/** The first oid initdb does not hand out: below it lie the built-in objects no plan touches. */
export const firstUserOid = 16384;

/** What an end of an edge is, once located (see `locate`). */
type EndTag = 'relation' | 'default' | 'constraint' | 'trigger' | 'policy' | 'type' | 'routine' | 'other';

/** [kind, identity] as `pg_identify_object` names an object. */
type Identity = [kind: string, identity: string];

/**
 * An end of an edge as `locate` reads it: [tag, oid, name]. The oid (JSON gives it as text) is
 * the relation's for a relation, default, constraint, trigger or policy, the type's or routine's
 * for those; the name is the column (of a relation or default) or the part's name. An `other`
 * end is ['other', identity].
 */
export type EndValues = [tag: Exclude<EndTag, 'other'>, oid: string | null, name?: string | null] | [tag: 'other', identity: Identity | null];

/** The [kind, identity] array of the object (`catalog`, `oid`, `sub`), as `pg_identify_object` names it. */
const identityOf = (catalog: string, oid: string, sub = '0') => `(SELECT ARRAY[io_.type, io_.identity] FROM pg_identify_object(${catalog}, ${oid}, ${sub}) io_)`;

/**
 * SQL locating the end (`cls`, `oid`, `sub`) of an edge, as the JSON array of its EndValues.
 * Each catalog's lookup is a subquery of its own branch, so a row pays only for its own
 * catalog's; a rule other than a view's `_RETURN`, and any catalog not listed, ask
 * `pg_identify_object`.
 */
export function locate(cls: string, oid: string, sub: string): string {
  const identified = `json_build_array('other', ${identityOf(cls, oid, sub)})`;
  return `CASE ${cls}
    WHEN 'pg_class'::regclass THEN json_build_array('relation', ${oid}, CASE WHEN ${sub} > 0 THEN (SELECT at_.attname FROM pg_attribute at_ WHERE at_.attrelid = ${oid} AND at_.attnum = ${sub}) END)
    WHEN 'pg_type'::regclass THEN json_build_array('type', ${oid})
    WHEN 'pg_proc'::regclass THEN json_build_array('routine', ${oid})
    WHEN 'pg_attrdef'::regclass THEN (SELECT json_build_array('default', ad_.adrelid, at_.attname)
      FROM pg_attrdef ad_ JOIN pg_attribute at_ ON at_.attrelid = ad_.adrelid AND at_.attnum = ad_.adnum WHERE ad_.oid = ${oid})
    WHEN 'pg_constraint'::regclass THEN (SELECT CASE WHEN co_.conrelid <> 0 THEN json_build_array('constraint', co_.conrelid, co_.conname) ELSE json_build_array('type', co_.contypid) END
      FROM pg_constraint co_ WHERE co_.oid = ${oid})
    WHEN 'pg_trigger'::regclass THEN (SELECT json_build_array('trigger', tg_.tgrelid, tg_.tgname) FROM pg_trigger tg_ WHERE tg_.oid = ${oid})
    WHEN 'pg_policy'::regclass THEN (SELECT json_build_array('policy', po_.polrelid, po_.polname) FROM pg_policy po_ WHERE po_.oid = ${oid})
    WHEN 'pg_rewrite'::regclass THEN (SELECT CASE WHEN rw_.rulename = '_RETURN' THEN json_build_array('relation', rw_.ev_class) ELSE ${identified} END
      FROM pg_rewrite rw_ WHERE rw_.oid = ${oid})
    ELSE ${identified}
  END`;
}

/** The relations' kinds that are model objects; any other relation is named by `pg_identify_object`. */
const modelledRelkinds = `('c', 'r', 'p', 'v', 'm', 'S', 'i', 'I')`;

/**
 * User relations: [oid, relkind, schema, name], and [kind, identity] for a relation of a kind the
 * model does not hold. TOAST tables are no end of a user's edge.
 */
export const relationsSql = asJsonRows(
  `SELECT json_build_array(c.oid, c.relkind, n.nspname, c.relname,
     CASE WHEN c.relkind NOT IN ${modelledRelkinds} THEN ${identityOf("'pg_class'::regclass", 'c.oid')} END) AS v
   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid >= ${firstUserOid} AND n.nspname <> 'pg_toast'`,
);

/**
 * User types as the model names them: [oid, 'type', schema, name] for an enum, domain, range or
 * composite type; [oid, 'relation', relation oid] for a table's or view's row type; [oid, 'other',
 * [kind, identity]] for the rest. An array type stands for its element type, a multirange for its range.
 */
export const typesSql = asJsonRows(
  `SELECT CASE
       WHEN et.typtype IN ('e', 'd', 'r') OR (et.typtype = 'c' AND er.relkind = 'c') THEN json_build_array(ty.oid, 'type', en.nspname, et.typname)
       WHEN et.typrelid <> 0 THEN json_build_array(ty.oid, 'relation', et.typrelid)
       ELSE json_build_array(ty.oid, 'other', ${identityOf("'pg_type'::regclass", 'et.oid')}) END AS v
   FROM pg_type ty
   JOIN pg_type et ON et.oid = CASE WHEN ty.typelem <> 0 AND ty.typsubscript = 'array_subscript_handler'::regproc THEN ty.typelem
     WHEN ty.typtype = 'm' THEN (SELECT rg.rngtypid FROM pg_range rg WHERE rg.rngmultitypid = ty.oid) ELSE ty.oid END
   JOIN pg_namespace en ON en.oid = et.typnamespace
   LEFT JOIN pg_class er ON er.oid = et.typrelid
   WHERE ty.oid >= ${firstUserOid} AND en.nspname <> 'pg_toast'`,
);

/** User routines: [oid, schema, name, argument types] for functions, procedures and aggregates, else [oid, [kind, identity]]. */
export const routinesSql = asJsonRows(
  `SELECT CASE WHEN p.prokind IN ('f', 'p', 'a')
       THEN json_build_array(p.oid, n.nspname, p.proname, ARRAY(SELECT format_type(t_, NULL) FROM unnest(p.proargtypes::oid[]) t_))
       ELSE json_build_array(p.oid, ${identityOf("'pg_proc'::regclass", 'p.oid')}) END AS v
   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE p.oid >= ${firstUserOid}`,
);

type RelationValues = [oid: string, relkind: string, schema: string, name: string, other: Identity | null];
type TypeValues = [oid: string, form: 'type', schema: string, name: string] | [oid: string, form: 'relation', relation: string] | [oid: string, form: 'other', other: Identity | null];
type RoutineValues = [oid: string, schema: string, name: string, args: string[] | null] | [oid: string, other: Identity | null];

/** The rows of the address book's three reads: each row is `{ v: values }`. */
export interface AddressRows {
  relations: { v: RelationValues }[];
  types: { v: TypeValues }[];
  routines: { v: RoutineValues }[];
}

/** What a relation's relkind makes it in the model. */
const relationTypes: Record<string, 'table' | 'view' | 'sequence' | 'index'> = { r: 'table', p: 'table', v: 'view', m: 'view', S: 'sequence', i: 'index', I: 'index' };

/** Names the ends of edges from the user's relations, types and routines (see the top of this file). */
export class AddressBook {
  private readonly relations = new Map<string, RelationValues>();
  private readonly types = new Map<string, TypeValues>();
  private readonly routines = new Map<string, RoutineValues>();

  constructor(rows: AddressRows) {
    for (const { v } of rows.relations) this.relations.set(v[0], v);
    for (const { v } of rows.types) this.types.set(v[0], v);
    for (const { v } of rows.routines) this.routines.set(v[0], v);
  }

  /** An end as the model names it; undefined for one the model cannot name (a default of a composite type's column). */
  resolve(end: EndValues): ObjectRef | undefined {
    if (end[0] === 'other') return other(end[1]);
    const [tag, oid, name = null] = end;
    if (oid === null) return undefined;
    switch (tag) {
      case 'relation':
        return this.relation(oid, name);
      case 'default': {
        const relation = this.relations.get(oid);
        return relation && name !== null && relationTypes[relation[1]] ? { type: 'default', relation: relationId(relation), column: name } : undefined;
      }
      case 'constraint':
      case 'trigger':
      case 'policy': {
        const relation = this.relations.get(oid);
        return relation && name !== null ? { type: tag, table: relationId(relation), name } : undefined;
      }
      case 'type':
        return this.type(oid);
      case 'routine':
        return this.routine(oid);
      default:
        return undefined;
    }
  }

  private relation(oid: string, column: string | null): ObjectRef | undefined {
    const relation = this.relations.get(oid);
    if (!relation) return undefined;
    const [, relkind, , , identity] = relation;
    const id = relationId(relation);
    if (relkind === 'c') return { type: 'type', id };
    const type = relationTypes[relkind];
    if (!type) return other(identity);
    if (type === 'table' || type === 'view') return column !== null ? { type: 'column', relation: id, column } : { type, id };
    // A sequence's or index's column is no object of its own: the relation stands for it.
    return { type, id };
  }

  private type(oid: string): ObjectRef | undefined {
    const type = this.types.get(oid);
    if (!type) return undefined;
    if (type[1] === 'type') return { type: 'type', id: objectId(type[2], type[3]) };
    if (type[1] === 'relation') return this.relation(type[2], null);
    return other(type[2]);
  }

  private routine(oid: string): ObjectRef | undefined {
    const routine = this.routines.get(oid);
    if (!routine) return undefined;
    if (routine.length === 2) return other(routine[1]);
    const [, schema, name, args] = routine;
    return { type: 'routine', id: routineId(schema, name, args ?? []) };
  }
}

/** A relation's id as the model writes it. */
const relationId = (relation: RelationValues) => objectId(relation[2], relation[3]);

function other(identity: Identity | null | undefined): ObjectRef | undefined {
  return identity ? { type: 'unmanaged', key: unmanagedKey(identity[0], identity[1]) } : undefined;
}
