import { aggregate } from 'pgform';

export const runningTotal = aggregate('running_total', {
  args: { $1: 'integer' },
  sfunc: 'int4pl',
  stype: 'integer',
  msfunc: 'int4pl',
  mstype: 'integer',
});
