/*
 * Contact Management: the contact summary kept from messages, and the inbox query that joins
 * contacts with their CRM clients.
 */
import { rpc, sql, triggerFunction } from 'pgform';
import { groups } from './common.js';

export const updateContactSummaryOnMessage = triggerFunction('update_contact_summary_on_message', {
  group: groups.contacts,
  description: "Updates contact's last_interaction_at, last_message_preview, and unread_count",
  note: [
    'Runs as `messages_summary_trigger` (AFTER INSERT, UPDATE or DELETE on `messages`). It recomputes the summary of every affected contact from its messages, so deletes, edits, read receipts and late-arriving messages all leave the summary right.',
    '- `last_interaction_at`: the latest `sent_at` (kept when no message is left)',
    '- `last_message_preview`: the latest message\'s text, first 120 characters, or `[<content_type>]` for media',
    '- `unread_count`: incoming (`sender_type = \'user\'`) messages with `is_read_by_agent = false`',
    '',
    'SECURITY DEFINER so the webhook and agents can always update the summary columns.',
  ].join('\n'),
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_contact_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    v_contact_ids := ARRAY[NEW.contact_id];
  ELSIF TG_OP = 'DELETE' THEN
    v_contact_ids := ARRAY[OLD.contact_id];
  ELSE
    v_contact_ids := ARRAY[NEW.contact_id, OLD.contact_id];
  END IF;

  UPDATE public.contacts c
     SET last_interaction_at = COALESCE(lm.sent_at, c.last_interaction_at),
         last_message_preview = lm.preview,
         unread_count = u.unread,
         updated_at = now()
    FROM (SELECT DISTINCT ids.contact_id FROM unnest(v_contact_ids) AS ids(contact_id)) t
    LEFT JOIN LATERAL (
      SELECT m.sent_at,
             left(COALESCE(NULLIF(m.text_content, ''), '[' || m.content_type || ']'), 120) AS preview
        FROM public.messages m
       WHERE m.contact_id = t.contact_id
       ORDER BY m.sent_at DESC, m.id DESC
       LIMIT 1
    ) lm ON true
    CROSS JOIN LATERAL (
      SELECT count(*)::integer AS unread
        FROM public.messages m
       WHERE m.contact_id = t.contact_id
         AND m.sender_type = 'user'
         AND NOT m.is_read_by_agent
    ) u
   WHERE c.id = t.contact_id;

  RETURN NULL;
END;
`,
});

export const getContactsForChannel = rpc('get_contacts_for_channel', {
  group: groups.contacts,
  description: 'Fetches contacts with joined CRM client data (solves RLS join issues)',
  note: [
    'The inbox list: contacts of one channel, most recent conversation first, with the linked `crm_clients` row\'s id and key fields.',
    'SECURITY DEFINER so the contact/client join is not filtered twice by RLS; it therefore filters by `get_my_organization_id()` itself (the service role sees every organization). `p_search_term` matches name, platform user id, last message, client email and phone (case-insensitive, `%` and `_` taken literally).',
    '```sql\nSELECT * FROM get_contacts_for_channel(\'channel-uuid\', \'search-term\');\n```',
  ].join('\n\n'),
  args: { p_channel_id: 'uuid', p_search_term: { type: 'text', default: sql`NULL` } },
  returns: {
    table: {
      id: 'uuid',
      organization_id: 'uuid',
      channel_id: 'uuid',
      platform: 'text',
      platform_user_id: 'text',
      name: 'text',
      avatar_url: 'text',
      ai_enabled: 'boolean',
      last_interaction_at: 'timestamp with time zone',
      last_message_preview: 'text',
      unread_count: 'integer',
      created_at: 'timestamp with time zone',
      updated_at: 'timestamp with time zone',
      crm_client_id: 'uuid',
      client_type: 'text',
      lifecycle_stage: 'text',
      lead_score: 'integer',
      lead_quality: 'text',
      assigned_to: 'uuid',
      email: 'text',
      phone: 'text',
      tags: 'text[]',
    },
  },
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_org_id uuid := public.get_my_organization_id();
  v_all_orgs boolean := COALESCE(auth.role(), '') = 'service_role';
  v_term text := NULLIF(btrim(p_search_term), '');
  v_pattern text;
BEGIN
  IF v_org_id IS NULL AND NOT v_all_orgs THEN
    RETURN;
  END IF;
  v_pattern := '%' || replace(replace(replace(v_term, '\', '\\'), '%', '\%'), '_', '\_') || '%';

  RETURN QUERY
  SELECT c.id, c.organization_id, c.channel_id, c.platform, c.platform_user_id, c.name, c.avatar_url,
         c.ai_enabled, c.last_interaction_at, c.last_message_preview, c.unread_count, c.created_at, c.updated_at,
         cl.id, cl.client_type, cl.lifecycle_stage, cl.lead_score, cl.lead_quality, cl.assigned_to,
         cl.email, cl.phone, cl.tags
    FROM public.contacts c
    LEFT JOIN public.crm_clients cl ON cl.contact_id = c.id
   WHERE c.channel_id = p_channel_id
     AND (v_all_orgs OR c.organization_id = v_org_id)
     AND (v_term IS NULL
          OR c.name ILIKE v_pattern
          OR c.platform_user_id ILIKE v_pattern
          OR c.last_message_preview ILIKE v_pattern
          OR cl.email ILIKE v_pattern
          OR cl.phone ILIKE v_pattern)
   ORDER BY c.last_interaction_at DESC NULLS LAST, c.id;
END;
`,
  grants: ['authenticated', 'service_role'],
});
