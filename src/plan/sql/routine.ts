import type { Change } from '../../model/change.js';
import type { Routine } from '../../model/schema.js';
import { argumentSql, routineSignature } from './names.js';
import { dollarQuoted, ident, literal, qualified } from '../../sql/quote.js';
import { statement, type Render } from './step.js';

/** Settings whose stored value is a list of names (PostgreSQL's GUC_LIST_QUOTE ones). */
const listSettings = new Set(['search_path', 'temp_tablespaces', 'session_preload_libraries', 'local_preload_libraries', 'shared_preload_libraries']);

/** A `SET` clause from a stored setting: `search_path=""` becomes `SET search_path TO ''`. */
function settingSql(name: string, value: string): string {
  if (!listSettings.has(name)) return `SET ${ident(name)} TO ${literal(value)}`;
  const items = value.trim() === '' ? [''] : value.split(',').map((item) => item.trim());
  const quoted = items.map((item) => literal(item.startsWith('"') && item.endsWith('"') ? item.slice(1, -1).replace(/""/g, '"') : item));
  return `SET ${ident(name)} TO ${quoted.join(', ')}`;
}

/** CREATE OR REPLACE FUNCTION / PROCEDURE with every option spelled out. */
export function routineSql(routine: Routine, orReplace: boolean): string {
  const head = `CREATE${orReplace ? ' OR REPLACE' : ''} ${routine.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'}`;
  const args = routine.arguments.map((a) => argumentSql(a, true)).join(', ');
  const lines = [`${head} ${qualified(routine.schema, routine.name)}(${args})`];
  if (routine.kind === 'function') lines.push(` RETURNS ${routine.returns ?? 'void'}`);
  lines.push(` LANGUAGE ${ident(routine.language)}`);
  if (routine.transforms?.length) lines.push(` TRANSFORM ${routine.transforms.map((type) => `FOR TYPE ${type}`).join(', ')}`);
  if (routine.kind === 'function') {
    lines.push(` ${routine.volatility.toUpperCase()}`);
    if (routine.strict) lines.push(' STRICT');
    if (routine.leakproof) lines.push(' LEAKPROOF');
    if (routine.parallel !== 'unsafe') lines.push(` PARALLEL ${routine.parallel.toUpperCase()}`);
    if (routine.cost !== undefined) lines.push(` COST ${routine.cost}`);
    if (routine.rows !== undefined) lines.push(` ROWS ${routine.rows}`);
    if (routine.support !== undefined) lines.push(` SUPPORT ${routine.support}`);
  }
  if (routine.securityDefiner) lines.push(' SECURITY DEFINER');
  for (const [name, value] of Object.entries(routine.settings).sort(([a], [b]) => a.localeCompare(b))) lines.push(` ${settingSql(name, value)}`);
  lines.push(routine.standardBody ? `\n${routine.body.trim()}` : `\nAS ${dollarQuoted(routine.body)}`);
  return lines.join('');
}

export const createRoutine: Render<Extract<Change, { kind: 'create routine' }>> = ({ routine }) => [statement(routineSql(routine, false))];

/** CREATE OR REPLACE keeps grants and dependents; the planner drops first when it cannot. */
export const replaceRoutine: Render<Extract<Change, { kind: 'replace routine' }>> = ({ to }) => [statement(routineSql(to, true))];

export const dropRoutine: Render<Extract<Change, { kind: 'drop routine' }>> = ({ routine }) => [
  statement(`DROP ${routine.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${routineSignature(routine)}`),
];
