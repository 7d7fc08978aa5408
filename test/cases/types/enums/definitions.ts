import { enumType, sql, table, text, uuid } from 'pgform';

export const leadStage = enumType(
  'lead_stage',
  ['New', 'Engaged', 'Qualified', 'High Intent', 'Booking Made', 'Converted', 'Closed Lost', 'In Sequence', 'Cold'],
  { description: 'Lead stages in funnel order' },
);

export const single = enumType('single', ['only']);

export const quoting = enumType('quoting', ["it's", 'say "hi"', "it's \"both\"", 'back\\slash', 'tab\there', 'naïve', '日本語'], {
  description: 'Labels that need escaping\nor other quotes',
});

export const mediumLength = enumType('medium_length', ['first_value', 'second_value', 'third_value', 'fourth']);

export const leads = table('leads', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    stage: leadStage.column().notNull().default('New').describe('Where the lead stands'),
    previous: leadStage.column(),
    history: leadStage.column().array().describe('node-postgres returns enum arrays as text'),
    mark: single.column().notNull().default(sql`'only'::public.single`),
    odd: quoting.column(),
    size: mediumLength.column(),
    note: text(),
  },
});
