import { boolean, integer, jsonb, sql, table, text, timestamptz, uuid } from 'pgform';
import { adminViewPolicy, libraryPolicies, ownerColumn, ownRowPolicies, serviceRolePolicy, timestamps, updatedAtTrigger } from './common.js';

const group = 'Communication';

export const callLogs = table('call_logs', {
  group,
  description: 'Phone call logs with recordings: AI voice calls through ElevenLabs and logged phone calls, with transcript and AI summary',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    agent_id: uuid().references('agent_config', 'id', { onDelete: 'set null' }).index().describe('AI agent on the call, if any'),
    conversation_id: uuid().references('ai_agent_conversations', 'id', { onDelete: 'set null' }).index().describe('Conversation record of the call'),
    transaction_id: uuid().references('transactions', 'id', { onDelete: 'set null' }).index().describe('Deal the call is about'),
    direction: text().notNull().default('outbound').oneOf(['inbound', 'outbound']).describe('Call direction'),
    call_type: text().notNull().default('phone').oneOf(['phone', 'elevenlabs', 'role_play', 'voicemail']).describe('Kind of call'),
    from_number: text().describe('Caller number (E.164)'),
    to_number: text().describe('Callee number (E.164)'),
    contact_name: text().describe('Name of the other party'),
    status: text()
      .notNull()
      .default('initiated')
      .oneOf(['initiated', 'ringing', 'in_progress', 'completed', 'failed', 'no_answer', 'busy', 'cancelled'])
      .describe('Call state'),
    started_at: timestamptz().describe('When the call connected'),
    ended_at: timestamptz().describe('When the call ended'),
    duration_seconds: integer().check(sql`duration_seconds IS NULL OR duration_seconds >= 0`).describe('Call length'),
    recording_url: text().describe('Recording (storage path or provider URL)'),
    transcript: text().describe('Plain transcript'),
    transcript_segments: jsonb().notNull().default([]).describe('Transcript turns with speaker and timestamps'),
    summary: text().describe('AI summary'),
    sentiment: text().oneOf(['positive', 'neutral', 'negative', 'mixed']).describe('Overall sentiment'),
    elevenlabs_conversation_id: text().unique().describe('ElevenLabs conversation id (set by the ElevenLabs webhook)'),
    credits_used: integer().notNull().default(0).check(sql`credits_used >= 0`).describe('Credits charged'),
    metadata: jsonb().notNull().default({}).describe('Provider payload'),
    ...timestamps(),
  },
  checks: { call_logs_times_check: sql`ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at` },
  indexes: { idx_call_logs_user_created: { on: ['user_id', 'created_at DESC'] } },
  triggers: updatedAtTrigger('call_logs'),
  rls: true,
  policies: { ...ownRowPolicies('call logs'), ...adminViewPolicy('call logs'), ...serviceRolePolicy('call logs') },
});

export const emailTemplates = table('email_templates', {
  group,
  description: 'Reusable email templates: system templates (user_id NULL) and user templates',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ nullable: true, description: 'Clerk id of the owner; NULL for system templates' }),
    name: text().notNull().describe('Template name'),
    subject: text().notNull().describe('Subject line with {{variables}}'),
    body_html: text().describe('HTML body with {{variables}}'),
    body_text: text().describe('Plain-text body'),
    category: text()
      .notNull()
      .default('general')
      .oneOf(['general', 'prospecting', 'follow_up', 'listing', 'buyer', 'nurture', 'newsletter', 'market_update', 'closing'])
      .describe('Use case'),
    variables: text().array().notNull().default(sql`'{}'::text[]`).describe('Variables used'),
    is_active: boolean().notNull().default(true).describe('Inactive templates are hidden'),
    usage_count: integer().notNull().default(0).check(sql`usage_count >= 0`).describe('Times used in campaigns'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('email_templates'),
  rls: true,
  policies: libraryPolicies('email templates', 'is_active'),
});

export const emailCampaigns = table('email_campaigns', {
  group,
  description: 'Email campaign management: one-off and scheduled sends with delivery statistics',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    template_id: uuid().references('email_templates', 'id', { onDelete: 'set null' }).index().describe('Email template used'),
    campaign_template_id: uuid().references('campaign_templates', 'id', { onDelete: 'set null' }).index().describe('Campaign template (drip) it came from'),
    name: text().notNull().describe('Campaign name'),
    subject: text().notNull().describe('Subject line'),
    body_html: text().describe('HTML body'),
    body_text: text().describe('Plain-text body'),
    from_name: text().describe('Sender name'),
    reply_to: text().describe('Reply-to address'),
    status: text()
      .notNull()
      .default('draft')
      .oneOf(['draft', 'scheduled', 'sending', 'sent', 'paused', 'cancelled', 'failed'])
      .describe('Campaign state'),
    audience: jsonb().notNull().default({}).describe('Audience filter or CRM segment'),
    recipients: jsonb().notNull().default([]).describe('Resolved recipient list'),
    recipient_count: integer().notNull().default(0).check(sql`recipient_count >= 0`).describe('Number of recipients'),
    scheduled_at: timestamptz().describe('Planned send time'),
    sent_at: timestamptz().describe('Actual send time'),
    sent_count: integer().notNull().default(0).check(sql`sent_count >= 0`).describe('Emails sent'),
    open_count: integer().notNull().default(0).check(sql`open_count >= 0`).describe('Opens'),
    click_count: integer().notNull().default(0).check(sql`click_count >= 0`).describe('Clicks'),
    bounce_count: integer().notNull().default(0).check(sql`bounce_count >= 0`).describe('Bounces'),
    unsubscribe_count: integer().notNull().default(0).check(sql`unsubscribe_count >= 0`).describe('Unsubscribes'),
    provider: text().describe('Sending provider (Gmail, Outlook, ESP)'),
    external_service_connection_id: uuid().references('external_service_connections', 'id', { onDelete: 'set null' }).index().describe('Connected mailbox used to send'),
    ...timestamps(),
  },
  indexes: { idx_email_campaigns_user_status: { on: ['user_id', 'status'] } },
  triggers: updatedAtTrigger('email_campaigns'),
  rls: true,
  policies: { ...ownRowPolicies('email campaigns'), ...adminViewPolicy('email campaigns') },
});
