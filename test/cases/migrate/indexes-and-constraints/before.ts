import { integer, sql, table, text, uuid } from 'pgform';

export const parents = table('parents', { columns: { id: uuid().primaryKey().defaultRandom(), code: text().notNull().unique() } });
export const children = table('children', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    parent_id: uuid().references('parents', 'id', { onDelete: 'cascade' }),
    rank: integer().notNull().default(1),
    label: text(),
  },
  checks: { children_rank_positive: sql`rank > 0` },
  indexes: { children_parent: { on: ['parent_id'] }, children_label: { on: ['lower(label)'] } },
});
