/*
 * CRM Functions: the triggers that tie chat to the CRM (a client per contact, activities from AI
 * messages) and keep CRM aggregates current (revenue, stage history, last contact).
 * update_updated_at() lives in common.ts.
 */
import { sql, triggerFunction } from 'pgform';
import { groups } from './common.js';

const group = groups.crmFunctions;

export const createClientOnNewContact = triggerFunction('create_client_on_new_contact', {
  group,
  description: 'Automatically creates CRM client when contact is created',
  note: [
    'Runs as `on_new_contact_create_client` (AFTER INSERT on `contacts`). SECURITY DEFINER because contacts are usually created by the webhook.',
    'A client of the same organization that lost its contact (`contact_id` set NULL when the contact was deleted) and has the same `platform_user_id` is linked again instead of duplicated; otherwise a new `lead` is created with `source` = the platform.',
  ].join('\n\n'),
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_client_id uuid;
BEGIN
  UPDATE public.crm_clients cl
     SET contact_id = NEW.id,
         last_contact_date = GREATEST(cl.last_contact_date, NEW.last_interaction_at)
   WHERE cl.id = (
           SELECT c2.id
             FROM public.crm_clients c2
            WHERE c2.organization_id = NEW.organization_id
              AND c2.contact_id IS NULL
              AND c2.platform_user_id = NEW.platform_user_id
            ORDER BY c2.created_at DESC
            LIMIT 1)
  RETURNING cl.id INTO v_client_id;

  IF v_client_id IS NULL THEN
    INSERT INTO public.crm_clients (
      organization_id, contact_id, client_type, lifecycle_stage, source, source_details,
      platform_user_id, first_contact_date, last_contact_date)
    VALUES (
      NEW.organization_id, NEW.id, 'lead', 'lead', NEW.platform,
      jsonb_build_object('channel_id', NEW.channel_id, 'contact_name', NEW.name),
      NEW.platform_user_id, NEW.created_at, NEW.last_interaction_at)
    ON CONFLICT (contact_id) DO NOTHING;
  END IF;

  RETURN NULL;
END;
`,
});

export const updateClientRevenue = triggerFunction('update_client_revenue', {
  group,
  description: "Updates client's total_orders, total_revenue, average_order_value",
  note: 'Runs as `trigger_update_client_revenue` (AFTER INSERT, UPDATE or DELETE on `crm_orders`) and recomputes the figures of the affected client(s) from their orders; orders in status `cancelled` or `refunded` do not count.',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_client_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    v_client_ids := ARRAY[NEW.client_id];
  ELSIF TG_OP = 'DELETE' THEN
    v_client_ids := ARRAY[OLD.client_id];
  ELSE
    v_client_ids := ARRAY[NEW.client_id, OLD.client_id];
  END IF;

  UPDATE public.crm_clients cl
     SET total_orders = s.order_count,
         total_revenue = s.revenue,
         average_order_value = CASE WHEN s.order_count > 0 THEN round(s.revenue / s.order_count, 2) ELSE 0 END
    FROM (
      SELECT ids.client_id,
             count(o.id)::integer AS order_count,
             COALESCE(sum(o.total), 0) AS revenue
        FROM (SELECT DISTINCT u.client_id FROM unnest(v_client_ids) AS u(client_id)) ids
        LEFT JOIN public.crm_orders o
          ON o.client_id = ids.client_id
         AND o.status NOT IN ('cancelled', 'refunded')
       GROUP BY ids.client_id
    ) s
   WHERE cl.id = s.client_id;

  RETURN NULL;
END;
`,
});

export const trackDealStageChange = triggerFunction('track_deal_stage_change', {
  group,
  description: 'Logs deal stage changes to history table',
  note: [
    'Two triggers on `crm_deals` call it:',
    '- `trigger_track_deal_stage_change` (BEFORE UPDATE OF stage, when the stage really changes): stamps `stage_changed_at`, fills `actual_close_date` and sets `probability` to 100/0 on `closed_won`/`closed_lost`, clears `actual_close_date` when a closed deal is reopened, and writes a history row;',
    '- `trigger_track_deal_initial_stage` (AFTER INSERT): writes the first history row (`from_stage` NULL).',
    '',
    '`changed_by` is the calling user when they have a profile (NULL for the service role).',
  ].join('\n'),
  set: { search_path: '' },
  body: sql`
DECLARE
  v_changed_by uuid;
BEGIN
  SELECT p.id INTO v_changed_by FROM public.profiles p WHERE p.id = auth.uid();

  IF TG_OP = 'INSERT' THEN
    INSERT INTO public.crm_deal_stages_history (organization_id, deal_id, from_stage, to_stage, changed_by)
    VALUES (NEW.organization_id, NEW.id, NULL, NEW.stage, v_changed_by);
    RETURN NULL;
  END IF;

  IF NEW.stage IS NOT DISTINCT FROM OLD.stage THEN
    RETURN NEW;
  END IF;

  NEW.stage_changed_at := now();
  IF NEW.stage IN ('closed_won', 'closed_lost') THEN
    NEW.actual_close_date := COALESCE(NEW.actual_close_date, current_date);
    NEW.probability := CASE WHEN NEW.stage = 'closed_won' THEN 100 ELSE 0 END;
  ELSIF OLD.stage IN ('closed_won', 'closed_lost') THEN
    NEW.actual_close_date := NULL;
  END IF;

  INSERT INTO public.crm_deal_stages_history (organization_id, deal_id, from_stage, to_stage, changed_by)
  VALUES (NEW.organization_id, NEW.id, OLD.stage, NEW.stage, v_changed_by);

  RETURN NEW;
END;
`,
});

export const createActivityFromMessage = triggerFunction('create_activity_from_message', {
  group,
  description: 'Creates activity record from AI messages (CURRENTLY DISABLED)',
  note: 'Would run as `trigger_create_activity_from_message` (AFTER INSERT on `messages`), which is declared DISABLED. For each AI reply (`sender_type = \'ai\'`) of a contact with a CRM client it logs a completed `chatbot_interaction` whose `created_at` is the contact\'s preceding message, so `completed_at - created_at` is the bot\'s response time (used by `analytics_chatbot_effectiveness`).',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_client_id uuid;
  v_started_at timestamptz;
BEGIN
  IF NEW.sender_type <> 'ai' THEN
    RETURN NULL;
  END IF;

  SELECT cl.id INTO v_client_id FROM public.crm_clients cl WHERE cl.contact_id = NEW.contact_id;
  IF v_client_id IS NULL THEN
    RETURN NULL;
  END IF;

  SELECT max(m.sent_at) INTO v_started_at
    FROM public.messages m
   WHERE m.contact_id = NEW.contact_id
     AND m.sender_type = 'user'
     AND m.sent_at <= NEW.sent_at;

  INSERT INTO public.crm_activities (
    organization_id, client_id, message_id, activity_type, subject, description,
    status, completed_at, metadata, created_at)
  VALUES (
    NEW.organization_id, v_client_id, NEW.id, 'chatbot_interaction', 'AI chatbot reply', left(NEW.text_content, 500),
    'completed', NEW.sent_at,
    jsonb_build_object('channel_id', NEW.channel_id, 'content_type', NEW.content_type, 'message_platform_id', NEW.message_platform_id),
    COALESCE(v_started_at, NEW.sent_at));

  RETURN NULL;
END;
`,
});

export const updateLastContact = triggerFunction('update_last_contact', {
  group,
  description: "Updates client's last_contact_date when activity is logged",
  note: 'Runs as `trigger_update_last_contact` (AFTER INSERT on `crm_activities`). The contact time is `completed_at`, else `created_at`; tasks, notes and cancelled activities are not contacts, and the date never moves backwards.',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_contacted_at timestamptz := COALESCE(NEW.completed_at, NEW.created_at);
BEGIN
  IF NEW.client_id IS NULL
     OR NEW.activity_type IN ('task', 'note')
     OR NEW.status IS NOT DISTINCT FROM 'cancelled' THEN
    RETURN NULL;
  END IF;

  UPDATE public.crm_clients cl
     SET last_contact_date = v_contacted_at
   WHERE cl.id = NEW.client_id
     AND (cl.last_contact_date IS NULL OR cl.last_contact_date < v_contacted_at);

  RETURN NULL;
END;
`,
});
