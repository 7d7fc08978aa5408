import { bigint, boolean, doublePrecision, integer, jsonb, numeric, real, rpc, smallint, sql, table, text, timestamptz, tsvector, uuid } from 'pgform';
import { adminPolicies, areas, ownerReadPolicies, rlsSql, servicePolicies, tenantPolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.ai;

export const aiAgents = table('ai_agents', {
  group,
  description: 'AI agent definitions: model, prompt, tools and configuration of each agent',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Owning tenant; NULL = platform agent'),
    name: text().notNull().describe('Display name'),
    slug: text().notNull().check(sql`slug ~ '^[a-z0-9_-]+$'`).describe('Key'),
    description: text().describe('What the agent does'),
    agent_type: text().notNull().default('assistant').oneOf(['assistant', 'workflow', 'analyst', 'support', 'autopilot', 'orchestrator']).describe('Kind of agent'),
    provider: text().notNull().default('openai').describe('Model provider'),
    model: text().notNull().describe('Model name'),
    system_prompt: text().describe('System prompt'),
    tools: jsonb().notNull().default([]).describe('Tools the agent may call'),
    config: jsonb().notNull().default({}).describe('Other settings (max tokens, retrieval namespace...)'),
    temperature: numeric(3, 2).notNull().default(0.7).check(sql`temperature BETWEEN 0 AND 2`).describe('Sampling temperature'),
    is_active: boolean().notNull().default(true).describe('Usable'),
    is_public: boolean().notNull().default(false).describe('Listed for every user'),
    version: integer().notNull().default(1).check(sql`version >= 1`).describe('Configuration version'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Creator'),
    ...timestamps(),
  },
  unique: [{ columns: ['tenant_id', 'slug'], name: 'ai_agents_tenant_id_slug_key', nullsNotDistinct: true }],
  triggers: { ...updatedAtTrigger('ai_agents') },
  rls: true,
  policies: {
    'Public can view public agents': { for: 'select', to: ['anon', 'authenticated'], using: sql`is_public AND is_active` },
    ...tenantPolicies('agents'),
    ...adminPolicies('agents'),
    ...servicePolicies('agents'),
  },
});

export const aiEmbeddings = table('ai_embeddings', {
  group,
  description:
    'Vector embeddings for semantic search. The embedding is a real[] (pgvector is not available); search_embeddings(), hybrid_search() and match_knowledge() compare with cosine_similarity()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant; NULL = platform knowledge'),
    namespace: text().notNull().default('default').describe('Search namespace (knowledge, docs, faq, messages...)'),
    source_type: text().notNull().default('document').oneOf(['document', 'faq', 'knowledge', 'message', 'code', 'web_page', 'other']).describe('Kind of source'),
    source_id: text().describe('Id of the source row or document'),
    chunk_index: integer().notNull().default(0).check(sql`chunk_index >= 0`).describe('Chunk number within the source'),
    content: text().notNull().describe('Text that was embedded'),
    content_hash: text().notNull().generated(sql`md5(content)`).describe('md5 of content (generated), for de-duplication'),
    embedding: real().array().notNull().describe('Embedding as real[] (pgvector vector(1536) in the original schema; not available here)'),
    dimensions: smallint().notNull().default(1536).describe('Number of components of embedding'),
    embedding_model: text().notNull().default('text-embedding-3-small').describe('Model that produced the embedding'),
    metadata: jsonb().notNull().default({}).describe('Title, URL, tags...'),
    fts: tsvector().generated(sql`to_tsvector('english', content)`).describe('Full-text vector of content (generated), for hybrid_search()'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Who added it'),
    ...timestamps(),
  },
  checks: { ai_embeddings_dimensions_check: sql`cardinality(embedding) = dimensions` },
  unique: [{ columns: ['tenant_id', 'namespace', 'content_hash', 'embedding_model'], name: 'ai_embeddings_dedup_key', nullsNotDistinct: true }],
  indexes: {
    idx_ai_embeddings_namespace: { on: ['namespace', 'source_type'] },
    idx_ai_embeddings_source: { on: ['source_type', 'source_id'] },
    idx_ai_embeddings_fts: { on: ['fts'], using: 'gin' },
    idx_ai_embeddings_metadata: { on: ['metadata'], using: 'gin' },
  },
  triggers: { ...updatedAtTrigger('ai_embeddings') },
  rls: true,
  policies: {
    'Authenticated users view platform knowledge': { for: 'select', to: 'authenticated', using: sql`tenant_id IS NULL` },
    ...tenantPolicies('embeddings'),
    ...adminPolicies('embeddings'),
    ...servicePolicies('embeddings'),
  },
});

export const aiHealthMetrics = table('ai_health_metrics', {
  group,
  description: 'AI deployment health metrics: request volume, errors, latency, tokens and cost per model and time window',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant; NULL = platform'),
    agent_id: uuid().references('ai_agents', 'id', { onDelete: 'set null' }).index().describe('Agent, if per agent'),
    provider: text().notNull().describe('Model provider'),
    model: text().notNull().describe('Model or deployment'),
    window_start: timestamptz().notNull().describe('Window start'),
    window_end: timestamptz().notNull().describe('Window end'),
    request_count: integer().notNull().default(0).check(sql`request_count >= 0`).describe('Requests'),
    error_count: integer().notNull().default(0).check(sql`error_count >= 0`).describe('Failed requests'),
    avg_latency_ms: doublePrecision().describe('Mean latency'),
    p95_latency_ms: doublePrecision().describe('95th percentile latency'),
    tokens_input: bigint().notNull().default(0).describe('Prompt tokens'),
    tokens_output: bigint().notNull().default(0).describe('Completion tokens'),
    cost_usd: numeric(12, 4).notNull().default(0).describe('Cost in USD'),
    status: text().notNull().default('healthy').oneOf(['healthy', 'degraded', 'down']).describe('Health verdict'),
    recorded_at: timestamptz().notNull().defaultNow(),
  },
  checks: { ai_health_metrics_window_check: sql`window_end > window_start`, ai_health_metrics_errors_check: sql`error_count <= request_count` },
  indexes: { idx_ai_health_metrics_model_window: { on: ['provider', 'model', 'window_start DESC'] } },
  rls: true,
  policies: {
    'Tenant members view AI health': { for: 'select', to: 'authenticated', using: rlsSql.tenant() },
    ...adminPolicies('AI health'),
    ...servicePolicies('AI health'),
  },
});

export const aiInsights = table('ai_insights', {
  group,
  description: 'AI-generated insights (trends, anomalies, recommendations) for a tenant or a user',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('User the insight is for, if personal'),
    agent_id: uuid().references('ai_agents', 'id', { onDelete: 'set null' }).index().describe('Agent that produced it'),
    insight_type: text().notNull().oneOf(['trend', 'anomaly', 'recommendation', 'prediction', 'summary']).describe('Kind'),
    title: text().notNull().describe('Headline'),
    content: text().notNull().describe('Explanation'),
    confidence: numeric(4, 3).check(sql`confidence BETWEEN 0 AND 1`).describe('Model confidence 0-1'),
    severity: text().notNull().default('info').oneOf(['info', 'low', 'medium', 'high', 'critical']).describe('Importance'),
    data: jsonb().notNull().default({}).describe('Supporting data'),
    status: text().notNull().default('new').oneOf(['new', 'viewed', 'actioned', 'dismissed']).describe('What the reader did'),
    expires_at: timestamptz().describe('Stale after'),
    ...timestamps(),
  },
  indexes: { idx_ai_insights_created_at: { on: ['created_at DESC'] } },
  triggers: { ...updatedAtTrigger('ai_insights') },
  rls: true,
  policies: {
    ...ownerReadPolicies('insights'),
    'Users update own insights': { for: 'update', to: 'authenticated', using: rlsSql.owner(), withCheck: rlsSql.owner() },
    'Tenant members view tenant insights': { for: 'select', to: 'authenticated', using: sql`user_id IS NULL AND public.is_tenant_member(tenant_id, (select auth.uid()))` },
    'Tenant members update tenant insights': {
      for: 'update',
      to: 'authenticated',
      using: sql`user_id IS NULL AND public.is_tenant_member(tenant_id, (select auth.uid()))`,
      withCheck: sql`user_id IS NULL AND public.is_tenant_member(tenant_id, (select auth.uid()))`,
    },
    ...adminPolicies('insights'),
    ...servicePolicies('insights'),
  },
});

export const agentInteractions = table('agent_interactions', {
  group,
  description: 'AI agent interaction logs: one row per request to an agent with its result, tokens, latency and feedback',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    agent_id: uuid().notNull().references('ai_agents', 'id', { onDelete: 'cascade' }).index().describe('Agent'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('User who asked'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    conversation_id: uuid().index().describe('Chat conversation (chat_conversations.id), if in a chat'),
    input: text().describe('Prompt or task'),
    output: text().describe('Answer'),
    tool_calls: jsonb().notNull().default([]).describe('Tools called'),
    retrieved_ids: uuid().array().notNull().default([]).describe('ai_embeddings rows used as context'),
    status: text().notNull().default('success').oneOf(['success', 'error', 'timeout', 'cancelled']).describe('Outcome'),
    error_message: text().describe('Error, if any'),
    tokens_input: integer().notNull().default(0).describe('Prompt tokens'),
    tokens_output: integer().notNull().default(0).describe('Completion tokens'),
    latency_ms: integer().check(sql`latency_ms >= 0`).describe('Latency'),
    cost_usd: numeric(12, 6).notNull().default(0).describe('Cost in USD'),
    feedback_score: smallint().check(sql`feedback_score BETWEEN -1 AND 1`).describe('User feedback: -1, 0, 1'),
    created_at: timestamptz().notNull().defaultNow().index({ name: 'idx_agent_interactions_created_at', descending: true }),
  },
  rls: true,
  policies: {
    ...ownerReadPolicies('agent interactions'),
    'Users give feedback on own interactions': { for: 'update', to: 'authenticated', using: rlsSql.owner(), withCheck: rlsSql.owner() },
    'Tenant admins view agent interactions': { for: 'select', to: 'authenticated', using: rlsSql.tenantAdmin() },
    ...adminPolicies('agent interactions'),
    ...servicePolicies('agent interactions'),
  },
});

const matchColumns = {
  id: 'uuid',
  content: 'text',
  metadata: 'jsonb',
  namespace: 'text',
  source_type: 'text',
  source_id: 'text',
  similarity: 'double precision',
};

export const searchEmbeddings = rpc('search_embeddings', {
  set: { search_path: 'public, extensions' },
  group,
  description:
    'Vector search: rows of ai_embeddings (that the caller may read) whose cosine similarity to query_embedding is at least match_threshold, best first. Exact scan over real[]',
  args: {
    query_embedding: 'real[]',
    match_threshold: { type: 'double precision', default: sql`0.78` },
    match_count: { type: 'integer', default: sql`10` },
    filter_namespace: { type: 'text', default: sql`NULL` },
  },
  returns: { table: matchColumns },
  language: 'plpgsql',
  volatility: 'stable',
  body: sql`
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT s.id, s.content, s.metadata, s.namespace, s.source_type, s.source_id, s.similarity
  FROM (
    SELECT e.id, e.content, e.metadata, e.namespace, e.source_type, e.source_id,
           public.cosine_similarity(e.embedding, query_embedding) AS similarity
    FROM public.ai_embeddings e
    WHERE (filter_namespace IS NULL OR e.namespace = filter_namespace)
      AND cardinality(e.embedding) = cardinality(query_embedding)
  ) s
  WHERE s.similarity >= match_threshold
  ORDER BY s.similarity DESC
  LIMIT greatest(match_count, 0);
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const hybridSearch = rpc('hybrid_search', {
  set: { search_path: 'public, extensions' },
  group,
  description:
    'Hybrid semantic + keyword search: rows matching the text (websearch syntax on fts) or similar to the embedding; combined_score = 0.7 * similarity + 0.3 * keyword rank (0-1)',
  args: {
    query_text: 'text',
    query_embedding: 'real[]',
    match_threshold: { type: 'double precision', default: sql`0.5` },
    match_count: { type: 'integer', default: sql`10` },
    filter_namespace: { type: 'text', default: sql`NULL` },
  },
  returns: { table: { ...matchColumns, keyword_rank: 'double precision', combined_score: 'double precision' } },
  language: 'plpgsql',
  volatility: 'stable',
  body: sql`
#variable_conflict use_column
DECLARE
  v_query tsquery := websearch_to_tsquery('english', coalesce(query_text, ''));
BEGIN
  RETURN QUERY
  SELECT s.id, s.content, s.metadata, s.namespace, s.source_type, s.source_id, s.similarity, s.keyword_rank,
         0.7 * coalesce(s.similarity, 0) + 0.3 * s.keyword_rank AS combined_score
  FROM (
    SELECT e.id, e.content, e.metadata, e.namespace, e.source_type, e.source_id,
           CASE WHEN query_embedding IS NOT NULL AND cardinality(e.embedding) = cardinality(query_embedding)
                THEN public.cosine_similarity(e.embedding, query_embedding) END AS similarity,
           CASE WHEN e.fts @@ v_query THEN ts_rank_cd(e.fts, v_query, 32)::double precision ELSE 0 END AS keyword_rank
    FROM public.ai_embeddings e
    WHERE (filter_namespace IS NULL OR e.namespace = filter_namespace)
  ) s
  WHERE s.similarity >= match_threshold OR s.keyword_rank > 0
  ORDER BY combined_score DESC
  LIMIT greatest(match_count, 0);
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const matchKnowledge = rpc('match_knowledge', {
  set: { search_path: 'public, extensions' },
  group,
  description:
    'Knowledge-base retrieval for agents: knowledge rows (namespace or source_type "knowledge") of the platform and of p_tenant_id nearest to query_embedding by cosine similarity',
  args: {
    query_embedding: 'real[]',
    match_threshold: { type: 'double precision', default: sql`0.75` },
    match_count: { type: 'integer', default: sql`5` },
    p_tenant_id: { type: 'uuid', default: sql`NULL` },
  },
  returns: { table: { ...matchColumns, tenant_id: 'uuid' } },
  language: 'plpgsql',
  volatility: 'stable',
  body: sql`
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT s.id, s.content, s.metadata, s.namespace, s.source_type, s.source_id, s.similarity, s.tenant_id
  FROM (
    SELECT e.id, e.content, e.metadata, e.namespace, e.source_type, e.source_id, e.tenant_id,
           public.cosine_similarity(e.embedding, query_embedding) AS similarity
    FROM public.ai_embeddings e
    WHERE (e.namespace = 'knowledge' OR e.source_type = 'knowledge')
      AND (e.tenant_id IS NULL OR e.tenant_id = p_tenant_id)
      AND cardinality(e.embedding) = cardinality(query_embedding)
  ) s
  WHERE s.similarity >= match_threshold
  ORDER BY s.similarity DESC
  LIMIT greatest(match_count, 0);
END;
`,
  grants: ['authenticated', 'service_role'],
});
