/*
 * Views: unified_leads, the one-row-per-lead display the dashboard's leads table reads.
 */
import { sql, view } from 'pgform';
import { groups } from './common.js';

export const unifiedLeads = view('unified_leads', {
  group: groups.views,
  description: 'Dashboard display view - aggregates all customer data from all_leads + channel tables (latest web, WhatsApp and voice session; every social session)',
  note: 'Base table `all_leads` (`al`) LEFT JOINed (LATERAL) to its latest `web_sessions`, `whatsapp_sessions` and `voice_sessions` row (ORDER BY created_at DESC LIMIT 1) and to all its `social_sessions` (JSONB_AGG). Only leads with a name, email or phone appear. `security_invoker`, so the RLS of the underlying tables applies to the caller.',
  securityInvoker: true,
  query: sql`
SELECT
  al.id,
  al.customer_name AS name,
  al.email,
  al.phone,
  al.first_touchpoint,
  al.last_touchpoint,
  al.brand,
  al.created_at AS "timestamp",
  al.last_interaction_at,
  COALESCE(al.lead_score, 0) AS lead_score,
  COALESCE(al.lead_stage, 'New') AS lead_stage,
  al.sub_stage,
  COALESCE(al.stage_override, false) AS stage_override,
  al.last_scored_at,
  al.is_active_chat,
  COALESCE(ws.booking_status, 'new') AS status,
  COALESCE(ws.booking_date, al.booking_date) AS booking_date,
  COALESCE(ws.booking_time, al.booking_time) AS booking_time,
  jsonb_build_object(
    'web_data', CASE WHEN ws.id IS NULL THEN NULL ELSE jsonb_build_object(
      'session_id', ws.id,
      'customer_name', ws.customer_name,
      'customer_email', ws.customer_email,
      'customer_phone', ws.customer_phone,
      'external_session_id', ws.external_session_id,
      'chat_session_id', ws.chat_session_id,
      'website_url', ws.website_url,
      'booking_status', ws.booking_status,
      'booking_date', ws.booking_date,
      'booking_time', ws.booking_time,
      'google_event_id', ws.google_event_id,
      'booking_created_at', ws.booking_created_at,
      'conversation_summary', ws.conversation_summary,
      'user_inputs_summary', ws.user_inputs_summary,
      'message_count', ws.message_count,
      'last_message_at', ws.last_message_at,
      'session_status', ws.session_status,
      'channel_data', ws.channel_data,
      'created_at', ws.created_at
    ) END,
    'whatsapp_data', CASE WHEN wa.id IS NULL THEN NULL ELSE jsonb_build_object(
      'session_id', wa.id,
      'customer_name', wa.customer_name,
      'customer_phone', wa.customer_phone,
      'whatsapp_business_account_id', wa.whatsapp_business_account_id,
      'whatsapp_contact_id', wa.whatsapp_contact_id,
      'conversation_summary', wa.conversation_summary,
      'conversation_context', wa.conversation_context,
      'user_inputs_summary', wa.user_inputs_summary,
      'message_count', wa.message_count,
      'last_message_at', wa.last_message_at,
      'last_message_from', wa.last_message_from,
      'last_message_preview', wa.last_message_preview,
      'conversation_status', wa.conversation_status,
      'response_time_avg_seconds', wa.response_time_avg_seconds,
      'overall_sentiment', wa.overall_sentiment,
      'channel_data', wa.channel_data,
      'created_at', wa.created_at
    ) END,
    'voice_data', CASE WHEN vs.id IS NULL THEN NULL ELSE jsonb_build_object(
      'session_id', vs.id,
      'customer_name', vs.customer_name,
      'customer_phone', vs.customer_phone,
      'call_sid', vs.call_sid,
      'phone_number', vs.phone_number,
      'call_duration_seconds', vs.call_duration_seconds,
      'call_status', vs.call_status,
      'call_direction', vs.call_direction,
      'recording_url', vs.recording_url,
      'transcription', vs.transcription,
      'call_summary', vs.call_summary,
      'sentiment', vs.sentiment,
      'conversation_context', vs.conversation_context,
      'user_inputs_summary', vs.user_inputs_summary,
      'audio_quality', vs.audio_quality,
      'channel_data', vs.channel_data,
      'created_at', vs.created_at
    ) END,
    'social_data', ss.social_data
  ) AS metadata,
  al.unified_context
FROM public.all_leads al
LEFT JOIN LATERAL (
  SELECT w.* FROM public.web_sessions w WHERE w.lead_id = al.id ORDER BY w.created_at DESC LIMIT 1
) ws ON true
LEFT JOIN LATERAL (
  SELECT w.* FROM public.whatsapp_sessions w WHERE w.lead_id = al.id ORDER BY w.created_at DESC LIMIT 1
) wa ON true
LEFT JOIN LATERAL (
  SELECT v.* FROM public.voice_sessions v WHERE v.lead_id = al.id ORDER BY v.created_at DESC LIMIT 1
) vs ON true
LEFT JOIN LATERAL (
  SELECT jsonb_agg(jsonb_build_object(
           'session_id', s.id,
           'platform', s.platform,
           'platform_user_id', s.platform_user_id,
           'platform_username', s.platform_username,
           'engagement_type', s.engagement_type,
           'content_id', s.content_id,
           'engagement_preview', s.engagement_preview,
           'last_engagement_at', s.last_engagement_at,
           'engagement_count', s.engagement_count,
           'conversation_summary', s.conversation_summary,
           'sentiment', s.sentiment,
           'engagement_quality', s.engagement_quality,
           'channel_data', s.channel_data,
           'created_at', s.created_at
         ) ORDER BY s.created_at DESC) AS social_data
  FROM public.social_sessions s
  WHERE s.lead_id = al.id
) ss ON true
WHERE al.customer_name IS NOT NULL OR al.email IS NOT NULL OR al.phone IS NOT NULL
`,
  columns: {
    id: 'From all_leads.id',
    name: 'From all_leads.customer_name',
    email: 'From all_leads.email',
    phone: 'From all_leads.phone',
    first_touchpoint: 'From all_leads',
    last_touchpoint: 'From all_leads',
    brand: 'From all_leads',
    timestamp: 'From all_leads.created_at',
    last_interaction_at: 'From all_leads',
    lead_score: 'From all_leads (COALESCE to 0)',
    lead_stage: "From all_leads (COALESCE to 'New')",
    sub_stage: 'From all_leads',
    stage_override: 'From all_leads (COALESCE to FALSE)',
    last_scored_at: 'From all_leads',
    is_active_chat: 'From all_leads',
    status: "From the latest web_sessions.booking_status (COALESCE to 'new')",
    booking_date: 'From the latest web_sessions row (falls back to all_leads.booking_date)',
    booking_time: 'From the latest web_sessions row (falls back to all_leads.booking_time)',
    metadata: 'JSONB with aggregated channel data: web_data (latest web session), whatsapp_data (latest WhatsApp session), voice_data (latest voice session), social_data (array of all social sessions)',
    unified_context: 'From all_leads (JSONB)',
  },
  grants: [
    { to: 'authenticated', privileges: ['select'] },
    { to: 'service_role', privileges: ['select'] },
  ],
});
