// A JavaScript file (TypeScript's own check would refuse this file): the brace never closes.
import { table, uuid } from 'pgform';

export const leads = table('leads', {
  columns: { id: uuid().primaryKey() ,
