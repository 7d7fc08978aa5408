import { boolean, char, date, inet, interval, jsonb, numeric, rpc, sql, table, text, timestamptz, uuid, type TriggerInput } from 'pgform';
import { adminPolicies, areas, ownerPolicies, ownerReadPolicies, rlsSql, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.privacy;

const lawfulBasis = ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'] as const;

/** Audit trigger on critical tables: every change is written to audit_logs by audit_trigger(). */
const audited = (tableName: string): Record<string, TriggerInput> => ({
  [`${tableName}_audit`]: { timing: 'after', events: ['insert', 'update', 'delete'], function: 'public.audit_trigger', description: 'Changes go to audit_logs' },
});

/** The subject row belongs to the signed-in user. */
const ownSubject = (column: string) =>
  sql`EXISTS (SELECT 1 FROM public.data_subjects ds WHERE ds.id = ${column} AND ds.user_id = (select auth.uid()))`;

export const privacyConsents = table('privacy_consents', {
  group,
  description: "Privacy consent records: a user's current consent per purpose (history in consent_records); read by has_valid_consent()",
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    user_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('User'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant the consent was given to; NULL = platform'),
    purpose: text().notNull().describe('Processing purpose (essential, analytics, marketing, personalization, third_party_sharing, ai_training...)'),
    granted: boolean().notNull().default(false).describe('Consent given'),
    granted_at: timestamptz().describe('When given'),
    revoked_at: timestamptz().describe('When withdrawn'),
    expires_at: timestamptz().describe('Consent lapses after'),
    policy_version: text().notNull().describe('Privacy policy version shown'),
    source: text().notNull().default('settings').oneOf(['banner', 'settings', 'signup', 'api', 'import']).describe('Where it was collected'),
    ip_address: inet().describe('IP at collection'),
    user_agent: text().describe('Client at collection'),
    ...timestamps(),
  },
  unique: [{ columns: ['user_id', 'tenant_id', 'purpose'], name: 'privacy_consents_scope_key', nullsNotDistinct: true }],
  checks: { privacy_consents_granted_check: sql`NOT granted OR granted_at IS NOT NULL` },
  triggers: { ...updatedAtTrigger('privacy_consents'), ...audited('privacy_consents') },
  rls: true,
  policies: {
    ...ownerPolicies('consents'),
    ...adminPolicies('consents'),
    ...servicePolicies('consents'),
  },
});

export const dataSubjects = table('data_subjects', {
  group,
  description: 'GDPR/CCPA data subjects: people whose personal data is processed, signed-up users or not',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Controller tenant; NULL = platform'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Platform user, if the subject has an account'),
    email: text().describe('Email (cleared by anonymize_personal_data())'),
    full_name: text().describe('Name (cleared by anonymize_personal_data())'),
    phone: text().describe('Phone (cleared by anonymize_personal_data())'),
    subject_type: text().notNull().default('customer').oneOf(['customer', 'lead', 'employee', 'visitor', 'other']).describe('Relationship'),
    jurisdiction: text().notNull().default('GDPR').oneOf(['GDPR', 'UK_GDPR', 'CCPA', 'LGPD', 'PIPEDA', 'other']).describe('Applicable law'),
    country: char(2).describe('ISO 3166 country'),
    is_anonymized: boolean().notNull().default(false).describe('Personal data removed'),
    anonymized_at: timestamptz().describe('When anonymized'),
    ...timestamps(),
  },
  unique: [{ columns: ['tenant_id', 'email'], name: 'data_subjects_tenant_email_key', nullsNotDistinct: true }],
  triggers: { ...updatedAtTrigger('data_subjects'), ...audited('data_subjects') },
  rls: true,
  policies: {
    ...ownerReadPolicies('data subject record'),
    'Tenant admins manage data subjects': { for: 'all', to: 'authenticated', using: rlsSql.tenantAdmin(), withCheck: rlsSql.tenantAdmin() },
    ...adminPolicies('data subjects'),
    ...servicePolicies('data subjects'),
  },
});

export const dataSubjectRequests = table('data_subject_requests', {
  group,
  description: 'Data subject rights requests (access, erasure, portability...) with their statutory deadline',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    subject_id: uuid().notNull().references('data_subjects', 'id', { onDelete: 'cascade' }).index().describe('Data subject'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Controller tenant'),
    request_type: text()
      .notNull()
      .oneOf(['access', 'rectification', 'erasure', 'portability', 'restriction', 'objection', 'opt_out_sale'])
      .describe('Right exercised'),
    status: text().notNull().default('received').oneOf(['received', 'verifying', 'in_progress', 'completed', 'rejected']).index().describe('Progress'),
    submitted_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Who filed it'),
    submitted_at: timestamptz().notNull().defaultNow().describe('Received'),
    verified_at: timestamptz().describe('Identity verified'),
    due_at: timestamptz().notNull().default(sql`now() + interval '30 days'`).describe('Statutory deadline (30 days under GDPR)'),
    completed_at: timestamptz().describe('Done'),
    response: jsonb().describe('Result (the export for access/portability)'),
    rejection_reason: text().describe('Why rejected'),
    handled_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Staff handling it'),
    notes: text().describe('Internal notes'),
    ...timestamps(),
  },
  indexes: { idx_data_subject_requests_open_due: { on: ['due_at'], where: sql`status NOT IN ('completed', 'rejected')` } },
  triggers: { ...updatedAtTrigger('data_subject_requests'), ...audited('data_subject_requests') },
  rls: true,
  policies: {
    'Subjects view own requests': { for: 'select', to: 'authenticated', using: ownSubject('subject_id') },
    'Subjects file own requests': { for: 'insert', to: 'authenticated', withCheck: sql`${ownSubject('subject_id')} AND status = 'received'` },
    'Tenant admins manage requests': { for: 'all', to: 'authenticated', using: rlsSql.tenantAdmin(), withCheck: rlsSql.tenantAdmin() },
    ...adminPolicies('requests'),
    ...servicePolicies('requests'),
  },
});

export const consentRecords = table('consent_records', {
  group,
  description: 'Detailed consent records: append-only ledger of every grant, withdrawal and update, with evidence',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    subject_id: uuid().notNull().references('data_subjects', 'id', { onDelete: 'cascade' }).index().describe('Data subject'),
    user_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('User, if signed in'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Controller tenant'),
    purpose: text().notNull().describe('Purpose'),
    action: text().notNull().oneOf(['granted', 'withdrawn', 'updated', 'expired']).describe('What happened'),
    lawful_basis: text().notNull().default('consent').oneOf(lawfulBasis).describe('GDPR Art. 6 basis'),
    consent_text: text().describe('Wording shown'),
    policy_version: text().describe('Policy version'),
    collection_method: text().describe('banner, form, email, api...'),
    evidence: jsonb().notNull().default({}).describe('Proof (form id, checkbox state, screenshot ref)'),
    ip_address: inet().describe('IP'),
    user_agent: text().describe('Client'),
    recorded_at: timestamptz().notNull().defaultNow().describe('When'),
    expires_at: timestamptz().describe('Lapses after'),
  },
  indexes: { idx_consent_records_subject_purpose: { on: ['subject_id', 'purpose', 'recorded_at DESC'] } },
  triggers: { ...audited('consent_records') },
  rls: true,
  policies: {
    'Subjects view own consent records': { for: 'select', to: 'authenticated', using: sql`(select auth.uid()) = user_id OR ${ownSubject('subject_id')}` },
    'Subjects record own consent': { for: 'insert', to: 'authenticated', withCheck: sql`(select auth.uid()) = user_id AND ${ownSubject('subject_id')}` },
    'Tenant admins view consent records': { for: 'select', to: 'authenticated', using: rlsSql.tenantAdmin() },
    ...adminPolicies('consent records'),
    ...servicePolicies('consent records'),
  },
});

export const dataProcessingActivities = table('data_processing_activities', {
  group,
  description: 'GDPR Article 30 records of processing activities',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Controller tenant; NULL = platform'),
    name: text().notNull().describe('Activity'),
    purpose: text().notNull().describe('Purpose key (matches privacy_consents.purpose)'),
    description: text().describe('What is done'),
    lawful_basis: text().notNull().oneOf(lawfulBasis).describe('GDPR Art. 6 basis'),
    data_categories: text().array().notNull().default([]).describe('Categories of personal data'),
    special_categories: text().array().notNull().default([]).describe('Art. 9 special categories'),
    data_subject_categories: text().array().notNull().default([]).describe('Categories of data subjects'),
    recipients: text().array().notNull().default([]).describe('Recipients / processors'),
    third_country_transfers: jsonb().notNull().default([]).describe('Transfers outside the EEA and safeguards'),
    retention_period: interval().describe('How long data is kept'),
    security_measures: text().describe('Technical and organisational measures'),
    controller_name: text().describe('Controller'),
    dpo_contact: text().describe('Data protection officer contact'),
    is_active: boolean().notNull().default(true).describe('Ongoing'),
    last_reviewed_at: timestamptz().describe('Last review'),
    ...timestamps(),
  },
  unique: [{ columns: ['tenant_id', 'name'], name: 'data_processing_activities_scope_key', nullsNotDistinct: true }],
  triggers: { ...updatedAtTrigger('data_processing_activities') },
  rls: true,
  policies: {
    'Authenticated users view active processing': { for: 'select', to: 'authenticated', using: sql`is_active AND (tenant_id IS NULL OR public.is_tenant_member(tenant_id, (select auth.uid())))` },
    'Tenant admins manage processing records': { for: 'all', to: 'authenticated', using: rlsSql.tenantAdmin(), withCheck: rlsSql.tenantAdmin() },
    ...adminPolicies('processing records'),
    ...servicePolicies('processing records'),
  },
});

export const complianceReports = table('compliance_reports', {
  group,
  description: 'Compliance reports (GDPR/CCPA audits, DSR and consent summaries, breach reports)',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant; NULL = platform'),
    report_type: text().notNull().oneOf(['gdpr_audit', 'ccpa_audit', 'dsr_summary', 'consent_summary', 'ropa', 'breach', 'soc2']).describe('Kind'),
    title: text().notNull().describe('Title'),
    period_start: date().notNull().describe('Covered from'),
    period_end: date().notNull().describe('Covered to'),
    status: text().notNull().default('draft').oneOf(['draft', 'final', 'submitted']).describe('State'),
    summary: jsonb().notNull().default({}).describe('Key figures'),
    findings: jsonb().notNull().default([]).describe('Findings and remediations'),
    file_path: text().describe('Rendered report in the private bucket'),
    generated_by: uuid().index().references('auth.users', 'id', { onDelete: 'set null' }).describe('Author'),
    generated_at: timestamptz().notNull().defaultNow().describe('Generated'),
    ...timestamps(),
  },
  checks: { compliance_reports_period_check: sql`period_end >= period_start` },
  triggers: { ...updatedAtTrigger('compliance_reports') },
  rls: true,
  policies: {
    'Tenant admins view compliance reports': { for: 'select', to: 'authenticated', using: rlsSql.tenantAdmin() },
    ...adminPolicies('compliance reports'),
    ...servicePolicies('compliance reports'),
  },
});

export const complianceMetrics = table('compliance_metrics', {
  group,
  description: 'Compliance metrics: DSR response times, open and overdue requests, consent rates',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant; NULL = platform'),
    metric_name: text().notNull().describe('dsr_avg_response_days, open_dsr_count, overdue_dsr_count, consent_rate...'),
    metric_value: numeric(14, 4).notNull().describe('Value'),
    period_start: date().notNull().describe('Period start'),
    period_end: date().notNull().describe('Period end'),
    metadata: jsonb().notNull().default({}).describe('Breakdown'),
    measured_at: timestamptz().notNull().defaultNow().describe('When measured'),
  },
  unique: [{ columns: ['tenant_id', 'metric_name', 'period_start'], name: 'compliance_metrics_scope_key', nullsNotDistinct: true }],
  rls: true,
  policies: {
    'Tenant admins view compliance metrics': { for: 'select', to: 'authenticated', using: rlsSql.tenantAdmin() },
    ...adminPolicies('compliance metrics'),
    ...servicePolicies('compliance metrics'),
  },
});

/** Callers allowed to act on someone's privacy data: the person, an admin, the service role. */
const selfOrStaff = (userExpression: string) =>
  `${userExpression} = auth.uid() OR public.is_admin(auth.uid()) OR coalesce(auth.role(), 'service_role') = 'service_role'`;

export const hasValidConsent = rpc('has_valid_consent', {
  group,
  description: 'Check consent validity: true when the user has granted the purpose, not withdrawn it, and it has not expired (platform or any tenant when p_tenant_id is NULL)',
  args: { p_user_id: 'uuid', p_purpose: 'text', p_tenant_id: { type: 'uuid', default: sql`NULL` } },
  returns: 'boolean',
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM public.privacy_consents pc
    WHERE pc.user_id = p_user_id
      AND pc.purpose = p_purpose
      AND (p_tenant_id IS NULL OR pc.tenant_id IS NOT DISTINCT FROM p_tenant_id)
      AND pc.granted
      AND pc.revoked_at IS NULL
      AND (pc.expires_at IS NULL OR pc.expires_at > now())
  );
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const getUserDataPurposes = rpc('get_user_data_purposes', {
  group,
  description:
    "Get user data processing purposes: consent-based purposes with the user's current choice, plus active processing on other lawful bases (which apply without consent)",
  args: { p_user_id: 'uuid' },
  returns: { table: { purpose: 'text', lawful_basis: 'text', granted: 'boolean', granted_at: 'timestamptz', expires_at: 'timestamptz', tenant_id: 'uuid' } },
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  IF NOT (${selfOrStaff('p_user_id')}) THEN
    RAISE EXCEPTION 'not allowed to read another user''s purposes' USING ERRCODE = '42501';
  END IF;
  RETURN QUERY
  SELECT pc.purpose, 'consent'::text, pc.granted AND pc.revoked_at IS NULL AND (pc.expires_at IS NULL OR pc.expires_at > now()),
         pc.granted_at, pc.expires_at, pc.tenant_id
  FROM public.privacy_consents pc
  WHERE pc.user_id = p_user_id
  UNION ALL
  SELECT dpa.purpose, dpa.lawful_basis, true, NULL::timestamptz, NULL::timestamptz, dpa.tenant_id
  FROM public.data_processing_activities dpa
  WHERE dpa.is_active
    AND dpa.lawful_basis <> 'consent'
    AND (dpa.tenant_id IS NULL OR EXISTS (
      SELECT 1 FROM public.tenant_members tm
      WHERE tm.tenant_id = dpa.tenant_id AND tm.user_id = p_user_id AND tm.status = 'active'
    ))
  ORDER BY 1, 6 NULLS FIRST;
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const anonymizePersonalData = rpc('anonymize_personal_data', {
  group,
  description:
    "Anonymize data: clears the subject's personal fields, scrubs the linked profile and the tenant's matching leads, withdraws consents, and returns counts of what changed",
  args: { p_subject_id: 'uuid' },
  returns: 'jsonb',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_subject public.data_subjects%ROWTYPE;
  v_profiles integer := 0;
  v_leads integer := 0;
  v_consents integer := 0;
BEGIN
  SELECT * INTO v_subject FROM public.data_subjects WHERE id = p_subject_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'data subject % not found', p_subject_id USING ERRCODE = 'P0002';
  END IF;
  IF NOT (public.is_admin(auth.uid())
          OR coalesce(auth.role(), 'service_role') = 'service_role'
          OR (v_subject.tenant_id IS NOT NULL AND public.is_tenant_admin(v_subject.tenant_id, auth.uid()))) THEN
    RAISE EXCEPTION 'only admins can anonymize personal data' USING ERRCODE = '42501';
  END IF;

  IF v_subject.email IS NOT NULL THEN
    UPDATE public.leads l
    SET email = NULL, first_name = NULL, last_name = NULL, phone = NULL, website = NULL,
        custom_fields = '{}'::jsonb, tags = ARRAY['anonymized']
    WHERE lower(l.email) = lower(v_subject.email)
      AND (v_subject.tenant_id IS NULL OR l.tenant_id = v_subject.tenant_id);
    GET DIAGNOSTICS v_leads = ROW_COUNT;
  END IF;

  IF v_subject.user_id IS NOT NULL THEN
    UPDATE public.profiles p
    SET email = NULL, username = NULL, display_name = 'Deleted user', avatar_url = NULL, bio = NULL,
        website = NULL, location = NULL, is_public = false, metadata = '{}'::jsonb
    WHERE p.id = v_subject.user_id;
    GET DIAGNOSTICS v_profiles = ROW_COUNT;

    UPDATE public.privacy_consents pc
    SET granted = false, revoked_at = now(), ip_address = NULL, user_agent = NULL
    WHERE pc.user_id = v_subject.user_id AND pc.revoked_at IS NULL;
    GET DIAGNOSTICS v_consents = ROW_COUNT;
  END IF;

  UPDATE public.consent_records cr SET ip_address = NULL, user_agent = NULL WHERE cr.subject_id = p_subject_id;

  UPDATE public.data_subjects
  SET email = NULL, full_name = NULL, phone = NULL, is_anonymized = true, anonymized_at = now()
  WHERE id = p_subject_id;

  RETURN jsonb_build_object(
    'subject_id', p_subject_id,
    'anonymized_at', now(),
    'profiles', v_profiles,
    'leads', v_leads,
    'consents_withdrawn', v_consents
  );
END;
`,
  grants: ['authenticated', 'service_role'],
});

export const handleDataSubjectAccessRequest = rpc('handle_data_subject_access_request', {
  group,
  description:
    'Handle DSR: records a request of the given type for the subject; access/portability are answered at once with an export of their data, erasure runs anonymize_personal_data(); returns the request id, status and response',
  args: { p_subject_id: 'uuid', p_request_type: { type: 'text', default: sql`'access'` } },
  returns: 'jsonb',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_subject public.data_subjects%ROWTYPE;
  v_request_id uuid;
  v_response jsonb;
  v_status text := 'in_progress';
  v_staff boolean;
BEGIN
  SELECT * INTO v_subject FROM public.data_subjects WHERE id = p_subject_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'data subject % not found', p_subject_id USING ERRCODE = 'P0002';
  END IF;
  v_staff := public.is_admin(auth.uid())
          OR coalesce(auth.role(), 'service_role') = 'service_role'
          OR (v_subject.tenant_id IS NOT NULL AND public.is_tenant_admin(v_subject.tenant_id, auth.uid()));
  IF NOT (v_staff OR v_subject.user_id = auth.uid()) THEN
    RAISE EXCEPTION 'not allowed to file a request for this subject' USING ERRCODE = '42501';
  END IF;
  IF p_request_type NOT IN ('access', 'rectification', 'erasure', 'portability', 'restriction', 'objection', 'opt_out_sale') THEN
    RAISE EXCEPTION 'unknown request type %', p_request_type USING ERRCODE = '22023';
  END IF;

  INSERT INTO public.data_subject_requests (subject_id, tenant_id, request_type, status, submitted_by, verified_at)
  VALUES (p_subject_id, v_subject.tenant_id, p_request_type, 'in_progress', auth.uid(), CASE WHEN v_staff OR v_subject.user_id = auth.uid() THEN now() END)
  RETURNING id INTO v_request_id;

  IF p_request_type IN ('access', 'portability') THEN
    v_response := jsonb_build_object(
      'subject', to_jsonb(v_subject),
      'profile', (SELECT to_jsonb(p) FROM public.profiles p WHERE p.id = v_subject.user_id),
      'settings', coalesce((SELECT jsonb_agg(to_jsonb(us)) FROM public.user_settings us WHERE us.user_id = v_subject.user_id), '[]'::jsonb),
      'consents', coalesce((SELECT jsonb_agg(to_jsonb(pc)) FROM public.privacy_consents pc WHERE pc.user_id = v_subject.user_id), '[]'::jsonb),
      'consent_records', coalesce((SELECT jsonb_agg(to_jsonb(cr) ORDER BY cr.recorded_at) FROM public.consent_records cr WHERE cr.subject_id = p_subject_id), '[]'::jsonb),
      'leads', coalesce((SELECT jsonb_agg(to_jsonb(l)) FROM public.leads l
                         WHERE v_subject.email IS NOT NULL AND lower(l.email) = lower(v_subject.email)
                           AND (v_subject.tenant_id IS NULL OR l.tenant_id = v_subject.tenant_id)), '[]'::jsonb),
      'journal_entries', coalesce((SELECT jsonb_agg(to_jsonb(j)) FROM public.journal_entries j WHERE j.user_id = v_subject.user_id), '[]'::jsonb),
      'posts', coalesce((SELECT jsonb_agg(to_jsonb(po)) FROM public.posts po WHERE po.user_id = v_subject.user_id), '[]'::jsonb),
      'exported_at', now()
    );
    v_status := 'completed';
  ELSIF p_request_type = 'erasure' THEN
    IF v_staff THEN
      v_response := public.anonymize_personal_data(p_subject_id);
      v_status := 'completed';
    ELSE
      v_response := jsonb_build_object('message', 'erasure is carried out by an administrator before the due date');
      v_status := 'verifying';
    END IF;
  ELSIF p_request_type = 'opt_out_sale' AND v_subject.user_id IS NOT NULL THEN
    UPDATE public.privacy_consents pc
    SET granted = false, revoked_at = now()
    WHERE pc.user_id = v_subject.user_id AND pc.purpose = 'third_party_sharing' AND pc.revoked_at IS NULL;
    v_response := jsonb_build_object('third_party_sharing', 'withdrawn');
    v_status := 'completed';
  END IF;

  UPDATE public.data_subject_requests
  SET status = v_status,
      response = v_response,
      completed_at = CASE WHEN v_status = 'completed' THEN now() END,
      handled_by = CASE WHEN v_staff THEN auth.uid() END
  WHERE id = v_request_id;

  RETURN jsonb_build_object('request_id', v_request_id, 'status', v_status, 'response', v_response);
END;
`,
  grants: ['authenticated', 'service_role'],
});
