/*
 * 16. Community & Social: the Q&A / discussion forum (community_posts: threads and their replies,
 * distinct from the gamified feed in `posts`), expert profiles users can book, and the channels
 * (Slack, Discord, WhatsApp, email...) a tenant or the platform uses to talk to its community.
 */
import { boolean, integer, jsonb, numeric, sql, system, table, text, timestamptz, triggerFunction, tsvector, uuid } from 'pgform';
import { adminPolicies, areas, ownerPolicies, rlsSql, servicePolicies, tenantPolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.community;

const moderator = sql`public.has_role((select auth.uid()), 'moderator')`;

export const communityPosts = table('community_posts', {
  group,
  note: `Forum threads are rows with \`parent_id\` NULL; replies point at their thread. This is separate from the gamified activity feed (\`posts\`, \`comments\`, \`reactions\` in Gamification & Community). \`update_community_thread_stats()\` keeps \`reply_count\` and \`last_activity_at\` of the thread.`,
  description: 'Community forum posts: threads (parent_id NULL) and replies, in the global forum or a tenant-private one',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    author_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Author'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant forum; NULL = global community forum'),
    parent_id: uuid().references('community_posts', 'id', { onDelete: 'cascade' }).index().describe('Thread this reply belongs to; NULL for a thread'),
    title: text().check(sql`char_length(title) BETWEEN 1 AND 300`).describe('Thread title (required for threads)'),
    body: text().notNull().check(sql`char_length(body) BETWEEN 1 AND 40000`).describe('Content (Markdown)'),
    category: text().notNull().default('general').describe('Forum category (general, help, showcase, feedback, ...)'),
    tags: text().array().notNull().default([]).describe('Tags'),
    status: text().notNull().default('published').oneOf(['draft', 'published', 'hidden', 'removed']).describe('Publishing / moderation state'),
    is_pinned: boolean().notNull().default(false).describe('Pinned by a moderator'),
    is_locked: boolean().notNull().default(false).describe('No new replies'),
    is_answered: boolean().notNull().default(false).describe('Question marked as answered'),
    accepted_reply_id: uuid().index().references('community_posts', 'id', { onDelete: 'set null' }).describe('Reply accepted as the answer'),
    view_count: integer().notNull().default(0).check(sql`view_count >= 0`).describe('Views'),
    reply_count: integer().notNull().default(0).check(sql`reply_count >= 0`).describe('Published replies (kept by a trigger)'),
    upvote_count: integer().notNull().default(0).describe('Net votes'),
    last_activity_at: timestamptz().notNull().defaultNow().describe('Last reply or edit (thread sorting)'),
    search_vector: tsvector()
      .generated(sql`setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, body), 'B')`)
      .describe('Full-text search over title and body'),
    ...timestamps(),
  },
  checks: { community_posts_thread_title_check: sql`parent_id IS NOT NULL OR title IS NOT NULL` },
  indexes: {
    idx_community_posts_threads: { on: ['category', 'is_pinned DESC', 'last_activity_at DESC'], where: sql`parent_id IS NULL AND status = 'published'` },
    idx_community_posts_search: { on: ['search_vector'], using: 'gin' },
    idx_community_posts_tags: { on: ['tags'], using: 'gin' },
    idx_community_posts_created_at: { on: ['created_at DESC'] },
  },
  triggers: {
    ...updatedAtTrigger('community_posts'),
    community_posts_reply_stats: {
      timing: 'after',
      events: ['insert', 'update', 'delete'],
      function: 'public.update_community_thread_stats',
      description: "Keeps the thread's reply_count and last_activity_at current",
    },
  },
  rls: true,
  policies: {
    'Public can view published global posts': {
      for: 'select',
      to: ['anon', 'authenticated'],
      using: sql`status = 'published' AND tenant_id IS NULL`,
    },
    'Tenant members view published tenant posts': {
      for: 'select',
      to: 'authenticated',
      using: sql`status = 'published' AND ${rlsSql.tenant().sql}`,
    },
    ...ownerPolicies('community posts', 'author_id'),
    'Moderators manage community posts': { for: 'all', to: 'authenticated', using: moderator, withCheck: moderator },
    ...adminPolicies('community posts'),
    ...servicePolicies('community posts'),
  },
});

export const expertProfiles = table('expert_profiles', {
  group,
  description: 'Expert user profiles: users who offer advice or paid sessions, with expertise, rates and verification',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().unique().references('auth.users', 'id', { onDelete: 'cascade' }).describe('The expert (one profile per user)'),
    headline: text().notNull().check(sql`char_length(headline) BETWEEN 1 AND 160`).describe('One-line pitch'),
    bio: text().describe('Long biography (Markdown)'),
    expertise_areas: text().array().notNull().default([]).describe('Areas of expertise (automation, crm, design, ...)'),
    years_experience: integer().check(sql`years_experience BETWEEN 0 AND 80`).describe('Years of experience'),
    hourly_rate: numeric(10, 2).check(sql`hourly_rate >= 0`).describe('Rate per hour (NULL: on request)'),
    currency: text().notNull().default('USD').check(sql`currency ~ '^[A-Z]{3}$'`).describe('ISO 4217 currency code'),
    languages: text().array().notNull().default(['en']).describe('Languages spoken'),
    timezone: text().notNull().default('UTC').describe('IANA time zone'),
    availability: jsonb().notNull().default({}).describe('Weekly availability: {"mon": [["09:00", "12:00"]], ...}'),
    links: jsonb().notNull().default({}).describe('Website, LinkedIn, portfolio'),
    is_listed: boolean().notNull().default(true).describe('Shown in the expert directory (public read)'),
    is_accepting_clients: boolean().notNull().default(true).describe('Open for bookings'),
    is_verified: boolean().notNull().default(false).describe('Verified by an admin (protected by protect_expert_verification())'),
    verified_at: timestamptz().describe('When it was verified'),
    verified_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Admin who verified it'),
    rating_avg: numeric(3, 2).check(sql`rating_avg BETWEEN 0 AND 5`).describe('Average session rating'),
    rating_count: integer().notNull().default(0).check(sql`rating_count >= 0`).describe('Number of ratings'),
    sessions_completed: integer().notNull().default(0).check(sql`sessions_completed >= 0`).describe('Completed sessions'),
    ...timestamps(),
  },
  indexes: {
    idx_expert_profiles_expertise: { on: ['expertise_areas'], using: 'gin' },
    idx_expert_profiles_directory: { on: ['is_verified DESC', 'rating_avg DESC'], where: sql`is_listed` },
  },
  triggers: {
    ...updatedAtTrigger('expert_profiles'),
    expert_profiles_protect_verification: {
      timing: 'before',
      events: ['insert', 'update'],
      function: 'public.protect_expert_verification',
      description: 'Only admins and the service role change verification and rating fields',
    },
  },
  rls: true,
  policies: {
    'Public can view listed experts': { for: 'select', to: ['anon', 'authenticated'], using: sql`is_listed` },
    ...ownerPolicies('expert profile'),
    ...adminPolicies('expert profiles'),
    ...servicePolicies('expert profiles'),
  },
});

export const communicationChannels = table('communication_channels', {
  group,
  description: 'Communication channel configs: the Slack, Discord, WhatsApp, email... channels a tenant (or the platform, tenant_id NULL) uses to reach its community',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant; NULL = platform channel (admins manage)'),
    channel_type: text()
      .notNull()
      .oneOf(['email', 'sms', 'whatsapp', 'slack', 'discord', 'telegram', 'webhook', 'push', 'in_app'])
      .describe('Kind of channel'),
    name: text().notNull().describe('Label ("#announcements", "Support inbox")'),
    description: text().describe('What the channel is for'),
    direction: text().notNull().default('bidirectional').oneOf(['inbound', 'outbound', 'bidirectional']).describe('Message direction'),
    config: jsonb().notNull().default({}).describe('Non-secret settings (channel id, sender address, webhook URL path)'),
    credentials_ref: text().describe('Reference to the secret in the vault (tokens are never stored here)'),
    is_active: boolean().notNull().default(true).describe('In use'),
    is_default: boolean().notNull().default(false).describe('Default channel of its type for the tenant'),
    verified_at: timestamptz().describe('When the connection was verified'),
    last_used_at: timestamptz().describe('Last message sent or received'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Who configured it'),
    ...timestamps(),
  },
  unique: [{ columns: ['tenant_id', 'channel_type', 'name'], name: 'communication_channels_tenant_type_name_key', nullsNotDistinct: true }],
  indexes: {
    idx_communication_channels_one_default: {
      on: ['tenant_id', 'channel_type'],
      unique: true,
      nullsNotDistinct: true,
      where: sql`is_default`,
      description: 'At most one default channel per tenant and type',
    },
  },
  triggers: { ...updatedAtTrigger('communication_channels') },
  rls: true,
  policies: {
    ...tenantPolicies('channels'),
    ...adminPolicies('channels'),
    ...servicePolicies('channels'),
  },
});

export const updateCommunityThreadStats = triggerFunction('update_community_thread_stats', {
  group,
  description: "AFTER INSERT/UPDATE/DELETE on community_posts: recounts the parent thread's published replies and bumps last_activity_at",
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_thread uuid;
BEGIN
  FOREACH v_thread IN ARRAY ARRAY[
    CASE WHEN TG_OP <> 'DELETE' THEN NEW.parent_id END,
    CASE WHEN TG_OP <> 'INSERT' THEN OLD.parent_id END
  ] LOOP
    CONTINUE WHEN v_thread IS NULL;
    UPDATE public.community_posts t
    SET reply_count = (SELECT count(*) FROM public.community_posts r WHERE r.parent_id = v_thread AND r.status = 'published'),
        last_activity_at = CASE WHEN TG_OP = 'INSERT' THEN greatest(t.last_activity_at, NEW.created_at) ELSE t.last_activity_at END
    WHERE t.id = v_thread;
  END LOOP;
  RETURN NULL;
END;
`,
});

export const protectExpertVerification = triggerFunction('protect_expert_verification', {
  group,
  description:
    'BEFORE INSERT/UPDATE on expert_profiles: unless the caller is an admin, the service role or a direct database session (no JWT), keeps is_verified, verified_at, verified_by and the rating counters as they were',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  -- No JWT role at all means a direct database session (migrations, backend jobs): trusted.
  IF coalesce(auth.role(), 'service_role') = 'service_role' OR public.is_admin(auth.uid()) THEN
    IF NEW.is_verified AND NEW.verified_at IS NULL THEN
      NEW.verified_at := now();
      NEW.verified_by := auth.uid();
    END IF;
    RETURN NEW;
  END IF;

  IF TG_OP = 'INSERT' THEN
    NEW.is_verified := false;
    NEW.verified_at := NULL;
    NEW.verified_by := NULL;
    NEW.rating_avg := NULL;
    NEW.rating_count := 0;
    NEW.sessions_completed := 0;
  ELSE
    NEW.is_verified := OLD.is_verified;
    NEW.verified_at := OLD.verified_at;
    NEW.verified_by := OLD.verified_by;
    NEW.rating_avg := OLD.rating_avg;
    NEW.rating_count := OLD.rating_count;
    NEW.sessions_completed := OLD.sessions_completed;
  END IF;
  RETURN NEW;
END;
`,
});

export const communityDocs = system({
  groups: {
    [group]: {
      note: `**RLS:** published global forum posts are public read, tenant forums are visible to tenant members; authors own
their posts; moderators (\`has_role(auth.uid(), 'moderator')\`) and admins manage all. Listed expert profiles are
public read and owned by the expert, whose verification only admins change. Communication channels follow tenant
isolation: members read, tenant owners / admins configure; platform channels (\`tenant_id\` NULL) are admin-only.`,
    },
  },
});
