import { policy, table, uuid } from 'pgform';

export const notes = table('notes', { columns: { id: uuid().primaryKey() }, rls: true });

export const notesReadable = policy('notes are readable', { on: 'notes', for: 'select', using: 'true' });
