/*
 * 17. Notifications & Preferences: the `notifications` table itself is declared once, in
 * Gamification & Community (the seed lists it in both areas). This area adds granular
 * per-type / per-channel preferences, Web Push subscriptions and the notification RPCs.
 */
import { boolean, integer, rpc, sql, system, table, text, time, timestamptz, uuid } from 'pgform';
import { adminPolicies, areas, ownerPolicies, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.notifications;

const channels = ['in_app', 'email', 'push', 'sms', 'whatsapp'];

export const notificationPreferences = table('notification_preferences', {
  group,
  note: `**Resolution** (\`should_notify(user, type, channel, tenant)\`): the global switches in \`user_settings\` (\`email_notifications\`, \`push_notifications\`) win; then the most specific preference row applies (tenant row over global row, exact type over \`'*'\`); quiet hours hold back push, SMS and WhatsApp; no row means deliver.`,
  description:
    "Granular notification preferences: per user, tenant (NULL = everywhere), notification type ('*' = every type) and channel; read by should_notify()",
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Owner'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant the preference applies to; NULL = all tenants'),
    notification_type: text()
      .notNull()
      .default('*')
      .check(sql`notification_type ~ '^(\*|[a-z][a-z0-9_.]*)$'`)
      .describe("notifications.type it governs (comment, mention, billing, security, appointment...); '*' = default for every type"),
    channel: text().notNull().oneOf(channels).describe('Delivery channel'),
    is_enabled: boolean().notNull().default(true).describe('Deliver on this channel'),
    frequency: text().notNull().default('instant').oneOf(['instant', 'hourly', 'daily', 'weekly']).describe('Instant or batched in a digest'),
    quiet_hours_start: time().describe('Start of quiet hours (local time), no push / SMS'),
    quiet_hours_end: time().describe('End of quiet hours (local time)'),
    timezone: text().notNull().default('UTC').describe('IANA time zone of the quiet hours'),
    ...timestamps(),
  },
  unique: [
    {
      columns: ['user_id', 'tenant_id', 'notification_type', 'channel'],
      name: 'notification_preferences_scope_key',
      nullsNotDistinct: true,
    },
  ],
  checks: {
    notification_preferences_quiet_hours_check: sql`(quiet_hours_start IS NULL) = (quiet_hours_end IS NULL)`,
  },
  triggers: { ...updatedAtTrigger('notification_preferences') },
  rls: true,
  policies: {
    ...ownerPolicies('notification preferences'),
    ...servicePolicies('notification preferences'),
  },
});

export const pushSubscriptions = table('push_subscriptions', {
  group,
  description: 'Push notification subscriptions: Web Push (VAPID) endpoints and mobile device tokens of a user',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Owner'),
    endpoint: text().notNull().unique().describe('Push service endpoint URL or device token'),
    p256dh_key: text().describe('Web Push client public key (p256dh)'),
    auth_key: text().describe('Web Push auth secret'),
    platform: text().notNull().default('web').oneOf(['web', 'ios', 'android']).describe('Kind of subscription'),
    user_agent: text().describe('Browser / device description'),
    is_active: boolean().notNull().default(true).describe('Still deliverable'),
    failure_count: integer().notNull().default(0).check(sql`failure_count >= 0`).describe('Consecutive delivery failures (deactivated after 5)'),
    last_used_at: timestamptz().describe('Last successful delivery'),
    last_failure_at: timestamptz().describe('Last failed delivery'),
    expires_at: timestamptz().describe('Expiry announced by the push service'),
    ...timestamps(),
  },
  checks: { push_subscriptions_web_keys_check: sql`platform <> 'web' OR (p256dh_key IS NOT NULL AND auth_key IS NOT NULL)` },
  indexes: { idx_push_subscriptions_active: { on: ['user_id'], where: sql`is_active` } },
  triggers: { ...updatedAtTrigger('push_subscriptions') },
  rls: true,
  policies: {
    ...ownerPolicies('push subscriptions'),
    ...adminPolicies('push subscriptions'),
    ...servicePolicies('push subscriptions'),
  },
});

/** The caller may act for p_user_id: it is them, the service role or an admin. */
const actsFor = (arg: string) => `(${arg} = auth.uid() OR coalesce(auth.role(), '') = 'service_role' OR public.is_admin(auth.uid()))`;

export const getOrCreateUserSettings = rpc('get_or_create_user_settings', {
  group,
  description: "Get/create settings: returns the user's user_settings row for the tenant (NULL = global), creating it with defaults first",
  args: { p_user_id: 'uuid', p_tenant_id: { type: 'uuid', default: sql`NULL` } },
  returns: 'public.user_settings',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_settings public.user_settings;
BEGIN
  IF NOT ${actsFor('p_user_id')} THEN
    RAISE EXCEPTION 'not allowed to read the settings of another user' USING ERRCODE = '42501';
  END IF;
  IF p_tenant_id IS NOT NULL AND NOT (public.is_tenant_member(p_tenant_id, p_user_id) OR public.is_admin(auth.uid())) THEN
    RAISE EXCEPTION 'user % is not a member of tenant %', p_user_id, p_tenant_id USING ERRCODE = '42501';
  END IF;

  SELECT s.* INTO v_settings
  FROM public.user_settings s
  WHERE s.user_id = p_user_id AND s.tenant_id IS NOT DISTINCT FROM p_tenant_id;
  IF FOUND THEN
    RETURN v_settings;
  END IF;

  -- A tenant row starts as a copy of the global row, when there is one.
  INSERT INTO public.user_settings (user_id, tenant_id, theme, language, timezone, email_notifications, push_notifications,
                                    marketing_emails, weekly_digest, privacy_level, preferences)
  SELECT p_user_id, p_tenant_id, g.theme, g.language, g.timezone, g.email_notifications, g.push_notifications,
         g.marketing_emails, g.weekly_digest, g.privacy_level, g.preferences
  FROM public.user_settings g
  WHERE p_tenant_id IS NOT NULL AND g.user_id = p_user_id AND g.tenant_id IS NULL
  ON CONFLICT ON CONSTRAINT user_settings_user_id_tenant_id_key DO NOTHING;
  IF NOT FOUND THEN
    INSERT INTO public.user_settings (user_id, tenant_id)
    VALUES (p_user_id, p_tenant_id)
    ON CONFLICT ON CONSTRAINT user_settings_user_id_tenant_id_key DO NOTHING;
  END IF;

  SELECT s.* INTO v_settings
  FROM public.user_settings s
  WHERE s.user_id = p_user_id AND s.tenant_id IS NOT DISTINCT FROM p_tenant_id;
  RETURN v_settings;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const markNotificationsRead = rpc('mark_notifications_read', {
  group,
  description: "Mark as read: marks the given notifications of the user as read (NULL ids = all unread ones); returns how many changed",
  args: { p_user_id: 'uuid', p_notification_ids: { type: 'uuid[]', default: sql`NULL` } },
  returns: 'integer',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_count integer;
BEGIN
  IF NOT ${actsFor('p_user_id')} THEN
    RAISE EXCEPTION 'not allowed to change the notifications of another user' USING ERRCODE = '42501';
  END IF;

  UPDATE public.notifications n
  SET is_read = true, read_at = now()
  WHERE n.user_id = p_user_id
    AND NOT n.is_read
    AND (p_notification_ids IS NULL OR n.id = ANY (p_notification_ids));
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const getUnreadNotificationCount = rpc('get_unread_notification_count', {
  group,
  description:
    "Get unread count: the user's unread, unexpired notifications; with a tenant, that tenant's plus platform-wide ones (tenant_id NULL), else all",
  args: { p_user_id: 'uuid', p_tenant_id: { type: 'uuid', default: sql`NULL` } },
  returns: 'integer',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF NOT ${actsFor('p_user_id')} THEN
    RAISE EXCEPTION 'not allowed to read the notifications of another user' USING ERRCODE = '42501';
  END IF;

  RETURN (
    SELECT count(*)::integer
    FROM public.notifications n
    WHERE n.user_id = p_user_id
      AND NOT n.is_read
      AND (n.expires_at IS NULL OR n.expires_at > now())
      AND (p_tenant_id IS NULL OR n.tenant_id = p_tenant_id OR n.tenant_id IS NULL)
  );
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const shouldNotify = rpc('should_notify', {
  group,
  description:
    'Whether a notification of a type may go to the user on a channel now: the most specific notification_preferences row wins (tenant over global, type over *), quiet hours block push / SMS / WhatsApp, and user_settings switches email / push off globally',
  args: { p_user_id: 'uuid', p_notification_type: 'text', p_channel: 'text', p_tenant_id: { type: 'uuid', default: sql`NULL` } },
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_pref public.notification_preferences%ROWTYPE;
  v_local time;
  v_email boolean;
  v_push boolean;
BEGIN
  IF NOT ${actsFor('p_user_id')} THEN
    RAISE EXCEPTION 'not allowed to read the preferences of another user' USING ERRCODE = '42501';
  END IF;

  SELECT s.email_notifications, s.push_notifications INTO v_email, v_push
  FROM public.user_settings s
  WHERE s.user_id = p_user_id AND s.tenant_id IS NULL;
  IF (p_channel = 'email' AND v_email IS FALSE) OR (p_channel = 'push' AND v_push IS FALSE) THEN
    RETURN false;
  END IF;

  SELECT np.* INTO v_pref
  FROM public.notification_preferences np
  WHERE np.user_id = p_user_id
    AND np.channel = p_channel
    AND (np.tenant_id IS NULL OR np.tenant_id = p_tenant_id)
    AND np.notification_type IN (p_notification_type, '*')
  ORDER BY (np.tenant_id IS NOT NULL) DESC, (np.notification_type <> '*') DESC
  LIMIT 1;
  IF NOT FOUND THEN
    RETURN true;
  END IF;
  IF NOT v_pref.is_enabled THEN
    RETURN false;
  END IF;

  IF p_channel IN ('push', 'sms', 'whatsapp') AND v_pref.quiet_hours_start IS NOT NULL THEN
    v_local := (now() AT TIME ZONE v_pref.timezone)::time;
    IF v_pref.quiet_hours_start <= v_pref.quiet_hours_end THEN
      IF v_local >= v_pref.quiet_hours_start AND v_local < v_pref.quiet_hours_end THEN
        RETURN false;
      END IF;
    ELSIF v_local >= v_pref.quiet_hours_start OR v_local < v_pref.quiet_hours_end THEN
      RETURN false;
    END IF;
  END IF;
  RETURN true;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const notificationJoins = system({
  joins: [{ from: 'notification_preferences.notification_type', to: 'notifications.type', description: "A preference governs notifications of that type ('*' = all types)" }],
});

export const notificationDocs = system({
  groups: {
    [group]: {
      note: `\`notifications\` itself is declared once, in Gamification & Community. Preferences and push subscriptions are
owner-only (the service role reads them to deliver). The notification RPCs are SECURITY DEFINER and accept a
\`p_user_id\` only when it is the caller, an admin or the service role.`,
    },
  },
});
