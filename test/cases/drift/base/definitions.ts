import { enumType, integer, rpc, sql, table, text, timestamptz, trigger, triggerFunction, uuid, view } from 'pgform';

export const stage = enumType('stage', ['new', 'won', 'lost'], { description: 'Deal stage' });

export const touch = triggerFunction('touch', {
  body: sql`
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
`,
});

export const deals = table('deals', {
  description: 'Deals in the pipeline',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull().describe('What is sold'),
    amount: integer().notNull().default(0),
    stage: stage.column().notNull().default('new'),
    owner_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index(),
    updated_at: timestamptz().notNull().defaultNow(),
  },
  triggers: { deals_touch: { timing: 'before', events: ['update'], function: touch } },
  rls: true,
  policies: {
    'Owners read deals': { for: 'select', to: 'authenticated', using: sql`owner_id = auth.uid()` },
    'Owners write deals': { for: 'update', to: 'authenticated', using: sql`owner_id = auth.uid()` },
  },
});

export const wonDeals = view('won_deals', {
  securityInvoker: true,
  query: sql`SELECT id, title, amount FROM public.deals WHERE stage = 'won'`,
});

export const dealTotal = rpc('deal_total', {
  args: { wanted: stage },
  returns: 'bigint',
  language: 'sql',
  volatility: 'stable',
  body: sql`SELECT coalesce(sum(amount), 0) FROM public.deals WHERE stage = wanted`,
});

export const notes = table('notes', {
  description: 'Notes on deals',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    body: text().notNull().describe('The note'),
  },
  rls: true,
  policies: { 'Everyone reads notes': { for: 'select', to: 'authenticated', using: sql`true` } },
  grants: [{ to: 'authenticated', privileges: ['select'] }],
});

export const welcome = triggerFunction('welcome', {
  body: sql`
BEGIN
  RETURN NEW;
END;
`,
});

export const onSignup = trigger('on_auth_user_created', { on: 'auth.users', timing: 'after', events: ['insert'], function: welcome });
