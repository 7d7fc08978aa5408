/*
 * Group 6: AI/AGENT data (AI tools). Agent runs, tasks, decisions and learnings; memory and
 * knowledge stores with embeddings for RAG; WhatsApp / Lisa conversation intelligence; actions
 * the agents prepare for human approval.
 *
 * Embeddings: the source system stores pgvector `vector(1536)` columns. pgvector is not
 * available on the engines pgform targets, so embeddings are `real[]` here and the RAG RPCs
 * rank with cosine_similarity() over arrays (exact scan, no ANN index).
 *
 * Joins: conversation_intelligence.phone = contacts.phone (no FK),
 * ai_feedback_learning.insight_id -> proactive_insights, .intervention_id -> intervention_log.
 *
 * RLS: agent tables follow the dashboard pattern (signed-in users read, admins correct,
 * agents write as service_role); per-user memory and conversations belong to their user.
 */
import { bigint, boolean, date, integer, jsonb, numeric, real, rpc, smallint, sql, table, text, timestamptz, tsvector, uuid, type PolicyInput } from 'pgform';
import { adminOnlyPolicies, dashboardPolicies, groups, updatedAtTrigger } from './common.js';

const group = groups.ai;

const embeddingNote = 'Embedding (1536 floats; vector(1536) in the source, real[] here because pgvector is unavailable)';

/** Rows owned by a user: the owner reads and writes them, admins and service_role manage all. */
function ownRowsPolicies(what: string): Record<string, PolicyInput> {
  const own = sql`user_id = (select auth.uid())`;
  return {
    [`Users view own ${what}`]: { for: 'select', to: 'authenticated', using: own },
    [`Users insert own ${what}`]: { for: 'insert', to: 'authenticated', withCheck: own },
    [`Users update own ${what}`]: { for: 'update', to: 'authenticated', using: own, withCheck: own },
    [`Users delete own ${what}`]: { for: 'delete', to: 'authenticated', using: own },
    ...adminOnlyPolicies(what),
  };
}

/** An optional embedding column with a sanity check on its length. */
const embedding = () => real().array().check(sql`embedding IS NULL OR cardinality(embedding) BETWEEN 1 AND 4096`).describe(embeddingNote);

// ---------------------------------------------------------------------------------------------
// Agents: context, runs, tasks, decisions, learnings

export const agentContext = table('agent_context', {
  group,
  description: 'Key-value context each agent type reads at start (thresholds, current goals, prompts)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    agent_type: text().notNull().describe('Agent the entry is for (health, sales, lisa, atlas...)'),
    key: text().notNull(),
    value: jsonb().notNull().default({}),
    description: text(),
    expires_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['agent_type', 'key']],
  triggers: updatedAtTrigger('agent_context'),
  rls: true,
  policies: dashboardPolicies('agent context'),
});

export const agentSwarms = table('agent_swarms', {
  group,
  description: 'Swarm config: groups of agents run together under a coordinator',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    swarm_name: text().notNull().unique(),
    description: text(),
    coordinator_agent: text().notNull(),
    member_agents: text().array().notNull().default([]),
    config: jsonb().notNull().default({}),
    schedule_cron: text().describe('Cron expression, NULL = on demand'),
    is_active: boolean().notNull().default(true),
    last_run_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('agent_swarms'),
  rls: true,
  policies: dashboardPolicies('agent swarms'),
});

export const agentRuns = table('agent_runs', {
  group,
  description: 'Run tracking: one row per agent execution with input, output, cost and outcome',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    agent_type: text().notNull(),
    swarm_id: uuid().references('agent_swarms', 'id', { onDelete: 'set null' }).index(),
    trigger_source: text().notNull().default('manual').oneOf(['schedule', 'manual', 'webhook', 'event', 'agent']),
    status: text().notNull().default('queued').oneOf(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    input: jsonb().notNull().default({}),
    output: jsonb(),
    error: text(),
    model: text(),
    tokens_used: integer().notNull().default(0),
    cost_usd: numeric(12, 6).notNull().default(0),
    started_at: timestamptz().notNull().defaultNow(),
    completed_at: timestamptz(),
    duration_ms: integer(),
  },
  checks: { agent_runs_completed_after_start: sql`completed_at IS NULL OR completed_at >= started_at` },
  indexes: { idx_agent_runs_type_started: { on: ['agent_type', 'started_at DESC'] } },
  rls: true,
  policies: dashboardPolicies('agent runs'),
});

export const agentTasks = table('agent_tasks', {
  group,
  description: 'Task tracking: units of work assigned to agents, possibly split into subtasks',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    run_id: uuid().references('agent_runs', 'id', { onDelete: 'set null' }).index(),
    swarm_id: uuid().references('agent_swarms', 'id', { onDelete: 'set null' }).index(),
    parent_task_id: uuid().references('agent_tasks', 'id', { onDelete: 'cascade' }).index(),
    agent_type: text().notNull(),
    task_type: text().notNull(),
    title: text().notNull(),
    payload: jsonb().notNull().default({}),
    result: jsonb(),
    status: text().notNull().default('pending').oneOf(['pending', 'in_progress', 'completed', 'failed', 'cancelled']),
    priority: smallint().notNull().default(5).check(sql`priority BETWEEN 1 AND 10`),
    due_at: timestamptz(),
    started_at: timestamptz(),
    completed_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_agent_tasks_open: { on: ['agent_type', 'priority'], where: sql`status IN ('pending', 'in_progress')` } },
  triggers: updatedAtTrigger('agent_tasks'),
  rls: true,
  policies: dashboardPolicies('agent tasks'),
});

export const agentDecisions = table('agent_decisions', {
  group,
  description: 'Decision tracking: what an agent decided, on what, why, and how it turned out',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    agent_id: text().notNull().index().describe('Agent that decided (agent type or instance id)'),
    run_id: uuid().references('agent_runs', 'id', { onDelete: 'set null' }).index(),
    decision_type: text().notNull(),
    entity_type: text().describe('contact, deal, campaign...'),
    entity_id: text(),
    context: jsonb().notNull().default({}).describe('Inputs the decision was based on'),
    decision: jsonb().notNull().default({}),
    reasoning: text(),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    outcome: text().notNull().default('pending').oneOf(['pending', 'success', 'failure', 'overridden']),
    evaluated_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_agent_decisions_entity: { on: ['entity_type', 'entity_id'] } },
  rls: true,
  policies: dashboardPolicies('agent decisions'),
});

export const agentLearnings = table('agent_learnings', {
  group,
  description: 'Learning records: lessons drawn from decisions and corrections, applied to later runs',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    agent_type: text().notNull().index(),
    learning_type: text().notNull().oneOf(['success_pattern', 'failure_pattern', 'correction', 'preference', 'rule']),
    summary: text().notNull(),
    details: jsonb().notNull().default({}),
    source_decision_id: uuid().references('agent_decisions', 'id', { onDelete: 'set null' }).index(),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    times_applied: integer().notNull().default(0),
    is_active: boolean().notNull().default(true),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('agent_learnings'),
  rls: true,
  policies: dashboardPolicies('agent learnings'),
});

export const agentPatterns = table('agent_patterns', {
  group,
  description: 'Pattern storage: recurring behaviours the agents detected (objections, booking times, churn signals)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    pattern_type: text().notNull(),
    pattern_name: text().notNull(),
    description: text(),
    pattern_data: jsonb().notNull().default({}),
    occurrences: integer().notNull().default(1),
    success_rate: numeric(5, 4).check(sql`success_rate BETWEEN 0 AND 1`),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    is_active: boolean().notNull().default(true),
    first_seen_at: timestamptz().notNull().defaultNow(),
    last_seen_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['pattern_type', 'pattern_name']],
  rls: true,
  policies: dashboardPolicies('agent patterns'),
});

export const agentSkills = table('agent_skills', {
  group,
  description: 'Skill definitions: tools the agents can call, with their parameter schema',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    skill_name: text().notNull().unique(),
    description: text().notNull(),
    agent_types: text().array().notNull().default([]).describe('Agents allowed to use it; empty = all'),
    parameters_schema: jsonb().notNull().default({}).describe('JSON Schema of the arguments'),
    implementation: text().describe('Edge function or RPC that runs it'),
    version: integer().notNull().default(1),
    is_enabled: boolean().notNull().default(true),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('agent_skills'),
  rls: true,
  policies: dashboardPolicies('agent skills'),
});

export const agentConversations = table('agent_conversations', {
  group,
  description: 'Messages between dashboard users and the agents, by session',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    session_id: text().notNull().describe('Conversation session'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('User in the conversation'),
    agent_type: text().notNull().default('atlas'),
    role: text().notNull().oneOf(['user', 'assistant', 'system', 'tool']),
    content: text().notNull(),
    tool_calls: jsonb(),
    tokens_used: integer(),
    metadata: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_agent_conversations_session: { on: ['session_id', 'created_at'] } },
  rls: true,
  policies: ownRowsPolicies('agent conversations'),
});

export const aiExecutionMetrics = table('ai_execution_metrics', {
  group,
  description: 'Execution metrics per agent per day: runs, failures, latency, tokens and cost',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    agent_type: text().notNull(),
    metric_date: date().notNull(),
    executions: integer().notNull().default(0),
    successes: integer().notNull().default(0),
    failures: integer().notNull().default(0),
    avg_latency_ms: integer(),
    p95_latency_ms: integer(),
    total_tokens: bigint().notNull().default(0),
    total_cost_usd: numeric(12, 6).notNull().default(0),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['agent_type', 'metric_date']],
  checks: { ai_execution_metrics_counts: sql`successes + failures <= executions` },
  rls: true,
  policies: dashboardPolicies('AI execution metrics'),
});

// ---------------------------------------------------------------------------------------------
// Insights, approvals, feedback

export const aiInsights = table('ai_insights', {
  group,
  description: 'AI insights about contacts, deals, campaigns, coaches or the business as a whole',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    insight_type: text().notNull(),
    scope: text().notNull().default('business').oneOf(['contact', 'deal', 'campaign', 'coach', 'business']),
    entity_id: text().describe('Id of the contact, deal, campaign... (NULL for business)'),
    title: text().notNull(),
    summary: text(),
    data: jsonb().notNull().default({}),
    severity: text().notNull().default('info').oneOf(['info', 'warning', 'critical']),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    generated_by: text().notNull().describe('Agent'),
    is_read: boolean().notNull().default(false),
    expires_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_ai_insights_scope_entity: { on: ['scope', 'entity_id'] }, idx_ai_insights_created: { on: ['created_at DESC'] } },
  rls: true,
  policies: dashboardPolicies('AI insights'),
});

export const aiLearningRules = table('ai_learning_rules', {
  group,
  description: 'Learning rules derived from feedback and calibration, applied to future recommendations',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    rule_name: text().notNull().unique(),
    rule_type: text().notNull().describe('threshold, weighting, exclusion, template...'),
    condition: jsonb().notNull().default({}),
    adjustment: jsonb().notNull().default({}),
    source: text().notNull().default('feedback').oneOf(['feedback', 'calibration', 'manual']),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    times_applied: integer().notNull().default(0),
    is_active: boolean().notNull().default(true),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('ai_learning_rules'),
  rls: true,
  policies: dashboardPolicies('AI learning rules'),
});

export const aiFeedbackLearning = table('ai_feedback_learning', {
  group,
  description: 'Feedback on AI insights and interventions, and the learning rule it produced',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    insight_id: uuid().references('proactive_insights', 'id', { onDelete: 'set null' }).index().describe('Links to proactive_insights'),
    intervention_id: uuid().references('intervention_log', 'id', { onDelete: 'set null' }).index().describe('Links to intervention_log'),
    feedback_type: text().notNull().oneOf(['thumbs_up', 'thumbs_down', 'correction', 'outcome']),
    rating: smallint().check(sql`rating BETWEEN 1 AND 5`),
    feedback_text: text(),
    outcome: text().describe('Observed result, for outcome feedback'),
    learned_rule_id: uuid().references('ai_learning_rules', 'id', { onDelete: 'set null' }).index(),
    given_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('AI feedback'),
});

export const preparedActions = table('prepared_actions', {
  group,
  description: 'Prepared AI actions (messages, reassignments, offers) waiting for approval and execution; expire after 48 h',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    action_type: text().notNull().describe('send_whatsapp, reassign_owner, book_session, offer_discount...'),
    title: text().notNull(),
    description: text(),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'set null' }).index().describe('Links to contacts'),
    target_entity_type: text(),
    target_entity_id: text(),
    payload: jsonb().notNull().default({}).describe('Everything needed to execute it'),
    prepared_by: text().notNull().describe('Agent'),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    status: text().notNull().default('prepared').oneOf(['prepared', 'approved', 'rejected', 'executed', 'expired', 'failed']),
    expires_at: timestamptz().notNull().default(sql`now() + interval '48 hours'`),
    approved_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    approved_at: timestamptz(),
    executed_at: timestamptz(),
    execution_result: jsonb(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_prepared_actions_pending: { on: ['expires_at'], where: sql`status = 'prepared'` } },
  triggers: updatedAtTrigger('prepared_actions'),
  rls: true,
  policies: dashboardPolicies('prepared actions'),
});

export const aiAgentApprovals = table('ai_agent_approvals', {
  group,
  description: 'Approval workflow: requests from agents that a human must approve or reject',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    action_id: uuid().references('prepared_actions', 'id', { onDelete: 'cascade' }).index().describe('Prepared action to approve'),
    agent_type: text().notNull(),
    request_type: text().notNull(),
    request_summary: text().notNull(),
    payload: jsonb().notNull().default({}),
    risk_level: text().notNull().default('low').oneOf(['low', 'medium', 'high']),
    status: text().notNull().default('pending').oneOf(['pending', 'approved', 'rejected', 'expired']),
    requested_at: timestamptz().notNull().defaultNow(),
    decided_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    decided_at: timestamptz(),
    decision_note: text(),
  },
  checks: { ai_agent_approvals_decision: sql`status IN ('pending', 'expired') OR decided_at IS NOT NULL` },
  indexes: { idx_ai_agent_approvals_pending: { on: ['requested_at'], where: sql`status = 'pending'` } },
  rls: true,
  policies: dashboardPolicies('AI agent approvals'),
});

// ---------------------------------------------------------------------------------------------
// Conversations (Lisa / WhatsApp)

export const conversationIntelligence = table('conversation_intelligence', {
  group,
  description: 'Lisa/WhatsApp intel per phone number: temperature, intent, objections, next best action',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    phone: text().notNull().unique().describe('Phone in E.164; = contacts.phone (no FK)'),
    contact_name: text(),
    agent_name: text().notNull().default('lisa'),
    lead_temperature: text().oneOf(['hot', 'warm', 'cold']),
    intent: text().describe('What the person wants'),
    goals: text().array().notNull().default([]),
    objections: text().array().notNull().default([]),
    sentiment: text().oneOf(['positive', 'neutral', 'negative']),
    conversation_phase: text().describe('greeting, discovery, qualification, booking, follow_up...'),
    summary: text(),
    next_best_action: text(),
    message_count: integer().notNull().default(0),
    last_message_at: timestamptz(),
    metadata: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('conversation_intelligence'),
  rls: true,
  policies: dashboardPolicies('conversation intelligence'),
});

export const conversationSummaries = table('conversation_summaries', {
  group,
  description: 'Conversation summaries per session and channel',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    phone: text().index().describe('= contacts.phone'),
    session_id: text(),
    channel: text().notNull().default('whatsapp').oneOf(['whatsapp', 'web', 'voice', 'sms', 'email']),
    summary: text().notNull(),
    key_points: text().array().notNull().default([]),
    sentiment: text().oneOf(['positive', 'neutral', 'negative']),
    message_count: integer().notNull().default(0),
    started_at: timestamptz(),
    ended_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: dashboardPolicies('conversation summaries'),
});

export const whatsappInteractions = table('whatsapp_interactions', {
  group,
  description: 'WhatsApp message log, inbound and outbound',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    phone: text().notNull().describe('Other party, E.164; = contacts.phone'),
    direction: text().notNull().oneOf(['inbound', 'outbound']),
    message_type: text().notNull().default('text').oneOf(['text', 'image', 'audio', 'video', 'document', 'template', 'interactive']),
    message_text: text(),
    media_url: text(),
    template_name: text(),
    wa_message_id: text().unique().describe('WhatsApp message id'),
    status: text().notNull().default('sent').oneOf(['received', 'sent', 'delivered', 'read', 'failed']),
    agent_name: text().describe('Agent that sent it (outbound)'),
    metadata: jsonb().notNull().default({}),
    sent_at: timestamptz().notNull().defaultNow(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_whatsapp_interactions_phone_sent: { on: ['phone', 'sent_at DESC'] } },
  rls: true,
  policies: dashboardPolicies('WhatsApp interactions'),
});

// ---------------------------------------------------------------------------------------------
// Knowledge and memory stores

export const agentKnowledge = table('agent_knowledge', {
  group,
  description: 'Agent knowledge for RAG: categorized content with embeddings (match_knowledge searches it)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    category: text().notNull().index().describe('Knowledge category (pricing, objections, programs, policies...)'),
    title: text(),
    content: text().notNull(),
    embedding: embedding(),
    content_tsv: tsvector().generated(sql`to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || content)`).describe('Full-text form of title and content'),
    source: text(),
    metadata: jsonb().notNull().default({}),
    is_active: boolean().notNull().default(true),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_agent_knowledge_tsv: { on: ['content_tsv'], using: 'gin' } },
  triggers: updatedAtTrigger('agent_knowledge'),
  rls: true,
  policies: dashboardPolicies('agent knowledge'),
});

export const agentMemory = table('agent_memory', {
  group,
  description: 'Agent memory: short- and long-term memories with importance and embeddings (match_memories searches it)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    agent_type: text().notNull(),
    memory_type: text().notNull().default('long_term').oneOf(['short_term', 'long_term', 'episodic', 'semantic']),
    session_id: text(),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'cascade' }).index(),
    content: text().notNull(),
    embedding: embedding(),
    importance: numeric(3, 2).notNull().default(0.5).check(sql`importance BETWEEN 0 AND 1`),
    access_count: integer().notNull().default(0),
    last_accessed_at: timestamptz(),
    expires_at: timestamptz(),
    metadata: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_agent_memory_agent_type: { on: ['agent_type', 'memory_type'] }, idx_agent_memory_expires: { on: ['expires_at'], where: sql`expires_at IS NOT NULL` } },
  rls: true,
  policies: dashboardPolicies('agent memory'),
});

export const knowledgeBase = table('knowledge_base', {
  group,
  description: 'Knowledge base articles used by Lisa and the sales agents',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    content: text().notNull(),
    category: text().index(),
    tags: text().array().notNull().default([]),
    embedding: embedding(),
    source_url: text(),
    is_published: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_knowledge_base_tags: { on: ['tags'], using: 'gin' } },
  triggers: updatedAtTrigger('knowledge_base'),
  rls: true,
  policies: dashboardPolicies('knowledge base'),
});

export const knowledgeBaseBackup = table('knowledge_base_backup', {
  group,
  description: 'Backup copies of knowledge_base rows taken before bulk edits',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    original_id: uuid().notNull().index().describe('knowledge_base.id at backup time (no FK: the original may be gone)'),
    title: text().notNull(),
    content: text().notNull(),
    category: text(),
    tags: text().array().notNull().default([]),
    embedding: embedding(),
    version: integer(),
    backup_reason: text(),
    backed_up_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: adminOnlyPolicies('knowledge base backup'),
});

export const knowledgeDocuments = table('knowledge_documents', {
  group,
  description: 'Uploaded documents (storage objects) and their extracted text',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    file_name: text(),
    storage_path: text().describe('Path of the file in Supabase storage'),
    mime_type: text(),
    size_bytes: bigint().check(sql`size_bytes >= 0`),
    content_text: text().describe('Extracted text'),
    summary: text(),
    category: text(),
    status: text().notNull().default('uploaded').oneOf(['uploaded', 'processing', 'indexed', 'failed']),
    uploaded_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('knowledge_documents'),
  rls: true,
  policies: dashboardPolicies('knowledge documents'),
});

export const memoryDocuments = table('memory_documents', {
  group,
  description: 'Document store of the RAG memory: one row per source document, split into memory_chunks',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    source_type: text().notNull().default('upload').oneOf(['upload', 'url', 'conversation', 'note', 'sync']),
    source_uri: text(),
    content_hash: text().unique().describe('Hash of the content, to skip re-indexing'),
    owner_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index(),
    chunk_count: integer().notNull().default(0),
    metadata: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('memory_documents'),
  rls: true,
  policies: dashboardPolicies('memory documents'),
});

export const memoryChunks = table('memory_chunks', {
  group,
  description: 'Chunks of memory_documents with embeddings (rag_search_memory_chunks searches them)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    document_id: uuid().notNull().references('memory_documents', 'id', { onDelete: 'cascade' }).describe('Links to memory_documents'),
    chunk_index: integer().notNull().check(sql`chunk_index >= 0`),
    content: text().notNull(),
    embedding: embedding(),
    token_count: integer(),
    metadata: jsonb().notNull().default({}),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['document_id', 'chunk_index']],
  rls: true,
  policies: dashboardPolicies('memory chunks'),
});

export const globalMemory = table('global_memory', {
  group,
  description: 'Global memory shared by every agent (company facts, standing instructions)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    memory_key: text().notNull().unique(),
    content: text().notNull(),
    category: text(),
    embedding: embedding(),
    importance: numeric(3, 2).notNull().default(0.5).check(sql`importance BETWEEN 0 AND 1`),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('global_memory'),
  rls: true,
  policies: dashboardPolicies('global memory'),
});

export const orgMemoryKv = table('org_memory_kv', {
  group,
  description: 'Organisation key-value memory, by namespace',
  columns: {
    namespace: text().notNull().default('default'),
    key: text().notNull(),
    value: jsonb().notNull().default({}),
    expires_at: timestamptz(),
    updated_by: text().describe('User or agent'),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  primaryKey: ['namespace', 'key'],
  triggers: updatedAtTrigger('org_memory_kv'),
  rls: true,
  policies: dashboardPolicies('org memory'),
});

export const serverMemory = table('server_memory', {
  group,
  description: 'Memory kept per agent server (MCP / bot process) between runs',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    server_id: text().notNull(),
    memory_key: text().notNull(),
    content: jsonb().notNull().default({}),
    expires_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['server_id', 'memory_key']],
  triggers: updatedAtTrigger('server_memory'),
  rls: true,
  policies: adminOnlyPolicies('server memory'),
});

export const serverContext = table('server_context', {
  group,
  description: 'Context handed to each agent server (tools enabled, environment, current focus)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    server_id: text().notNull(),
    context_type: text().notNull(),
    context: jsonb().notNull().default({}),
    is_active: boolean().notNull().default(true),
    valid_until: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['server_id', 'context_type']],
  triggers: updatedAtTrigger('server_context'),
  rls: true,
  policies: adminOnlyPolicies('server context'),
});

export const userMemory = table('user_memory', {
  group,
  description: 'Memories the agents keep about one dashboard user (preferences, recurring questions)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index(),
    memory_type: text().notNull().default('preference'),
    content: text().notNull(),
    embedding: embedding(),
    importance: numeric(3, 2).notNull().default(0.5).check(sql`importance BETWEEN 0 AND 1`),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('user_memory'),
  rls: true,
  policies: ownRowsPolicies('memory'),
});

export const userKnowledge = table('user_knowledge', {
  group,
  description: 'Knowledge a user taught the agents (notes, corrections, custom answers)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index(),
    topic: text().notNull(),
    content: text().notNull(),
    source: text(),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('user_knowledge'),
  rls: true,
  policies: ownRowsPolicies('knowledge'),
});

export const facts = table('facts', {
  group,
  description: 'Fact store: subject-predicate-object triples with source, confidence and validity',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    subject: text().notNull().describe('What the fact is about, e.g. contact:<id>, coach:<name>, company'),
    predicate: text().notNull(),
    object: text().notNull(),
    object_value: jsonb().describe('Typed value of the object, when structured'),
    contact_id: uuid().references('contacts', 'id', { onDelete: 'cascade' }).index().describe('Contact the fact is about, if any'),
    source: text(),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`),
    valid_from: timestamptz().notNull().defaultNow(),
    valid_to: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['subject', 'predicate', 'object']],
  checks: { facts_validity_order: sql`valid_to IS NULL OR valid_to >= valid_from` },
  rls: true,
  policies: dashboardPolicies('facts'),
});

// ---------------------------------------------------------------------------------------------
// RAG search and retention

export const cosineSimilarity = rpc('cosine_similarity', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Cosine similarity of two embeddings stored as real[] (stands in for the pgvector <=> operator)',
  note: 'Returns NULL when the arrays differ in length or either is all zeros.',
  args: { a: 'real[]', b: 'real[]' },
  returns: 'double precision',
  language: 'sql',
  volatility: 'immutable',
  strict: true,
  parallel: 'safe',
  body: sql`
SELECT CASE
  WHEN cardinality(a) <> cardinality(b) OR s.norm_a = 0 OR s.norm_b = 0 THEN NULL
  ELSE s.dot / (sqrt(s.norm_a) * sqrt(s.norm_b))
END
FROM (
  SELECT sum(x::double precision * y) AS dot, sum(x::double precision * x) AS norm_a, sum(y::double precision * y) AS norm_b
  FROM unnest(a, b) AS t(x, y)
) AS s
`,
});

export const matchKnowledge = rpc('match_knowledge', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'RAG search on agent_knowledge: active entries most similar to the query embedding',
  args: {
    query_embedding: 'real[]',
    match_threshold: { type: 'double precision', default: sql`0.7` },
    match_count: { type: 'integer', default: sql`5` },
    filter_category: { type: 'text', default: sql`NULL` },
  },
  returns: { table: { id: 'uuid', category: 'text', title: 'text', content: 'text', metadata: 'jsonb', similarity: 'double precision' } },
  volatility: 'stable',
  body: sql`
BEGIN
  RETURN QUERY
  SELECT r.id, r.category, r.title, r.content, r.metadata, r.sim
  FROM (
    SELECT k.id, k.category, k.title, k.content, k.metadata, public.cosine_similarity(k.embedding, query_embedding) AS sim
    FROM public.agent_knowledge k
    WHERE k.is_active AND k.embedding IS NOT NULL
      AND (filter_category IS NULL OR k.category = filter_category)
  ) AS r
  WHERE r.sim >= match_threshold
  ORDER BY r.sim DESC
  LIMIT greatest(match_count, 0);
END;
`,
});

export const matchMemories = rpc('match_memories', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'RAG search on memories: unexpired agent_memory rows most similar to the query, weighted by importance',
  note: '`similarity` is the raw cosine similarity; rows are ordered by `similarity * (0.5 + importance / 2)` so important memories win ties.',
  args: {
    query_embedding: 'real[]',
    match_threshold: { type: 'double precision', default: sql`0.6` },
    match_count: { type: 'integer', default: sql`10` },
    p_agent_type: { type: 'text', default: sql`NULL` },
    p_user_id: { type: 'uuid', default: sql`NULL` },
  },
  returns: { table: { id: 'uuid', agent_type: 'text', memory_type: 'text', content: 'text', importance: 'numeric', created_at: 'timestamp with time zone', similarity: 'double precision' } },
  volatility: 'stable',
  body: sql`
BEGIN
  RETURN QUERY
  SELECT r.id, r.agent_type, r.memory_type, r.content, r.importance, r.created_at, r.sim
  FROM (
    SELECT m.id, m.agent_type, m.memory_type, m.content, m.importance, m.created_at,
           public.cosine_similarity(m.embedding, query_embedding) AS sim
    FROM public.agent_memory m
    WHERE m.embedding IS NOT NULL
      AND (m.expires_at IS NULL OR m.expires_at > now())
      AND (p_agent_type IS NULL OR m.agent_type = p_agent_type)
      AND (p_user_id IS NULL OR m.user_id = p_user_id)
  ) AS r
  WHERE r.sim >= match_threshold
  ORDER BY r.sim * (0.5 + r.importance / 2) DESC
  LIMIT greatest(match_count, 0);
END;
`,
});

export const ragSearchMemoryChunks = rpc('rag_search_memory_chunks', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'RAG search memory chunks: chunks most similar to the query, with their document title',
  args: {
    query_embedding: 'real[]',
    match_count: { type: 'integer', default: sql`8` },
    match_threshold: { type: 'double precision', default: sql`0.5` },
    p_document_ids: { type: 'uuid[]', default: sql`NULL` },
  },
  returns: { table: { chunk_id: 'uuid', document_id: 'uuid', document_title: 'text', chunk_index: 'integer', content: 'text', similarity: 'double precision' } },
  volatility: 'stable',
  body: sql`
BEGIN
  RETURN QUERY
  SELECT r.id, r.document_id, r.title, r.chunk_index, r.content, r.sim
  FROM (
    SELECT c.id, c.document_id, d.title, c.chunk_index, c.content, public.cosine_similarity(c.embedding, query_embedding) AS sim
    FROM public.memory_chunks c
    JOIN public.memory_documents d ON d.id = c.document_id
    WHERE c.embedding IS NOT NULL
      AND (p_document_ids IS NULL OR c.document_id = ANY (p_document_ids))
  ) AS r
  WHERE r.sim >= match_threshold
  ORDER BY r.sim DESC, r.document_id, r.chunk_index
  LIMIT greatest(match_count, 0);
END;
`,
});

export const cleanupOldAgentMemory = rpc('cleanup_old_agent_memory', {
  group,
  description: 'Retention cleanup of agent_memory: expired rows, short-term memories older than 7 days, and unimportant memories unused for the retention period',
  args: { p_retention_days: { type: 'integer', default: sql`90` } },
  returns: 'integer',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_count integer;
BEGIN
  IF coalesce(auth.role(), 'service_role') <> 'service_role' AND NOT public.is_admin() THEN
    RAISE EXCEPTION 'admin role required' USING ERRCODE = '42501';
  END IF;
  DELETE FROM public.agent_memory m
  WHERE m.expires_at < now()
     OR (m.memory_type = 'short_term' AND m.created_at < now() - interval '7 days')
     OR (m.importance < 0.3 AND coalesce(m.last_accessed_at, m.created_at) < now() - make_interval(days => greatest(p_retention_days, 1)));
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const expireOldPreparedActions = rpc('expire_old_prepared_actions', {
  group,
  description: 'Expire prepared actions past expires_at, and their pending approval requests',
  returns: 'integer',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_count integer;
BEGIN
  WITH expired AS (
    UPDATE public.prepared_actions pa
    SET status = 'expired'
    WHERE pa.status = 'prepared' AND pa.expires_at < now()
    RETURNING pa.id
  ), approvals AS (
    UPDATE public.ai_agent_approvals ap
    SET status = 'expired'
    FROM expired e
    WHERE ap.action_id = e.id AND ap.status = 'pending'
    RETURNING ap.id
  )
  SELECT count(*) INTO v_count FROM expired;
  RETURN v_count;
END;
`,
  grants: ['service_role'],
});
