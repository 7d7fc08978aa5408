import { buildSchema, type Definition } from '../../src/dsl/build.js';
import { enumType, schema as namespace, type EnumDef } from '../../src/dsl/types.js';
import { rpc, triggerFunction, type RoutineDef } from '../../src/dsl/routine.js';
import { view, materializedView } from '../../src/dsl/view.js';
import { objectId } from '../../src/model/id.js';
import type { Schema } from '../../src/model/schema.js';
import { ident, qualified } from '../../src/sql/quote.js';
import { externalNamespaces } from '../support/round-trip.js';
import { buildTable } from './build-table.js';
import { exclusions } from './exclusions.js';
import type { FunctionSpec, Spec, TriggerFunctionSpec, ViewSpec } from './spec.js';
import type { TypeKind } from './values.js';

/** A Relation is what later objects may read: a built table or view and its output columns. */
export interface Relation {
  schema: string;
  name: string;
  columns: string[];
  kinds: Map<string, TypeKind>;
  /** The single-column primary key and its spec type, for foreign keys. */
  primaryKey?: { column: string; type: string };
}

/** A BuildContext holds what has been built so far, for the objects that refer to it. */
export interface BuildContext {
  namespaces: Set<string>;
  enums: Map<string, { def: EnumDef; values: string[] }>;
  functions: Map<string, { def: RoutineDef; spec: FunctionSpec }>;
  triggerFunctions: Map<string, RoutineDef>;
  relations: Map<string, Relation>;
  /** Relation names taken per schema (tables, views, indexes, constraint indexes). */
  claimed: Set<string>;
  /** Claims a relation name; false when it is taken. */
  claim(schema: string, name: string): boolean;
}

/** The spec as pgform definitions, in declaration order. */
export function specDefinitions(spec: Spec): Definition[] {
  const ctx: BuildContext = {
    namespaces: new Set(['public', ...spec.namespaces]),
    enums: new Map(),
    functions: new Map(),
    triggerFunctions: new Map(),
    relations: new Map(),
    claimed: new Set(),
    claim(schema, name) {
      const key = objectId(schema, name);
      if (this.claimed.has(key)) return false;
      this.claimed.add(key);
      return true;
    },
  };
  const definitions: Definition[] = [];
  for (const name of spec.namespaces) if (name !== 'public') definitions.push(namespace(name));
  for (const en of spec.enums) {
    if (!ctx.namespaces.has(en.schema) || ctx.enums.has(en.name) || en.values.length === 0) continue;
    const def = enumType(en.name, en.values, { schema: en.schema, ...(en.comment !== undefined ? { description: en.comment } : {}) });
    ctx.enums.set(en.name, { def, values: en.values });
    definitions.push(def);
  }
  for (const fn of spec.triggerFunctions) {
    if (ctx.triggerFunctions.has(fn.name)) continue;
    const def = triggerFunction(fn.name, { body: triggerBody(fn), ...(fn.comment !== undefined ? { description: fn.comment } : {}) });
    ctx.triggerFunctions.set(fn.name, def);
    definitions.push(def);
  }
  // Functions may read tables; their bodies are resolved against the tables the spec keeps.
  const tableKeys = new Set(spec.tables.filter((t) => ctx.namespaces.has(t.schema)).map((t) => objectId(t.schema, t.name)));
  for (const fn of spec.functions) {
    if (!ctx.namespaces.has(fn.schema) || [...ctx.functions.values()].some((f) => f.spec.name === fn.name)) continue;
    const def = functionDefinition(fn, fn.reads && tableKeys.has(fn.reads) ? fn.reads : undefined);
    ctx.functions.set(fn.name, { def, spec: fn });
    definitions.push(def);
  }
  for (const table of spec.tables) {
    const def = buildTable(table, ctx);
    if (def) definitions.push(def);
  }
  for (const v of spec.views) {
    const def = buildView(v, ctx);
    if (def) definitions.push(def);
  }
  return definitions;
}

const built = new Map<string, Schema>();

/**
 * The model of a spec, as the definitions loader would build it. Generating a pair builds the
 * same specs several times (exclusions, the no-op filter, the run), and each definition records
 * its call site, so models are kept by spec text (a copy is returned: callers may change it).
 */
export function specSchema(spec: Spec): Schema {
  const text = JSON.stringify(spec);
  let schema = built.get(text);
  if (!schema) {
    schema = buildSchema(specDefinitions(spec), { externalNamespaces });
    if (built.size >= 256) built.delete(built.keys().next().value!);
    built.set(text, schema);
  }
  return structuredClone(schema);
}

function triggerBody(fn: TriggerFunctionSpec): string {
  const bodies = [
    '\nBEGIN\n  RETURN NEW;\nEND;\n',
    "\nBEGIN\n  IF TG_OP = 'DELETE' THEN\n    RETURN OLD;\n  END IF;\n  RETURN NEW;\nEND;\n",
    '\nBEGIN\n  RETURN NULL;\nEND;\n',
  ];
  return bodies[fn.variant]!;
}

function functionDefinition(fn: FunctionSpec, reads: string | undefined): RoutineDef {
  const value = fn.argument ? ident(fn.argument.name) : 'auth.uid()';
  const integer = fn.returns === 'integer';
  const rows = reads ? (integer ? ` + (SELECT count(*) FROM ${relationName(reads)})::integer` : ` OR EXISTS (SELECT 1 FROM ${relationName(reads)})`) : '';
  const test = [`${value} IS NOT NULL`, `(${value} IS NOT NULL AND current_user IS NOT NULL)`][fn.variant]!;
  const result = integer ? `CASE WHEN ${test} THEN 1 ELSE 0 END${rows}` : `${test}${rows}`;
  const body = fn.language === 'sql' ? `SELECT ${result}` : `\nBEGIN\n  RETURN ${result};\nEND;\n`;
  return rpc(fn.name, {
    schema: fn.schema,
    ...(fn.argument ? { args: { [fn.argument.name]: fn.argument.type } } : {}),
    returns: fn.returns ?? 'boolean',
    language: fn.language,
    volatility: fn.volatility,
    ...(fn.securityDefiner ? { security: 'definer' as const, set: { search_path: '' } } : {}),
    body,
    ...(fn.grants ? { grants: fn.grants } : {}),
    ...(fn.comment !== undefined ? { description: fn.comment } : {}),
  });
}

/** `public.accounts` -> `"public"."accounts"` for a relation key the builder made. */
export function relationName(key: string): string {
  const dot = key.startsWith('"') ? key.indexOf('".') + 1 : key.indexOf('.');
  const part = (text: string) => (text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text);
  return qualified(part(key.slice(0, dot)), part(key.slice(dot + 1)));
}

/** A call of a spec function with an argument of its type, for policies. */
export function functionCall(fn: FunctionSpec): string {
  const argument = fn.argument ? { uuid: 'auth.uid()', text: "'x'", integer: '1' }[fn.argument.type] : '';
  return `${qualified(fn.schema, fn.name)}(${argument})${fn.returns === 'integer' ? ' > 0' : ''}`;
}

function buildView(spec: ViewSpec, ctx: BuildContext): Definition | undefined {
  const base = ctx.relations.get(spec.base);
  if (!base || !ctx.namespaces.has(spec.schema)) return undefined;
  if (exclusions.viewOnQuotedRelation && base.name.includes('"')) return undefined;
  const columns = [...new Set(spec.columns.filter((c) => base.columns.includes(c)))];
  const cast = spec.cast && base.columns.includes(spec.cast) && !columns.includes(`${spec.cast}_text`) ? spec.cast : undefined;
  if (columns.length === 0 || !ctx.claim(spec.schema, spec.name)) return undefined;
  const filter = spec.filter && base.columns.includes(spec.filter) ? ` WHERE ${ident(spec.filter)} IS NOT NULL` : '';
  const called = spec.call ? ctx.functions.get(spec.call)?.spec : undefined;
  const fn = called && !(exclusions.viewOnQuotedRelation && called.name.includes('"')) ? called : undefined;
  const call = fn && !columns.includes('allowed') && cast !== 'allowed' ? 'allowed' : undefined;
  const select = [...columns.map(ident), ...(cast ? [`${ident(cast)}::text AS ${ident(`${cast}_text`)}`] : []), ...(fn && call ? [`${functionCall(fn)} AS ${ident(call)}`] : [])];
  const query = `SELECT ${select.join(', ')} FROM ${qualified(base.schema, base.name)}${filter}`;
  const outputs = [...columns, ...(cast ? [`${cast}_text`] : []), ...(call ? [call] : [])];
  const kinds = new Map(outputs.map((c) => [c, base.kinds.get(c) ?? 'text']));
  if (cast) kinds.set(`${cast}_text`, 'text');
  if (call) kinds.set(call, 'bool');
  ctx.relations.set(objectId(spec.schema, spec.name), { schema: spec.schema, name: spec.name, columns: outputs, kinds });
  const comments = spec.columnComment && outputs.includes(spec.columnComment.column) ? { [spec.columnComment.column]: spec.columnComment.text } : undefined;
  const common = {
    schema: spec.schema,
    query,
    ...(comments ? { columns: comments } : {}),
    ...(spec.comment !== undefined ? { description: spec.comment } : {}),
    grants: spec.grants.map((role) => ({ to: role, privileges: ['select'] })),
  };
  if (!spec.materialized) return view(spec.name, { ...common, ...(spec.securityInvoker ? { securityInvoker: true } : {}) });
  const indexName = `${spec.name}_key`;
  const index = spec.index && ctx.claim(spec.schema, indexName) ? { [indexName]: { on: [ident(outputs[0]!)], unique: true } } : undefined;
  return materializedView(spec.name, { ...common, ...(index ? { indexes: index } : {}) });
}
