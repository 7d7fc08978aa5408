import { rangeType } from 'pgform';

export const shifts = rangeType('shift_range', { subtype: 'shift_time' });
