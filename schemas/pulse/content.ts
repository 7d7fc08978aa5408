import { boolean, date, integer, jsonb, sql, table, text, timestamptz, uuid } from 'pgform';
import { adminManagePolicy, adminViewPolicy, libraryPolicies, ownerColumn, ownRowPolicies, timestamps, updatedAtTrigger } from './common.js';

const group = 'Content Management';

export const contentTopics = table('content_topics', {
  group,
  description: 'Content categorization: a tree of topics (market updates, buyer tips, seller tips...) used by content packs and generated content',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    parent_id: uuid().references('content_topics', 'id', { onDelete: 'set null' }).index().describe('Parent topic'),
    name: text().notNull().describe('Topic name'),
    slug: text().notNull().unique().check(sql`slug ~ '^[a-z0-9-]+$'`).describe('URL slug'),
    description: text().describe('Description'),
    icon: text().describe('Icon name'),
    color: text().describe('Display color'),
    sort_order: integer().notNull().default(0).describe('Display order'),
    is_active: boolean().notNull().default(true).describe('Inactive topics are hidden'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('content_topics'),
  rls: true,
  policies: {
    'Authenticated users can view active content topics': { for: 'select', to: 'authenticated', using: sql`is_active` },
    ...adminManagePolicy('content topics'),
  },
});

export const contentPacks = table('content_packs', {
  group,
  description: 'Content bundles: ready-made sets of posts, emails and scripts on a topic',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    topic_id: uuid().references('content_topics', 'id', { onDelete: 'set null' }).index().describe('Topic'),
    title: text().notNull().describe('Pack title'),
    slug: text().notNull().unique().check(sql`slug ~ '^[a-z0-9-]+$'`).describe('URL slug'),
    description: text().describe('Description'),
    cover_image_url: text().describe('Cover image'),
    pack_type: text().notNull().default('mixed').oneOf(['social', 'email', 'video_script', 'blog', 'sms', 'mixed']).describe('Kind of content inside'),
    items: jsonb().notNull().default([]).check(sql`jsonb_typeof(items) = 'array'`).describe('Pack items: [{ type, title, body, platform }]'),
    item_count: integer().notNull().default(0).check(sql`item_count >= 0`).describe('Number of items'),
    tags: text().array().notNull().default(sql`'{}'::text[]`).describe('Tags'),
    is_premium: boolean().notNull().default(false).describe('Requires a paid plan'),
    credit_cost: integer().notNull().default(0).check(sql`credit_cost >= 0`).describe('Credits to personalise the pack'),
    is_published: boolean().notNull().default(false).describe('Visible to users'),
    published_at: timestamptz().describe('When it was published'),
    created_by: text().references('profiles', 'id', { onDelete: 'set null' }).index().describe('Admin who created it'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('content_packs'),
  rls: true,
  policies: {
    'Authenticated users can view published content packs': { for: 'select', to: 'authenticated', using: sql`is_published` },
    ...adminManagePolicy('content packs'),
  },
});

export const featuredContentPacks = table('featured_content_packs', {
  group,
  description: 'Featured content listings: content packs promoted on the dashboard for a date range',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    content_pack_id: uuid().notNull().references('content_packs', 'id', { onDelete: 'cascade' }).index().describe('Featured pack'),
    headline: text().describe('Promotional headline'),
    display_order: integer().notNull().default(0).describe('Order on the dashboard'),
    feature_start: date().notNull().default(sql`CURRENT_DATE`).describe('First day featured'),
    feature_end: date().describe('Last day featured (NULL: until removed)'),
    is_active: boolean().notNull().default(true).describe('Switch off without deleting'),
    created_by: text().references('profiles', 'id', { onDelete: 'set null' }).index().describe('Admin who featured it'),
    ...timestamps(),
  },
  checks: { featured_content_packs_dates_check: sql`feature_end IS NULL OR feature_end >= feature_start` },
  triggers: updatedAtTrigger('featured_content_packs'),
  rls: true,
  policies: {
    'Authenticated users can view current featured packs': {
      for: 'select',
      to: 'authenticated',
      using: sql`(is_active AND feature_start <= CURRENT_DATE AND (feature_end IS NULL OR feature_end >= CURRENT_DATE))`,
    },
    ...adminManagePolicy('featured packs'),
  },
});

export const generatedContent = table('generated_content', {
  group,
  description: 'AI-generated content library: posts, emails, scripts and listing descriptions created for a user',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    content_pack_id: uuid().references('content_packs', 'id', { onDelete: 'set null' }).index().describe('Pack it was personalised from'),
    topic_id: uuid().references('content_topics', 'id', { onDelete: 'set null' }).index().describe('Topic'),
    agent_id: uuid().references('agent_config', 'id', { onDelete: 'set null' }).index().describe('Agent that generated it'),
    brand_palette_id: uuid().references('brand_color_palettes', 'id', { onDelete: 'set null' }).index().describe('Branding applied to visuals'),
    content_type: text()
      .notNull()
      .oneOf(['social_post', 'email', 'blog', 'video_script', 'listing_description', 'ad_copy', 'newsletter', 'sms', 'other'])
      .describe('Kind of content'),
    platform: text().oneOf(['instagram', 'facebook', 'linkedin', 'tiktok', 'youtube', 'x', 'email', 'website', 'other']).describe('Target platform'),
    title: text().describe('Title'),
    content: text().notNull().describe('Generated text'),
    prompt: text().describe('Prompt used'),
    media_urls: text().array().notNull().default(sql`'{}'::text[]`).describe('Images or videos'),
    status: text().notNull().default('draft').oneOf(['draft', 'approved', 'scheduled', 'published', 'archived']).describe('Lifecycle state'),
    scheduled_for: timestamptz().describe('Planned publish time'),
    published_at: timestamptz().describe('Actual publish time'),
    is_favorite: boolean().notNull().default(false).describe('Starred by the user'),
    credits_used: integer().notNull().default(0).check(sql`credits_used >= 0`).describe('Credits charged'),
    metadata: jsonb().notNull().default({}).describe('Model, hashtags, publish result'),
    ...timestamps(),
  },
  indexes: { idx_generated_content_user_created: { on: ['user_id', 'created_at DESC'] } },
  triggers: updatedAtTrigger('generated_content'),
  rls: true,
  policies: { ...ownRowPolicies('generated content'), ...adminViewPolicy('generated content') },
});

export const clientPersonas = table('client_personas', {
  group,
  description: 'Client personas for training: the simulated buyers and sellers of role play scenarios (system personas have user_id NULL)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ nullable: true, description: 'Clerk id of the creator; NULL for system personas' }),
    name: text().notNull().describe('Persona name'),
    persona_type: text()
      .notNull()
      .oneOf(['buyer', 'first_time_buyer', 'seller', 'investor', 'renter', 'fsbo', 'expired_listing', 'relocation', 'sphere'])
      .describe('Kind of client'),
    description: text().describe('Backstory'),
    demographics: jsonb().notNull().default({}).describe('Age, family, income, location'),
    motivations: text().array().notNull().default(sql`'{}'::text[]`).describe('Motivations'),
    pain_points: text().array().notNull().default(sql`'{}'::text[]`).describe('Pain points'),
    common_objections: text().array().notNull().default(sql`'{}'::text[]`).describe('Objections the persona raises'),
    personality_traits: text().array().notNull().default(sql`'{}'::text[]`).describe('Traits that shape the simulation'),
    communication_style: text().describe('How the persona talks'),
    budget_range: text().describe('Budget or price expectations'),
    timeline: text().describe('Buying or selling timeline'),
    avatar_url: text().describe('Avatar'),
    voice_id: uuid().references('agent_voices', 'id', { onDelete: 'set null' }).index().describe('Voice used in voice role play'),
    is_active: boolean().notNull().default(true).describe('Inactive personas are hidden'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('client_personas'),
  rls: true,
  policies: libraryPolicies('client personas', 'is_active'),
});

export const objectionScripts = table('objection_scripts', {
  group,
  description: 'Sales objection response scripts: system scripts (user_id NULL) and the user\'s own',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ nullable: true, description: 'Clerk id of the author; NULL for system scripts' }),
    objection: text().notNull().describe("The objection, e.g. 'Your commission is too high'"),
    category: text()
      .notNull()
      .default('other')
      .oneOf(['price', 'commission', 'timing', 'trust', 'competition', 'market', 'motivation', 'contract', 'other'])
      .describe('Objection category'),
    persona_type: text().describe('Client type the script is written for'),
    response_script: text().notNull().describe('Recommended response'),
    alternative_responses: text().array().notNull().default(sql`'{}'::text[]`).describe('Other responses'),
    tips: text().describe('Delivery tips'),
    difficulty: text().notNull().default('intermediate').oneOf(['beginner', 'intermediate', 'advanced']).describe('Difficulty'),
    tags: text().array().notNull().default(sql`'{}'::text[]`).describe('Tags'),
    usage_count: integer().notNull().default(0).check(sql`usage_count >= 0`).describe('Times practiced or copied'),
    is_active: boolean().notNull().default(true).describe('Inactive scripts are hidden'),
    ...timestamps(),
  },
  indexes: { idx_objection_scripts_category: { on: ['category'] } },
  triggers: updatedAtTrigger('objection_scripts'),
  rls: true,
  policies: libraryPolicies('objection scripts', 'is_active'),
});
