import { boolean, integer, jsonb, sql, table, text, uuid } from 'pgform';
import { actionTypes, libraryPolicies, ownerColumn, ownRowPolicies, timestamps, updatedAtTrigger } from './common.js';

const group = 'Branding & Templates';

const hexColor = (column: string) => sql`${column} ~ '^#[0-9A-Fa-f]{6}$'`;

export const brandColorPalettes = table('brand_color_palettes', {
  group,
  description: 'Custom branding colors (and fonts, logo) applied to generated content; one default palette per user',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn(),
    name: text().notNull().describe('Palette name'),
    primary_color: text().notNull().check(hexColor('primary_color')).describe('Primary color (#RRGGBB)'),
    secondary_color: text().check(hexColor('secondary_color')).describe('Secondary color (#RRGGBB)'),
    accent_color: text().check(hexColor('accent_color')).describe('Accent color (#RRGGBB)'),
    background_color: text().check(hexColor('background_color')).describe('Background color (#RRGGBB)'),
    text_color: text().check(hexColor('text_color')).describe('Text color (#RRGGBB)'),
    additional_colors: jsonb().notNull().default([]).describe('More colors'),
    font_heading: text().describe('Heading font'),
    font_body: text().describe('Body font'),
    logo_url: text().describe('Logo'),
    is_default: boolean().notNull().default(false).describe('Palette used by default'),
    ...timestamps(),
  },
  indexes: {
    brand_color_palettes_one_default: { on: ['user_id'], unique: true, where: sql`is_default`, description: 'At most one default palette per user' },
  },
  triggers: updatedAtTrigger('brand_color_palettes'),
  rls: true,
  policies: ownRowPolicies('brand palettes'),
});

export const campaignTemplates = table('campaign_templates', {
  group,
  description: 'Campaign template definitions: multi-step (drip) campaigns across email, SMS and social; system templates have user_id NULL',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ nullable: true, description: 'Clerk id of the owner; NULL for system templates' }),
    name: text().notNull().describe('Template name'),
    description: text().describe('Description'),
    campaign_type: text().notNull().default('email').oneOf(['email', 'sms', 'social', 'drip', 'mixed']).describe('Channel mix'),
    category: text().describe('Use case (new listing, just sold, nurture, sphere...)'),
    target_audience: text().describe('Who it is for'),
    steps: jsonb()
      .notNull()
      .default([])
      .check(sql`jsonb_typeof(steps) = 'array'`)
      .describe('Steps: [{ day_offset, channel, email_template_id?, subject, body }]'),
    duration_days: integer().check(sql`duration_days IS NULL OR duration_days > 0`).describe('Length of the campaign'),
    usage_count: integer().notNull().default(0).check(sql`usage_count >= 0`).describe('Times used'),
    is_active: boolean().notNull().default(true).describe('Inactive templates are hidden'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('campaign_templates'),
  rls: true,
  policies: libraryPolicies('campaign templates', 'is_active'),
});

export const taskTemplates = table('task_templates', {
  group,
  description: 'Reusable task templates from which daily actions are created; system templates have user_id NULL',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ nullable: true, description: 'Clerk id of the owner; NULL for system templates' }),
    title: text().notNull().describe('Task title'),
    description: text().describe('Details'),
    action_type: text().notNull().default('other').oneOf(actionTypes).describe('Kind of action (as daily_actions.action_type)'),
    category: text().describe('Grouping in the template picker'),
    default_target_count: integer().notNull().default(1).check(sql`default_target_count > 0`).describe('Default target count'),
    points: integer().notNull().default(0).check(sql`points >= 0`).describe('Points per completion'),
    recurrence: text().notNull().default('none').oneOf(['none', 'daily', 'weekdays', 'weekly', 'monthly']).describe('How often it repeats'),
    sort_order: integer().notNull().default(0).describe('Display order'),
    is_active: boolean().notNull().default(true).describe('Inactive templates are hidden'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('task_templates'),
  rls: true,
  policies: libraryPolicies('task templates', 'is_active'),
});
