import { bigint, table, text } from 'pgform';

export const rooms = table('rooms', {
  columns: { id: bigint().primaryKey(), code: text() },
  indexes: { rooms_code_idx: { on: ['code'] } },
  replicaIdentity: { index: 'rooms_code_idx' },
});
