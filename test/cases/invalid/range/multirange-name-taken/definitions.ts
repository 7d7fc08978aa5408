import { enumType, rangeType } from 'pgform';

export const spans = enumType('spans', ['short', 'long']);

export const span = rangeType('span', { subtype: 'integer', multirange: 'spans' });
