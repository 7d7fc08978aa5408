import { inRolledBackTransaction, inTransaction, type Connection } from '../engine/connection.js';
import { introspect } from '../introspect/index.js';
import { objectId, routineId } from '../model/id.js';
import { managedNamespaces, type Routine, type Schema, type SourceLocation } from '../model/schema.js';
import type { Plan, Step } from '../plan/index.js';
import { splitByLockBudget } from '../plan/lock-budget.js';
import { routineSql } from '../plan/sql/routine.js';
import { applyPlan, statementError, type Locate } from './apply.js';
import type { CanonicalOptions } from './stored-keys.js';

/**
 * Applies the definitions and reads them back. On a database that must be left as it was, all in
 * one rolled-back transaction. On a disposable one, committed in runs that fit a default server's
 * lock table (one transaction creating thousands of tables exhausts it), which also spares the
 * embedded engine the memory of one huge transaction; then the read starts on a renewed engine,
 * without the caches the creation grew. The plan's steps are let go once applied: on thousands
 * of tables the read needs their memory.
 */
export async function printOnServer(schema: Schema, plan: Plan, conn: Connection, options: CanonicalOptions, disposable: boolean, withDependencies = false): Promise<Schema> {
  const locate = locator(schema);
  // The printed forms are merged into the declared model, which holds no catalog edges and no
  // unmanaged objects: they are the largest part of the read, and only a caller that goes on to
  // plan changes in the printing database (see IncrementalPrinter) asks for them.
  const read = () => readPrinted(conn, schema, options, withDependencies);
  if (!disposable) {
    return inRolledBackTransaction(conn, async () => {
      await applyPlan(conn, { steps: takeSteps(plan) }, locate);
      await checkRoutineBodies(conn, schema, locate);
      return read();
    });
  }
  // Each run is let go once applied, as the plan's steps are.
  const runs = splitByLockBudget(takeSteps(plan));
  for (let run = runs.shift(); run; run = runs.shift()) {
    const steps = run;
    await inTransaction(conn, () => applyPlan(conn, { steps }, locate));
  }
  await inTransaction(conn, () => checkRoutineBodies(conn, schema, locate));
  await conn.renew?.();
  return read();
}

/**
 * Reads a printing database back: the namespaces `schema` manages, with the catalog's dependency
 * edges only when asked (the printed forms are merged into a declared model, which holds none).
 */
export function readPrinted(conn: Connection, schema: Schema, options: CanonicalOptions, withDependencies = false): Promise<Schema> {
  return introspect(conn, { namespaces: managedNamespaces(schema), externalNamespaces: options.externalNamespaces, dependencies: withDependencies });
}

/** The plan's steps, left to the caller alone: the plan keeps none. */
function takeSteps(plan: Plan): Step[] {
  const { steps } = plan;
  plan.steps = [];
  return steps;
}

/** Re-creates every routine with body checking on, now that everything it reads exists. */
export async function checkRoutineBodies(conn: Connection, schema: Schema, locate: Locate): Promise<void> {
  const routines = Object.values(schema.routines);
  if (routines.length === 0) return;
  await conn.exec('SET LOCAL check_function_bodies = on');
  for (const routine of routines) {
    const sql = routineSql(routine, true);
    try {
      await conn.exec(sql);
    } catch (error) {
      const id = objectId(routine.schema, routine.name);
      const step: Step = { sql, kind: 'create routine', object: id, owner: id, hazards: [], transactional: true };
      throw statementError(error, step, { ...locate(step), object: routineKey(routine) });
    }
  }
}

function routineKey(routine: Routine): string {
  return routineId(routine.schema, routine.name, routine.arguments.filter((a) => a.mode !== 'out').map((a) => a.type));
}

/** Maps a plan step back to the definition that declared its object, looking first where its kind lives. */
export function locator(schema: Schema): Locate {
  const maps = {
    relation: new Map<string, SourceLocation>(),
    routine: new Map<string, SourceLocation>(),
    type: new Map<string, SourceLocation>(),
    sequence: new Map<string, SourceLocation>(),
    extension: new Map<string, SourceLocation>(),
    trigger: new Map<string, SourceLocation>(),
  };
  const add = (map: Map<string, SourceLocation>, id: string, source?: SourceLocation) => source && !map.has(id) && map.set(id, source);
  for (const t of Object.values(schema.tables)) add(maps.relation, objectId(t.schema, t.name), t.source);
  for (const v of Object.values(schema.views)) add(maps.relation, objectId(v.schema, v.name), v.source);
  for (const r of Object.values(schema.routines)) add(maps.routine, objectId(r.schema, r.name), r.source);
  for (const a of Object.values(schema.aggregates ?? {})) add(maps.routine, objectId(a.schema, a.name), a.source);
  for (const e of Object.values(schema.enums)) add(maps.type, objectId(e.schema, e.name), e.source);
  for (const d of Object.values(schema.domains)) add(maps.type, objectId(d.schema, d.name), d.source);
  for (const c of Object.values(schema.composites ?? {})) add(maps.type, objectId(c.schema, c.name), c.source);
  for (const r of Object.values(schema.ranges ?? {})) add(maps.type, objectId(r.schema, r.name), r.source);
  for (const q of Object.values(schema.sequences)) add(maps.sequence, objectId(q.schema, q.name), q.source);
  for (const x of Object.values(schema.extensions)) add(maps.extension, x.name, x.source);
  for (const [table, external] of Object.entries(schema.externalTables ?? {})) {
    for (const trigger of Object.values(external.triggers)) add(maps.trigger, `${table} (trigger ${trigger.name})`, trigger.source);
    for (const policy of Object.values(external.policies)) add(maps.relation, `${table} (policy ${policy.name})`, policy.source);
  }
  const first = (kind: Step['kind']): Map<string, SourceLocation>[] => {
    if (/enum|domain|composite|range/.test(kind)) return [maps.type];
    if (/routine|aggregate/.test(kind)) return [maps.routine];
    if (/sequence/.test(kind)) return [maps.sequence];
    if (/extension/.test(kind)) return [maps.extension];
    if (/trigger/.test(kind)) return [maps.trigger];
    return [];
  };
  return (step) => {
    const base = step.object.split(' (')[0]!.replace(/\(.*\)$/, '');
    const candidates = [step.object, step.owner, base];
    for (const map of [...first(step.kind), maps.relation, maps.routine, maps.type, maps.sequence, maps.extension, maps.trigger]) {
      for (const candidate of candidates) {
        const source = map.get(candidate);
        if (source) return { file: source.file, line: source.line };
      }
    }
    return undefined;
  };
}
