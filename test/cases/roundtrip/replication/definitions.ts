import { bigint, extension, materializedView, numeric, publication, table, text, timestamptz } from 'pgform';

export const hstore = extension('hstore', { version: '1.7' });

export const messages = table('messages', {
  columns: {
    id: bigint().primaryKey(),
    room: text().notNull(),
    body: text(),
    sent_at: timestamptz().notNull(),
  },
  storage: { fillfactor: 70, autovacuum_vacuum_scale_factor: 0.01, 'toast.autovacuum_enabled': false },
  replicaIdentity: 'full',
  realtime: true,
  indexes: { messages_room_idx: { on: ['room'], storage: { fillfactor: 80 } } },
});

export const rooms = table('rooms', {
  columns: {
    id: bigint().primaryKey(),
    code: text().notNull(),
    topic: text(),
  },
  indexes: { rooms_code_idx: { on: ['code'], unique: true } },
  replicaIdentity: { index: 'rooms_code_idx' },
  realtime: true,
  publications: ['chat_feed'],
});

export const payments = table('payments', {
  columns: {
    id: bigint().primaryKey(),
    status: text().notNull(),
    amount: numeric(),
  },
  replicaIdentity: 'nothing',
});

export const chatFeed = publication('chat_feed', {
  description: 'Messages for the search indexer',
  tables: [messages, { table: payments, columns: ['status', 'id'], where: "status <> 'draft'" }],
  publish: ['insert', 'update'],
});

export const everything = publication('everything', { allTables: true, viaRoot: true });

export const roomTotals = materializedView('room_totals', {
  query: 'SELECT room, count(*) AS messages FROM public.messages GROUP BY room',
  storage: { fillfactor: 60 },
  indexes: { room_totals_room_idx: { on: ['room'], storage: { fillfactor: 90 } } },
});
