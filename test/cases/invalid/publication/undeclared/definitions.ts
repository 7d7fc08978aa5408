import { bigint, table } from 'pgform';

export const orders = table('orders', {
  columns: { id: bigint().primaryKey() },
  publications: ['orders_feed'],
});
