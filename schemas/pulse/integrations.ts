import { boolean, jsonb, sql, table, text, timestamptz, uuid } from 'pgform';
import { ownerColumn, ownRowPolicies, serviceRolePolicy, timestamps, updatedAtTrigger } from './common.js';

const group = 'Integrations';

export const externalServiceConnections = table('external_service_connections', {
  group,
  description: 'OAuth connections (Google, Microsoft, Zoom, LinkedIn, Meta) used by the agent tools; tokens are written by the OAuth Edge Functions',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    provider: text().notNull().oneOf(['google', 'microsoft', 'zoom', 'linkedin', 'meta']).describe('OAuth provider'),
    provider_account_id: text().notNull().describe("Account id at the provider"),
    account_email: text().describe('Email of the connected account'),
    account_name: text().describe('Display name of the connected account'),
    access_token: text().describe('OAuth access token (encrypted by the Edge Function before storage)'),
    refresh_token: text().describe('OAuth refresh token (encrypted by the Edge Function before storage)'),
    token_expires_at: timestamptz().describe('Access token expiry'),
    scopes: text().array().notNull().default(sql`'{}'::text[]`).describe('Granted scopes'),
    status: text().notNull().default('active').oneOf(['active', 'expired', 'revoked', 'error']).describe('Connection state'),
    last_synced_at: timestamptz().describe('Last successful use or sync'),
    error_message: text().describe('Last error'),
    metadata: jsonb().notNull().default({}).describe('Provider details (calendars, pages, ad accounts...)'),
    ...timestamps(),
  },
  unique: [['user_id', 'provider', 'provider_account_id']],
  triggers: updatedAtTrigger('external_service_connections'),
  rls: true,
  policies: { ...ownRowPolicies('service connections', ['select', 'update', 'delete']), ...serviceRolePolicy('service connections') },
});

export const crmConnections = table('crm_connections', {
  group,
  description: 'CRM integration data (Lofty, FollowUpBoss, SkySlope): credentials, sync settings and sync state per user and CRM',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    crm_provider: text().notNull().oneOf(['lofty', 'followupboss', 'skyslope']).describe('CRM'),
    account_name: text().describe('Account or team name in the CRM'),
    external_user_id: text().describe("The user's id in the CRM"),
    api_key: text().describe('API key (encrypted by the Edge Function before storage)'),
    access_token: text().describe('OAuth access token, for CRMs using OAuth (encrypted)'),
    refresh_token: text().describe('OAuth refresh token (encrypted)'),
    token_expires_at: timestamptz().describe('Access token expiry'),
    status: text().notNull().default('active').oneOf(['pending', 'active', 'error', 'disconnected']).describe('Connection state'),
    sync_enabled: boolean().notNull().default(true).describe('Whether scheduled sync runs'),
    sync_settings: jsonb().notNull().default({}).describe('What to sync (contacts, deals, tasks) and how often'),
    last_sync_at: timestamptz().describe('Last sync run'),
    last_sync_status: text().oneOf(['success', 'partial', 'failed']).describe('Result of the last sync'),
    sync_stats: jsonb().notNull().default({}).describe('Counts of the last sync'),
    error_message: text().describe('Last error'),
    ...timestamps(),
  },
  unique: [['user_id', 'crm_provider']],
  triggers: updatedAtTrigger('crm_connections'),
  rls: true,
  policies: { ...ownRowPolicies('CRM connections'), ...serviceRolePolicy('CRM connections') },
});
