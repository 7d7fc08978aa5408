/*
 * Lead Intelligence Tables (Dashboard): team activities, stage change logs, manual stage
 * overrides; and the scoring pipeline that fills them:
 *
 *   conversations INSERT ─> trigger_update_lead_score() ─> update_lead_score_and_stage()
 *        ─> calculate_lead_score() + determine_lead_stage() ─> UPDATE all_leads
 *        ─> trigger_log_lead_stage_change ─> lead_stage_changes + stage_history
 *
 * Who changed a stage travels in transaction-local settings (proxe.stage_change_automatic,
 * proxe.stage_change_reason, proxe.stage_changed_by) set by the function making the change and
 * read by log_lead_stage_change(); a change without them and without a dashboard user behind it
 * (a bot on the service role) is logged as automatic.
 */
import { boolean, integer, rpc, sql, table, text, timestamptz, triggerFunction, uuid } from 'pgform';
import { dashboardRead, groups, leadStageList, serviceRoleAll, tableGrants } from './common.js';

const group = groups.intelligence;

/** The lead_id column every intelligence table carries. */
const leadId = (what: string) =>
  uuid().notNull().references('all_leads', 'id', { onDelete: 'cascade' }).index().describe(`Core - Lead ${what} (all_leads.id, CASCADE DELETE)`);

const scoreRange = (column: string) => sql`${column} BETWEEN 0 AND 100`;

// ---------------------------------------------------------------------------------------------
// Scoring and stages.
// ---------------------------------------------------------------------------------------------

export const hasActiveBooking = rpc('has_active_booking', {
  group,
  description: "True when any web session of the lead holds a booking date that is not cancelled",
  args: { p_lead_id: 'uuid' },
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  set: { search_path: '' },
  body: sql`
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM public.web_sessions ws
    WHERE ws.lead_id = p_lead_id
      AND ws.booking_date IS NOT NULL
      AND ws.booking_status IS DISTINCT FROM 'cancelled'
  );
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const calculateLeadScore = rpc('calculate_lead_score', {
  group,
  description: 'Computes the 0-100 score of a lead from engagement, channel reach, recency, bookings, contact completeness, intent signals and team follow-up (reads only)',
  note: `| Signal | Points | Cap |
| --- | --- | --- |
| Customer messages in \`conversations\` | 3 each | 30 |
| Channels used (distinct \`conversations.channel\`) | 5 each | 20 |
| Recency of \`last_interaction_at\` | 15 (1 day), 10 (7 days), 5 (30 days) | 15 |
| Active (not cancelled) web booking | 25 | 25 |
| Contact details: name 3, email 4, phone 3 | | 10 |
| \`unified_context.intent_signals\` entries | 5 each | 10 |
| Calls and meetings in \`lead_activities\` | 5 each | 10 |

The sum is clamped to 0-100. Returns NULL for an unknown lead.`,
  args: { p_lead_id: 'uuid' },
  returns: 'integer',
  language: 'plpgsql',
  volatility: 'stable',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_lead public.all_leads%ROWTYPE;
  v_customer_messages integer;
  v_channels integer;
  v_activities integer;
  v_intents integer := 0;
  v_score integer := 0;
BEGIN
  SELECT * INTO v_lead FROM public.all_leads al WHERE al.id = p_lead_id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;

  SELECT count(*) FILTER (WHERE c.sender = 'customer'), count(DISTINCT c.channel)
    INTO v_customer_messages, v_channels
    FROM public.conversations c
   WHERE c.lead_id = p_lead_id;

  -- Engagement and reach.
  v_score := v_score + LEAST(v_customer_messages * 3, 30);
  v_score := v_score + LEAST(v_channels * 5, 20);

  -- Recency.
  v_score := v_score + CASE
    WHEN v_lead.last_interaction_at >= now() - interval '1 day' THEN 15
    WHEN v_lead.last_interaction_at >= now() - interval '7 days' THEN 10
    WHEN v_lead.last_interaction_at >= now() - interval '30 days' THEN 5
    ELSE 0
  END;

  -- Booking.
  IF public.has_active_booking(p_lead_id) THEN
    v_score := v_score + 25;
  END IF;

  -- Contact completeness.
  v_score := v_score
    + CASE WHEN nullif(btrim(v_lead.customer_name), '') IS NOT NULL THEN 3 ELSE 0 END
    + CASE WHEN nullif(btrim(v_lead.email), '') IS NOT NULL THEN 4 ELSE 0 END
    + CASE WHEN v_lead.customer_phone_normalized IS NOT NULL THEN 3 ELSE 0 END;

  -- Intent signals recorded by the bots.
  IF jsonb_typeof(v_lead.unified_context -> 'intent_signals') = 'array' THEN
    v_intents := jsonb_array_length(v_lead.unified_context -> 'intent_signals');
  END IF;
  v_score := v_score + LEAST(v_intents * 5, 10);

  -- Team follow-up.
  SELECT count(*) INTO v_activities
    FROM public.lead_activities la
   WHERE la.lead_id = p_lead_id AND la.activity_type IN ('call', 'meeting');
  v_score := v_score + LEAST(v_activities * 5, 10);

  RETURN LEAST(GREATEST(v_score, 0), 100);
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const determineLeadStage = rpc('determine_lead_stage', {
  group,
  description:
    "Maps a score to the automatic stage: an active booking gives 'Booking Made', no interaction for 30 days 'Cold', then 86+ 'High Intent', 61+ 'Qualified', 31+ 'Engaged', else 'New'",
  args: { p_score: 'integer', p_has_booking: 'boolean', p_last_interaction_at: 'timestamptz' },
  returns: 'text',
  language: 'plpgsql',
  volatility: 'stable',
  set: { search_path: '' },
  body: sql`
BEGIN
  RETURN CASE
    WHEN p_has_booking THEN 'Booking Made'
    WHEN p_last_interaction_at < now() - interval '30 days' THEN 'Cold'
    WHEN p_score >= 86 THEN 'High Intent'
    WHEN p_score >= 61 THEN 'Qualified'
    WHEN p_score >= 31 THEN 'Engaged'
    ELSE 'New'
  END;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const updateLeadScoreAndStage = rpc('update_lead_score_and_stage', {
  group,
  description:
    'Recalculates a lead: stores lead_score and last_scored_at and moves lead_stage automatically (never while a manual override is active, never out of Converted / Closed Lost / In Sequence, never down the ladder except to Cold unless p_force_stage); returns what changed as JSON',
  args: { p_lead_id: 'uuid', p_force_stage: { type: 'boolean', default: sql`false` } },
  returns: 'jsonb',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_lead public.all_leads%ROWTYPE;
  v_score integer;
  v_stage text;
  v_ladder text[] := ARRAY['New', 'Engaged', 'Qualified', 'High Intent', 'Booking Made'];
BEGIN
  IF auth.role() = 'authenticated' AND NOT public.is_dashboard_user() THEN
    RAISE EXCEPTION 'only dashboard users can rescore leads' USING ERRCODE = '42501';
  END IF;

  SELECT * INTO v_lead FROM public.all_leads al WHERE al.id = p_lead_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;

  v_score := public.calculate_lead_score(p_lead_id);
  v_stage := public.determine_lead_stage(v_score, public.has_active_booking(p_lead_id), v_lead.last_interaction_at);

  IF NOT p_force_stage THEN
    IF v_lead.stage_override OR v_lead.lead_stage IN ('Converted', 'Closed Lost', 'In Sequence') THEN
      v_stage := v_lead.lead_stage;
    ELSIF v_stage <> 'Cold' AND array_position(v_ladder, v_stage) < array_position(v_ladder, v_lead.lead_stage) THEN
      v_stage := v_lead.lead_stage;
    END IF;
  END IF;

  PERFORM set_config('proxe.stage_change_automatic', 'true', true);
  PERFORM set_config('proxe.stage_change_reason', format('Automatic: score %s -> %s', v_lead.lead_score, v_score), true);
  UPDATE public.all_leads
     SET lead_score = v_score,
         lead_stage = v_stage,
         last_scored_at = now()
   WHERE id = p_lead_id;
  PERFORM set_config('proxe.stage_change_automatic', '', true);
  PERFORM set_config('proxe.stage_change_reason', '', true);

  RETURN jsonb_build_object(
    'lead_id', p_lead_id,
    'old_score', v_lead.lead_score,
    'lead_score', v_score,
    'old_stage', v_lead.lead_stage,
    'lead_stage', v_stage,
    'stage_changed', v_stage IS DISTINCT FROM v_lead.lead_stage
  );
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const recalculateAllLeadScores = rpc('recalculate_all_lead_scores', {
  group,
  description: 'Rescores every lead of a brand (for a scheduled job: recency decays and leads turn Cold without new messages); returns the number of leads rescored',
  args: { p_brand: { type: 'text', default: sql`'proxe'` } },
  returns: 'integer',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_id uuid;
  v_count integer := 0;
BEGIN
  FOR v_id IN SELECT al.id FROM public.all_leads al WHERE al.brand = p_brand ORDER BY al.id LOOP
    PERFORM public.update_lead_score_and_stage(v_id);
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END;
`,
  grants: ['service_role'],
});

export const triggerUpdateLeadScore = triggerFunction('trigger_update_lead_score', {
  group,
  description:
    'Trigger function for trigger_conversations_update_score: a new message moves last_interaction_at / last_touchpoint forward, marks customer chats active, then calls update_lead_score_and_stage()',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  UPDATE public.all_leads
     SET last_touchpoint = CASE WHEN NEW.created_at >= COALESCE(last_interaction_at, '-infinity') THEN NEW.channel ELSE last_touchpoint END,
         last_interaction_at = GREATEST(COALESCE(last_interaction_at, NEW.created_at), NEW.created_at),
         is_active_chat = CASE WHEN NEW.sender = 'customer' THEN true ELSE is_active_chat END
   WHERE id = NEW.lead_id;
  PERFORM public.update_lead_score_and_stage(NEW.lead_id);
  RETURN NULL;
END;
`,
});

export const triggerRescoreLead = triggerFunction('trigger_rescore_lead', {
  group,
  description: 'Trigger function: calls update_lead_score_and_stage() for the lead_id of the changed row (lead_activities)',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  PERFORM public.update_lead_score_and_stage(NEW.lead_id);
  RETURN NULL;
END;
`,
});

export const logLeadStageChange = triggerFunction('log_lead_stage_change', {
  group,
  description:
    'Trigger function for trigger_log_lead_stage_change on all_leads: writes every stage / sub-stage transition to lead_stage_changes and every stage transition to stage_history',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_automatic boolean := COALESCE(nullif(current_setting('proxe.stage_change_automatic', true), '')::boolean, false);
  v_reason text := nullif(current_setting('proxe.stage_change_reason', true), '');
  v_user uuid := COALESCE(nullif(current_setting('proxe.stage_changed_by', true), '')::uuid, auth.uid());
BEGIN
  IF v_automatic OR NOT EXISTS (SELECT 1 FROM public.dashboard_users du WHERE du.id = v_user) THEN
    v_user := NULL;
  END IF;
  -- With no dashboard user behind it (a bot on the service role), a change is automatic.
  v_automatic := v_automatic OR v_user IS NULL;

  INSERT INTO public.lead_stage_changes
    (lead_id, old_stage, new_stage, old_sub_stage, new_sub_stage, old_score, new_score, changed_by, change_reason, is_automatic)
  VALUES
    (NEW.id, OLD.lead_stage, NEW.lead_stage, OLD.sub_stage, NEW.sub_stage, OLD.lead_score, NEW.lead_score, v_user,
     COALESCE(v_reason, CASE WHEN v_automatic THEN 'Automatic stage update' ELSE 'Manual stage change' END), v_automatic);

  IF OLD.lead_stage IS DISTINCT FROM NEW.lead_stage THEN
    INSERT INTO public.stage_history (lead_id, old_stage, new_stage, score_at_change, changed_by, reason)
    VALUES (NEW.id, OLD.lead_stage, NEW.lead_stage, NEW.lead_score, COALESCE(v_user::text, 'system'), v_reason);
  END IF;
  RETURN NULL;
END;
`,
});

export const stampOverrideRemovedAt = triggerFunction('stamp_override_removed_at', {
  group,
  description: 'Trigger function: sets removed_at when an override is deactivated and clears it when one is reactivated',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF OLD.is_active AND NOT NEW.is_active THEN
    NEW.removed_at := COALESCE(NEW.removed_at, now());
  ELSIF NEW.is_active THEN
    NEW.removed_at := NULL;
  END IF;
  RETURN NEW;
END;
`,
});

export const syncLeadStageOverride = triggerFunction('sync_lead_stage_override', {
  group,
  description:
    'Trigger function: a new active override deactivates older ones and sets all_leads.lead_stage / sub_stage / stage_override (logged as a manual change by overridden_by); deactivating the last one clears stage_override and lets scoring set the stage again',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF NEW.is_active AND (TG_OP = 'INSERT' OR NOT OLD.is_active) THEN
    UPDATE public.lead_stage_overrides
       SET is_active = false, removed_at = now()
     WHERE lead_id = NEW.lead_id AND is_active AND id <> NEW.id;

    PERFORM set_config('proxe.stage_change_automatic', 'false', true);
    PERFORM set_config('proxe.stage_change_reason', COALESCE(NEW.override_reason, 'Manual stage override'), true);
    PERFORM set_config('proxe.stage_changed_by', NEW.overridden_by::text, true);
    UPDATE public.all_leads
       SET lead_stage = NEW.overridden_stage,
           sub_stage = NEW.overridden_sub_stage,
           stage_override = true
     WHERE id = NEW.lead_id;
    PERFORM set_config('proxe.stage_change_automatic', '', true);
    PERFORM set_config('proxe.stage_change_reason', '', true);
    PERFORM set_config('proxe.stage_changed_by', '', true);
  ELSIF TG_OP = 'UPDATE' AND OLD.is_active AND NOT NEW.is_active THEN
    IF NOT EXISTS (SELECT 1 FROM public.lead_stage_overrides o WHERE o.lead_id = NEW.lead_id AND o.is_active) THEN
      -- The override's sub-stage goes with it; scoring then sets the stage.
      PERFORM set_config('proxe.stage_change_reason', 'Stage override removed', true);
      UPDATE public.all_leads
         SET stage_override = false,
             sub_stage = CASE WHEN sub_stage IS NOT DISTINCT FROM NEW.overridden_sub_stage THEN NULL ELSE sub_stage END
       WHERE id = NEW.lead_id;
      PERFORM set_config('proxe.stage_change_reason', '', true);
      PERFORM public.update_lead_score_and_stage(NEW.lead_id, true);
    END IF;
  END IF;
  RETURN NULL;
END;
`,
});

// ---------------------------------------------------------------------------------------------
// Tables.
// ---------------------------------------------------------------------------------------------

export const leadActivities = table('lead_activities', {
  group,
  description: 'Team actions: calls, meetings, messages, notes',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Core - Unique activity identifier'),
    lead_id: leadId('the activity is about'),
    activity_type: text().notNull().oneOf(['call', 'meeting', 'message', 'note']).index().describe("Core - Activity type: 'call', 'meeting', 'message' or 'note'"),
    note: text().notNull().describe('Core - Activity note/description'),
    duration_minutes: integer().check(sql`duration_minutes >= 0`).describe('Optional - Duration for calls/meetings'),
    next_followup_date: timestamptz().index().describe('Optional - Scheduled follow-up'),
    created_by: uuid().notNull().default(sql`auth.uid()`).references('dashboard_users', 'id').index().describe('Core - Dashboard user who created the activity (defaults to the caller)'),
    created_at: timestamptz().notNull().defaultNow().index().describe('Core - Creation timestamp'),
  },
  triggers: {
    trigger_lead_activities_update_score: { timing: 'after', events: ['insert'], function: triggerRescoreLead, description: 'Calls and meetings count towards the lead score' },
  },
  rls: true,
  policies: {
    ...dashboardRead('activities'),
    'Dashboard users can log activities': { for: 'insert', to: 'authenticated', withCheck: sql`public.is_dashboard_user() AND created_by = (select auth.uid())` },
    'Authors and admins can edit activities': {
      for: 'update',
      to: 'authenticated',
      using: sql`(created_by = (select auth.uid()) AND public.is_dashboard_user()) OR public.is_dashboard_admin()`,
      withCheck: sql`(created_by = (select auth.uid()) AND public.is_dashboard_user()) OR public.is_dashboard_admin()`,
    },
    'Authors and admins can delete activities': { for: 'delete', to: 'authenticated', using: sql`(created_by = (select auth.uid()) AND public.is_dashboard_user()) OR public.is_dashboard_admin()` },
    ...serviceRoleAll('activities'),
  },
  grants: tableGrants(['select', 'insert', 'update', 'delete']),
});

export const leadStageChanges = table('lead_stage_changes', {
  group,
  description: 'Logs all stage transitions (automatic and manual)',
  note: 'Written only by `log_lead_stage_change()` (trigger on `all_leads`); dashboard users read it.',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Core - Unique change identifier'),
    lead_id: leadId('whose stage changed'),
    old_stage: text().check(sql`old_stage IN (${leadStageList})`).describe('Optional - Previous stage'),
    new_stage: text().notNull().check(sql`new_stage IN (${leadStageList})`).index().describe('Core - New stage'),
    old_sub_stage: text().describe('Optional - Previous sub-stage'),
    new_sub_stage: text().describe('Optional - New sub-stage'),
    old_score: integer().check(scoreRange('old_score')).describe('Optional - Previous score'),
    new_score: integer().check(scoreRange('new_score')).describe('Optional - New score'),
    changed_by: uuid().references('dashboard_users', 'id').index().describe('Optional - Dashboard user who changed the stage (NULL = automatic)'),
    change_reason: text().describe('Optional - Reason for change'),
    is_automatic: boolean().notNull().default(false).describe('Core - True if automatic, false if manual'),
    created_at: timestamptz().notNull().defaultNow().index().describe('Core - When the change happened'),
  },
  checks: {
    lead_stage_changes_manual_has_user: sql`is_automatic OR changed_by IS NOT NULL`,
  },
  rls: true,
  policies: {
    ...dashboardRead('stage changes'),
    ...serviceRoleAll('stage changes'),
  },
  grants: tableGrants(['select']),
});

export const leadStageOverrides = table('lead_stage_overrides', {
  group,
  description: 'Tracks manual stage overrides',
  note: 'Insert a row to pin a lead to a stage (`sync_lead_stage_override()` applies it to `all_leads` and deactivates older overrides); set `is_active = false` to remove it, after which automatic scoring decides the stage again. At most one override per lead is active.',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Core - Unique override identifier'),
    lead_id: leadId('whose stage is overridden'),
    overridden_stage: text().notNull().check(sql`overridden_stage IN (${leadStageList})`).describe('Core - Manually set stage'),
    overridden_sub_stage: text().describe('Optional - Manually set sub-stage'),
    overridden_by: uuid().notNull().default(sql`auth.uid()`).references('dashboard_users', 'id').index().describe('Core - Dashboard user who set the override (defaults to the caller)'),
    override_reason: text().describe('Optional - Reason for override'),
    created_at: timestamptz().notNull().defaultNow().index().describe('Core - When the override was set'),
    removed_at: timestamptz().describe('Optional - When override was removed (set automatically on deactivation)'),
    is_active: boolean().notNull().default(true).index().describe('Core - Active override flag'),
  },
  checks: {
    lead_stage_overrides_removed_when_inactive: sql`is_active = (removed_at IS NULL)`,
  },
  triggers: {
    stamp_override_removed_at: { timing: 'before', events: ['update'], updateOf: ['is_active'], function: stampOverrideRemovedAt },
    trigger_sync_lead_stage_override: { timing: 'after', events: ['insert', 'update'], updateOf: ['is_active'], function: syncLeadStageOverride },
  },
  rls: true,
  policies: {
    ...dashboardRead('stage overrides'),
    'Dashboard users can override stages': { for: 'insert', to: 'authenticated', withCheck: sql`public.is_dashboard_user() AND overridden_by = (select auth.uid())` },
    'Dashboard users can remove overrides': { for: 'update', to: 'authenticated', using: sql`public.is_dashboard_user()`, withCheck: sql`public.is_dashboard_user()` },
    ...serviceRoleAll('stage overrides'),
  },
  grants: tableGrants(['select', 'insert', 'update']),
});

export const stageHistory = table('stage_history', {
  group,
  description: 'Historical stage change tracking (alternative to lead_stage_changes)',
  note: "Written by `log_lead_stage_change()` for every change of `lead_stage` (not sub-stage); `changed_by` is the dashboard user's id as text or `'system'`.",
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Core - Unique history identifier'),
    lead_id: leadId('whose stage changed'),
    old_stage: text().check(sql`old_stage IN (${leadStageList})`).describe('Optional - Previous stage'),
    new_stage: text().notNull().check(sql`new_stage IN (${leadStageList})`).index().describe('Core - New stage'),
    score_at_change: integer().check(scoreRange('score_at_change')).describe('Optional - Score when changed'),
    changed_by: text().notNull().index().describe("Core - 'system' or the dashboard user id (as text)"),
    changed_at: timestamptz().notNull().defaultNow().index().describe('Core - When the change happened'),
    reason: text().describe('Optional - Change reason'),
  },
  rls: true,
  policies: {
    ...dashboardRead('stage history'),
    ...serviceRoleAll('stage history'),
  },
  grants: tableGrants(['select']),
});
