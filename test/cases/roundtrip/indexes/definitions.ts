import { integer, jsonb, sql, table, text, timestamptz, uuid } from 'pgform';

export const events = table('events', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().notNull().index(),
    kind: text().notNull(),
    email: text(),
    payload: jsonb().notNull().default({}),
    score: integer(),
    created_at: timestamptz().notNull().defaultNow().index({ name: 'events_created_at_desc', descending: true }),
    deleted_at: timestamptz(),
  },
  indexes: {
    events_tenant_kind: { on: ['tenant_id', 'kind'], description: 'Per-tenant filtering by kind' },
    events_email_lower: { on: ['lower(email)'], unique: true, where: sql`deleted_at IS NULL` },
    events_score_nulls: { on: ['score DESC NULLS LAST', 'created_at NULLS FIRST'] },
    events_payload: { on: ['payload'], using: 'gin' },
    events_payload_path: { on: ['payload jsonb_path_ops'], using: 'gin' },
    events_kind_hash: { on: ['kind'], using: 'hash' },
    events_created_brin: { on: ['created_at'], using: 'brin' },
    events_tenant_covering: { on: ['tenant_id'], include: ['kind', 'score'] },
    events_active: { on: ['tenant_id', 'created_at DESC'], where: sql`deleted_at IS NULL AND kind <> 'noise'` },
  },
});
