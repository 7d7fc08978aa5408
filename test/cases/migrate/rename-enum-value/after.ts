import { enumType, table, uuid } from 'pgform';

export const color = enumType('color', ['red', 'green', 'blue', 'black'], { renamedValues: { green: 'grean' } });
export const things = table('things', { columns: { id: uuid().primaryKey().defaultRandom(), color: color.column().notNull().default('green') } });
