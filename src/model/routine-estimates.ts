/**
 * The planner's estimates a function carries (COST, ROWS) and PostgreSQL's defaults for them:
 * a model holds an estimate only when it differs from its default, so a function declared
 * without one equals the same function read back.
 */

/** The default COST: 1 for C-language and internal functions, 100 for every other language. */
export function defaultRoutineCost(language: string): number {
  return language === 'c' || language === 'internal' ? 1 : 100;
}

/** The default ROWS of a set-returning function. */
export const defaultRoutineRows = 1000;

/** Whether a function's result (as pg_get_function_result prints it) is a set: `SETOF ...` or `TABLE(...)`. */
export function returnsSet(returns: string | undefined): boolean {
  return returns !== undefined && /^\s*(SETOF\s|TABLE\s*\()/i.test(returns);
}
