/*
 * A small project tracker: declared groups with notes, an undeclared group, an ungrouped table,
 * declared joins with and without a foreign key, and one of each gap the document reports.
 */
import {
  bigint, boolean, enumType, integer, materializedView, numeric, rpc, sql, system, table, text, timestamptz, triggerFunction, uuid, view,
} from 'pgform';

export const docs = system({
  title: 'Project tracker',
  note: 'Teams track **projects** and their tasks.\n\n## How work flows\n\n1. An owner creates a project.\n2. Members add tasks; `touch_updated_at()` stamps every change.',
  groups: {
    Projects: { description: 'Projects and the people on them.', note: 'Every project has exactly one **owner** (`auth.users`).' },
    Work: { description: 'Tasks and time spent on them.' },
    Empty: { description: 'Declared, with nothing in it yet.' },
  },
  joins: [
    { from: 'tasks.project_id', to: 'projects.id', description: 'Restates the foreign key' },
    { from: 'time_entries.author_email', to: 'members.email', description: 'Matched by email, no FK' },
  ],
});

export const taskState = enumType('task_state', ['todo', 'doing', 'done'], { group: 'Work', description: 'Where a task stands' });

export const touchUpdatedAt = triggerFunction('touch_updated_at', {
  group: 'Work',
  description: 'Sets updated_at to now()',
  body: sql`
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
`,
});

export const isMember = rpc('is_member', {
  group: 'Projects',
  description: 'True when the caller is a member of the project',
  args: { p_project: 'uuid' },
  returns: 'boolean',
  language: 'sql',
  volatility: 'stable',
  security: 'definer',
  body: sql`SELECT EXISTS (SELECT 1 FROM public.members m WHERE m.project_id = p_project AND m.user_id = auth.uid())`,
  grants: ['authenticated'],
});

export const projects = table('projects', {
  group: 'Projects',
  description: 'A project and its owner',
  note: 'Archived projects keep their tasks.',
  columns: {
    id: uuid().primaryKey().defaultRandom().describe('Project id'),
    owner_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Owner (auth user)'),
    name: text().notNull().unique().describe('Display name'),
    budget: numeric(12, 2).check(sql`budget >= 0`).describe('Budget in euros'),
    archived: boolean().notNull().default(false),
    created_at: timestamptz().notNull().defaultNow().describe('When it was created'),
  },
  checks: { projects_name_not_blank: sql`btrim(name) <> ''` },
  indexes: {
    projects_active_idx: { on: ['created_at DESC'], where: sql`NOT archived`, description: 'Active projects, newest first' },
    projects_lower_name_idx: { on: ['lower(name)'], description: 'Case-insensitive name search' },
  },
  rls: true,
  policies: {
    'Owners read their projects': { for: 'select', to: 'authenticated', using: sql`owner_id = auth.uid()` },
    'Members read projects': { for: 'select', to: 'authenticated', using: sql`public.is_member(id)` },
    'Owners create projects': { for: 'insert', to: 'authenticated', withCheck: sql`owner_id = auth.uid()` },
    'Owners update projects': { for: 'update', to: 'authenticated', using: sql`owner_id = auth.uid()` },
    'No archived renames': { for: 'update', restrictive: true, using: sql`NOT archived` },
    'Service role manages projects': { for: 'all', to: 'service_role', using: sql`true`, withCheck: sql`true` },
  },
  grants: [
    { to: 'authenticated', privileges: ['select', 'insert', 'update'] },
    { to: 'service_role', privileges: ['select', 'insert', 'update', 'delete'] },
  ],
});

export const members = table('members', {
  group: 'Projects',
  description: 'People on a project',
  columns: {
    project_id: uuid().notNull().references(() => projects, 'id', { onDelete: 'cascade' }).describe('Project'),
    user_id: uuid().notNull().describe('Auth user'),
    email: text().notNull().describe('Contact email'),
    role: text().notNull().default('member').oneOf(['member', 'lead']).describe('Role on the project'),
  },
  primaryKey: ['project_id', 'user_id'],
  rls: true,
});

export const tasks = table('tasks', {
  group: 'Work',
  description: 'Work items of a project',
  columns: {
    id: bigint().primaryKey().identity('always').describe('Task number'),
    project_id: uuid().notNull().references(() => projects, 'id', { onDelete: 'cascade' }).describe('Project'),
    parent_id: bigint().references(() => tasks, 'id', { onDelete: 'set null' }).describe('Parent task'),
    title: text().notNull(),
    state: taskState.column().notNull().default('todo').describe('Current state'),
    estimate_hours: integer().describe('Estimate'),
    estimate_minutes: integer().generated(sql`estimate_hours * 60`).describe('Estimate in minutes'),
    updated_at: timestamptz().notNull().defaultNow().describe('Last change'),
  },
  triggers: {
    tasks_touch: { timing: 'before', events: ['update'], function: touchUpdatedAt },
    tasks_state_touch: { timing: 'before', events: ['update'], updateOf: ['state'], when: sql`OLD.state IS DISTINCT FROM NEW.state`, function: touchUpdatedAt, description: 'Also fires on state changes only' },
  },
  rls: true,
  policies: {
    'Members work on tasks': { for: 'all', to: 'authenticated', using: sql`public.is_member(project_id)` },
  },
});

export const timeEntries = table('time_entries', {
  group: 'Billing',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    task_id: bigint().notNull().references(() => tasks, 'id'),
    author_email: text().notNull(),
    minutes: integer().notNull().check(sql`minutes > 0`),
  },
});

export const auditLog = table('audit_log', {
  description: 'Everything that changed',
  columns: {
    id: bigint().primaryKey().identity(),
    happened_at: timestamptz().notNull().defaultNow(),
    what: text().notNull(),
  },
  rls: true,
  policies: { 'Service role reads the log': { for: 'select', to: 'service_role', using: sql`true` } },
});

export const openTasks = view('open_tasks', {
  group: 'Work',
  description: 'Tasks not done, with their project',
  securityInvoker: true,
  query: sql`SELECT t.id, t.title, p.name AS project, t.state FROM tasks t JOIN projects p ON p.id = t.project_id WHERE t.state <> 'done' AND public.is_member(p.id)`,
  columns: { id: 'Task number', project: 'Project name' },
});

export const hoursByProject = materializedView('hours_by_project', {
  group: 'Billing',
  description: 'Logged hours per project',
  query: sql`SELECT t.project_id, sum(e.minutes) / 60.0 AS hours FROM time_entries e, tasks t WHERE t.id = e.task_id GROUP BY t.project_id`,
  indexes: { hours_by_project_project_idx: { on: ['project_id'], unique: true, description: 'One row per project' } },
});
