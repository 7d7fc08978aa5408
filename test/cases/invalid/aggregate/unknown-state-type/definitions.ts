import { aggregate } from 'pgform';

export const total = aggregate('total', { args: { $1: 'integer' }, sfunc: 'public.add_money', stype: 'money_bag' });
