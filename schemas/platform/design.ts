/*
 * 15. Design & Projects: design projects owned by a user (optionally inside a tenant, shared with
 * collaborators or made public) and their immutable version history. Version numbers are assigned
 * by a trigger that also moves the project's current_version forward.
 */
import { bigint, boolean, integer, jsonb, sql, system, table, text, timestamptz, triggerFunction, uuid } from 'pgform';
import { adminPolicies, areas, ownerPolicies, publicReadPolicies, rlsSql, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.design;

export const designProjects = table('design_projects', {
  group,
  description: 'Design project records: a canvas / design document owned by a user, shared with collaborators, its tenant or the public',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    owner_id: uuid().notNull().references('auth.users', 'id', { onDelete: 'cascade' }).index().describe('Owner'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant workspace; NULL = personal'),
    name: text().notNull().check(sql`char_length(name) BETWEEN 1 AND 200`).describe('Project name'),
    description: text().describe('Brief'),
    project_type: text()
      .notNull()
      .default('web')
      .oneOf(['web', 'mobile', 'branding', 'print', 'social', 'presentation', 'other'])
      .describe('Kind of design'),
    status: text().notNull().default('draft').oneOf(['draft', 'in_progress', 'in_review', 'approved', 'archived']).index().describe('Workflow state'),
    canvas_settings: jsonb().notNull().default({}).describe('Canvas size, grid, colour palette, fonts'),
    thumbnail_url: text().describe('Preview image (public or private storage bucket)'),
    tags: text().array().notNull().default([]).describe('Tags'),
    collaborator_ids: uuid().array().notNull().default([]).describe('Users who may view the project and add versions'),
    is_public: boolean().notNull().default(false).describe('Visible to everyone (public read)'),
    current_version: integer().notNull().default(0).check(sql`current_version >= 0`).describe('Highest design_versions.version_number (kept by the version trigger)'),
    last_opened_at: timestamptz().describe('Last time the editor opened it'),
    archived_at: timestamptz().describe('When it was archived'),
    ...timestamps(),
  },
  indexes: {
    idx_design_projects_collaborators: { on: ['collaborator_ids'], using: 'gin' },
    idx_design_projects_owner_updated: { on: ['owner_id', 'updated_at DESC'] },
  },
  triggers: { ...updatedAtTrigger('design_projects') },
  rls: true,
  policies: {
    ...ownerPolicies('design projects', 'owner_id'),
    'Collaborators view shared design projects': { for: 'select', to: 'authenticated', using: sql`(select auth.uid()) = ANY (collaborator_ids)` },
    'Tenant members view tenant design projects': { for: 'select', to: 'authenticated', using: rlsSql.tenant() },
    ...publicReadPolicies('public design projects', 'is_public'),
    ...adminPolicies('design projects'),
    ...servicePolicies('design projects'),
  },
});

const visibleProject = sql`EXISTS (SELECT 1 FROM public.design_projects p WHERE p.id = design_versions.project_id)`;
const editableProject = sql`EXISTS (SELECT 1 FROM public.design_projects p WHERE p.id = design_versions.project_id AND (p.owner_id = (select auth.uid()) OR (select auth.uid()) = ANY (p.collaborator_ids)))`;

export const designVersions = table('design_versions', {
  group,
  note: `Versions are snapshots: \`assign_design_version_number()\` locks the project row, numbers the new version \`current_version + 1\` and moves \`design_projects.current_version\`, so concurrent saves never share a number. Exported files live in the private bucket under \`<owner_id>/designs/<project_id>/\`.`,
  description: 'Design version history: immutable snapshots of a project, numbered 1, 2, 3... per project',
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    project_id: uuid().notNull().references('design_projects', 'id', { onDelete: 'cascade' }).describe('Project'),
    version_number: integer().notNull().check(sql`version_number >= 1`).describe('Sequence within the project (assigned by assign_design_version_number())'),
    created_by: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Author of the snapshot'),
    label: text().describe('Optional name ("Client review v2")'),
    change_summary: text().describe('What changed'),
    content: jsonb().notNull().describe('Design document: pages, layers, components'),
    file_path: text().describe('Exported file in the private storage bucket (<owner_id>/designs/...)'),
    file_size_bytes: bigint().check(sql`file_size_bytes >= 0`).describe('Size of the exported file'),
    thumbnail_url: text().describe('Preview image'),
    is_approved: boolean().notNull().default(false).describe('Approved snapshot (hand-off)'),
    created_at: timestamptz().notNull().defaultNow(),
  },
  unique: [['project_id', 'version_number']],
  indexes: { idx_design_versions_created_at: { on: ['created_at DESC'] } },
  triggers: {
    design_versions_assign_number: {
      timing: 'before',
      events: ['insert'],
      function: 'public.assign_design_version_number',
      description: 'Numbers the version and advances design_projects.current_version',
    },
  },
  rls: true,
  policies: {
    'Users view versions of visible projects': {
      for: 'select',
      to: ['anon', 'authenticated'],
      using: visibleProject,
      description: "Anyone who can see the project (owner, collaborator, tenant member, public) sees its versions",
    },
    'Owners and collaborators add versions': { for: 'insert', to: 'authenticated', withCheck: sql`(select auth.uid()) = created_by AND ${editableProject.sql}` },
    'Owners and collaborators update versions': { for: 'update', to: 'authenticated', using: editableProject, withCheck: editableProject },
    'Project owners delete versions': {
      for: 'delete',
      to: 'authenticated',
      using: sql`EXISTS (SELECT 1 FROM public.design_projects p WHERE p.id = design_versions.project_id AND p.owner_id = (select auth.uid()))`,
    },
    ...adminPolicies('design versions'),
    ...servicePolicies('design versions'),
  },
});

export const assignDesignVersionNumber = triggerFunction('assign_design_version_number', {
  group,
  description: "BEFORE INSERT on design_versions: locks the project, gives the version the next number (unless given a higher one) and sets the project's current_version",
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_current integer;
BEGIN
  SELECT p.current_version INTO v_current
  FROM public.design_projects p
  WHERE p.id = NEW.project_id
  FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'design project % does not exist', NEW.project_id USING ERRCODE = '23503';
  END IF;

  v_current := greatest(v_current, coalesce((SELECT max(v.version_number) FROM public.design_versions v WHERE v.project_id = NEW.project_id), 0));
  IF NEW.version_number IS NULL OR NEW.version_number <= v_current THEN
    NEW.version_number := v_current + 1;
  END IF;

  UPDATE public.design_projects p
  SET current_version = NEW.version_number, updated_at = now()
  WHERE p.id = NEW.project_id;
  RETURN NEW;
END;
`,
});

export const designDocs = system({
  groups: {
    [group]: {
      note: `**RLS:** owners manage their projects; collaborators (\`collaborator_ids\`), tenant members and, for \`is_public\`
projects, everyone read them. A version is visible to whoever can see its project; owners and collaborators add
versions, owners delete them.`,
    },
  },
});
