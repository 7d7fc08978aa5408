import { boolean, integer, jsonb, rpc, smallint, sql, table, text, timestamptz, uuid } from 'pgform';
import { adminPolicies, areas, publicReadPolicies, rlsSql, servicePolicies, tenantPolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.workflows;

const executionStatus = ['pending', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out'] as const;

/** Step rows inherit visibility from their execution (whose RLS is tenant isolation). */
const viaExecution = (noun: string) => ({
  [`Tenant members view ${noun}`]: {
    for: 'select' as const,
    to: 'authenticated',
    using: sql`EXISTS (SELECT 1 FROM public.workflow_executions we WHERE we.id = execution_id AND public.is_tenant_member(we.tenant_id, (select auth.uid())))`,
  },
  ...adminPolicies(noun),
  ...servicePolicies(noun),
});

export const workflowTemplates = table('workflow_templates', {
  group,
  description: 'Workflow templates: reusable definitions users start workflows from (public ones are listed in the marketplace)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant that owns a private template; NULL = platform'),
    slug: text().notNull().unique().check(sql`slug ~ '^[a-z0-9_-]+$'`).describe('Key'),
    name: text().notNull().describe('Name'),
    description: text().describe('What it automates'),
    category: text().notNull().default('general').describe('Category (lead_nurturing, onboarding, reporting...)'),
    trigger_type: text().notNull().default('manual').oneOf(['manual', 'schedule', 'event', 'webhook']).describe('Trigger of workflows built from it'),
    definition: jsonb().notNull().default({}).describe('Steps and trigger config'),
    tags: text().array().notNull().default([]).describe('Tags'),
    is_public: boolean().notNull().default(false).describe('Visible to everyone'),
    author_id: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Author'),
    usage_count: integer().notNull().default(0).check(sql`usage_count >= 0`).describe('Workflows created from it'),
    ...timestamps(),
  },
  triggers: { ...updatedAtTrigger('workflow_templates') },
  rls: true,
  policies: {
    ...publicReadPolicies('public templates', 'is_public'),
    ...tenantPolicies('templates'),
    ...adminPolicies('templates'),
    ...servicePolicies('templates'),
  },
});

export const automationWorkflows = table('automation_workflows', {
  group,
  description: 'Workflow definitions: trigger, steps and state of each automation of a tenant',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().notNull().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    name: text().notNull().describe('Name'),
    description: text().describe('Purpose'),
    trigger_type: text().notNull().default('manual').oneOf(['manual', 'schedule', 'event', 'webhook']).describe('What starts it'),
    trigger_config: jsonb().notNull().default({}).describe('Cron, event name or webhook settings'),
    steps: jsonb().notNull().default([]).describe('Ordered steps'),
    status: text().notNull().default('draft').oneOf(['draft', 'active', 'paused', 'archived']).index().describe('Lifecycle'),
    is_active: boolean().notNull().default(false).describe('Runs on its trigger'),
    template_id: uuid().references('workflow_templates', 'id', { onDelete: 'set null' }).index().describe('Template it was created from'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Creator'),
    run_count: integer().notNull().default(0).check(sql`run_count >= 0`).describe('Executions so far'),
    last_run_at: timestamptz().describe('Last execution start'),
    ...timestamps(),
  },
  triggers: { ...updatedAtTrigger('automation_workflows') },
  rls: true,
  policies: {
    ...tenantPolicies('workflows', 'tenant_id', { membersWrite: true }),
    ...adminPolicies('workflows'),
    ...servicePolicies('workflows'),
  },
});

export const workflowDefinitions = table('workflow_definitions', {
  group,
  description: 'Alternative workflow definitions table: versioned graph definitions used by the newer engine',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().notNull().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    name: text().notNull().describe('Name'),
    version: integer().notNull().default(1).check(sql`version >= 1`).describe('Version; a change adds a row'),
    definition: jsonb().notNull().describe('Nodes and edges of the workflow graph'),
    input_schema: jsonb().notNull().default({}).describe('JSON schema of the input'),
    is_active: boolean().notNull().default(true).describe('Version in use'),
    created_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Author'),
    ...timestamps(),
  },
  unique: [['tenant_id', 'name', 'version']],
  triggers: { ...updatedAtTrigger('workflow_definitions') },
  rls: true,
  policies: {
    ...tenantPolicies('workflow definitions', 'tenant_id', { membersWrite: true }),
    ...adminPolicies('workflow definitions'),
    ...servicePolicies('workflow definitions'),
  },
});

export const workflowExecutions = table('workflow_executions', {
  group,
  description: 'Workflow execution history: one row per run of an automation_workflows or workflow_definitions row',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().notNull().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    workflow_id: uuid().references('automation_workflows', 'id', { onDelete: 'cascade' }).index().describe('Workflow run'),
    workflow_definition_id: uuid().references('workflow_definitions', 'id', { onDelete: 'cascade' }).index().describe('Definition run (newer engine)'),
    triggered_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('User who started it, if manual'),
    trigger_source: text().notNull().default('manual').describe('manual, schedule, event:<name>, webhook, autopilot'),
    status: text().notNull().default('pending').oneOf(executionStatus).describe('State'),
    input: jsonb().notNull().default({}).describe('Input'),
    output: jsonb().describe('Result'),
    error: text().describe('Failure reason'),
    started_at: timestamptz().describe('Start'),
    completed_at: timestamptz().describe('End'),
    duration_ms: integer().generated(sql`(EXTRACT(epoch FROM (completed_at - started_at)) * 1000)::integer`).describe('completed_at - started_at in ms (generated)'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  checks: { workflow_executions_target_check: sql`workflow_id IS NOT NULL OR workflow_definition_id IS NOT NULL` },
  indexes: { idx_workflow_executions_status_created: { on: ['status', 'created_at DESC'] } },
  rls: true,
  policies: {
    ...tenantPolicies('executions', 'tenant_id', { membersWrite: true }),
    ...adminPolicies('executions'),
    ...servicePolicies('executions'),
  },
});

export const workflowSteps = table('workflow_steps', {
  group,
  description: 'Individual workflow step executions (one row per attempt of a step)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    execution_id: uuid().notNull().references('workflow_executions', 'id', { onDelete: 'cascade' }).index().describe('Execution'),
    step_key: text().notNull().describe('Step id within the workflow'),
    step_name: text().describe('Step label'),
    step_type: text().notNull().oneOf(['action', 'condition', 'delay', 'webhook', 'ai', 'notification', 'email', 'loop']).describe('Kind of step'),
    step_order: integer().notNull().check(sql`step_order >= 0`).describe('Position in the run'),
    attempt: smallint().notNull().default(1).check(sql`attempt >= 1`).describe('Attempt number'),
    status: text().notNull().default('pending').oneOf([...executionStatus, 'skipped']).describe('State'),
    input: jsonb().notNull().default({}).describe('Input'),
    output: jsonb().describe('Output'),
    error: text().describe('Error'),
    started_at: timestamptz().describe('Start'),
    completed_at: timestamptz().describe('End'),
  },
  unique: [['execution_id', 'step_order', 'attempt']],
  rls: true,
  policies: viaExecution('workflow steps'),
});

export const stepExecutions = table('step_executions', {
  group,
  description: 'Alternative step executions table used by the newer engine (workflow_definitions)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    execution_id: uuid().notNull().references('workflow_executions', 'id', { onDelete: 'cascade' }).index().describe('Execution'),
    step_id: text().notNull().describe('Node id in the definition graph'),
    status: text().notNull().default('pending').oneOf([...executionStatus, 'skipped']).describe('State'),
    retry_count: smallint().notNull().default(0).check(sql`retry_count >= 0`).describe('Retries so far'),
    result: jsonb().describe('Node result'),
    error_message: text().describe('Error'),
    started_at: timestamptz().describe('Start'),
    finished_at: timestamptz().describe('End'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  indexes: { idx_step_executions_execution_step: { on: ['execution_id', 'step_id'] } },
  rls: true,
  policies: viaExecution('step executions'),
});

export const autopilotWorkflows = table('autopilot_workflows', {
  group,
  description: 'Autopilot workflow definitions: goal-driven automations an AI agent runs on a schedule within guardrails',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().notNull().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant'),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Owner'),
    name: text().notNull().describe('Name'),
    goal: text().notNull().describe('Goal the agent pursues'),
    agent_id: uuid().references('ai_agents', 'id', { onDelete: 'set null' }).index().describe('Agent that drives it'),
    workflow_id: uuid().references('automation_workflows', 'id', { onDelete: 'set null' }).index().describe('Workflow it runs'),
    schedule: text().describe('Cron expression'),
    config: jsonb().notNull().default({}).describe('Settings'),
    guardrails: jsonb().notNull().default({}).describe('Limits: spend, actions allowed, approval rules'),
    is_enabled: boolean().notNull().default(false).describe('Running'),
    status: text().notNull().default('idle').oneOf(['idle', 'running', 'paused', 'error']).describe('State'),
    last_run_at: timestamptz().describe('Last run'),
    next_run_at: timestamptz().describe('Next run').index({ name: 'idx_autopilot_workflows_next_run', where: sql`is_enabled` }),
    ...timestamps(),
  },
  triggers: { ...updatedAtTrigger('autopilot_workflows') },
  rls: true,
  policies: {
    'Users manage own autopilots': {
      for: 'all',
      to: 'authenticated',
      using: sql`(select auth.uid()) = user_id AND public.is_tenant_member(tenant_id, (select auth.uid()))`,
      withCheck: sql`(select auth.uid()) = user_id AND public.is_tenant_member(tenant_id, (select auth.uid()))`,
    },
    'Tenant admins view autopilots': { for: 'select', to: 'authenticated', using: rlsSql.tenantAdmin() },
    ...adminPolicies('autopilots'),
    ...servicePolicies('autopilots'),
  },
});

export const logAutomationEvent = rpc('log_automation_event', {
  group,
  description:
    'Log automation events: writes an audit_logs row (resource_type automation_workflow) for an action on a workflow or execution; returns the audit log id',
  args: { p_action: 'text', p_workflow_id: 'uuid', p_execution_id: { type: 'uuid', default: sql`NULL` }, p_metadata: { type: 'jsonb', default: sql`'{}'::jsonb` } },
  returns: 'uuid',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_tenant_id uuid;
  v_id uuid;
BEGIN
  SELECT w.tenant_id INTO v_tenant_id FROM public.automation_workflows w WHERE w.id = p_workflow_id;
  IF v_tenant_id IS NULL AND p_execution_id IS NOT NULL THEN
    SELECT e.tenant_id INTO v_tenant_id FROM public.workflow_executions e WHERE e.id = p_execution_id;
  END IF;
  IF v_tenant_id IS NOT NULL
     AND NOT public.is_tenant_member(v_tenant_id, auth.uid())
     AND coalesce(auth.role(), 'service_role') <> 'service_role' THEN
    RAISE EXCEPTION 'not a member of the workflow''s tenant' USING ERRCODE = '42501';
  END IF;

  INSERT INTO public.audit_logs (tenant_id, user_id, actor_role, action, resource_type, resource_id, metadata)
  VALUES (
    v_tenant_id,
    auth.uid(),
    coalesce(auth.role(), 'system'),
    p_action,
    'automation_workflow',
    p_workflow_id::text,
    coalesce(p_metadata, '{}'::jsonb) || jsonb_strip_nulls(jsonb_build_object('execution_id', p_execution_id))
  )
  RETURNING id INTO v_id;
  RETURN v_id;
END;
`,
  grants: ['authenticated', 'service_role'],
});
