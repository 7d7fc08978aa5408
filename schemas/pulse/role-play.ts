import { boolean, integer, jsonb, numeric, sql, table, text, timestamptz, triggerFunction, uuid } from 'pgform';
import { adminViewPolicy, createdAt, libraryPolicies, ownerColumn, ownRowPolicies, serviceRolePolicy, timestamps, updatedAtTrigger } from './common.js';

const group = 'Training & Role Play';

export const updateRolePlayProgress = triggerFunction('update_role_play_progress', {
  group,
  description:
    'After an analysis report is stored: upserts role_play_user_progress for the user and scenario (sessions, practice time, best/average/last score, mastery level)',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_duration integer;
  v_progress_id uuid;
  v_sessions integer;
  v_scored integer;
  v_average numeric;
BEGIN
  IF NEW.scenario_id IS NULL THEN
    RETURN NEW;
  END IF;

  SELECT coalesce(s.duration_seconds, 0)
  INTO v_duration
  FROM public.role_play_session_logs s
  WHERE s.id = NEW.session_id;

  INSERT INTO public.role_play_user_progress AS p (
    user_id, scenario_id, sessions_completed, scored_sessions, total_practice_seconds,
    best_score, average_score, last_score, last_session_at
  )
  VALUES (
    NEW.user_id, NEW.scenario_id, 1, CASE WHEN NEW.overall_score IS NULL THEN 0 ELSE 1 END, coalesce(v_duration, 0),
    NEW.overall_score, NEW.overall_score, NEW.overall_score, NEW.created_at
  )
  ON CONFLICT (user_id, scenario_id) DO UPDATE SET
    sessions_completed = p.sessions_completed + 1,
    scored_sessions = p.scored_sessions + EXCLUDED.scored_sessions,
    total_practice_seconds = p.total_practice_seconds + EXCLUDED.total_practice_seconds,
    best_score = CASE
      WHEN EXCLUDED.last_score IS NULL THEN p.best_score
      ELSE greatest(coalesce(p.best_score, 0), EXCLUDED.last_score)
    END,
    average_score = CASE
      WHEN EXCLUDED.last_score IS NULL THEN p.average_score
      ELSE round((coalesce(p.average_score, 0) * p.scored_sessions + EXCLUDED.last_score) / (p.scored_sessions + 1), 2)
    END,
    last_score = coalesce(EXCLUDED.last_score, p.last_score),
    last_session_at = greatest(p.last_session_at, EXCLUDED.last_session_at)
  RETURNING p.id, p.sessions_completed, p.scored_sessions, p.average_score
  INTO v_progress_id, v_sessions, v_scored, v_average;

  UPDATE public.role_play_user_progress p
  SET mastery_level = CASE
      WHEN v_scored >= 5 AND v_average >= 85 THEN 'mastered'
      WHEN v_scored >= 3 AND v_average >= 70 THEN 'proficient'
      WHEN v_sessions >= 2 THEN 'developing'
      ELSE 'novice'
    END
  WHERE p.id = v_progress_id;

  RETURN NEW;
END;
`,
});

export const rolePlayScenarios = table('role_play_scenarios', {
  group,
  description: 'Role play training scenarios (cold calls, listing presentations, objection handling...): system scenarios (user_id NULL) and user-created ones',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ nullable: true, description: 'Clerk id of the creator; NULL for system scenarios' }),
    title: text().notNull().describe('Scenario title'),
    description: text().describe('What the trainee practices'),
    scenario_type: text()
      .notNull()
      .oneOf(['cold_call', 'listing_presentation', 'buyer_consultation', 'objection_handling', 'negotiation', 'follow_up', 'open_house', 'expired_listing', 'fsbo'])
      .describe('Kind of conversation'),
    difficulty: text().notNull().default('intermediate').oneOf(['beginner', 'intermediate', 'advanced', 'expert']).describe('Difficulty'),
    client_persona_id: uuid().references('client_personas', 'id', { onDelete: 'set null' }).index().describe('Persona the AI plays'),
    agent_id: uuid().references('agent_config', 'id', { onDelete: 'set null' }).index().describe('Role play AI agent (ElevenLabs conversational agent)'),
    voice_id: uuid().references('agent_voices', 'id', { onDelete: 'set null' }).index().describe('Voice of the simulated client'),
    objectives: text().array().notNull().default(sql`'{}'::text[]`).describe('Learning objectives'),
    instructions: text().describe('Instructions shown to the trainee'),
    ai_prompt: text().describe('Prompt that drives the simulated client'),
    opening_line: text().describe('First line of the simulated client'),
    evaluation_criteria: jsonb().notNull().default([]).describe('Criteria and weights used by the analysis'),
    estimated_minutes: integer().check(sql`estimated_minutes IS NULL OR estimated_minutes > 0`).describe('Typical length'),
    credit_cost: integer().notNull().default(0).check(sql`credit_cost >= 0`).describe('Credits charged per session'),
    is_active: boolean().notNull().default(true).describe('Inactive scenarios are hidden'),
    sort_order: integer().notNull().default(0).describe('Display order'),
    ...timestamps(),
  },
  triggers: updatedAtTrigger('role_play_scenarios'),
  rls: true,
  policies: libraryPolicies('role play scenarios', 'is_active'),
});

export const rolePlaySessionLogs = table('role_play_session_logs', {
  group,
  description: 'Role play session activity logs: one row per practice session with its transcript and events',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    scenario_id: uuid().references('role_play_scenarios', 'id', { onDelete: 'set null' }).index().describe('Scenario practiced'),
    call_log_id: uuid().references('call_logs', 'id', { onDelete: 'set null' }).index().describe('Voice call of the session'),
    status: text().notNull().default('started').oneOf(['started', 'in_progress', 'completed', 'abandoned', 'failed']).describe('Session state'),
    started_at: timestamptz().notNull().defaultNow().describe('Start time'),
    ended_at: timestamptz().describe('End time'),
    duration_seconds: integer().check(sql`duration_seconds IS NULL OR duration_seconds >= 0`).describe('Session length'),
    transcript: jsonb().notNull().default([]).describe('Turns: [{ speaker, text, at }]'),
    events: jsonb().notNull().default([]).describe('Activity events (hints used, pauses, objections raised)'),
    elevenlabs_conversation_id: text().unique().describe('ElevenLabs conversation id'),
    credits_used: integer().notNull().default(0).check(sql`credits_used >= 0`).describe('Credits charged'),
    metadata: jsonb().notNull().default({}).describe('Other data'),
    ...timestamps(),
  },
  checks: { role_play_session_logs_times_check: sql`ended_at IS NULL OR ended_at >= started_at` },
  indexes: { idx_role_play_session_logs_user_started: { on: ['user_id', 'started_at DESC'] } },
  triggers: updatedAtTrigger('role_play_session_logs'),
  rls: true,
  policies: { ...ownRowPolicies('role play sessions'), ...adminViewPolicy('role play sessions'), ...serviceRolePolicy('role play sessions') },
});

export const rolePlayAnalysisReports = table('role_play_analysis_reports', {
  group,
  description: 'AI analysis of role play sessions: scores, strengths and improvements; each insert updates role_play_user_progress',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    session_id: uuid().notNull().unique().references('role_play_session_logs', 'id', { onDelete: 'cascade' }).describe('Analysed session (one report each)'),
    user_id: ownerColumn(),
    scenario_id: uuid().references('role_play_scenarios', 'id', { onDelete: 'set null' }).index().describe('Scenario of the session'),
    overall_score: integer().check(sql`overall_score BETWEEN 0 AND 100`).describe('Overall score 0-100'),
    category_scores: jsonb().notNull().default({}).describe('Scores per criterion (rapport, discovery, objection handling, closing...)'),
    strengths: text().array().notNull().default(sql`'{}'::text[]`).describe('What went well'),
    improvements: text().array().notNull().default(sql`'{}'::text[]`).describe('What to improve'),
    objections_handled: jsonb().notNull().default([]).describe('Objections raised and how they were handled'),
    key_moments: jsonb().notNull().default([]).describe('Notable moments with transcript references'),
    summary: text().describe('AI summary'),
    recommendations: text().describe('Next practice recommendations'),
    ai_model: text().describe('Model that wrote the analysis'),
    ...createdAt(),
  },
  triggers: { on_role_play_report_created: { timing: 'after', events: ['insert'], function: updateRolePlayProgress } },
  rls: true,
  policies: { ...ownRowPolicies('role play reports', ['select', 'insert']), ...adminViewPolicy('role play reports'), ...serviceRolePolicy('role play reports') },
});

export const rolePlayUserProgress = table('role_play_user_progress', {
  group,
  description: 'User progress tracking per role play scenario, maintained by update_role_play_progress()',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: ownerColumn({ index: false }),
    scenario_id: uuid().notNull().references('role_play_scenarios', 'id', { onDelete: 'cascade' }).index().describe('Scenario'),
    sessions_completed: integer().notNull().default(0).check(sql`sessions_completed >= 0`).describe('Analysed sessions'),
    scored_sessions: integer().notNull().default(0).check(sql`scored_sessions >= 0`).describe('Sessions with a score (the average is over these)'),
    total_practice_seconds: integer().notNull().default(0).check(sql`total_practice_seconds >= 0`).describe('Practice time'),
    best_score: integer().check(sql`best_score BETWEEN 0 AND 100`).describe('Best score'),
    average_score: numeric(5, 2).check(sql`average_score BETWEEN 0 AND 100`).describe('Average score'),
    last_score: integer().check(sql`last_score BETWEEN 0 AND 100`).describe('Most recent score'),
    last_session_at: timestamptz().describe('Most recent session'),
    mastery_level: text().notNull().default('novice').oneOf(['novice', 'developing', 'proficient', 'mastered']).describe('Mastery derived from scores'),
    skill_levels: jsonb().notNull().default({}).describe('Per-skill levels'),
    ...timestamps(),
  },
  unique: [['user_id', 'scenario_id']],
  triggers: updatedAtTrigger('role_play_user_progress'),
  rls: true,
  policies: { ...ownRowPolicies('role play progress', ['select']), ...adminViewPolicy('role play progress'), ...serviceRolePolicy('role play progress') },
});
