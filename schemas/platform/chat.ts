/*
 * 19. Chat & Conversations: a user's conversations with an AI agent (ai_agents) or the assistant,
 * and their messages. The user writes 'user' messages; assistant, system and tool messages are
 * written by the backend through the service role. A trigger keeps the conversation counters.
 */
import { boolean, integer, jsonb, smallint, sql, system, table, text, timestamptz, triggerFunction, uuid } from 'pgform';
import { adminPolicies, areas, ownerPolicies, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.chat;

export const chatConversations = table('chat_conversations', {
  group,
  description: 'Chat conversation records: one thread between a user and an AI agent / assistant, on one channel',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).describe('Owner of the conversation'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant context'),
    agent_id: uuid().references('ai_agents', 'id', { onDelete: 'set null' }).index().describe('AI agent answering; NULL = default assistant'),
    title: text().check(sql`char_length(title) <= 200`).describe('Title (generated from the first message)'),
    channel: text().notNull().default('web').oneOf(['web', 'widget', 'whatsapp', 'voice', 'slack', 'api']).describe('Where the conversation happens'),
    status: text().notNull().default('active').oneOf(['active', 'archived', 'closed']).describe('Lifecycle'),
    model: text().describe('LLM used (e.g. gpt-4o, claude-3-5-sonnet)'),
    system_prompt: text().describe('System prompt override for this conversation'),
    context: jsonb().notNull().default({}).describe('Conversation memory / retrieved context'),
    summary: text().describe('Rolling summary of older messages'),
    message_count: integer().notNull().default(0).check(sql`message_count >= 0`).describe('Messages (kept by a trigger)'),
    total_tokens: integer().notNull().default(0).check(sql`total_tokens >= 0`).describe('Tokens used (kept by a trigger)'),
    last_message_at: timestamptz().describe('Time of the latest message (kept by a trigger)'),
    is_pinned: boolean().notNull().default(false).describe('Pinned in the sidebar'),
    metadata: jsonb().notNull().default({}).describe('Extra attributes'),
    ...timestamps(),
  },
  indexes: { idx_chat_conversations_user_recent: { on: ['user_id', 'last_message_at DESC'] } },
  triggers: { ...updatedAtTrigger('chat_conversations') },
  rls: true,
  policies: {
    ...ownerPolicies('conversations'),
    ...adminPolicies('conversations'),
    ...servicePolicies('conversations'),
  },
});

const ownConversation = sql`EXISTS (SELECT 1 FROM public.chat_conversations c WHERE c.id = chat_messages.conversation_id AND c.user_id = (select auth.uid()))`;

export const chatMessages = table('chat_messages', {
  group,
  note: `Users insert only their own \`role = 'user'\` turns; the chat backend (service role) writes assistant, system and tool turns after calling the model (agent calls are also logged in \`agent_interactions.conversation_id\`). \`update_chat_conversation_stats()\` keeps \`message_count\`, \`total_tokens\`, \`last_message_at\` and a default title on the conversation.`,
  description: 'Chat messages: the user, assistant, system and tool turns of a conversation',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    conversation_id: uuid().notNull().references('chat_conversations', 'id', { onDelete: 'cascade' }).describe('Conversation'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Sender for role = user; NULL for assistant / system / tool'),
    role: text().notNull().oneOf(['user', 'assistant', 'system', 'tool']).describe('Turn role'),
    content: text().notNull().default('').describe('Message text'),
    content_type: text().notNull().default('text').oneOf(['text', 'markdown', 'image', 'file', 'tool_result']).describe('How to render content'),
    attachments: jsonb().notNull().default([]).describe('Attached files: [{"bucket", "path", "mime_type"}]'),
    tool_calls: jsonb().describe('Tool calls requested by the assistant'),
    model: text().describe('Model that produced an assistant message'),
    tokens_prompt: integer().check(sql`tokens_prompt >= 0`).describe('Prompt tokens'),
    tokens_completion: integer().check(sql`tokens_completion >= 0`).describe('Completion tokens'),
    latency_ms: integer().check(sql`latency_ms >= 0`).describe('Generation latency'),
    feedback: smallint().check(sql`feedback IN (-1, 1)`).describe('User rating of an assistant message: 1 up, -1 down'),
    feedback_comment: text().describe('Why the user rated it so'),
    metadata: jsonb().notNull().default({}).describe('Extra attributes (sources cited, finish reason)'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  checks: { chat_messages_user_sender_check: sql`role <> 'user' OR user_id IS NOT NULL` },
  indexes: { idx_chat_messages_conversation_created: { on: ['conversation_id', 'created_at'] } },
  triggers: {
    chat_messages_update_conversation: {
      timing: 'after',
      events: ['insert'],
      function: 'public.update_chat_conversation_stats',
      description: 'Bumps message_count, total_tokens and last_message_at of the conversation',
    },
  },
  rls: true,
  policies: {
    'Users view messages of own conversations': { for: 'select', to: 'authenticated', using: ownConversation },
    'Users send messages in own conversations': {
      for: 'insert',
      to: 'authenticated',
      withCheck: sql`role = 'user' AND (select auth.uid()) = user_id AND ${ownConversation.sql}`,
    },
    'Users rate messages of own conversations': { for: 'update', to: 'authenticated', using: ownConversation, withCheck: ownConversation },
    'Users delete messages of own conversations': { for: 'delete', to: 'authenticated', using: ownConversation },
    ...adminPolicies('chat messages'),
    ...servicePolicies('chat messages'),
  },
});

export const updateChatConversationStats = triggerFunction('update_chat_conversation_stats', {
  group,
  description: 'AFTER INSERT on chat_messages: increments message_count and total_tokens of the conversation and sets last_message_at',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  UPDATE public.chat_conversations c
  SET message_count = c.message_count + 1,
      total_tokens = c.total_tokens + coalesce(NEW.tokens_prompt, 0) + coalesce(NEW.tokens_completion, 0),
      last_message_at = greatest(coalesce(c.last_message_at, NEW.created_at), NEW.created_at),
      title = coalesce(c.title, CASE WHEN NEW.role = 'user' THEN left(NEW.content, 80) END)
  WHERE c.id = NEW.conversation_id;
  RETURN NULL;
END;
`,
});

export const chatDocs = system({
  groups: {
    [group]: {
      note: `**RLS:** conversations are owner-only; messages are visible through their conversation, users write only their own
\`user\` turns, and the chat backend (service role) writes the rest. Admins can read and manage all for support.`,
    },
  },
});
