/*
 * Multi-Touchpoint Tables (All Builds): all_leads (one row per customer per brand), the four
 * self-contained channel session tables, and the append-only conversations log; with the
 * functions the Website / WhatsApp / Voice / Social builds call through the service role.
 */
import { boolean, date, integer, jsonb, rpc, sql, table, text, time, timestamptz, triggerFunction, uuid, type ColumnBuilder, type TriggerInput } from 'pgform';
import {
  brandColumn,
  dashboardRead,
  groups,
  leadStageList,
  serviceRoleAll,
  setCustomerPhoneNormalized,
  tableGrants,
  touchpoints,
  updateUpdatedAtColumn,
} from './common.js';
import { logLeadStageChange, triggerUpdateLeadScore } from './intelligence.js';

const group = groups.touchpoints;

// ---------------------------------------------------------------------------------------------
// all_leads
// ---------------------------------------------------------------------------------------------

export const allLeads = table('all_leads', {
  group,
  description: 'Core unifier - one record per unique customer (deduplication by customer_phone_normalized + brand)',
  note: 'Minimal unifier: the channel tables hold the detail, `all_leads` holds identity, touchpoints, score and stage. `lead_score`, `lead_stage` and `last_scored_at` are maintained by `update_lead_score_and_stage()`; stage transitions are logged by `trigger_log_lead_stage_change`.',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Core - Unique lead identifier'),
    customer_name: text().describe("Optional - Customer's name"),
    email: text().describe("Optional - Customer's email"),
    phone: text().describe("Optional - Customer's phone (any format)"),
    customer_phone_normalized: text().describe('Core - Normalized phone (digits only) for deduplication; filled from phone by trigger'),
    first_touchpoint: text().notNull().oneOf(touchpoints).index().describe("Core - First channel where lead originated: 'web', 'whatsapp', 'voice' or 'social'"),
    last_touchpoint: text().notNull().oneOf(touchpoints).index().describe("Core - Most recent channel used: 'web', 'whatsapp', 'voice' or 'social'"),
    last_interaction_at: timestamptz().defaultNow().index({ descending: true }).describe('Core - Last interaction timestamp'),
    brand: brandColumn().index(),
    unified_context: jsonb().notNull().default({}).describe('JSONB - Cross-channel conversation data, summaries, intent signals (keys web, whatsapp, voice, social, intent_signals)'),
    created_at: timestamptz().notNull().defaultNow().index({ descending: true }).describe('Core - Lead creation timestamp'),
    updated_at: timestamptz().notNull().defaultNow().describe('Core - Last update timestamp (auto-updated via trigger)'),
    lead_score: integer().notNull().default(0).check(sql`lead_score BETWEEN 0 AND 100`).index({ descending: true }).describe('Core - Auto-calculated score (0-100)'),
    lead_stage: text().notNull().default('New').check(sql`lead_stage IN (${leadStageList})`).index().describe('Core - Current stage (New, Engaged, Qualified, High Intent, Booking Made, Converted, Closed Lost, In Sequence, Cold)'),
    sub_stage: text().index().describe('Optional - Sub-stage classification'),
    stage_override: boolean().notNull().default(false).index().describe('Core - Flag for manual stage override (an active lead_stage_overrides row)'),
    last_scored_at: timestamptz().describe('Optional - Timestamp of last score calculation'),
    is_active_chat: boolean().notNull().default(false).index().describe('Core - Flag for active conversation'),
    status: text().describe('Optional - Lead status (New Lead, Follow Up, etc.)'),
    booking_date: date().index().describe('Optional - Scheduled booking date (copied from the latest active web booking)'),
    booking_time: time().describe('Optional - Scheduled booking time (copied from the latest active web booking)'),
  },
  unique: [['customer_phone_normalized', 'brand']],
  triggers: {
    update_all_leads_updated_at: { timing: 'before', events: ['update'], function: updateUpdatedAtColumn },
    normalize_all_leads_phone: { timing: 'before', events: ['insert', 'update'], updateOf: ['phone'], function: setCustomerPhoneNormalized, arguments: ['phone'] },
    trigger_log_lead_stage_change: {
      timing: 'after',
      events: ['update'],
      updateOf: ['lead_stage', 'sub_stage'],
      when: sql`OLD.lead_stage IS DISTINCT FROM NEW.lead_stage OR OLD.sub_stage IS DISTINCT FROM NEW.sub_stage`,
      function: logLeadStageChange,
    },
  },
  rls: true,
  policies: {
    ...dashboardRead('leads'),
    'Dashboard users can update leads': { for: 'update', to: 'authenticated', using: sql`public.is_dashboard_user()`, withCheck: sql`public.is_dashboard_user()` },
    'Admins can delete leads': { for: 'delete', to: 'authenticated', using: sql`public.is_dashboard_admin()` },
    ...serviceRoleAll('leads'),
  },
  grants: tableGrants(['select', 'update', 'delete']),
});

// ---------------------------------------------------------------------------------------------
// Channel session tables: the same identity columns, triggers and policies, then their own fields.
// ---------------------------------------------------------------------------------------------

const sessionIdentity = (): Record<string, ColumnBuilder> => ({
  id: uuid().primaryKey().defaultRandom().describe('Core - Unique session identifier'),
  lead_id: uuid().notNull().references('all_leads', 'id', { onDelete: 'cascade' }).index().describe('Core - Links to all_leads (CASCADE DELETE)'),
  brand: brandColumn(),
  customer_name: text().describe('Optional - Customer name (may differ from all_leads)'),
  customer_email: text().describe('Optional - Customer email'),
  customer_phone: text().describe('Optional - Customer phone'),
  customer_phone_normalized: text().describe('Optional - Normalized phone (digits only); filled from customer_phone by trigger'),
});

const sessionTimestamps = () => ({
  channel_data: jsonb().notNull().default({}).describe('JSONB - Additional channel-specific data'),
  created_at: timestamptz().notNull().defaultNow().index({ descending: true }).describe('Core - Session creation timestamp'),
  updated_at: timestamptz().notNull().defaultNow().describe('Core - Last update timestamp (auto-updated via trigger)'),
});

const sessionTriggers = (name: string): Record<string, TriggerInput> => ({
  [`update_${name}_updated_at`]: { timing: 'before', events: ['update'], function: updateUpdatedAtColumn },
  [`normalize_${name}_phone`]: { timing: 'before', events: ['insert', 'update'], updateOf: ['customer_phone'], function: setCustomerPhoneNormalized, arguments: ['customer_phone'] },
});

const sessionSecurity = (what: string) => ({
  rls: true,
  policies: { ...dashboardRead(what), ...serviceRoleAll(what) },
  grants: tableGrants(['select']),
});

export const syncWebBookingToLead = triggerFunction('sync_web_booking_to_lead', {
  group,
  description:
    "Trigger function: copies the lead's latest active (not cancelled) web booking to all_leads.booking_date / booking_time, then rescores the lead (a booking moves it to 'Booking Made')",
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_date date;
  v_time time;
BEGIN
  SELECT ws.booking_date, ws.booking_time INTO v_date, v_time
    FROM public.web_sessions ws
   WHERE ws.lead_id = NEW.lead_id
     AND ws.booking_date IS NOT NULL
     AND ws.booking_status IS DISTINCT FROM 'cancelled'
   ORDER BY ws.booking_created_at DESC NULLS LAST, ws.created_at DESC
   LIMIT 1;

  UPDATE public.all_leads
     SET booking_date = v_date, booking_time = v_time
   WHERE id = NEW.lead_id
     AND (booking_date IS DISTINCT FROM v_date OR booking_time IS DISTINCT FROM v_time);

  PERFORM public.update_lead_score_and_stage(NEW.lead_id);
  RETURN NULL;
END;
`,
});

export const webSessions = table('web_sessions', {
  group,
  description: 'Self-contained Web PROXe session data (all web-specific fields)',
  columns: {
    ...sessionIdentity(),
    external_session_id: text().index().describe('Optional - External system session ID'),
    chat_session_id: text().describe('Optional - Chat widget session ID'),
    website_url: text().describe('Optional - URL where session originated'),
    booking_status: text().oneOf(['pending', 'confirmed', 'cancelled']).describe("Optional - Booking status: 'pending', 'confirmed' or 'cancelled'"),
    booking_date: date().index().describe('Optional - Scheduled booking date'),
    booking_time: time().describe('Optional - Scheduled booking time'),
    google_event_id: text().describe('Optional - Google Calendar event ID'),
    booking_created_at: timestamptz().describe('Optional - Booking creation timestamp'),
    conversation_summary: text().describe('Optional - AI-generated conversation summary'),
    user_inputs_summary: jsonb().describe('JSONB - Structured user inputs'),
    message_count: integer().notNull().default(0).check(sql`message_count >= 0`).describe('Core - Number of messages in session'),
    last_message_at: timestamptz().describe('Optional - Last message timestamp'),
    session_status: text().notNull().default('active').oneOf(['active', 'completed', 'abandoned']).describe("Core - Session status: 'active', 'completed' or 'abandoned'"),
    ...sessionTimestamps(),
  },
  triggers: {
    ...sessionTriggers('web_sessions'),
    trigger_web_sessions_sync_booking: {
      timing: 'after',
      events: ['insert', 'update'],
      updateOf: ['booking_status', 'booking_date', 'booking_time'],
      function: syncWebBookingToLead,
    },
  },
  ...sessionSecurity('web sessions'),
});

export const whatsappSessions = table('whatsapp_sessions', {
  group,
  description: 'Self-contained WhatsApp session data',
  columns: {
    ...sessionIdentity(),
    whatsapp_business_account_id: text().describe('Optional - WhatsApp Business account ID'),
    whatsapp_contact_id: text().describe('Optional - WhatsApp contact ID'),
    conversation_summary: text().describe('Optional - AI-generated summary'),
    conversation_context: jsonb().describe('JSONB - Conversation context data'),
    user_inputs_summary: jsonb().describe('JSONB - Structured user inputs'),
    message_count: integer().notNull().default(0).check(sql`message_count >= 0`).describe('Core - Number of messages in session'),
    last_message_at: timestamptz().describe('Optional - Last message timestamp'),
    last_message_from: text().describe('Optional - Last message sender'),
    last_message_preview: text().describe('Optional - Last message preview'),
    conversation_status: text().describe('Optional - Conversation status'),
    response_time_avg_seconds: integer().check(sql`response_time_avg_seconds >= 0`).describe('Optional - Average response time (seconds)'),
    overall_sentiment: text().describe('Optional - Sentiment analysis'),
    ...sessionTimestamps(),
  },
  triggers: sessionTriggers('whatsapp_sessions'),
  ...sessionSecurity('WhatsApp sessions'),
});

export const voiceSessions = table('voice_sessions', {
  group,
  description: 'Self-contained Voice session data',
  columns: {
    ...sessionIdentity(),
    call_sid: text().describe('Optional - Call SID from provider'),
    phone_number: text().describe('Optional - Phone number used'),
    call_duration_seconds: integer().check(sql`call_duration_seconds >= 0`).describe('Optional - Call duration (seconds)'),
    call_status: text().describe('Optional - Call status'),
    call_direction: text().describe('Optional - Inbound/outbound'),
    recording_url: text().describe('Optional - Call recording URL'),
    transcription: text().describe('Optional - Call transcription'),
    call_summary: text().describe('Optional - AI-generated summary'),
    sentiment: text().describe('Optional - Sentiment analysis'),
    conversation_context: jsonb().describe('JSONB - Conversation context data'),
    user_inputs_summary: jsonb().describe('JSONB - Structured user inputs'),
    audio_quality: text().describe('Optional - Audio quality metrics'),
    ...sessionTimestamps(),
  },
  triggers: sessionTriggers('voice_sessions'),
  ...sessionSecurity('voice sessions'),
});

export const socialSessions = table('social_sessions', {
  group,
  description: 'Self-contained Social session data (Instagram/FB DMs)',
  columns: {
    ...sessionIdentity(),
    platform: text().describe('Optional - Instagram, Facebook, etc.'),
    platform_user_id: text().describe('Optional - Platform user ID'),
    platform_username: text().describe('Optional - Platform username'),
    engagement_type: text().describe('Optional - DM, comment, etc.'),
    content_id: text().describe('Optional - Related content ID'),
    engagement_preview: text().describe('Optional - Engagement preview'),
    last_engagement_at: timestamptz().describe('Optional - Last engagement timestamp'),
    engagement_count: integer().notNull().default(0).check(sql`engagement_count >= 0`).describe('Core - Number of engagements'),
    conversation_summary: text().describe('Optional - AI-generated summary'),
    conversation_context: jsonb().describe('JSONB - Conversation context data'),
    user_inputs_summary: jsonb().describe('JSONB - Structured user inputs'),
    sentiment: text().describe('Optional - Sentiment analysis'),
    engagement_quality: text().describe('Optional - Quality metrics'),
    ...sessionTimestamps(),
  },
  triggers: sessionTriggers('social_sessions'),
  ...sessionSecurity('social sessions'),
});

// ---------------------------------------------------------------------------------------------
// conversations (formerly messages): append-only.
// ---------------------------------------------------------------------------------------------

export const preventConversationChanges = triggerFunction('prevent_conversation_changes', {
  group,
  description: 'Trigger function: keeps conversations append-only; UPDATE is refused, DELETE only passes as the cascade of deleting the lead',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM public.all_leads al WHERE al.id = OLD.lead_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'conversations is append-only: % is not allowed', TG_OP
    USING ERRCODE = '55000', HINT = 'Insert a new message instead; messages are removed only with their lead.';
END;
`,
});

export const conversations = table('conversations', {
  group,
  description: 'Universal append-only message log (all channels); formerly messages',
  note: 'Append-only: no UPDATE or DELETE grants, and `conversations_append_only` refuses both (rows go only with their lead, by CASCADE). Every insert fires `trigger_conversations_update_score`, which rescores the lead.',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Core - Unique message identifier'),
    lead_id: uuid().notNull().references('all_leads', 'id', { onDelete: 'cascade' }).index().describe('Core - Links to lead (all_leads.id, CASCADE DELETE)'),
    channel: text().notNull().oneOf(touchpoints).index().describe("Core - Channel source: 'web', 'whatsapp', 'voice' or 'social'"),
    sender: text().notNull().oneOf(['customer', 'agent', 'system']).describe("Core - Message sender: 'customer', 'agent' or 'system'"),
    content: text().notNull().describe('Core - Message content'),
    message_type: text().notNull().default('text').describe('Optional - text, image, file, system'),
    metadata: jsonb().notNull().default({}).describe('JSONB - Additional message metadata'),
    created_at: timestamptz().notNull().defaultNow().index().describe('Core - Message timestamp'),
  },
  indexes: {
    idx_conversations_lead_channel: { on: ['lead_id', 'channel'], description: 'Composite index for lead+channel queries' },
  },
  triggers: {
    trigger_conversations_update_score: { timing: 'after', events: ['insert'], function: triggerUpdateLeadScore, description: 'Calls update_lead_score_and_stage() for the message lead' },
    conversations_append_only: { timing: 'before', events: ['update', 'delete'], function: preventConversationChanges },
  },
  rls: true,
  policies: {
    ...dashboardRead('conversations'),
    'Dashboard users can add agent messages': {
      for: 'insert',
      to: 'authenticated',
      withCheck: sql`public.is_dashboard_user() AND sender IN ('agent', 'system')`,
    },
    'Service role reads conversations': { for: 'select', to: 'service_role', using: sql`true` },
    'Service role appends conversations': { for: 'insert', to: 'service_role', withCheck: sql`true` },
  },
  grants: tableGrants(['select', 'insert'], ['select', 'insert']),
});

// ---------------------------------------------------------------------------------------------
// Functions the builds call (service role).
// ---------------------------------------------------------------------------------------------

export const upsertLead = rpc('upsert_lead', {
  group,
  description:
    'The webhook handlers\' deduplication step: finds the lead by (normalize_phone(p_phone), p_brand) or creates it with first_touchpoint = last_touchpoint = p_touchpoint; an existing lead gets last_touchpoint and last_interaction_at, and missing name/email filled. Returns the lead id',
  args: {
    p_touchpoint: 'text',
    p_phone: 'text',
    p_name: { type: 'text', default: sql`NULL` },
    p_email: { type: 'text', default: sql`NULL` },
    p_brand: { type: 'text', default: sql`'proxe'` },
  },
  returns: 'uuid',
  language: 'plpgsql',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_phone text := public.normalize_phone(p_phone);
  v_id uuid;
BEGIN
  IF v_phone IS NULL THEN
    RAISE EXCEPTION 'a phone number is required to find or create a lead' USING ERRCODE = '22023';
  END IF;

  INSERT INTO public.all_leads AS al (customer_name, email, phone, customer_phone_normalized, first_touchpoint, last_touchpoint, brand)
  VALUES (p_name, p_email, p_phone, v_phone, p_touchpoint, p_touchpoint, p_brand)
  ON CONFLICT (customer_phone_normalized, brand) DO UPDATE
    SET last_touchpoint = EXCLUDED.last_touchpoint,
        last_interaction_at = now(),
        customer_name = COALESCE(al.customer_name, EXCLUDED.customer_name),
        email = COALESCE(al.email, EXCLUDED.email)
  RETURNING al.id INTO v_id;
  RETURN v_id;
END;
`,
  grants: ['service_role'],
});

export const mergeUnifiedContext = rpc('merge_unified_context', {
  group,
  description:
    "Merges a channel's context object into all_leads.unified_context under the channel key (unified_context.web, .whatsapp, ...), as updateWhatsAppContext() does; returns the new unified_context",
  args: { p_lead_id: 'uuid', p_channel: 'text', p_context: 'jsonb' },
  returns: 'jsonb',
  language: 'plpgsql',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_context jsonb;
BEGIN
  IF p_channel IS NULL OR p_channel NOT IN ('web', 'whatsapp', 'voice', 'social') THEN
    RAISE EXCEPTION 'unknown channel %', p_channel USING ERRCODE = '22023';
  END IF;
  IF jsonb_typeof(p_context) IS DISTINCT FROM 'object' THEN
    RAISE EXCEPTION 'p_context must be a JSON object' USING ERRCODE = '22023';
  END IF;

  UPDATE public.all_leads al
     SET unified_context = jsonb_set(
           al.unified_context,
           ARRAY[p_channel],
           CASE WHEN jsonb_typeof(al.unified_context -> p_channel) = 'object' THEN al.unified_context -> p_channel ELSE '{}'::jsonb END || p_context
         )
   WHERE al.id = p_lead_id
  RETURNING al.unified_context INTO v_context;

  IF NOT FOUND THEN
    RAISE EXCEPTION 'lead % not found', p_lead_id USING ERRCODE = 'P0002';
  END IF;
  RETURN v_context;
END;
`,
  grants: ['service_role'],
});

export const markInactiveChats = rpc('mark_inactive_chats', {
  group,
  description: 'Clears is_active_chat on leads with no interaction for p_idle (default 30 minutes); returns the number of leads changed. For a scheduled job',
  args: { p_idle: { type: 'interval', default: sql`'00:30:00'::interval` } },
  returns: 'integer',
  language: 'plpgsql',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_count integer;
BEGIN
  UPDATE public.all_leads al
     SET is_active_chat = false
   WHERE al.is_active_chat
     AND (al.last_interaction_at IS NULL OR al.last_interaction_at < now() - p_idle);
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END;
`,
  grants: ['service_role'],
});
