/*
 * 18. Blog & Content: blog posts live outside the database (MDX / CMS) and are identified by
 * their slug; the database keeps their threaded, moderated comments.
 */
import { boolean, inet, integer, rpc, sql, system, table, text, timestamptz, triggerFunction, uuid } from 'pgform';
import { adminPolicies, areas, rlsSql, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.blog;

const moderator = sql`public.has_role((select auth.uid()), 'moderator')`;

export const blogComments = table('blog_comments', {
  group,
  note: `**Moderation flow.** Signed-in users post comments as \`pending\`; moderators (\`has_role(auth.uid(), 'moderator')\`) and admins approve, reject or mark spam. Only \`approved\` comments are public and counted by \`get_blog_post_comment_count(slug)\`. When an author edits the text, \`guard_blog_comment_update()\` marks it edited and sends it back to \`pending\`.`,
  description: 'Blog post comments: threaded comments on a blog post (identified by its slug), moderated before they are public',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    post_slug: text().notNull().check(sql`post_slug ~ '^[a-z0-9][a-z0-9/_-]*$'`).describe('Slug of the blog post (the post itself lives in the CMS)'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Commenter; NULL once the account is deleted'),
    parent_id: uuid().references('blog_comments', 'id', { onDelete: 'cascade' }).index().describe('Comment replied to (threading)'),
    author_name: text().notNull().check(sql`char_length(author_name) BETWEEN 1 AND 100`).describe('Name shown with the comment'),
    author_avatar_url: text().describe('Avatar shown with the comment'),
    content: text().notNull().check(sql`char_length(content) BETWEEN 1 AND 5000`).describe('Comment text (plain text / limited Markdown)'),
    status: text().notNull().default('pending').oneOf(['pending', 'approved', 'rejected', 'spam']).describe('Moderation state; only approved comments are public'),
    is_edited: boolean().notNull().default(false).describe('Edited after posting'),
    like_count: integer().notNull().default(0).check(sql`like_count >= 0`).describe('Likes'),
    ip_address: inet().describe('Client IP, for spam control (visible to moderators only through the table, not the public API)'),
    user_agent: text().describe('Client user agent, for spam control'),
    moderated_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Moderator who decided'),
    moderated_at: timestamptz().describe('When it was moderated'),
    ...timestamps(),
  },
  indexes: {
    idx_blog_comments_post_approved: { on: ['post_slug', 'created_at'], where: sql`status = 'approved'`, description: 'Comment lists and counts per post' },
    idx_blog_comments_moderation_queue: { on: ['created_at'], where: sql`status = 'pending'` },
  },
  triggers: {
    ...updatedAtTrigger('blog_comments'),
    blog_comments_guard_update: {
      timing: 'before',
      events: ['update'],
      function: 'public.guard_blog_comment_update',
      description: 'Edits by the author are re-moderated; moderation fields are for moderators',
    },
  },
  rls: true,
  policies: {
    "Public can view approved comments": { for: 'select', to: ['anon', 'authenticated'], using: sql`status = 'approved'` },
    'Users view own comments': { for: 'select', to: 'authenticated', using: rlsSql.owner() },
    'Users post comments for moderation': {
      for: 'insert',
      to: 'authenticated',
      withCheck: sql`(select auth.uid()) = user_id AND status = 'pending' AND moderated_by IS NULL AND like_count = 0`,
    },
    'Users edit own comments': {
      for: 'update',
      to: 'authenticated',
      using: rlsSql.owner(),
      withCheck: rlsSql.owner(),
      description: 'guard_blog_comment_update() keeps moderation fields and sends content edits back to pending',
    },
    'Users delete own comments': { for: 'delete', to: 'authenticated', using: rlsSql.owner() },
    'Moderators manage comments': { for: 'all', to: 'authenticated', using: moderator, withCheck: moderator },
    ...adminPolicies('blog comments'),
    ...servicePolicies('blog comments'),
  },
});

export const guardBlogCommentUpdate = triggerFunction('guard_blog_comment_update', {
  group,
  description:
    'BEFORE UPDATE on blog_comments: for authors who are not moderators, keeps moderation fields and counters, marks content changes as edited and sends them back to pending; moderators get moderated_by / moderated_at stamped',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF coalesce(auth.role(), 'service_role') = 'service_role' OR public.is_admin(auth.uid()) OR public.has_role(auth.uid(), 'moderator') THEN
    IF NEW.status IS DISTINCT FROM OLD.status AND auth.uid() IS NOT NULL THEN
      NEW.moderated_by := auth.uid();
      NEW.moderated_at := now();
    END IF;
    RETURN NEW;
  END IF;

  NEW.post_slug := OLD.post_slug;
  NEW.parent_id := OLD.parent_id;
  NEW.like_count := OLD.like_count;
  NEW.moderated_by := OLD.moderated_by;
  NEW.moderated_at := OLD.moderated_at;
  NEW.ip_address := OLD.ip_address;
  IF NEW.content IS DISTINCT FROM OLD.content OR NEW.author_name IS DISTINCT FROM OLD.author_name THEN
    NEW.is_edited := true;
    NEW.status := 'pending';
  ELSE
    NEW.status := OLD.status;
    NEW.is_edited := OLD.is_edited;
  END IF;
  RETURN NEW;
END;
`,
});

export const getBlogPostCommentCount = rpc('get_blog_post_comment_count', {
  group,
  description: 'Get comment count: number of approved comments on the blog post with this slug',
  args: { p_post_slug: 'text' },
  returns: 'integer',
  language: 'sql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
SELECT count(*)::integer
FROM public.blog_comments c
WHERE c.post_slug = p_post_slug
  AND c.status = 'approved'
`,
  grants: ['anon', 'authenticated', 'service_role'],
});

export const blogDocs = system({
  groups: {
    [group]: {
      note: `Blog posts live in the CMS (MDX) and are referenced by slug. **RLS:** approved comments are public read; users
read and edit their own; moderators and admins moderate; the service role manages everything.`,
    },
  },
});
