import { boolean, date, integer, jsonb, numeric, sql, table, text, timestamptz, triggerFunction, uuid, view } from 'pgform';
import { actionTypes, adminViewPolicy, ownerColumn, ownRowPolicies, timestamps, updatedAtTrigger } from './common.js';

const group = 'Goals & Actions';

export const setDailyActionCompletion = triggerFunction('set_daily_action_completion', {
  set: { search_path: 'public, extensions' },
  group,
  description:
    'Keeps daily_actions consistent: marking an action done fills completed_count to the target; reaching the target marks it done; completed_at follows is_completed',
  body: sql`
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.is_completed AND NOT OLD.is_completed AND NEW.completed_count < NEW.target_count THEN
    NEW.completed_count := NEW.target_count;
  ELSIF TG_OP = 'INSERT' AND NEW.is_completed AND NEW.completed_count < NEW.target_count THEN
    NEW.completed_count := NEW.target_count;
  ELSIF TG_OP = 'INSERT' OR NEW.completed_count IS DISTINCT FROM OLD.completed_count OR NEW.target_count IS DISTINCT FROM OLD.target_count THEN
    NEW.is_completed := NEW.completed_count >= NEW.target_count;
  END IF;

  IF NEW.is_completed THEN
    NEW.completed_at := coalesce(NEW.completed_at, now());
  ELSE
    NEW.completed_at := NULL;
  END IF;
  RETURN NEW;
END;
`,
});

export const goals = table('goals', {
  group,
  description: 'User goals and targets (GCI, transactions, listings, activity), optionally derived from a business plan',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    business_plan_id: uuid().references('business_plans', 'id', { onDelete: 'set null' }).index().describe('Business plan the goal comes from'),
    title: text().notNull().describe('Goal title'),
    description: text().describe('Details'),
    goal_type: text()
      .notNull()
      .default('custom')
      .oneOf(['gci', 'transactions', 'listings', 'buyers', 'calls', 'appointments', 'contacts', 'income', 'custom'])
      .describe('What is measured'),
    target_value: numeric(14, 2).notNull().check(sql`target_value > 0`).describe('Target to reach'),
    current_value: numeric(14, 2).notNull().default(0).check(sql`current_value >= 0`).describe('Progress so far'),
    unit: text().describe("Unit of the values, e.g. 'USD', 'deals', 'calls'"),
    period: text().notNull().default('yearly').oneOf(['daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'custom']).describe('Goal period'),
    start_date: date().notNull().default(sql`CURRENT_DATE`).describe('Start of the period'),
    end_date: date().describe('End of the period'),
    status: text().notNull().default('active').oneOf(['active', 'completed', 'paused', 'abandoned']).describe('Goal state'),
    priority: integer().notNull().default(0).describe('Display order, higher first'),
    completed_at: timestamptz().describe('When the goal was reached'),
    ...timestamps(),
  },
  checks: { goals_dates_check: sql`end_date IS NULL OR end_date >= start_date` },
  indexes: { idx_goals_user_status: { on: ['user_id', 'status'] } },
  triggers: updatedAtTrigger('goals'),
  rls: true,
  policies: { ...ownRowPolicies('goals'), ...adminViewPolicy('goals') },
});

export const dailyActions = table('daily_actions', {
  group,
  description: 'Daily action item tracking: the actions planned for a user each day (by the user, the AI coach or a task template) and their completion',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    goal_id: uuid().references('goals', 'id', { onDelete: 'set null' }).index().describe('Goal the action advances'),
    task_template_id: uuid().references('task_templates', 'id', { onDelete: 'set null' }).index().describe('Template the action was created from'),
    action_date: date().notNull().default(sql`CURRENT_DATE`).describe('Day the action is planned for'),
    title: text().notNull().describe('What to do'),
    description: text().describe('Details or AI rationale'),
    action_type: text().notNull().default('other').oneOf(actionTypes).describe('Kind of action'),
    priority: text().notNull().default('medium').oneOf(['low', 'medium', 'high']).describe('Priority'),
    target_count: integer().notNull().default(1).check(sql`target_count > 0`).describe('How many (e.g. 20 calls)'),
    completed_count: integer().notNull().default(0).check(sql`completed_count >= 0`).describe('How many done'),
    is_completed: boolean().notNull().default(false).describe('Done; kept consistent with the counts by set_daily_action_completion()'),
    completed_at: timestamptz().describe('When it was completed'),
    source: text().notNull().default('user').oneOf(['user', 'ai', 'template', 'crm']).describe('Who created the action'),
    points: integer().notNull().default(0).check(sql`points >= 0`).describe('Points awarded on completion'),
    notes: text().describe('User notes'),
    ...timestamps(),
  },
  indexes: { idx_daily_actions_user_date: { on: ['user_id', 'action_date DESC'] } },
  triggers: {
    ...updatedAtTrigger('daily_actions'),
    daily_actions_set_completion: { timing: 'before', events: ['insert', 'update'], function: setDailyActionCompletion },
  },
  rls: true,
  policies: { ...ownRowPolicies('daily actions'), ...adminViewPolicy('daily actions') },
});

export const transactions = table('transactions', {
  group,
  description: 'Real estate transaction records (deals), entered by the agent or synced from a CRM',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    crm_connection_id: uuid().references('crm_connections', 'id', { onDelete: 'set null' }).index().describe('CRM the deal was synced from'),
    external_id: text().describe('Id of the deal in the CRM'),
    property_address: text().notNull().describe('Street address'),
    city: text().describe('City'),
    state: text().describe('State (2-letter code)'),
    zip_code: text().describe('ZIP code'),
    transaction_type: text().notNull().oneOf(['buyer', 'seller', 'dual', 'lease', 'referral']).describe('Side represented'),
    status: text()
      .notNull()
      .default('active')
      .oneOf(['prospect', 'active', 'under_contract', 'pending', 'closed', 'cancelled'])
      .describe('Deal stage'),
    client_name: text().describe('Client name'),
    client_email: text().describe('Client email'),
    client_phone: text().describe('Client phone'),
    list_price: numeric(14, 2).check(sql`list_price IS NULL OR list_price >= 0`).describe('List price (USD)'),
    sale_price: numeric(14, 2).check(sql`sale_price IS NULL OR sale_price >= 0`).describe('Sale price (USD)'),
    commission_rate: numeric(6, 4).check(sql`commission_rate IS NULL OR commission_rate BETWEEN 0 AND 1`).describe('Commission rate as a fraction (0.03 = 3%)'),
    gci: numeric(14, 2).describe('Gross commission income (USD)'),
    lead_source: text().describe('Where the client came from'),
    contract_date: date().describe('Contract date'),
    closing_date: date().describe('Closing date (expected or actual)'),
    notes: text().describe('Notes'),
    metadata: jsonb().notNull().default({}).describe('CRM payload and other data'),
    ...timestamps(),
  },
  indexes: {
    idx_transactions_user_status: { on: ['user_id', 'status'] },
    transactions_crm_external_key: { on: ['crm_connection_id', 'external_id'], unique: true, where: sql`external_id IS NOT NULL`, description: 'One row per CRM deal' },
  },
  triggers: updatedAtTrigger('transactions'),
  rls: true,
  policies: { ...ownRowPolicies('transactions'), ...adminViewPolicy('transactions') },
});

export const goalProgress = view('goal_progress', {
  group,
  description: 'Goals with computed progress: percent complete, days left and the value needed per remaining day. Runs with the caller rights (RLS of goals applies)',
  securityInvoker: true,
  query: sql`
SELECT g.id,
  g.user_id,
  g.title,
  g.goal_type,
  g.period,
  g.status,
  g.target_value,
  g.current_value,
  round(least(g.current_value / g.target_value, 1) * 100, 2) AS percent_complete,
  greatest(g.target_value - g.current_value, 0) AS remaining_value,
  CASE WHEN g.end_date IS NULL THEN NULL ELSE greatest(g.end_date - CURRENT_DATE, 0) END AS days_remaining,
  CASE
    WHEN g.end_date IS NULL OR g.end_date <= CURRENT_DATE THEN NULL
    ELSE round(greatest(g.target_value - g.current_value, 0) / (g.end_date - CURRENT_DATE), 2)
  END AS required_per_day,
  g.start_date,
  g.end_date
FROM public.goals g
`,
  columns: {
    percent_complete: 'current_value / target_value in percent, capped at 100',
    remaining_value: 'Value still needed to reach the target',
    days_remaining: 'Days until end_date (NULL without an end date)',
    required_per_day: 'Remaining value divided by the days left',
  },
});

export const dailyActionSummary = view('daily_action_summary', {
  group,
  description: 'Per user and day: actions planned and completed, completion rate and points earned. Runs with the caller rights (RLS of daily_actions applies)',
  securityInvoker: true,
  query: sql`
SELECT da.user_id,
  da.action_date,
  count(*) AS actions_planned,
  count(*) FILTER (WHERE da.is_completed) AS actions_completed,
  round(100.0 * count(*) FILTER (WHERE da.is_completed) / count(*), 1) AS completion_rate,
  coalesce(sum(da.points) FILTER (WHERE da.is_completed), 0) AS points_earned
FROM public.daily_actions da
GROUP BY da.user_id, da.action_date
`,
  columns: {
    actions_planned: 'Actions planned for the day',
    actions_completed: 'Actions completed',
    completion_rate: 'Completed / planned in percent',
    points_earned: 'Points of completed actions',
  },
});
