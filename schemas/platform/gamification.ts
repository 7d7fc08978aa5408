import { boolean, date, integer, jsonb, numeric, rpc, smallint, sql, table, text, timestamptz, triggerFunction, uuid } from 'pgform';
import {
  adminPolicies,
  areas,
  ownerPolicies,
  ownerReadPolicies,
  publicReadPolicies,
  rlsSql,
  servicePolicies,
  timestamps,
  updatedAtTrigger,
} from './common.js';

const group = areas.gamification;
const moderator = sql`public.has_role((select auth.uid()), 'moderator')`;

export const badges = table('badges', {
  group,
  description: 'Badge definitions: what can be earned, how, and the XP it is worth',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique().describe('Stable key used by award rules'),
    name: text().notNull().describe('Display name'),
    description: text().describe('How the badge is earned'),
    icon_url: text().describe('Badge artwork'),
    category: text().notNull().default('general').describe('Grouping (streaks, community, learning...)'),
    tier: text().notNull().default('bronze').oneOf(['bronze', 'silver', 'gold', 'platinum']).describe('Rarity tier'),
    xp_reward: integer().notNull().default(0).check(sql`xp_reward >= 0`).describe('XP granted on award'),
    criteria: jsonb().notNull().default({}).describe('Machine-readable award rule'),
    is_active: boolean().notNull().default(true).describe('Can still be earned'),
    ...timestamps(),
  },
  triggers: { ...updatedAtTrigger('badges') },
  rls: true,
  policies: {
    ...publicReadPolicies('badges'),
    ...adminPolicies('badges'),
    ...servicePolicies('badges'),
  },
});

export const userBadges = table('user_badges', {
  group,
  description: 'User badge awards',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Who earned it'),
    badge_id: uuid().notNull().references('badges', 'id', { onDelete: 'cascade' }).index().describe('Badge earned'),
    awarded_at: timestamptz().notNull().defaultNow().describe('When it was awarded'),
    awarded_reason: text().describe('Why (rule or admin note)'),
    progress: jsonb().notNull().default({}).describe('Progress data at award time'),
  },
  unique: [['user_id', 'badge_id']],
  rls: true,
  policies: {
    'Authenticated users view badge awards': { for: 'select', to: 'authenticated', using: sql`true` },
    ...adminPolicies('badge awards'),
    ...servicePolicies('badge awards'),
  },
});

export const streaks = table('streaks', {
  group,
  description: 'User streak tracking: consecutive days of an activity',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Owner'),
    streak_type: text().notNull().default('daily_login').describe('Activity counted (daily_login, journal, challenge...)'),
    current_count: integer().notNull().default(0).check(sql`current_count >= 0`).describe('Current streak length in days'),
    longest_count: integer().notNull().default(0).check(sql`longest_count >= 0`).describe('Best streak so far'),
    last_activity_date: date().describe('Last day the activity happened (user time zone)'),
    started_on: date().describe('First day of the current streak'),
    freeze_until: date().describe('Streak protected until this day'),
    ...timestamps(),
  },
  unique: [['user_id', 'streak_type']],
  triggers: { ...updatedAtTrigger('streaks') },
  rls: true,
  policies: {
    ...ownerReadPolicies('streaks'),
    ...servicePolicies('streaks'),
  },
});

export const posts = table('posts', {
  group,
  description: 'Community posts (published to supabase_realtime)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Author'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant community; NULL = global community'),
    title: text().check(sql`char_length(title) <= 300`).describe('Optional title'),
    content: text().notNull().check(sql`char_length(content) BETWEEN 1 AND 40000`).describe('Body (Markdown)'),
    media_urls: text().array().notNull().default([]).describe('Attached media'),
    tags: text().array().notNull().default([]).describe('Tags'),
    visibility: text().notNull().default('public').oneOf(['public', 'tenant', 'followers', 'private']).describe('Who can read it'),
    status: text().notNull().default('published').oneOf(['draft', 'published', 'hidden', 'removed']).describe('Moderation / publishing state'),
    is_pinned: boolean().notNull().default(false).describe('Pinned by a moderator'),
    comment_count: integer().notNull().default(0).check(sql`comment_count >= 0`).describe('Denormalised count of comments'),
    reaction_count: integer().notNull().default(0).check(sql`reaction_count >= 0`).describe('Denormalised count of reactions'),
    published_at: timestamptz().describe('When it went public'),
    ...timestamps(),
  },
  indexes: {
    idx_posts_created_at: { on: ['created_at DESC'] },
    idx_posts_feed: { on: ['status', 'visibility', 'created_at DESC'] },
    idx_posts_tags: { on: ['tags'], using: 'gin' },
  },
  triggers: { ...updatedAtTrigger('posts') },
  rls: true,
  policies: {
    'Public can view published posts': {
      for: 'select',
      to: ['anon', 'authenticated'],
      using: sql`status = 'published' AND visibility = 'public'`,
    },
    'Tenant members view tenant posts': {
      for: 'select',
      to: 'authenticated',
      using: sql`status = 'published' AND visibility = 'tenant' AND public.is_tenant_member(tenant_id, (select auth.uid()))`,
    },
    'Followers view follower posts': {
      for: 'select',
      to: 'authenticated',
      using: sql`status = 'published' AND visibility = 'followers' AND EXISTS (SELECT 1 FROM public.user_follows f WHERE f.following_id = posts.user_id AND f.follower_id = (select auth.uid()))`,
    },
    ...ownerPolicies('posts'),
    'Moderators manage posts': { for: 'all', to: 'authenticated', using: moderator, withCheck: moderator },
    ...adminPolicies('posts'),
    ...servicePolicies('posts'),
  },
});

export const comments = table('comments', {
  group,
  description: 'Post comments (threaded through parent_id)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    post_id: uuid().notNull().references('posts', 'id', { onDelete: 'cascade' }).index().describe('Post commented on'),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Author'),
    parent_id: uuid().references('comments', 'id', { onDelete: 'cascade' }).index().describe('Comment replied to (NULL: top level)'),
    depth: smallint().notNull().default(0).check(sql`depth BETWEEN 0 AND 10`).describe('Nesting level'),
    content: text().notNull().check(sql`char_length(content) BETWEEN 1 AND 10000`).describe('Comment text'),
    status: text().notNull().default('visible').oneOf(['visible', 'hidden', 'removed']).describe('Moderation state'),
    is_edited: boolean().notNull().default(false).describe('Edited after posting'),
    ...timestamps(),
  },
  indexes: { idx_comments_post_created: { on: ['post_id', 'created_at'] } },
  triggers: { ...updatedAtTrigger('comments') },
  rls: true,
  policies: {
    'Users view comments on visible posts': {
      for: 'select',
      to: ['anon', 'authenticated'],
      using: sql`(status = 'visible' OR (select auth.uid()) = user_id) AND EXISTS (SELECT 1 FROM public.posts p WHERE p.id = comments.post_id)`,
    },
    'Users add comments to visible posts': {
      for: 'insert',
      to: 'authenticated',
      withCheck: sql`(select auth.uid()) = user_id AND EXISTS (SELECT 1 FROM public.posts p WHERE p.id = comments.post_id)`,
    },
    'Users update own comments': { for: 'update', to: 'authenticated', using: rlsSql.owner(), withCheck: rlsSql.owner() },
    'Users delete own comments': { for: 'delete', to: 'authenticated', using: rlsSql.owner() },
    'Moderators manage comments': { for: 'all', to: 'authenticated', using: moderator, withCheck: moderator },
    ...adminPolicies('comments'),
    ...servicePolicies('comments'),
  },
});

export const reactions = table('reactions', {
  group,
  description: 'Post reactions (emoji): one row per user, post and emoji',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    post_id: uuid().notNull().references('posts', 'id', { onDelete: 'cascade' }).index().describe('Post reacted to'),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Who reacted'),
    emoji: text().notNull().check(sql`char_length(emoji) BETWEEN 1 AND 32`).describe('Emoji or shortcode'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['post_id', 'user_id', 'emoji']],
  rls: true,
  policies: {
    'Users view reactions on visible posts': {
      for: 'select',
      to: ['anon', 'authenticated'],
      using: sql`EXISTS (SELECT 1 FROM public.posts p WHERE p.id = reactions.post_id)`,
    },
    'Users react to visible posts': {
      for: 'insert',
      to: 'authenticated',
      withCheck: sql`(select auth.uid()) = user_id AND EXISTS (SELECT 1 FROM public.posts p WHERE p.id = reactions.post_id)`,
    },
    'Users remove own reactions': { for: 'delete', to: 'authenticated', using: rlsSql.owner() },
    ...servicePolicies('reactions'),
  },
});

export const journalEntries = table('journal_entries', {
  group,
  description: 'User journal entries (private by default; published to supabase_realtime)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Author'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'set null' }).index().describe('Tenant context, if any'),
    entry_date: date().notNull().default(sql`CURRENT_DATE`).describe('Day the entry is about'),
    title: text().describe('Optional title'),
    content: text().notNull().describe('Entry text'),
    mood: text().oneOf(['great', 'good', 'okay', 'low', 'bad']).describe('Mood label'),
    mood_score: smallint().check(sql`mood_score BETWEEN 1 AND 10`).describe('Mood 1-10'),
    tags: text().array().notNull().default([]).describe('Tags'),
    is_private: boolean().notNull().default(true).describe('Only the author can read it'),
    word_count: integer().generated(sql`COALESCE(array_length(regexp_split_to_array(btrim(content), '\s+'), 1), 0)`).describe('Words in content (generated)'),
    xp_awarded: integer().notNull().default(0).describe('XP granted for the entry'),
    ...timestamps(),
  },
  indexes: { idx_journal_entries_user_date: { on: ['user_id', 'entry_date DESC'] } },
  triggers: { ...updatedAtTrigger('journal_entries') },
  rls: true,
  policies: {
    ...ownerPolicies('journal entries'),
    ...servicePolicies('journal entries'),
  },
});

export const challenges = table('challenges', {
  group,
  description: 'Challenge definitions: time-boxed goals users join for XP and badges',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant running it; NULL = platform-wide'),
    title: text().notNull().describe('Title'),
    description: text().describe('What to do'),
    challenge_type: text().notNull().default('individual').oneOf(['individual', 'team', 'community']).describe('Kind of challenge'),
    goal_metric: text().notNull().describe('What counts toward the goal (journal_entries, posts, streak_days...)'),
    target_value: numeric(12, 2).notNull().check(sql`target_value > 0`).describe('Goal to reach'),
    xp_reward: integer().notNull().default(0).check(sql`xp_reward >= 0`).describe('XP on completion'),
    badge_id: uuid().index().references('badges', 'id', { onDelete: 'set null' }).describe('Badge on completion'),
    starts_at: timestamptz().notNull().describe('Start'),
    ends_at: timestamptz().notNull().describe('End'),
    max_participants: integer().check(sql`max_participants > 0`).describe('Cap on participants (NULL: none)'),
    is_active: boolean().notNull().default(true).describe('Open to join'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Creator'),
    ...timestamps(),
  },
  checks: { challenges_dates_check: sql`ends_at > starts_at` },
  indexes: { idx_challenges_active_window: { on: ['starts_at', 'ends_at'], where: sql`is_active` } },
  triggers: { ...updatedAtTrigger('challenges') },
  rls: true,
  policies: {
    ...publicReadPolicies('platform challenges', 'tenant_id IS NULL AND is_active'),
    'Tenant members view tenant challenges': { for: 'select', to: 'authenticated', using: rlsSql.tenant() },
    'Tenant admins manage tenant challenges': { for: 'all', to: 'authenticated', using: rlsSql.tenantAdmin(), withCheck: rlsSql.tenantAdmin() },
    ...adminPolicies('challenges'),
    ...servicePolicies('challenges'),
  },
});

export const challengeParticipants = table('challenge_participants', {
  group,
  description: 'Challenge participation and progress',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    challenge_id: uuid().notNull().references('challenges', 'id', { onDelete: 'cascade' }).index().describe('Challenge'),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Participant'),
    status: text().notNull().default('joined').oneOf(['joined', 'completed', 'abandoned']).describe('Participation state'),
    progress: numeric(12, 2).notNull().default(0).check(sql`progress >= 0`).describe('Progress toward target_value'),
    progress_data: jsonb().notNull().default({}).describe('Detail of the progress'),
    joined_at: timestamptz().notNull().defaultNow().describe('When the user joined'),
    completed_at: timestamptz().describe('When the goal was reached'),
  },
  unique: [['challenge_id', 'user_id']],
  rls: true,
  policies: {
    'Participants view challenge participants': {
      for: 'select',
      to: 'authenticated',
      using: sql`EXISTS (SELECT 1 FROM public.challenges c WHERE c.id = challenge_participants.challenge_id)`,
    },
    'Users join challenges': {
      for: 'insert',
      to: 'authenticated',
      withCheck: sql`(select auth.uid()) = user_id AND EXISTS (SELECT 1 FROM public.challenges c WHERE c.id = challenge_participants.challenge_id AND c.is_active)`,
    },
    'Users update own participation': { for: 'update', to: 'authenticated', using: rlsSql.owner(), withCheck: rlsSql.owner() },
    'Users leave challenges': { for: 'delete', to: 'authenticated', using: rlsSql.owner() },
    ...adminPolicies('participants'),
    ...servicePolicies('participants'),
  },
});

export const leaderboardEntries = table('leaderboard_entries', {
  group,
  description: 'Leaderboard rankings per period (all_time, monthly, weekly), maintained by update_leaderboard()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Ranked user'),
    period: text().notNull().oneOf(['all_time', 'monthly', 'weekly']).describe('Leaderboard period'),
    period_start: date().notNull().describe("Start of the period (1970-01-01 for all_time)"),
    xp: integer().notNull().default(0).describe('XP earned in the period'),
    rank: integer().describe('Position in the period (1 = top)'),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['user_id', 'period', 'period_start']],
  indexes: { idx_leaderboard_entries_ranking: { on: ['period', 'period_start', 'xp DESC'] } },
  rls: true,
  lint: { allow: { anon_policy_always_true: 'a public leaderboard by design: rows are user id, period, XP and rank, nothing private' } },
  policies: {
    ...publicReadPolicies('leaderboard'),
    ...adminPolicies('leaderboard'),
    ...servicePolicies('leaderboard'),
  },
});

export const notifications = table('notifications', {
  group,
  description:
    'User notifications (the same table serves Notifications & Preferences: mark_notifications_read(), get_unread_notification_count())',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Recipient'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant context; NULL = platform'),
    type: text().notNull().describe('Kind (badge_awarded, comment, reaction, follow, challenge, system...)'),
    title: text().notNull().describe('Headline'),
    body: text().describe('Message text'),
    data: jsonb().notNull().default({}).describe('Payload for the client (ids, deep-link params)'),
    action_url: text().describe('Where a click leads'),
    priority: text().notNull().default('normal').oneOf(['low', 'normal', 'high']).describe('Display priority'),
    is_read: boolean().notNull().default(false).describe('Read by the recipient'),
    read_at: timestamptz().describe('When it was read'),
    expires_at: timestamptz().describe('Hide after this time'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: {
    idx_notifications_unread: { on: ['user_id', 'created_at DESC'], where: sql`NOT is_read` },
    idx_notifications_user_created: { on: ['user_id', 'created_at DESC'] },
  },
  rls: true,
  policies: {
    ...ownerReadPolicies('notifications'),
    'Users update own notifications': { for: 'update', to: 'authenticated', using: rlsSql.owner(), withCheck: rlsSql.owner() },
    'Users delete own notifications': { for: 'delete', to: 'authenticated', using: rlsSql.owner() },
    ...adminPolicies('notifications'),
    ...servicePolicies('notifications'),
  },
});

export const userFollows = table('user_follows', {
  group,
  description: 'User follow relationships (follower -> following)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    follower_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('User who follows'),
    following_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('User being followed'),
    notify: boolean().notNull().default(true).describe('Notify the follower of new posts'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['follower_id', 'following_id']],
  checks: { user_follows_not_self: sql`follower_id <> following_id` },
  rls: true,
  policies: {
    'Authenticated users view follows': { for: 'select', to: 'authenticated', using: sql`true` },
    'Users follow others': { for: 'insert', to: 'authenticated', withCheck: rlsSql.owner('follower_id') },
    'Users update own follows': { for: 'update', to: 'authenticated', using: rlsSql.owner('follower_id'), withCheck: rlsSql.owner('follower_id') },
    'Users unfollow': { for: 'delete', to: 'authenticated', using: rlsSql.owner('follower_id') },
    ...servicePolicies('follows'),
  },
});

export const activities = table('activities', {
  group,
  description: 'Activity feed: what users did (posted, earned a badge, completed a challenge...)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Actor'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant context'),
    activity_type: text().notNull().describe('post_created, badge_earned, challenge_completed, streak_milestone, followed...'),
    object_type: text().describe('Kind of object (post, badge, challenge, journal_entry...)'),
    object_id: uuid().describe('Id of the object (polymorphic, no FK)'),
    summary: text().describe('Rendered one-line summary'),
    metadata: jsonb().notNull().default({}).describe('Details'),
    visibility: text().notNull().default('followers').oneOf(['public', 'followers', 'private']).describe('Who sees it in feeds'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: {
    idx_activities_user_created: { on: ['user_id', 'created_at DESC'] },
    idx_activities_object: { on: ['object_type', 'object_id'] },
  },
  rls: true,
  policies: {
    'Users view public and followed activities': {
      for: 'select',
      to: 'authenticated',
      using: sql`(select auth.uid()) = user_id OR visibility = 'public' OR (visibility = 'followers' AND EXISTS (SELECT 1 FROM public.user_follows f WHERE f.following_id = activities.user_id AND f.follower_id = (select auth.uid())))`,
    },
    'Users record own activities': { for: 'insert', to: 'authenticated', withCheck: rlsSql.owner() },
    'Users delete own activities': { for: 'delete', to: 'authenticated', using: rlsSql.owner() },
    ...servicePolicies('activities'),
  },
});

export const referrals = table('referrals', {
  group,
  description: 'Referral tracking: a code per referrer invitation, conversion and reward',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    referrer_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('User who refers'),
    referral_code: text().notNull().unique().check(sql`referral_code ~ '^[A-Z0-9]{6,16}$'`).describe('Code shared; filled by generate_referral_code() when omitted'),
    referred_email: text().describe('Email invited, if sent by email'),
    referred_user_id: uuid().unique().references('auth.users', 'id', { onDelete: 'set null' }).describe('User who signed up with the code'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'set null' }).index().describe('Tenant program, if any'),
    status: text().notNull().default('pending').oneOf(['pending', 'signed_up', 'converted', 'rewarded', 'expired']).describe('Progress'),
    reward_xp: integer().notNull().default(0).check(sql`reward_xp >= 0`).describe('XP granted to the referrer'),
    signed_up_at: timestamptz().describe('Referred user signed up'),
    converted_at: timestamptz().describe('Referred user converted (paid)'),
    rewarded_at: timestamptz().describe('Reward granted'),
    expires_at: timestamptz().describe('Code expiry'),
    ...timestamps(),
  },
  triggers: {
    ...updatedAtTrigger('referrals'),
    referrals_set_code: { timing: 'before', events: ['insert'], function: 'public.set_referral_code', description: 'Fills referral_code when omitted' },
  },
  rls: true,
  policies: {
    'Users view own referrals': { for: 'select', to: 'authenticated', using: sql`(select auth.uid()) = referrer_id OR (select auth.uid()) = referred_user_id` },
    'Users create own referrals': { for: 'insert', to: 'authenticated', withCheck: rlsSql.owner('referrer_id') },
    ...adminPolicies('referrals'),
    ...servicePolicies('referrals'),
  },
});

export const moderationFlags = table('moderation_flags', {
  group,
  description: 'Content moderation: user reports and their review',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    reporter_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Who reported (NULL: automatic)'),
    content_type: text().notNull().oneOf(['post', 'comment', 'profile', 'journal_entry', 'community_post', 'chat_message', 'blog_comment']).describe('Kind of content flagged'),
    content_id: uuid().notNull().describe('Id of the flagged content (polymorphic, no FK)'),
    reason: text().notNull().oneOf(['spam', 'harassment', 'hate', 'nsfw', 'misinformation', 'self_harm', 'other']).describe('Reason'),
    details: text().describe("Reporter's explanation"),
    status: text().notNull().default('pending').oneOf(['pending', 'reviewing', 'actioned', 'dismissed']).index().describe('Review state'),
    action_taken: text().oneOf(['none', 'hidden', 'removed', 'user_warned', 'user_suspended']).describe('What the moderator did'),
    reviewed_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Moderator'),
    reviewed_at: timestamptz().describe('When it was reviewed'),
    resolution_note: text().describe('Moderator note'),
    ...timestamps(),
  },
  indexes: { idx_moderation_flags_content: { on: ['content_type', 'content_id'] } },
  triggers: { ...updatedAtTrigger('moderation_flags') },
  rls: true,
  policies: {
    'Users report content': { for: 'insert', to: 'authenticated', withCheck: rlsSql.owner('reporter_id') },
    'Users view own reports': { for: 'select', to: 'authenticated', using: rlsSql.owner('reporter_id') },
    'Moderators manage flags': { for: 'all', to: 'authenticated', using: moderator, withCheck: moderator },
    ...adminPolicies('flags'),
    ...servicePolicies('flags'),
  },
});

export const generateReferralCode = rpc('generate_referral_code', {
  group,
  description: 'Generate unique referral code: 8 upper-case letters and digits not yet used in referrals',
  returns: 'text',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_alphabet constant text := 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  v_code text;
BEGIN
  LOOP
    SELECT string_agg(substr(v_alphabet, 1 + floor(random() * length(v_alphabet))::int, 1), '')
    INTO v_code
    FROM generate_series(1, 8);
    EXIT WHEN NOT EXISTS (SELECT 1 FROM public.referrals r WHERE r.referral_code = v_code);
  END LOOP;
  RETURN v_code;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const setReferralCode = triggerFunction('set_referral_code', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'BEFORE INSERT on referrals: fills referral_code with generate_referral_code() when omitted',
  body: sql`
BEGIN
  IF NEW.referral_code IS NULL OR NEW.referral_code = '' THEN
    NEW.referral_code := public.generate_referral_code();
  END IF;
  RETURN NEW;
END;
`,
});

export const updateLeaderboard = triggerFunction('update_leaderboard', {
  group,
  description:
    'Update leaderboard on XP change: AFTER INSERT/UPDATE OF xp on profiles, sets all_time XP, adds the gain to the weekly and monthly rows, and re-ranks those periods',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_gain integer := greatest(NEW.xp - CASE WHEN TG_OP = 'UPDATE' THEN coalesce(OLD.xp, 0) ELSE 0 END, 0);
  v_week date := date_trunc('week', now())::date;
  v_month date := date_trunc('month', now())::date;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.xp IS NOT DISTINCT FROM OLD.xp THEN
    RETURN NEW;
  END IF;

  INSERT INTO public.leaderboard_entries (user_id, period, period_start, xp, updated_at)
  VALUES (NEW.id, 'all_time', DATE '1970-01-01', NEW.xp, now())
  ON CONFLICT (user_id, period, period_start) DO UPDATE SET xp = EXCLUDED.xp, updated_at = now();

  IF v_gain > 0 THEN
    INSERT INTO public.leaderboard_entries (user_id, period, period_start, xp, updated_at)
    VALUES (NEW.id, 'weekly', v_week, v_gain, now()), (NEW.id, 'monthly', v_month, v_gain, now())
    ON CONFLICT (user_id, period, period_start)
    DO UPDATE SET xp = public.leaderboard_entries.xp + EXCLUDED.xp, updated_at = now();
  END IF;

  UPDATE public.leaderboard_entries le
  SET rank = ranked.new_rank
  FROM (
    SELECT e.id, rank() OVER (PARTITION BY e.period, e.period_start ORDER BY e.xp DESC) AS new_rank
    FROM public.leaderboard_entries e
    WHERE (e.period, e.period_start) IN (('all_time', DATE '1970-01-01'), ('weekly', v_week), ('monthly', v_month))
  ) ranked
  WHERE le.id = ranked.id AND le.rank IS DISTINCT FROM ranked.new_rank;

  RETURN NEW;
END;
`,
});
