import { integer, sql, table, text, uuid } from 'pgform';

export const parents = table('parents', { columns: { id: uuid().primaryKey().defaultRandom(), code: text().notNull().unique() } });
export const children = table('children', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    parent_id: uuid().references('parents', 'id', { onDelete: 'set null' }),
    rank: integer().notNull().default(1),
    label: text(),
  },
  checks: { children_rank_positive: sql`rank > 0 AND rank < 1000` },
  unique: [['parent_id', 'rank']],
  indexes: {
    children_parent_rank: { on: ['parent_id', 'rank DESC'], renamedFrom: 'children_parent' },
    children_label: { on: ['lower(label)'], where: sql`label IS NOT NULL` },
  },
});
