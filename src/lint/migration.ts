import { PgformError } from '../errors.js';
import { splitStatements } from '../migrate/split.js';
import { readStatement, type Action } from './sql-reader.js';

/** A MigrationStatement is one statement of a migration file as the migration rules see it. */
export interface MigrationStatement {
  /** 1-based line of the statement's first character. */
  line: number;
  sql: string;
  actions: Action[];
  /** Tables created earlier in the same file: statements on them lock nobody out. */
  createdBefore: Pick<ReadonlySet<string>, 'has'>;
  /** Whether a `SET lock_timeout` ran earlier in the file. */
  lockTimeoutSet: boolean;
  /** `-- pgform-lint allow <rule>: <reason>` comments right before the statement. */
  allow?: Record<string, string>;
}

/** A MigrationText is one migration file (or plan) read for the migration rules. */
export interface MigrationText {
  /** The file as shown in findings: `migrations/20240101000000_add_email.sql`. */
  file: string;
  statements: MigrationStatement[];
}

const allowComment = /^\s*--\s*pgform-lint\s+allow\s+([A-Za-z0-9_]+)\s*(?::\s*(.*?))?\s*$/;

/** Reads the suppressions in the comments between two statements; a suppression without a reason is refused. */
function suppressions(between: string, file: string, firstLine: number): Record<string, string> | undefined {
  const allow: Record<string, string> = {};
  between.split('\n').forEach((text, k) => {
    const match = allowComment.exec(text);
    if (!match) return;
    const [, rule, reason] = match;
    if (!reason) throw new PgformError('MIGRATION_INVALID', `lint suppression of ${rule} needs a reason: -- pgform-lint allow ${rule}: <why>`, { file, line: firstLine + k, field: `lint.allow.${rule}` });
    allow[rule!] = reason;
  });
  return Object.keys(allow).length ? allow : undefined;
}

/** Splits and reads a migration file's text, tracking what each statement can know of the ones before it. */
export function readMigrationText(text: string, file: string): MigrationText {
  // Each table with the index of the statement that created it: one map for the whole file, where
  // a copy of the tables so far for each statement grew with the square of a large file (22,000
  // statements after 2,000 tables' creation: over 100 MB).
  const createdAt = new Map<string, number>();
  const create = (table: string, index: number) => createdAt.has(table) || createdAt.set(table, index);
  let lockTimeoutSet = false;
  let previousEnd = 0;
  let previousEndLine = 1;
  const statements: MigrationStatement[] = [];
  for (const statement of splitStatements(text)) {
    const allow = suppressions(text.slice(previousEnd, statement.offset), file, previousEndLine);
    const actions = readStatement(statement.sql);
    const index = statements.length;
    const createdBefore = { has: (table: string) => (createdAt.get(table) ?? index) < index };
    statements.push({ line: statement.line, sql: statement.sql, actions, createdBefore, lockTimeoutSet, ...(allow ? { allow } : {}) });
    for (const action of actions) {
      if (action.kind === 'create table' || action.kind === 'create materialized view') create(action.table, index);
      if (action.kind === 'rename table' && createdAt.has(action.table)) create(action.to.includes('.') ? action.to : `${action.table.split('.')[0]}.${action.to}`, index);
      if (action.kind === 'set' && action.name === 'lock_timeout') lockTimeoutSet = true;
    }
    previousEnd = statement.offset + statement.sql.length;
    previousEndLine = statement.line + (statement.sql.match(/\n/g)?.length ?? 0);
  }
  return { file, statements };
}
