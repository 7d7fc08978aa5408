import { table, text, uuid } from 'pgform';

// An object literal cannot hold a key twice, so the duplicate is made on the definition's data.
const declared = table('leads', { columns: { id: uuid().primaryKey(), email: text() } });

export const leads = { ...declared, columns: [...declared.columns, declared.columns[1]!] };
