import type { Hit, RuleInfo } from '../rule.js';
import type { MigrationStatement, MigrationText } from '../migration.js';
import type { Action } from '../sql-reader.js';

/** A MigrationRule checks the statements of a migration file or a plan. */
export interface MigrationRule extends RuleInfo {
  check(migration: MigrationText): Hit[];
}

/** A hit on one statement: located at its line, carrying the suppressions written above it. */
export function statementHit(migration: MigrationText, statement: MigrationStatement, message: string): Hit {
  return {
    kind: 'statement',
    object: `${migration.file}:${statement.line}`,
    source: { file: migration.file, line: statement.line },
    ...(statement.allow ? { allow: statement.allow } : {}),
    message,
  };
}

/** Every action of the file with its statement, filtered by kind. */
export function actionsOf<K extends Action['kind']>(migration: MigrationText, kind: K): { statement: MigrationStatement; action: Extract<Action, { kind: K }> }[] {
  return migration.statements.flatMap((statement) => statement.actions.filter((action): action is Extract<Action, { kind: K }> => action.kind === kind).map((action) => ({ statement, action })));
}

/** Whether the action's table existed before the file ran (it was not created earlier in it). */
export const existing = (statement: MigrationStatement, table: string) => !statement.createdBefore.has(table);

/** A rule that reports each action of one kind on a table that already existed. */
export function onExisting<K extends Action['kind']>(kind: K, matches: (action: Extract<Action, { kind: K }>, statement: MigrationStatement) => boolean, message: (action: Extract<Action, { kind: K }>) => string) {
  return (migration: MigrationText): Hit[] =>
    actionsOf(migration, kind)
      .filter(({ statement, action }) => 'table' in action && existing(statement, (action as { table: string }).table) && matches(action, statement))
      .map(({ statement, action }) => statementHit(migration, statement, message(action)));
}
