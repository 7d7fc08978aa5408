/*
 * 14. Appointments & Meetings: bookings made by an organizer (often with a lead from the CRM),
 * their reminders (scheduled automatically), the meetings that take place and their notes and
 * transcriptions. check_appointment_conflicts() (Lead Generation & CRM) reads appointments.
 */
import { boolean, integer, jsonb, sql, system, table, text, timestamptz, triggerFunction, tsvector, uuid } from 'pgform';
import { adminPolicies, areas, ownerPolicies, rlsSql, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.appointments;

export const appointments = table('appointments', {
  group,
  note: `**Booking flow.** The booking UI or an AI agent calls \`check_appointment_conflicts(start, end, organizer_id)\` and inserts the appointment; \`schedule_appointment_reminders()\` then creates email reminders 24 h and 1 h before (SMS 1 h before when a phone is known), re-plans them when \`start_time\` moves and cancels them when the appointment is cancelled, completed or marked no-show. A reminder job (service role) polls \`idx_appointment_reminders_due\`. The call itself is a \`meetings\` row with \`appointment_id\`, and its notes / transcripts are \`meeting_notes\`.`,
  description: 'Appointment records: a time slot an organizer booked with an attendee (user, lead or guest); read by check_appointment_conflicts()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant the appointment belongs to'),
    organizer_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).describe('User who owns the calendar slot'),
    lead_id: uuid().references('leads', 'id', { onDelete: 'set null' }).index().describe('CRM lead the appointment is with'),
    attendee_user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Attendee when they have an account'),
    attendee_name: text().describe('Attendee name (guests)'),
    attendee_email: text().check(sql`attendee_email ~* '^[^@\s]+@[^@\s]+$'`).describe('Attendee email for invitations and reminders'),
    attendee_phone: text().describe('Attendee phone for SMS / WhatsApp reminders'),
    title: text().notNull().check(sql`char_length(title) BETWEEN 1 AND 200`).describe('Title'),
    description: text().describe('Agenda / notes for the attendee'),
    appointment_type: text()
      .notNull()
      .default('consultation')
      .oneOf(['consultation', 'demo', 'follow_up', 'onboarding', 'support', 'interview', 'other'])
      .describe('Kind of appointment'),
    start_time: timestamptz().notNull().describe('Start'),
    end_time: timestamptz().notNull().describe('End (after start)'),
    timezone: text().notNull().default('UTC').describe("Attendee's IANA time zone, for reminders"),
    location: text().describe('Address or room for in-person appointments'),
    meeting_url: text().describe('Video link'),
    status: text()
      .notNull()
      .default('scheduled')
      .oneOf(['scheduled', 'confirmed', 'completed', 'cancelled', 'no_show', 'rescheduled'])
      .describe("Lifecycle; every status but 'cancelled' blocks the slot in check_appointment_conflicts()"),
    source: text().notNull().default('web').oneOf(['web', 'calendar_sync', 'api', 'manual', 'ai_agent']).describe('How it was booked'),
    rescheduled_from: uuid().index().references('appointments', 'id', { onDelete: 'set null' }).describe('Appointment this one replaces'),
    cancelled_at: timestamptz().describe('When it was cancelled'),
    cancellation_reason: text().describe('Why it was cancelled'),
    external_calendar_event_id: text().describe('Event id in the synced calendar (Google, Outlook)'),
    metadata: jsonb().notNull().default({}).describe('Extra booking data (answers to booking questions, UTM)'),
    ...timestamps(),
  },
  checks: { appointments_time_check: sql`end_time > start_time` },
  indexes: {
    idx_appointments_organizer_time: { on: ['organizer_id', 'start_time', 'end_time'], description: 'Conflict checks and calendars' },
    idx_appointments_tenant_time: { on: ['tenant_id', 'start_time'] },
    idx_appointments_upcoming: { on: ['start_time'], where: sql`status IN ('scheduled', 'confirmed')` },
  },
  triggers: {
    ...updatedAtTrigger('appointments'),
    appointments_schedule_reminders: {
      timing: 'after',
      events: ['insert', 'update'],
      updateOf: ['start_time', 'status'],
      function: 'public.schedule_appointment_reminders',
      description: 'Creates (or cancels) the pending reminders of the appointment',
    },
  },
  rls: true,
  policies: {
    ...ownerPolicies('appointments', 'organizer_id'),
    'Attendees view their appointments': { for: 'select', to: 'authenticated', using: rlsSql.owner('attendee_user_id') },
    'Tenant members view tenant appointments': { for: 'select', to: 'authenticated', using: rlsSql.tenant() },
    ...adminPolicies('appointments'),
    ...servicePolicies('appointments'),
  },
});

const ownAppointment = sql`EXISTS (SELECT 1 FROM public.appointments a WHERE a.id = appointment_reminders.appointment_id AND a.organizer_id = (select auth.uid()))`;

export const appointmentReminders = table('appointment_reminders', {
  group,
  description: 'Appointment reminders: one per appointment, channel and offset; sent by a scheduled job (service role)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    appointment_id: uuid().notNull().references('appointments', 'id', { onDelete: 'cascade' }).index().describe('Appointment'),
    channel: text().notNull().default('email').oneOf(['email', 'sms', 'push', 'whatsapp']).describe('Delivery channel'),
    offset_minutes: integer().notNull().check(sql`offset_minutes > 0`).describe('Minutes before start_time'),
    remind_at: timestamptz().notNull().describe('When to send (start_time - offset)'),
    recipient: text().describe('Address / number the reminder goes to'),
    status: text().notNull().default('pending').oneOf(['pending', 'sent', 'failed', 'cancelled']).describe('Delivery state'),
    attempts: integer().notNull().default(0).check(sql`attempts >= 0`).describe('Delivery attempts'),
    sent_at: timestamptz().describe('When it was delivered'),
    last_error: text().describe('Last delivery error'),
    ...timestamps(),
  },
  unique: [['appointment_id', 'channel', 'offset_minutes']],
  indexes: { idx_appointment_reminders_due: { on: ['remind_at'], where: sql`status = 'pending'`, description: 'The sender polls due reminders' } },
  triggers: { ...updatedAtTrigger('appointment_reminders') },
  rls: true,
  policies: {
    'Organizers manage reminders of own appointments': { for: 'all', to: 'authenticated', using: ownAppointment, withCheck: ownAppointment },
    ...adminPolicies('appointment reminders'),
    ...servicePolicies('appointment reminders'),
  },
});

export const meetings = table('meetings', {
  group,
  description: 'Meeting records: a video call or in-person meeting (often held for an appointment), with participants and recording',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    host_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Host'),
    appointment_id: uuid().references('appointments', 'id', { onDelete: 'set null' }).index().describe('Appointment the meeting fulfils'),
    title: text().notNull().describe('Title'),
    description: text().describe('Agenda'),
    platform: text().notNull().default('google_meet').oneOf(['zoom', 'google_meet', 'teams', 'webex', 'in_person', 'phone', 'other']).describe('Where it takes place'),
    meeting_url: text().describe('Join link'),
    external_meeting_id: text().describe('Meeting id at the platform (for recordings / transcripts)'),
    scheduled_start: timestamptz().notNull().describe('Planned start'),
    scheduled_end: timestamptz().describe('Planned end'),
    actual_start: timestamptz().describe('Actual start'),
    actual_end: timestamptz().describe('Actual end'),
    status: text().notNull().default('scheduled').oneOf(['scheduled', 'in_progress', 'completed', 'cancelled']).describe('Lifecycle'),
    participant_ids: uuid().array().notNull().default([]).describe('Users invited (drives the participants RLS policy)'),
    participants: jsonb().notNull().default([]).describe('All participants incl. guests: [{"name", "email", "role"}]'),
    recording_url: text().describe('Recording link (private storage bucket path or platform URL)'),
    metadata: jsonb().notNull().default({}).describe('Platform payload'),
    ...timestamps(),
  },
  checks: {
    meetings_schedule_check: sql`scheduled_end IS NULL OR scheduled_end > scheduled_start`,
    meetings_actual_check: sql`actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start`,
  },
  indexes: {
    idx_meetings_participants: { on: ['participant_ids'], using: 'gin' },
    idx_meetings_scheduled_start: { on: ['scheduled_start DESC'] },
  },
  triggers: { ...updatedAtTrigger('meetings') },
  rls: true,
  policies: {
    ...ownerPolicies('meetings', 'host_id'),
    'Participants view their meetings': { for: 'select', to: 'authenticated', using: sql`(select auth.uid()) = ANY (participant_ids)` },
    'Tenant members view tenant meetings': { for: 'select', to: 'authenticated', using: rlsSql.tenant() },
    ...adminPolicies('meetings'),
    ...servicePolicies('meetings'),
  },
});

export const meetingNotes = table('meeting_notes', {
  group,
  description: 'Meeting notes and transcriptions: notes written by participants and AI transcripts, summaries and action items',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    meeting_id: uuid().notNull().references('meetings', 'id', { onDelete: 'cascade' }).index().describe('Meeting'),
    author_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Writer; NULL for AI / service output'),
    note_type: text().notNull().default('note').oneOf(['note', 'transcript', 'summary', 'action_items']).describe('Kind of note'),
    content: text().notNull().describe('Text (Markdown for notes, plain text for transcripts)'),
    transcript_segments: jsonb().notNull().default([]).describe('Transcript segments: [{"speaker", "start_ms", "end_ms", "text"}]'),
    action_items: jsonb().notNull().default([]).describe('Action items: [{"text", "assignee_id", "due_date", "done"}]'),
    language: text().notNull().default('en').describe('Language of the content'),
    is_ai_generated: boolean().notNull().default(false).describe('Produced by the transcription / summarisation agent'),
    is_private: boolean().notNull().default(false).describe('Visible to the author only'),
    search_vector: tsvector().generated(sql`to_tsvector('english'::regconfig, content)`).describe('Full-text search over content'),
    ...timestamps(),
  },
  indexes: { idx_meeting_notes_search: { on: ['search_vector'], using: 'gin' } },
  triggers: { ...updatedAtTrigger('meeting_notes') },
  rls: true,
  policies: {
    ...ownerPolicies('meeting notes', 'author_id'),
    'Meeting hosts and participants view shared notes': {
      for: 'select',
      to: 'authenticated',
      using: sql`NOT is_private AND EXISTS (SELECT 1 FROM public.meetings m WHERE m.id = meeting_notes.meeting_id AND (m.host_id = (select auth.uid()) OR (select auth.uid()) = ANY (m.participant_ids)))`,
    },
    ...adminPolicies('meeting notes'),
    ...servicePolicies('meeting notes'),
  },
});

export const scheduleAppointmentReminders = triggerFunction('schedule_appointment_reminders', {
  group,
  description:
    'AFTER INSERT / UPDATE OF start_time, status on appointments: replaces pending reminders with an email 24 h and 1 h before (plus SMS 1 h before when a phone is known); cancels them when the appointment is no longer scheduled',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.start_time IS NOT DISTINCT FROM OLD.start_time AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
    RETURN NULL;
  END IF;

  IF NEW.status NOT IN ('scheduled', 'confirmed') THEN
    UPDATE public.appointment_reminders r SET status = 'cancelled'
    WHERE r.appointment_id = NEW.id AND r.status = 'pending';
    RETURN NULL;
  END IF;

  DELETE FROM public.appointment_reminders r WHERE r.appointment_id = NEW.id AND r.status IN ('pending', 'cancelled');

  INSERT INTO public.appointment_reminders (appointment_id, channel, offset_minutes, remind_at, recipient)
  SELECT NEW.id, o.channel, o.offset_minutes, NEW.start_time - make_interval(mins => o.offset_minutes), o.recipient
  FROM (VALUES ('email', 1440, NEW.attendee_email), ('email', 60, NEW.attendee_email), ('sms', 60, NEW.attendee_phone))
       AS o(channel, offset_minutes, recipient)
  WHERE o.recipient IS NOT NULL
    AND NEW.start_time - make_interval(mins => o.offset_minutes) > now()
  ON CONFLICT (appointment_id, channel, offset_minutes) DO NOTHING;
  RETURN NULL;
END;
`,
});

export const appointmentJoins = system({
  joins: [{ from: 'appointments.attendee_email', to: 'leads.email', description: 'Guest bookings are matched to CRM leads by email when lead_id is not set' }],
});

export const appointmentDocs = system({
  groups: {
    [group]: {
      note: `**RLS:** organizers own their appointments (and through them the reminders); attendees with an account and tenant
members read them. Meeting hosts own meetings; invited participants (\`participant_ids\`) and tenant members read
them. Note authors own their notes; non-private notes are visible to the meeting's host and participants. Admins
and the service role (reminder sender, transcription agent) manage everything.`,
    },
  },
});
