SET check_function_bodies = false;

ALTER TABLE "public"."dashboard_settings" RENAME COLUMN "value" TO "setting_value";

DROP FUNCTION "public"."normalize_phone"(text);

CREATE FUNCTION "public"."normalize_phone"("phone" text, "country_code" text DEFAULT ''::text) RETURNS text LANGUAGE "sql" IMMUTABLE PARALLEL SAFE
AS $$SELECT nullif(country_code || regexp_replace(phone, '[^0-9]', '', 'g'), '')$$;

CREATE TABLE "public"."lead_notes" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "lead_id" uuid NOT NULL,
  "body" text NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "lead_notes_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "public"."lead_notes" ADD CONSTRAINT "lead_notes_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "public"."all_leads" ("id") ON DELETE CASCADE;

CREATE INDEX "idx_lead_notes_lead_id" ON "public"."lead_notes" USING "btree" (lead_id);

CREATE OR REPLACE VIEW "public"."unified_leads" WITH (security_invoker = true) AS
SELECT id,
    name,
    email,
    phone,
    first_touchpoint,
    last_touchpoint,
    brand,
    "timestamp",
    last_interaction_at,
    lead_score,
    lead_stage,
    sub_stage,
    stage_override,
    last_scored_at,
    is_active_chat,
    status,
    booking_date,
    booking_time,
    metadata,
    unified_context,
    lead_score >= 70 AS is_hot
   FROM ( SELECT al.id,
            al.customer_name AS name,
            al.email,
            al.phone,
            al.first_touchpoint,
            al.last_touchpoint,
            al.brand,
            al.created_at AS "timestamp",
            al.last_interaction_at,
            COALESCE(al.lead_score, 0) AS lead_score,
            COALESCE(al.lead_stage, 'New'::text) AS lead_stage,
            al.sub_stage,
            COALESCE(al.stage_override, false) AS stage_override,
            al.last_scored_at,
            al.is_active_chat,
            COALESCE(ws.booking_status, 'new'::text) AS status,
            COALESCE(ws.booking_date, al.booking_date) AS booking_date,
            COALESCE(ws.booking_time, al.booking_time) AS booking_time,
            jsonb_build_object('web_data',
                CASE
                    WHEN ws.id IS NULL THEN NULL::jsonb
                    ELSE jsonb_build_object('session_id', ws.id, 'customer_name', ws.customer_name, 'customer_email', ws.customer_email, 'customer_phone', ws.customer_phone, 'external_session_id', ws.external_session_id, 'chat_session_id', ws.chat_session_id, 'website_url', ws.website_url, 'booking_status', ws.booking_status, 'booking_date', ws.booking_date, 'booking_time', ws.booking_time, 'google_event_id', ws.google_event_id, 'booking_created_at', ws.booking_created_at, 'conversation_summary', ws.conversation_summary, 'user_inputs_summary', ws.user_inputs_summary, 'message_count', ws.message_count, 'last_message_at', ws.last_message_at, 'session_status', ws.session_status, 'channel_data', ws.channel_data, 'created_at', ws.created_at)
                END, 'whatsapp_data',
                CASE
                    WHEN wa.id IS NULL THEN NULL::jsonb
                    ELSE jsonb_build_object('session_id', wa.id, 'customer_name', wa.customer_name, 'customer_phone', wa.customer_phone, 'whatsapp_business_account_id', wa.whatsapp_business_account_id, 'whatsapp_contact_id', wa.whatsapp_contact_id, 'conversation_summary', wa.conversation_summary, 'conversation_context', wa.conversation_context, 'user_inputs_summary', wa.user_inputs_summary, 'message_count', wa.message_count, 'last_message_at', wa.last_message_at, 'last_message_from', wa.last_message_from, 'last_message_preview', wa.last_message_preview, 'conversation_status', wa.conversation_status, 'response_time_avg_seconds', wa.response_time_avg_seconds, 'overall_sentiment', wa.overall_sentiment, 'channel_data', wa.channel_data, 'created_at', wa.created_at)
                END, 'voice_data',
                CASE
                    WHEN vs.id IS NULL THEN NULL::jsonb
                    ELSE jsonb_build_object('session_id', vs.id, 'customer_name', vs.customer_name, 'customer_phone', vs.customer_phone, 'call_sid', vs.call_sid, 'phone_number', vs.phone_number, 'call_duration_seconds', vs.call_duration_seconds, 'call_status', vs.call_status, 'call_direction', vs.call_direction, 'recording_url', vs.recording_url, 'transcription', vs.transcription, 'call_summary', vs.call_summary, 'sentiment', vs.sentiment, 'conversation_context', vs.conversation_context, 'user_inputs_summary', vs.user_inputs_summary, 'audio_quality', vs.audio_quality, 'channel_data', vs.channel_data, 'created_at', vs.created_at)
                END, 'social_data', ss.social_data) AS metadata,
            al.unified_context
           FROM public.all_leads al
             LEFT JOIN LATERAL ( SELECT w.id,
                    w.lead_id,
                    w.brand,
                    w.customer_name,
                    w.customer_email,
                    w.customer_phone,
                    w.customer_phone_normalized,
                    w.external_session_id,
                    w.chat_session_id,
                    w.website_url,
                    w.booking_status,
                    w.booking_date,
                    w.booking_time,
                    w.google_event_id,
                    w.booking_created_at,
                    w.conversation_summary,
                    w.user_inputs_summary,
                    w.message_count,
                    w.last_message_at,
                    w.session_status,
                    w.channel_data,
                    w.created_at,
                    w.updated_at
                   FROM public.web_sessions w
                  WHERE w.lead_id = al.id
                  ORDER BY w.created_at DESC
                 LIMIT 1) ws ON true
             LEFT JOIN LATERAL ( SELECT w.id,
                    w.lead_id,
                    w.brand,
                    w.customer_name,
                    w.customer_email,
                    w.customer_phone,
                    w.customer_phone_normalized,
                    w.whatsapp_business_account_id,
                    w.whatsapp_contact_id,
                    w.conversation_summary,
                    w.conversation_context,
                    w.user_inputs_summary,
                    w.message_count,
                    w.last_message_at,
                    w.last_message_from,
                    w.last_message_preview,
                    w.conversation_status,
                    w.response_time_avg_seconds,
                    w.overall_sentiment,
                    w.channel_data,
                    w.created_at,
                    w.updated_at
                   FROM public.whatsapp_sessions w
                  WHERE w.lead_id = al.id
                  ORDER BY w.created_at DESC
                 LIMIT 1) wa ON true
             LEFT JOIN LATERAL ( SELECT v.id,
                    v.lead_id,
                    v.brand,
                    v.customer_name,
                    v.customer_email,
                    v.customer_phone,
                    v.customer_phone_normalized,
                    v.call_sid,
                    v.phone_number,
                    v.call_duration_seconds,
                    v.call_status,
                    v.call_direction,
                    v.recording_url,
                    v.transcription,
                    v.call_summary,
                    v.sentiment,
                    v.conversation_context,
                    v.user_inputs_summary,
                    v.audio_quality,
                    v.channel_data,
                    v.created_at,
                    v.updated_at
                   FROM public.voice_sessions v
                  WHERE v.lead_id = al.id
                  ORDER BY v.created_at DESC
                 LIMIT 1) vs ON true
             LEFT JOIN LATERAL ( SELECT jsonb_agg(jsonb_build_object('session_id', s.id, 'platform', s.platform, 'platform_user_id', s.platform_user_id, 'platform_username', s.platform_username, 'engagement_type', s.engagement_type, 'content_id', s.content_id, 'engagement_preview', s.engagement_preview, 'last_engagement_at', s.last_engagement_at, 'engagement_count', s.engagement_count, 'conversation_summary', s.conversation_summary, 'sentiment', s.sentiment, 'engagement_quality', s.engagement_quality, 'channel_data', s.channel_data, 'created_at', s.created_at) ORDER BY s.created_at DESC) AS social_data
                   FROM public.social_sessions s
                  WHERE s.lead_id = al.id) ss ON true
          WHERE al.customer_name IS NOT NULL OR al.email IS NOT NULL OR al.phone IS NOT NULL) u;

ALTER TABLE "public"."lead_notes" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Service role manages lead notes" ON "public"."lead_notes" AS PERMISSIVE FOR ALL TO "service_role" USING (true) WITH CHECK (true);

COMMENT ON TABLE "public"."lead_notes" IS 'Free-form notes on a lead';

COMMENT ON FUNCTION "public"."normalize_phone"(text, text) IS 'Normalises a phone number to digits, prefixed with an optional country code';
