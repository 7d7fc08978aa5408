import { bigint, publication, table, text } from 'pgform';

export const messages = table('messages', {
  description: 'Chat messages, streamed to clients by Supabase Realtime.',
  columns: {
    id: bigint().primaryKey(),
    body: text().notNull(),
  },
  realtime: true,
  replicaIdentity: 'full',
  storage: { fillfactor: 80 },
});

export const audit = table('audit', {
  columns: { id: bigint().primaryKey(), line: text() },
  publications: ['audit_feed'],
});

export const auditFeed = publication('audit_feed', { publish: ['insert'] });
