/*
 * System documentation: the seed's data flows, brand separation and design principles, the
 * groups in inventory order, and the joins the application relies on without a foreign key.
 */
import { system } from 'pgform';
import { groups } from './common.js';

const note = `PROXe Command Center is the lead dashboard behind the PROXe AI agents: the **Website**, **WhatsApp**, **Voice** and **Social** builds write leads, sessions and messages with the Supabase service role; the **Dashboard** reads them as authenticated dashboard users.

## Key design principles

1. **Deduplication** - \`all_leads\` holds one lead per normalised phone per brand (\`UNIQUE (customer_phone_normalized, brand)\`).
2. **Self-contained channels** - each channel table (\`web_sessions\`, \`whatsapp_sessions\`, \`voice_sessions\`, \`social_sessions\`) carries all of its own data; no join is required to read a session.
3. **Append-only** - \`conversations\` is never updated or deleted (grants, plus the \`conversations_append_only\` trigger); rows go only with their lead.
4. **Brand isolation** - a \`brand\` column on every lead-related table.
5. **Real-time** - every table is meant to be in the \`supabase_realtime\` publication so the dashboard updates live (publications are managed outside these definitions).
6. **RLS everywhere** - dashboard policies require an active \`dashboard_users\` row (\`is_dashboard_user()\`, \`is_dashboard_admin()\`); the bots use \`service_role\` policies.

## Data flow

### User action on the website

Web PROXe widget (goproxe.com) -> webhook \`POST /api/integrations/web-agent\` -> API handler -> database.

1. The handler validates \`name\` and \`phone\` (required) and normalises the phone with \`normalize_phone(phone)\` (digits only).
2. It looks for the lead: \`SELECT * FROM all_leads WHERE customer_phone_normalized = ? AND brand = 'proxe'\` (\`upsert_lead()\` does this step in one statement).
3. **New lead:** \`INSERT INTO all_leads\` with \`first_touchpoint = last_touchpoint = 'web'\`, \`customer_phone_normalized\`, \`unified_context = '{}'\`; \`INSERT INTO web_sessions\`; \`INSERT INTO conversations\` with \`channel = 'web'\`, \`sender = 'system'\`.
4. **Existing lead:** \`UPDATE all_leads SET last_touchpoint = 'web', last_interaction_at = now()\`; a new \`web_sessions\` row; a new \`conversations\` row; \`unified_context.web\` gets the conversation summary (\`merge_unified_context()\`).
5. **Trigger** \`trigger_conversations_update_score\` calls \`update_lead_score_and_stage()\`, which runs \`calculate_lead_score()\` and updates \`all_leads.lead_score\` and \`lead_stage\`.
6. **Stage change logged** by \`trigger_log_lead_stage_change\` into \`lead_stage_changes\` (and \`stage_history\`) when the stage changed.
7. **Realtime broadcast:** Supabase Realtime notifies dashboard subscribers.

Tables updated: \`all_leads\` (INSERT or UPDATE), \`web_sessions\` (INSERT), \`conversations\` (INSERT), \`lead_stage_changes\` (INSERT, if the stage changed).

### WhatsApp message

WhatsApp backend (Meta API) -> webhook \`POST /api/integrations/whatsapp\` -> API handler -> database.

1. The handler normalises the phone number and looks for the lead (as for the web).
2. **New lead:** \`INSERT INTO all_leads\` with \`first_touchpoint = 'whatsapp'\`; \`INSERT INTO whatsapp_sessions\`; \`INSERT INTO conversations\` with \`channel = 'whatsapp'\`.
3. **Existing lead:** \`UPDATE all_leads SET last_touchpoint = 'whatsapp', last_interaction_at = now()\`; INSERT or UPDATE \`whatsapp_sessions\`; INSERT \`conversations\`; \`unified_context.whatsapp\` via \`updateWhatsAppContext()\` (\`merge_unified_context()\`).
4. Triggers rescore the lead and log any stage change; Realtime updates the dashboard.

Tables updated: \`all_leads\`, \`whatsapp_sessions\`, \`conversations\`, \`lead_stage_changes\` (if the stage changed).

### Summary

| Source | Writes |
| --- | --- |
| Website | \`all_leads\` + \`web_sessions\` + \`conversations\` |
| WhatsApp | \`all_leads\` + \`whatsapp_sessions\` + \`conversations\` |
| Voice | \`all_leads\` + \`voice_sessions\` + \`conversations\` |
| Social | \`all_leads\` + \`social_sessions\` + \`conversations\` |
| Dashboard | reads \`unified_leads\` (all channels in one row); writes activities, overrides, settings |

### Scoring and stages

\`calculate_lead_score()\` (0-100) weighs customer messages, channels used, recency, an active web booking, contact details, \`unified_context.intent_signals\` and logged calls/meetings. \`determine_lead_stage()\` maps it to the automatic ladder **New -> Engaged (31+) -> Qualified (61+) -> High Intent (86+) -> Booking Made** (any active booking), or **Cold** after 30 days without interaction. Automatic updates never move a lead down the ladder (except to Cold), never touch **Converted**, **Closed Lost** or **In Sequence**, and never override an active \`lead_stage_overrides\` row. New web bookings (\`trigger_web_sessions_sync_booking\`) and logged activities also rescore; \`recalculate_all_lead_scores()\` and \`mark_inactive_chats()\` are meant for a scheduled job.

## Brand separation

| Table | Field | Default | Constraint | Purpose |
| --- | --- | --- | --- | --- |
| \`all_leads\` | \`brand\` | 'proxe' | CHECK ('proxe') | Currently only 'proxe' supported |
| \`web_sessions\` | \`brand\` | 'proxe' | CHECK ('proxe') | Brand isolation |
| \`whatsapp_sessions\` | \`brand\` | 'proxe' | CHECK ('proxe') | Brand isolation |
| \`voice_sessions\` | \`brand\` | 'proxe' | CHECK ('proxe') | Brand isolation |
| \`social_sessions\` | \`brand\` | 'proxe' | CHECK ('proxe') | Brand isolation |

- **Deduplication:** the same phone number can exist once per brand; each brand has separate lead records.
- **Queries** must always filter by brand: \`SELECT * FROM all_leads WHERE brand = $1\`, \`SELECT * FROM web_sessions WHERE brand = 'proxe'\`.
- **RLS** currently gives dashboard users every brand (no brand filter in policies); brand-based policies can be added later.
- **Shared tables (no brand field):** \`dashboard_users\`, \`user_invitations\`, \`dashboard_settings\` (may later need brand-specific roles/settings); \`conversations\`, \`lead_activities\`, \`lead_stage_changes\`, \`lead_stage_overrides\`, \`stage_history\` are linked through \`lead_id\`, which carries the brand.
- **Isolated tables (brand field):** \`all_leads\` (core isolation: one lead per phone per brand) and the four session tables.
- **Adding a brand:** widen every brand CHECK (\`*_brand_check\`) and pass the brand in queries.`;

export const proxeSystem = system({
  title: 'PROXe Command Center',
  note,
  groups: {
    [groups.core]: {
      description: 'Dashboard accounts, invitations, settings and the legacy leads table; used by the Dashboard only and shared across brands.',
      note: 'Every authenticated user with an **active** `dashboard_users` row is a dashboard user; `admin` users also manage users, invitations and settings. `dashboard_users.id` is the `auth.users.id` (one-to-one, CASCADE DELETE).',
    },
    [groups.touchpoints]: {
      description: 'The unifier `all_leads`, one self-contained session table per channel, and the append-only `conversations` log; written by every build.',
      note: 'The builds write with the `service_role`; dashboard users read everything and may update leads (admins delete). `customer_phone_normalized` is filled by trigger from `phone` / `customer_phone` with `normalize_phone()`.',
    },
    [groups.intelligence]: {
      description: 'Team activities, stage change logs and manual stage overrides; Dashboard only, linked to a brand through lead_id.',
      note: '`lead_stage_changes` and `stage_history` are written only by the `log_lead_stage_change()` trigger (automatic changes: `changed_by` NULL / `system`). Inserting into `lead_stage_overrides` pins a stage; deactivating it hands the stage back to scoring.',
    },
    [groups.views]: {
      description: 'Read models for the dashboard.',
      note: '`unified_leads` is what the dashboard leads table queries: one row per lead with every channel in `metadata`.',
    },
  },
  joins: [
    { from: 'web_sessions.(customer_phone_normalized, brand)', to: 'all_leads.(customer_phone_normalized, brand)', description: 'Session copy of the deduplication key (the FK is lead_id)' },
    { from: 'whatsapp_sessions.(customer_phone_normalized, brand)', to: 'all_leads.(customer_phone_normalized, brand)', description: 'Session copy of the deduplication key (the FK is lead_id)' },
    { from: 'voice_sessions.(customer_phone_normalized, brand)', to: 'all_leads.(customer_phone_normalized, brand)', description: 'Session copy of the deduplication key (the FK is lead_id)' },
    { from: 'social_sessions.(customer_phone_normalized, brand)', to: 'all_leads.(customer_phone_normalized, brand)', description: 'Session copy of the deduplication key (the FK is lead_id)' },
    { from: 'stage_history.changed_by', to: 'dashboard_users.id', description: "Text: the dashboard user's id, or 'system' for automatic changes" },
    { from: 'dashboard_leads.phone', to: 'all_leads.phone', description: 'Legacy leads matched to unified leads by phone (deprecated table, no FK)' },
    { from: 'dashboard_leads.chat_session_id', to: 'web_sessions.chat_session_id', description: 'Legacy leads carried the web chat widget session id' },
  ],
});
