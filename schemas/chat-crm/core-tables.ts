/*
 * Core Tables (seed tables 1-9): organisations and their users, messaging channels, the contacts
 * that write to them, every message, and the per-channel bot configuration (AI settings, agent
 * prompts, content collections, keyword automations).
 */
import { boolean, integer, jsonb, numeric, sql, table, text, timestamptz, uuid } from 'pgform';
import { groups, idColumn, myOrganization, organizationColumn, organizationPolicy, tableGrants } from './common.js';

const group = groups.core;
const platforms = ['whatsapp', 'facebook', 'instagram'] as const;

export const organizations = table('organizations', {
  group,
  description: 'Stores organization/company information. Each user belongs to one organization.',
  columns: {
    id: idColumn('Unique organization identifier'),
    name: text().notNull().check(sql`btrim(name) <> ''`).describe('Organization name'),
    created_at: timestamptz().notNull().defaultNow().describe('Creation timestamp'),
  },
  rls: true,
  policies: {
    'Users can manage their own organization': {
      for: 'all',
      to: 'authenticated',
      using: sql`id = ${myOrganization}`,
      withCheck: sql`id = ${myOrganization}`,
    },
  },
  grants: tableGrants,
});

export const profiles = table('profiles', {
  group,
  description: 'User profiles linked to Supabase auth users. One profile per user.',
  note: 'Created by `handle_new_user()` (trigger `on_auth_user_created` on `auth.users`) together with a new organization when a user signs up.',
  columns: {
    id: uuid().primaryKey().references('auth.users', 'id', { onDelete: 'cascade' }).describe('User ID from Supabase Auth'),
    organization_id: organizationColumn('profiles', 'Organization membership'),
    full_name: text().describe("User's full name"),
    role: text().notNull().default('admin').describe('User role'),
  },
  rls: true,
  policies: {
    'Users can manage their own profile': {
      for: 'all',
      to: 'authenticated',
      using: sql`id = ( SELECT auth.uid() )`,
      withCheck: sql`id = ( SELECT auth.uid() )`,
    },
  },
  grants: tableGrants,
});

export const channels = table('channels', {
  group,
  description: 'Communication channels (WhatsApp, Facebook, Instagram).',
  note: 'Create channels with `create_channel_and_config()`, which also writes the default `channel_configurations` row.',
  columns: {
    id: idColumn('Channel identifier'),
    organization_id: organizationColumn('channels', 'Owner organization'),
    name: text().notNull().describe('Channel display name'),
    platform: text().notNull().oneOf(platforms).describe('Platform type (whatsapp, facebook, instagram)'),
    platform_channel_id: text().unique().describe('External platform channel ID'),
    credentials: jsonb().describe('Platform API credentials (encrypted)'),
    is_active: boolean().notNull().default(true).describe('Channel active status'),
    created_at: timestamptz().notNull().defaultNow().describe('Creation timestamp'),
  },
  rls: true,
  policies: organizationPolicy('channels'),
  grants: tableGrants,
});

export const contacts = table('contacts', {
  group,
  description: 'Individual contacts/users communicating through channels.',
  note: [
    'One contact per platform user per channel. Each new contact gets a CRM client automatically (`on_new_contact_create_client`).',
    '`last_interaction_at`, `last_message_preview` and `unread_count` are kept by `messages_summary_trigger` on `messages`; read them with `get_contacts_for_channel()`.',
  ].join('\n\n'),
  columns: {
    id: idColumn('Contact identifier'),
    organization_id: organizationColumn('contacts'),
    channel_id: uuid().notNull().references('channels', 'id', { onDelete: 'cascade' }).index('idx_contacts_channel').describe('Associated channel'),
    platform: text().notNull().oneOf(platforms).describe('Platform type'),
    platform_user_id: text().notNull().index('idx_contacts_platform_user').describe('External user ID'),
    name: text().describe('Contact name'),
    avatar_url: text().describe('Profile picture URL'),
    ai_enabled: boolean().notNull().default(true).describe('AI bot enabled for this contact'),
    last_interaction_at: timestamptz().defaultNow().describe('Last message timestamp'),
    last_message_preview: text().describe('Preview of last message'),
    unread_count: integer().notNull().default(0).check(sql`unread_count >= 0`).describe('Number of unread messages'),
    created_at: timestamptz().notNull().defaultNow().describe('Creation timestamp'),
    updated_at: timestamptz().notNull().defaultNow().describe('Last update timestamp'),
  },
  unique: [{ columns: ['channel_id', 'platform_user_id'], name: 'contacts_channel_id_platform_user_id_key' }],
  indexes: {
    idx_contacts_channel_last_interaction: { on: ['channel_id', 'last_interaction_at DESC'], description: 'Inbox order: most recent conversations of a channel first' },
  },
  triggers: {
    on_new_contact_create_client: {
      timing: 'after',
      events: ['insert'],
      function: 'public.create_client_on_new_contact',
      description: 'Automatically creates CRM client record',
    },
  },
  rls: true,
  policies: organizationPolicy('contacts'),
  grants: tableGrants,
});

export const messages = table('messages', {
  group,
  description: 'All messages exchanged in conversations.',
  note: 'Every insert, delete, or change of read status refreshes the contact summary (`last_interaction_at`, `last_message_preview`, `unread_count`). Messages with `sender_type = \'user\'` count as incoming; unread means `is_read_by_agent = false`.',
  columns: {
    id: idColumn('Message identifier'),
    organization_id: organizationColumn('messages'),
    channel_id: uuid().notNull().references('channels', 'id', { onDelete: 'cascade' }).index('idx_messages_channel').describe('Channel'),
    contact_id: uuid().notNull().references('contacts', 'id', { onDelete: 'cascade' }).index('idx_messages_contact').describe('Contact'),
    message_platform_id: text().describe('External platform message ID'),
    sender_type: text().notNull().oneOf(['user', 'agent', 'ai', 'system']).describe('Who sent the message'),
    content_type: text().notNull().default('text').describe('Message type (text, image, audio)'),
    text_content: text().describe('Text content'),
    attachment_url: text().describe('Media attachment URL'),
    attachment_metadata: jsonb().describe('Media metadata'),
    is_read_by_agent: boolean().notNull().default(false).describe('Read status'),
    sent_at: timestamptz().notNull().defaultNow().index('idx_messages_sent_at').describe('Send timestamp'),
    platform_timestamp: timestamptz().describe("Platform's timestamp"),
  },
  indexes: {
    idx_messages_contact_sent_at: { on: ['contact_id', 'sent_at DESC'], description: 'Conversation view and latest-message lookup of the summary trigger' },
    idx_messages_contact_unread: {
      on: ['contact_id'],
      where: sql`sender_type = 'user' AND NOT is_read_by_agent`,
      description: 'Unread incoming messages, counted by the summary trigger',
    },
    idx_messages_platform_message: {
      on: ['channel_id', 'message_platform_id'],
      unique: true,
      where: sql`message_platform_id IS NOT NULL`,
      description: 'Webhook idempotency: one row per platform message per channel',
    },
  },
  triggers: {
    messages_summary_trigger: {
      timing: 'after',
      events: ['insert', 'update', 'delete'],
      updateOf: ['contact_id', 'text_content', 'content_type', 'is_read_by_agent', 'sent_at', 'sender_type'],
      function: 'public.update_contact_summary_on_message',
      description: 'Updates contact summary (last_interaction_at, last_message_preview, unread_count)',
    },
    trigger_create_activity_from_message: {
      timing: 'after',
      events: ['insert'],
      function: 'public.create_activity_from_message',
      enabled: 'disabled',
      description: 'Creates activity from AI messages (DISABLED)',
    },
  },
  rls: true,
  policies: organizationPolicy('messages'),
  grants: tableGrants,
});

export const channelConfigurations = table('channel_configurations', {
  group,
  description: 'Bot/AI configuration per channel.',
  columns: {
    channel_id: uuid().primaryKey().references('channels', 'id', { onDelete: 'cascade' }).describe('Channel'),
    organization_id: organizationColumn('channel_configurations'),
    ai_model: text().notNull().default('models/gemini-1.5-flash').describe('AI model to use'),
    ai_temperature: numeric(2, 1).notNull().default(0.7).check(sql`ai_temperature BETWEEN 0 AND 2`).describe('AI temperature setting'),
    is_bot_active: boolean().notNull().default(true).describe('Bot active status'),
    updated_at: timestamptz().notNull().defaultNow().describe('Last update'),
  },
  triggers: {
    trigger_channel_configurations_updated_at: { timing: 'before', events: ['update'], function: 'public.update_updated_at', description: 'Auto-updates `updated_at`' },
  },
  rls: true,
  policies: organizationPolicy('configurations'),
  grants: tableGrants,
});

export const agentPrompts = table('agent_prompts', {
  group,
  description: 'AI agent system prompts per channel.',
  columns: {
    id: idColumn('Prompt identifier'),
    organization_id: organizationColumn('agent_prompts'),
    channel_id: uuid().notNull().references('channels', 'id', { onDelete: 'cascade' }).describe('Channel'),
    agent_id: text().notNull().describe("Agent identifier (e.g., 'main_sales_agent')"),
    name: text().notNull().describe('Agent display name'),
    description: text().describe('Agent description'),
    system_prompt: text().notNull().describe('System prompt for AI'),
  },
  unique: [['channel_id', 'agent_id']],
  rls: true,
  policies: organizationPolicy('agent prompts'),
  grants: tableGrants,
});

export const contentCollections = table('content_collections', {
  group,
  description: 'Collections of content items for AI responses.',
  columns: {
    id: idColumn('Collection identifier'),
    organization_id: organizationColumn('content_collections'),
    channel_id: uuid().notNull().references('channels', 'id', { onDelete: 'cascade' }).describe('Channel'),
    collection_id: text().notNull().describe('Collection identifier'),
    name: text().notNull().describe('Collection display name'),
    items: text().array().describe('Array of content items'),
  },
  unique: [['channel_id', 'collection_id']],
  rls: true,
  policies: organizationPolicy('content collections'),
  grants: tableGrants,
});

export const keywordActions = table('keyword_actions', {
  group,
  description: 'Keyword-based automation rules.',
  note: 'When an incoming message matches `keyword`, the webhook performs `action_type` (for example `DISABLE_AI` hands the conversation to a human by clearing `contacts.ai_enabled`).',
  columns: {
    id: idColumn('Action identifier'),
    organization_id: organizationColumn('keyword_actions'),
    channel_id: uuid().notNull().references('channels', 'id', { onDelete: 'cascade' }).describe('Channel'),
    keyword: text().notNull().check(sql`btrim(keyword) <> ''`).describe('Trigger keyword'),
    action_type: text().notNull().describe('Action to perform (e.g., DISABLE_AI, ENABLE_AI)'),
  },
  unique: [['channel_id', 'keyword']],
  rls: true,
  policies: organizationPolicy('keyword actions'),
  grants: tableGrants,
});
