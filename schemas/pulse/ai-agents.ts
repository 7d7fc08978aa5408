import { boolean, integer, jsonb, numeric, sql, table, text, timestamptz, uuid } from 'pgform';
import {
  adminManagePolicy,
  adminViewPolicy,
  createdAt,
  currentUser,
  libraryPolicies,
  ownerColumn,
  ownRowPolicies,
  serviceRolePolicy,
  timestamps,
  updatedAtTrigger,
} from './common.js';

const group = 'AI Agent System';

export const agentConfig = table('agent_config', {
  group,
  description: 'AI agent configurations and settings. System agents (user_id NULL) ship with Pulse; users may create their own',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ nullable: true, index: false, description: 'Clerk id of the owner; NULL for system agents' }),
    agent_key: text().notNull().check(sql`agent_key ~ '^[a-z0-9_-]+$'`).describe("Stable slug used by Edge Functions (e.g. 'pulse-coach')"),
    name: text().notNull().describe('Display name'),
    description: text().describe('What the agent does'),
    agent_type: text()
      .notNull()
      .default('assistant')
      .oneOf(['coach', 'assistant', 'marketing', 'scheduler', 'analyst', 'role_play', 'custom'])
      .describe('Kind of agent'),
    system_prompt: text().describe('Base system prompt'),
    prompt_config_id: uuid().references('ai_prompt_configs', 'id', { onDelete: 'set null' }).index().describe('Prompt template the agent uses, if any'),
    model: text().notNull().default('gpt-4o').describe('LLM model name'),
    temperature: numeric(3, 2).notNull().default(0.7).check(sql`temperature BETWEEN 0 AND 2`).describe('Sampling temperature'),
    max_tokens: integer().check(sql`max_tokens IS NULL OR max_tokens > 0`).describe('Response token limit'),
    tools: text().array().notNull().default(sql`'{}'::text[]`).describe('Tool names the agent may call (see ai_tool_usage.tool_name)'),
    voice_id: uuid().references('agent_voices', 'id', { onDelete: 'set null' }).index().describe('Voice for text-to-speech'),
    avatar_url: text().describe('Avatar image'),
    elevenlabs_agent_id: text().describe('ElevenLabs conversational agent id for voice calls'),
    is_active: boolean().notNull().default(true).describe('Inactive agents are hidden'),
    is_premium: boolean().notNull().default(false).describe('Requires a paid subscription'),
    settings: jsonb().notNull().default({}).describe('Other settings'),
    ...timestamps(),
  },
  indexes: {
    agent_config_user_key_key: { on: ['user_id', 'agent_key'], unique: true, where: sql`user_id IS NOT NULL`, description: 'Agent keys are unique per user' },
    agent_config_system_key_key: { on: ['agent_key'], unique: true, where: sql`user_id IS NULL`, description: 'System agent keys are unique' },
  },
  triggers: updatedAtTrigger('agent_config'),
  rls: true,
  policies: {
    'Users can view active system agents and their own agents': {
      for: 'select',
      to: 'authenticated',
      using: sql`(user_id IS NULL AND is_active) OR user_id = ${currentUser}`,
    },
    ...ownRowPolicies('agents', ['insert', 'update', 'delete']),
    ...adminManagePolicy('agents'),
  },
});

export const agentIntelligenceProfiles = table('agent_intelligence_profiles', {
  group,
  description: "Agent intelligence survey responses: the real estate agent's working style, strengths and goals, used to personalise every AI agent",
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }).unique(),
    survey_version: integer().notNull().default(1).describe('Version of the survey answered'),
    responses: jsonb().notNull().default({}).describe('Raw answers keyed by question id'),
    communication_style: text().describe('Derived communication style'),
    work_style: text().describe('Derived work style'),
    personality_type: text().describe('Derived personality type (e.g. DISC letter)'),
    strengths: text().array().notNull().default(sql`'{}'::text[]`).describe('Derived strengths'),
    growth_areas: text().array().notNull().default(sql`'{}'::text[]`).describe('Derived areas to improve'),
    motivations: text().array().notNull().default(sql`'{}'::text[]`).describe('What drives the agent'),
    summary: text().describe('AI summary of the profile'),
    completed_at: timestamptz().describe('When the survey was completed'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('agent_intelligence_profiles'),
  rls: true,
  policies: { ...ownRowPolicies('intelligence profile'), ...adminViewPolicy('intelligence profiles') },
});

export const agentVoices = table('agent_voices', {
  group,
  description: 'Voice settings for text-to-speech (ElevenLabs and others). System voices have user_id NULL; users may add cloned or custom voices',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ nullable: true, description: 'Clerk id of the owner; NULL for system voices' }),
    provider: text().notNull().default('elevenlabs').oneOf(['elevenlabs', 'openai', 'azure', 'google']).describe('TTS provider'),
    provider_voice_id: text().notNull().describe("The provider's voice id"),
    name: text().notNull().describe('Display name'),
    gender: text().oneOf(['female', 'male', 'neutral']).describe('Voice gender'),
    accent: text().describe('Accent'),
    language: text().notNull().default('en').describe('Language code'),
    description: text().describe('Description'),
    preview_url: text().describe('Sample audio URL'),
    settings: jsonb().notNull().default({}).describe('Provider settings (stability, similarity_boost, style, speed)'),
    is_default: boolean().notNull().default(false).describe('Default voice for new agents'),
    is_active: boolean().notNull().default(true).describe('Inactive voices are hidden'),
    ...timestamps(),
  },
  unique: [{ columns: ['provider', 'provider_voice_id', 'user_id'], name: 'agent_voices_provider_voice_user_key', nullsNotDistinct: true }],
  triggers: updatedAtTrigger('agent_voices'),
  rls: true,
  policies: libraryPolicies('voices', 'is_active'),
});

export const aiAgentConversations = table('ai_agent_conversations', {
  group,
  description: 'Conversation history and messages between a user and an AI agent (chat or ElevenLabs voice)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    agent_id: uuid().references('agent_config', 'id', { onDelete: 'set null' }).index().describe('Agent in the conversation'),
    title: text().describe('Title (AI generated from the first messages)'),
    channel: text().notNull().default('chat').oneOf(['chat', 'voice', 'phone', 'sms']).describe('How the conversation happened'),
    status: text().notNull().default('active').oneOf(['active', 'ended', 'archived']).describe('Conversation state'),
    messages: jsonb()
      .notNull()
      .default([])
      .check(sql`jsonb_typeof(messages) = 'array'`)
      .describe('Messages in order: [{ role, content, tool_calls?, created_at }]'),
    message_count: integer().notNull().default(0).check(sql`message_count >= 0`).describe('Number of messages'),
    total_tokens: integer().notNull().default(0).check(sql`total_tokens >= 0`).describe('Tokens used by the conversation'),
    summary: text().describe('Rolling AI summary used as memory'),
    elevenlabs_conversation_id: text().unique().describe('ElevenLabs conversation id for voice conversations'),
    metadata: jsonb().notNull().default({}).describe('Other data'),
    last_message_at: timestamptz().describe('Time of the last message'),
    ...timestamps(),
  },
  indexes: { idx_ai_agent_conversations_user_recent: { on: ['user_id', 'last_message_at DESC'] } },
  triggers: updatedAtTrigger('ai_agent_conversations'),
  rls: true,
  policies: { ...ownRowPolicies('conversations'), ...serviceRolePolicy('conversations') },
});

export const aiActionsLog = table('ai_actions_log', {
  group,
  description: 'AI action execution logs: every action an agent performs on behalf of a user (send email, create task, update CRM...)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    agent_id: uuid().references('agent_config', 'id', { onDelete: 'set null' }).index().describe('Acting agent'),
    conversation_id: uuid().references('ai_agent_conversations', 'id', { onDelete: 'set null' }).index().describe('Conversation that triggered the action'),
    action_type: text().notNull().describe("Kind of action, e.g. 'send_email', 'create_task', 'crm_update'"),
    tool_name: text().describe('Tool used'),
    input: jsonb().notNull().default({}).describe('Arguments of the action'),
    output: jsonb().describe('Result of the action'),
    status: text().notNull().default('pending').oneOf(['pending', 'running', 'success', 'failed', 'cancelled']).describe('Execution state'),
    requires_approval: boolean().notNull().default(false).describe('The user must approve before it runs'),
    approved_at: timestamptz().describe('When the user approved it'),
    error_message: text().describe('Error, if failed'),
    duration_ms: integer().check(sql`duration_ms IS NULL OR duration_ms >= 0`).describe('Execution time'),
    credits_used: integer().notNull().default(0).check(sql`credits_used >= 0`).describe('Credits charged'),
    ...createdAt(),
  },
  indexes: { idx_ai_actions_log_user_created: { on: ['user_id', 'created_at DESC'] } },
  rls: true,
  policies: {
    ...ownRowPolicies('AI actions', ['select', 'insert']),
    'Users can approve their own AI actions': { for: 'update', to: 'authenticated', using: sql`user_id = ${currentUser}`, withCheck: sql`user_id = ${currentUser}` },
    ...adminViewPolicy('AI actions'),
    ...serviceRolePolicy('AI actions'),
  },
});

export const aiToolUsage = table('ai_tool_usage', {
  group,
  description: 'Tool usage analytics: one row per tool call made by an agent',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    agent_id: uuid().references('agent_config', 'id', { onDelete: 'set null' }).index().describe('Calling agent'),
    conversation_id: uuid().references('ai_agent_conversations', 'id', { onDelete: 'set null' }).index().describe('Conversation of the call'),
    tool_name: text().notNull().index().describe("Tool called, e.g. 'google_calendar.create_event'"),
    tool_category: text()
      .notNull()
      .default('internal')
      .oneOf(['internal', 'google', 'microsoft', 'zoom', 'linkedin', 'meta', 'crm', 'web', 'voice'])
      .describe('Integration the tool belongs to'),
    success: boolean().notNull().default(true).describe('Whether the call succeeded'),
    error_code: text().describe('Error code when it failed'),
    latency_ms: integer().check(sql`latency_ms IS NULL OR latency_ms >= 0`).describe('Call latency'),
    tokens_used: integer().notNull().default(0).check(sql`tokens_used >= 0`).describe('LLM tokens attributed to the call'),
    credits_used: integer().notNull().default(0).check(sql`credits_used >= 0`).describe('Credits charged'),
    metadata: jsonb().notNull().default({}).describe('Call details'),
    ...createdAt(),
  },
  indexes: { idx_ai_tool_usage_user_created: { on: ['user_id', 'created_at DESC'] } },
  rls: true,
  policies: { ...ownRowPolicies('tool usage', ['select', 'insert']), ...adminViewPolicy('tool usage'), ...serviceRolePolicy('tool usage') },
});

export const aiPromptConfigs = table('ai_prompt_configs', {
  group,
  description: 'Prompt templates and configurations, managed by admins and read by Edge Functions',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    prompt_key: text().notNull().describe("Stable key, e.g. 'daily_actions.generate'"),
    version: integer().notNull().default(1).check(sql`version > 0`).describe('Version of the prompt'),
    name: text().notNull().describe('Display name'),
    description: text().describe('What the prompt is for'),
    category: text().describe('Feature area (coaching, content, role_play, engines...)'),
    system_prompt: text().notNull().describe('System prompt'),
    user_prompt_template: text().describe('User prompt with {{variables}}'),
    variables: text().array().notNull().default(sql`'{}'::text[]`).describe('Variables the template expects'),
    model: text().notNull().default('gpt-4o').describe('Model'),
    temperature: numeric(3, 2).notNull().default(0.7).check(sql`temperature BETWEEN 0 AND 2`).describe('Sampling temperature'),
    max_tokens: integer().check(sql`max_tokens IS NULL OR max_tokens > 0`).describe('Response token limit'),
    is_active: boolean().notNull().default(true).describe('Only one active version per key'),
    created_by: text().references('profiles', 'id', { onDelete: 'set null' }).index().describe('Admin who wrote it'),
    ...timestamps(),
  },
  unique: [['prompt_key', 'version']],
  indexes: { ai_prompt_configs_active_key: { on: ['prompt_key'], unique: true, where: sql`is_active`, description: 'One active version per prompt key' } },
  triggers: updatedAtTrigger('ai_prompt_configs'),
  rls: true,
  policies: {
    'Authenticated users can view active prompt configs': { for: 'select', to: 'authenticated', using: sql`is_active` },
    ...adminManagePolicy('prompt configs'),
  },
});
