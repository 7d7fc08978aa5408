import type { Step } from './index.js';

/**
 * How many relations one transaction may create before it risks PostgreSQL's shared lock table.
 * A transaction holds a lock on every relation it creates until it commits, and the table has
 * room for max_locks_per_transaction (64 by default) × the server's connection slots: about
 * 6,000–8,000 locks on a default server, fewer on a small hosted one. A first migration of a
 * 2,000-table schema creates ~15,000 relations (tables, TOAST tables, indexes, sequences).
 */
export const relationsPerTransaction = 1000;

/**
 * The relations a step creates, and so the locks it adds: a table with its TOAST table and TOAST
 * index, plus an index per key or exclusion constraint and a sequence per identity or serial
 * column; an index; a sequence; a view (a materialized one has storage and TOAST too).
 */
export function relationsCreated(step: Step): number {
  const keys = (step.sql.match(/\b(PRIMARY KEY|UNIQUE|EXCLUDE)\b/g) ?? []).length;
  switch (step.kind) {
    case 'create table':
      return 3 + keys + (step.sql.match(/\bAS IDENTITY\b|\b(small|big)?serial\b/gi) ?? []).length;
    case 'create view':
      return /^CREATE MATERIALIZED VIEW/i.test(step.sql) ? 3 : 1;
    case 'add constraint':
      return keys;
    case 'add column':
      return keys + (/\bAS IDENTITY\b|\b(small|big)?serial\b/i.test(step.sql) ? 1 : 0);
    case 'create index':
    case 'create sequence':
      return 1;
    default:
      return 0;
  }
}

/**
 * Consecutive runs of steps, in order, each creating at most `budget` relations (a single step
 * over the budget gets a run of its own). Each run can commit on its own without exhausting the
 * lock table; the order of the whole is unchanged.
 */
export function splitByLockBudget(steps: Step[], budget = relationsPerTransaction): Step[][] {
  const runs: Step[][] = [];
  let current: Step[] = [];
  let used = 0;
  for (const step of steps) {
    const cost = relationsCreated(step);
    if (current.length && cost > 0 && used + cost > budget) {
      runs.push(current);
      current = [];
      used = 0;
    }
    current.push(step);
    used += cost;
  }
  if (current.length) runs.push(current);
  return runs;
}
