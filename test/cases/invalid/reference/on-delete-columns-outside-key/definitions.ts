import { integer, table, text } from 'pgform';

export const projects = table('projects', { columns: { tenant: integer().notNull(), id: integer().notNull() }, primaryKey: ['tenant', 'id'] });

export const tasks = table('tasks', {
  columns: { id: integer().primaryKey(), tenant: integer().notNull(), project_id: integer(), title: text() },
  foreignKeys: [{ columns: ['tenant', 'project_id'], references: projects, referencedColumns: ['tenant', 'id'], onDelete: 'set null', onDeleteColumns: ['title'] }],
});
