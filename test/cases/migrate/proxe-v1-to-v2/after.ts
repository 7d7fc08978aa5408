// PROXe v2: a new table, a renamed column, a changed view, and normalize_phone() with a new
// signature, which trigger functions and RPCs call.
import { rpc, sql, table, text, timestamptz, uuid, type TableDef, type ViewDef } from 'pgform';
import * as common from '../../../../schemas/proxe/common.js';
import * as core from '../../../../schemas/proxe/core.js';
import * as intelligence from '../../../../schemas/proxe/intelligence.js';
import * as touchpoints from '../../../../schemas/proxe/touchpoints.js';
import * as views from '../../../../schemas/proxe/views.js';

const { normalizePhone, ...commonRest } = common;
const { dashboardSettings, ...coreRest } = core;
const { unifiedLeads } = views;

export const unchanged = [commonRest, coreRest, { ...intelligence }, { ...touchpoints }];

export const normalizePhoneV2 = rpc('normalize_phone', {
  group: normalizePhone.group,
  description: 'Normalises a phone number to digits, prefixed with an optional country code',
  args: { phone: 'text', country_code: { type: 'text', default: sql`''` } },
  returns: 'text',
  language: 'sql',
  volatility: 'immutable',
  parallel: 'safe',
  body: sql`SELECT nullif(country_code || regexp_replace(phone, '[^0-9]', '', 'g'), '')`,
});

export const dashboardSettingsV2: TableDef = {
  ...dashboardSettings,
  columns: dashboardSettings.columns.map((c) => (c.name === 'value' ? { ...c, name: 'setting_value', renamedFrom: 'value' } : c)),
};

export const unifiedLeadsV2: ViewDef = {
  ...unifiedLeads,
  definition: `SELECT u.*, (u.lead_score >= 70) AS is_hot FROM (${unifiedLeads.definition}) u`,
};

export const leadNotes = table('lead_notes', {
  group: common.groups.intelligence,
  description: 'Free-form notes on a lead',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    lead_id: uuid().notNull().references('all_leads', 'id', { onDelete: 'cascade' }).index(),
    body: text().notNull(),
    created_at: timestamptz().notNull().defaultNow(),
  },
  rls: true,
  policies: common.serviceRoleAll('lead notes'),
});
