import { enumType, table, uuid } from 'pgform';

export const color = enumType('color', ['red', 'grean', 'blue']);
export const things = table('things', { columns: { id: uuid().primaryKey().defaultRandom(), color: color.column().notNull().default('grean') } });
