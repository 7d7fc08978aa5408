import { boolean, date, integer, jsonb, numeric, sql, table, text, timestamptz, triggerFunction, uuid, view } from 'pgform';
import { adminOnlyPolicies, dashboardPolicies, groups, updatedAtTrigger } from './common.js';

const group = groups.calls;

export const callIntegrations = table('call_integrations', {
  group,
  description: 'Call provider integration configuration (credentials live in the vault, referenced by name)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    provider: text().notNull().oneOf(['twilio', 'aircall', 'ringcentral', 'callrail', 'justcall', 'dialpad', 'hubspot']),
    name: text().notNull(),
    external_account_id: text().describe('Account id at the provider'),
    credentials_secret: text().describe('Name of the vault secret with the API credentials'),
    webhook_url: text(),
    is_active: boolean().notNull().default(true),
    settings: jsonb().notNull().default({}),
    last_synced_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['provider', 'name']],
  triggers: updatedAtTrigger('call_integrations'),
  rls: true,
  policies: adminOnlyPolicies('call integrations'),
});

export const callTrackingNumbers = table('call_tracking_numbers', {
  group,
  description: 'Tracking phone numbers and the source or campaign each one advertises',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('call_records.tracking_number_id'),
    phone_number: text().notNull().unique(),
    integration_id: uuid().references('call_integrations', 'id', { onDelete: 'set null' }).index(),
    label: text(),
    source: text().describe('Channel the number is published on (facebook, google, website, print...)'),
    campaign_id: text().describe('Facebook campaign id, when the number belongs to a campaign'),
    forward_to: text(),
    is_active: boolean().notNull().default(true),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: updatedAtTrigger('call_tracking_numbers'),
  rls: true,
  policies: dashboardPolicies('tracking numbers'),
});

export const syncCallAppointmentFlag = triggerFunction('sync_call_appointment_flag', {
  set: { search_path: 'public, extensions' },
  group,
  description: 'Sets call_records.appointment_set when the outcome says an appointment was booked, and ended_at from the duration',
  body: sql`
BEGIN
  IF NEW.call_outcome = 'appointment_set' THEN
    NEW.appointment_set := true;
  END IF;
  IF NEW.ended_at IS NULL AND NEW.started_at IS NOT NULL AND NEW.duration_seconds IS NOT NULL THEN
    NEW.ended_at := NEW.started_at + make_interval(secs => NEW.duration_seconds);
  END IF;
  RETURN NEW;
END;
`,
});

export const callRecords = table('call_records', {
  group,
  description: 'Every inbound and outbound call from the call tracking providers',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    external_call_id: text().unique().describe('Call id at the provider'),
    integration_id: uuid().references('call_integrations', 'id', { onDelete: 'set null' }).index(),
    caller_number: text().notNull().index().describe('Number of the lead on the call, normalised like contacts.phone (= contacts.phone, no FK)'),
    called_number: text().describe('Our line: the tracking number or the setter\'s line'),
    tracking_number_id: uuid().references('call_tracking_numbers', 'id', { onDelete: 'set null' }).index().describe('call_tracking_numbers.id'),
    hubspot_owner_id: text().index().describe('Setter/owner: HubSpot owner id (string)'),
    hubspot_call_id: text(),
    direction: text().notNull().default('inbound').oneOf(['inbound', 'outbound']),
    call_status: text().notNull().index().oneOf(['completed', 'in_progress', 'ringing', 'no_answer', 'busy', 'failed', 'voicemail', 'canceled']),
    duration_seconds: integer().notNull().default(0).check(sql`duration_seconds >= 0`),
    call_score: integer().check(sql`call_score BETWEEN 0 AND 100`).describe('AI quality score 0-100'),
    call_outcome: text().describe('appointment_set, callback, not_interested, wrong_number, voicemail_left...'),
    appointment_set: boolean().notNull().default(false),
    recording_url: text(),
    transcript: text(),
    summary: text(),
    sentiment: text().oneOf(['positive', 'neutral', 'negative']),
    started_at: timestamptz().notNull().defaultNow(),
    ended_at: timestamptz(),
    created_at: timestamptz().notNull().defaultNow(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_call_records_started_at: { on: ['started_at DESC'] } },
  triggers: {
    call_records_sync_appointment_flag: { timing: 'before', events: ['insert', 'update'], function: syncCallAppointmentFlag },
    ...updatedAtTrigger('call_records'),
  },
  rls: true,
  policies: dashboardPolicies('call records'),
});

export const callAnalytics = table('call_analytics', {
  group,
  description: 'Aggregated call analytics per day and owner (owner NULL = whole team)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    period_date: date().notNull(),
    hubspot_owner_id: text().describe('HubSpot owner id; NULL for the team total'),
    total_calls: integer().notNull().default(0),
    inbound_calls: integer().notNull().default(0),
    outbound_calls: integer().notNull().default(0),
    answered_calls: integer().notNull().default(0),
    missed_calls: integer().notNull().default(0),
    total_talk_seconds: integer().notNull().default(0),
    avg_duration_seconds: numeric(10, 2),
    avg_call_score: numeric(5, 2),
    appointments_set: integer().notNull().default(0),
    connect_rate: numeric(6, 4).describe('answered / total'),
    computed_at: timestamptz().notNull().defaultNow(),
  },
  unique: [{ columns: ['period_date', 'hubspot_owner_id'], nullsNotDistinct: true }],
  rls: true,
  policies: dashboardPolicies('call analytics'),
});

export const callTranscriptionJobs = table('call_transcription_jobs', {
  group,
  description: 'Transcription jobs of call recordings',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    call_record_id: uuid().notNull().references('call_records', 'id', { onDelete: 'cascade' }).index().describe('call_records.id'),
    provider: text().notNull().default('whisper').oneOf(['whisper', 'deepgram', 'assemblyai', 'provider']),
    status: text().notNull().default('queued').oneOf(['queued', 'processing', 'completed', 'failed']),
    attempts: integer().notNull().default(0),
    language: text(),
    transcript: text(),
    error: text(),
    requested_at: timestamptz().notNull().defaultNow(),
    started_at: timestamptz(),
    completed_at: timestamptz(),
  },
  indexes: { idx_call_transcription_jobs_pending: { on: ['requested_at'], where: sql`status IN ('queued', 'processing')` } },
  rls: true,
  policies: dashboardPolicies('transcription jobs'),
});

// ---------------------------------------------------------------------------------------------
// Views. Calls carry no contact key: call_records.caller_number matches contacts.phone.

export const callAttribution = view('call_attribution', {
  group,
  description: 'Call + contact + deal + FB ad (via caller_number -> contacts.phone): each call with who called, their latest deal and the ad that brought them',
  securityInvoker: true,
  query: sql`
SELECT cr.id AS call_id,
       cr.started_at,
       cr.direction,
       cr.call_status,
       cr.duration_seconds,
       cr.call_score,
       cr.call_outcome,
       cr.appointment_set,
       cr.caller_number,
       cr.hubspot_owner_id,
       s.id AS owner_staff_id,
       s.full_name AS owner_name,
       cr.tracking_number_id,
       tn.phone_number AS tracking_number,
       tn.source AS tracking_source,
       c.id AS contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), '') AS contact_name,
       c.email AS contact_email,
       c.lifecycle_stage,
       d.id AS deal_id,
       d.stage AS deal_stage,
       d.status AS deal_status,
       d.deal_value,
       d.cash_collected,
       c.attributed_ad_id AS fb_ad_id,
       c.attributed_adset_id AS fb_adset_id,
       coalesce(c.attributed_campaign_id, tn.campaign_id) AS fb_campaign_id,
       ad.ad_name,
       ad.campaign_name
FROM public.call_records cr
LEFT JOIN public.call_tracking_numbers tn ON tn.id = cr.tracking_number_id
LEFT JOIN public.staff s ON s.hubspot_owner_id = cr.hubspot_owner_id
LEFT JOIN LATERAL (
  SELECT ct.* FROM public.contacts ct
  WHERE ct.phone = cr.caller_number
  ORDER BY ct.created_at
  LIMIT 1
) c ON true
LEFT JOIN LATERAL (
  SELECT dl.id, dl.stage, dl.status, dl.deal_value, dl.cash_collected
  FROM public.deals dl
  WHERE dl.contact_id = c.id
  ORDER BY dl.created_at DESC
  LIMIT 1
) d ON true
LEFT JOIN LATERAL (
  SELECT i.ad_name, i.campaign_name
  FROM public.facebook_ads_insights i
  WHERE i.ad_id = c.attributed_ad_id
  ORDER BY i.date DESC
  LIMIT 1
) ad ON true
`,
  columns: {
    call_id: 'call_records.id',
    contact_id: 'contacts.id whose phone equals the caller number (oldest contact if several)',
    deal_id: 'Latest deal of the contact',
    fb_campaign_id: 'Campaign of the contact, else of the tracking number',
  },
});

export const contactCallPerformance = view('contact_call_performance', {
  group,
  description: 'Per-contact call stats (contact_id): volume, connects, talk time, score and appointments',
  securityInvoker: true,
  query: sql`
SELECT c.id AS contact_id,
       nullif(concat_ws(' ', c.first_name, c.last_name), '') AS full_name,
       c.phone,
       c.owner_id,
       c.owner_name,
       count(cr.id) AS total_calls,
       count(cr.id) FILTER (WHERE cr.direction = 'inbound') AS inbound_calls,
       count(cr.id) FILTER (WHERE cr.direction = 'outbound') AS outbound_calls,
       count(cr.id) FILTER (WHERE cr.call_status = 'completed' AND cr.duration_seconds > 0) AS connected_calls,
       coalesce(sum(cr.duration_seconds), 0) AS total_talk_seconds,
       round(avg(cr.duration_seconds) FILTER (WHERE cr.call_status = 'completed'), 1) AS avg_duration_seconds,
       round(avg(cr.call_score), 1) AS avg_call_score,
       count(cr.id) FILTER (WHERE cr.appointment_set) AS appointments_set,
       min(cr.started_at) AS first_call_at,
       max(cr.started_at) AS last_call_at,
       floor(extract(epoch FROM now() - max(cr.started_at)) / 86400)::integer AS days_since_last_call
FROM public.contacts c
JOIN public.call_records cr ON cr.caller_number = c.phone
GROUP BY c.id, c.first_name, c.last_name, c.phone, c.owner_id, c.owner_name
`,
});
