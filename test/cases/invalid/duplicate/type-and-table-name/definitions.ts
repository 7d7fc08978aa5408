import { enumType, table, uuid } from 'pgform';

// A table brings a row type of its own name, so an enum cannot share it.
export const leadsEnum = enumType('leads', ['open', 'closed']);

export const leads = table('leads', { columns: { id: uuid().primaryKey() } });
