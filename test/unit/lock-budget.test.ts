import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/plan/index.js';
import { relationsCreated, splitByLockBudget } from '../../src/plan/lock-budget.js';

const step = (kind: Step['kind'], sql: string): Step => ({ kind, sql, object: 'public.t', owner: 'public.t', hazards: [], transactional: true });

describe('the lock budget of a transaction', () => {
  it('counts the relations each statement creates', () => {
    expect(relationsCreated(step('create table', 'CREATE TABLE t (id uuid, CONSTRAINT t_pkey PRIMARY KEY (id), CONSTRAINT t_code_key UNIQUE (code))'))).toBe(5);
    expect(relationsCreated(step('create table', 'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, n bigserial)'))).toBe(5);
    expect(relationsCreated(step('create index', 'CREATE INDEX i ON t (a)'))).toBe(1);
    expect(relationsCreated(step('create view', 'CREATE MATERIALIZED VIEW m AS SELECT 1'))).toBe(3);
    expect(relationsCreated(step('create view', 'CREATE VIEW v AS SELECT 1'))).toBe(1);
    expect(relationsCreated(step('add constraint', 'ALTER TABLE t ADD CONSTRAINT k UNIQUE (a)'))).toBe(1);
    expect(relationsCreated(step('add constraint', 'ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)'))).toBe(0);
    expect(relationsCreated(step('set comment', "COMMENT ON TABLE t IS 'a UNIQUE table'"))).toBe(0);
  });

  it('cuts a plan into consecutive runs under the budget, in order, a too-large step alone', () => {
    const steps = [
      ...Array.from({ length: 7 }, (_, i) => step('create table', `CREATE TABLE t${i} (id int, PRIMARY KEY (id))`)),
      step('create view', 'CREATE MATERIALIZED VIEW m AS SELECT 1'),
      step('set comment', "COMMENT ON TABLE t0 IS 'x'"),
    ];
    const runs = splitByLockBudget(steps, 9);
    expect(runs.flat()).toEqual(steps);
    expect(runs.map((run) => run.reduce((sum, s) => sum + relationsCreated(s), 0))).toEqual([8, 8, 8, 7]);
    expect(splitByLockBudget(steps, 2).map((run) => run.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 2]);
    expect(splitByLockBudget([], 5)).toEqual([]);
  });
});
