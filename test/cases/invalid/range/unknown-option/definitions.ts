import { rangeType } from 'pgform';

// @ts-expect-error: the option is subtypeDiff
export const floatrange = rangeType('floatrange', { subtype: 'double precision', subtypeDif: 'float8mi' });
