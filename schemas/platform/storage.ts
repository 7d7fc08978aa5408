/*
 * 21. Storage & Realtime. storage.buckets and storage.objects belong to Supabase (the preset
 * provides them), so this area keeps what the platform adds: file metadata in public.storage_files,
 * a function that creates the two buckets and their storage.objects policies, and a function that
 * sets up the supabase_realtime publication (pgform has no publication definition).
 */
import { bigint, integer, jsonb, rpc, sql, system, table, text, timestamptz, uuid } from 'pgform';
import { adminPolicies, areas, ownerPolicies, publicReadPolicies, rlsSql, servicePolicies, timestamps, updatedAtTrigger } from './common.js';

const group = areas.storage;

const storageNote = `
**Buckets.** \`public\` (public = true: avatars, badge icons, marketplace and design thumbnails) and
\`private\` (public = false: design exports, meeting recordings, chat attachments, tenant documents).
Supabase owns \`storage.buckets\` and \`storage.objects\`, so pgform cannot declare them or their policies;
\`configure_storage_buckets()\` (service role or a direct session, idempotent) creates both buckets and
(re)creates these policies on \`storage.objects\`:

| Policy | Command | Roles | Rule |
| --- | --- | --- | --- |
| platform: public bucket is readable | SELECT | anon, authenticated | \`bucket_id = 'public'\` (public read) |
| platform: users read own private files | SELECT | authenticated | \`bucket_id = 'private' AND (storage.foldername(name))[1] = auth.uid()::text\` (owner) |
| platform: tenant members read tenant files | SELECT | authenticated | \`bucket_id = 'private'\`, path \`tenants/<tenant_id>/...\` and \`is_tenant_member(tenant_id, auth.uid())\` (tenant) |
| platform: users upload to own folder | INSERT | authenticated | either bucket, own folder or a folder of one of their tenants |
| platform: users update own files / users delete own files | UPDATE / DELETE | authenticated | either bucket, own folder |
| platform: admins manage files | ALL | authenticated | \`public.is_admin(auth.uid())\` (admin) |
| platform: service role manages files | ALL | service_role | \`auth.role() = 'service_role'\` |

\`storage_files\` mirrors each object's metadata in \`public\` with the same folder convention (checked by
\`storage_files_folder_check\`) and the same five RLS patterns.

**Realtime.** The \`supabase_realtime\` publication carries \`profiles\`, \`posts\`, \`journal_entries\` and
\`app_events\`. pgform has no publication definition, so \`configure_realtime_publication()\` creates the
publication when missing and adds those tables (or the tables passed in); run it after each deploy.
`;

export const storageFiles = table('storage_files', {
  group,
  note: 'Paths follow the bucket folder convention of the Storage & Realtime group note; `storage_files_folder_check` keeps metadata and object policies in agreement.',
  description:
    "File metadata for objects in the 'public' and 'private' storage buckets: owner, tenant, type, size and what the file is attached to",
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    bucket_id: text().notNull().oneOf(['public', 'private']).describe('Storage bucket (storage.buckets.id)'),
    object_path: text().notNull().check(sql`object_path !~ '(^/|\.\.)'`).describe('Object name inside the bucket (storage.objects.name): <owner_id>/... or tenants/<tenant_id>/...'),
    storage_object_id: uuid().index().describe('storage.objects.id once uploaded (no FK: Supabase owns that table)'),
    owner_id: uuid().references('auth.users', 'id', { onDelete: 'set null' }).index().describe('Uploader; NULL for platform assets written by the service role'),
    tenant_id: uuid().references('tenants', 'id', { onDelete: 'cascade' }).index().describe('Tenant the file belongs to (tenants/<tenant_id>/ folder)'),
    file_name: text().notNull().describe('Original file name'),
    mime_type: text().notNull().default('application/octet-stream').check(sql`mime_type ~ '^[a-z]+/[a-zA-Z0-9.+-]+$'`).describe('MIME type'),
    size_bytes: bigint().notNull().default(0).check(sql`size_bytes >= 0`).describe('Size in bytes'),
    checksum_sha256: text().check(sql`checksum_sha256 ~ '^[0-9a-f]{64}$'`).describe('Content hash, for de-duplication and integrity'),
    width: integer().check(sql`width > 0`).describe('Image / video width in pixels'),
    height: integer().check(sql`height > 0`).describe('Image / video height in pixels'),
    entity_type: text().describe('What the file is attached to (profile_avatar, post, design_version, meeting_recording, chat_attachment...)'),
    entity_id: uuid().describe('Id of that row'),
    metadata: jsonb().notNull().default({}).describe('Extra attributes (alt text, duration, EXIF subset)'),
    deleted_at: timestamptz().describe('Soft delete; the object is removed by a cleanup job'),
    ...timestamps(),
  },
  unique: [['bucket_id', 'object_path']],
  checks: {
    storage_files_folder_check: sql`owner_id IS NULL
    OR split_part(object_path, '/', 1) = owner_id::text
    OR (split_part(object_path, '/', 1) = 'tenants' AND split_part(object_path, '/', 2) = tenant_id::text)`,
  },
  indexes: {
    idx_storage_files_entity: { on: ['entity_type', 'entity_id'] },
    idx_storage_files_created_at: { on: ['created_at DESC'] },
  },
  triggers: { ...updatedAtTrigger('storage_files') },
  rls: true,
  policies: {
    ...publicReadPolicies('files of the public bucket', "bucket_id = 'public' AND deleted_at IS NULL"),
    ...ownerPolicies('files', 'owner_id'),
    'Tenant members view tenant files': { for: 'select', to: 'authenticated', using: sql`deleted_at IS NULL AND ${rlsSql.tenant().sql}` },
    ...adminPolicies('files'),
    ...servicePolicies('files'),
  },
});

/** Direct database sessions (no JWT) and the service role may run the setup functions. */
const setupGuard = `
  IF coalesce(auth.role(), 'service_role') <> 'service_role' THEN
    RAISE EXCEPTION 'restricted to the service role' USING ERRCODE = '42501';
  END IF;`;

export const configureStorageBuckets = rpc('configure_storage_buckets', {
  group,
  description:
    "Creates the 'public' and 'private' storage buckets (idempotent) and (re)creates their storage.objects policies: public read, owner folders, tenant folders, admins and the service role",
  returns: 'void',
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_policy record;
  v_tenant_folder constant text := $$((storage.foldername(name))[1] = 'tenants' AND CASE WHEN (storage.foldername(name))[2] ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN public.is_tenant_member(((storage.foldername(name))[2])::uuid, auth.uid()) ELSE false END)$$;
  v_own_folder constant text := $$(storage.foldername(name))[1] = (auth.uid())::text$$;
BEGIN
${setupGuard}

  INSERT INTO storage.buckets (id, name, public) VALUES ('public', 'public', true), ('private', 'private', false)
  ON CONFLICT (id) DO UPDATE SET public = EXCLUDED.public;

  FOR v_policy IN
    SELECT * FROM (VALUES
      ('platform: public bucket is readable', 'SELECT', 'anon, authenticated', $$bucket_id = 'public'$$, NULL),
      ('platform: users read own private files', 'SELECT', 'authenticated', format($$bucket_id = 'private' AND %s$$, v_own_folder), NULL),
      ('platform: tenant members read tenant files', 'SELECT', 'authenticated', format($$bucket_id = 'private' AND %s$$, v_tenant_folder), NULL),
      ('platform: users upload to own folder', 'INSERT', 'authenticated', NULL, format($$bucket_id IN ('public', 'private') AND (%s OR %s)$$, v_own_folder, v_tenant_folder)),
      ('platform: users update own files', 'UPDATE', 'authenticated', format($$bucket_id IN ('public', 'private') AND %s$$, v_own_folder), format($$bucket_id IN ('public', 'private') AND %s$$, v_own_folder)),
      ('platform: users delete own files', 'DELETE', 'authenticated', format($$bucket_id IN ('public', 'private') AND %s$$, v_own_folder), NULL),
      ('platform: admins manage files', 'ALL', 'authenticated', 'public.is_admin(auth.uid())', 'public.is_admin(auth.uid())'),
      ('platform: service role manages files', 'ALL', 'service_role', $$auth.role() = 'service_role'$$, $$auth.role() = 'service_role'$$)
    ) AS p(name, command, roles, using_expr, check_expr)
  LOOP
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_policy p WHERE p.polrelid = 'storage.objects'::regclass AND p.polname = v_policy.name) THEN
      EXECUTE format('DROP POLICY %I ON storage.objects', v_policy.name);
    END IF;
    EXECUTE format('CREATE POLICY %I ON storage.objects AS PERMISSIVE FOR %s TO %s%s%s',
      v_policy.name, v_policy.command, v_policy.roles,
      CASE WHEN v_policy.using_expr IS NOT NULL THEN format(' USING (%s)', v_policy.using_expr) ELSE '' END,
      CASE WHEN v_policy.check_expr IS NOT NULL THEN format(' WITH CHECK (%s)', v_policy.check_expr) ELSE '' END);
  END LOOP;
  EXECUTE 'ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY';
END;
`,
  grants: ['service_role'],
});

export const configureRealtimePublication = rpc('configure_realtime_publication', {
  group,
  description:
    'Creates the supabase_realtime publication when missing and adds the given public tables (default: profiles, posts, journal_entries, app_events) that are not in it yet; returns the published public tables',
  args: { p_tables: { type: 'text[]', default: sql`ARRAY['profiles', 'posts', 'journal_entries', 'app_events']` } },
  returns: { table: { table_name: 'text' } },
  language: 'plpgsql',
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_table text;
BEGIN
${setupGuard}

  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = 'supabase_realtime') THEN
    EXECUTE 'CREATE PUBLICATION supabase_realtime';
  END IF;

  FOREACH v_table IN ARRAY coalesce(p_tables, '{}') LOOP
    IF to_regclass(format('public.%I', v_table)) IS NULL THEN
      RAISE EXCEPTION 'table public.% does not exist', v_table USING ERRCODE = '42P01';
    END IF;
    IF NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_publication_tables pt
      WHERE pt.pubname = 'supabase_realtime' AND pt.schemaname = 'public' AND pt.tablename = v_table
    ) THEN
      EXECUTE format('ALTER PUBLICATION supabase_realtime ADD TABLE public.%I', v_table);
    END IF;
  END LOOP;

  RETURN QUERY
  SELECT pt.tablename::text
  FROM pg_catalog.pg_publication_tables pt
  WHERE pt.pubname = 'supabase_realtime' AND pt.schemaname = 'public'
  ORDER BY pt.tablename;
END;
`,
  grants: ['service_role'],
});

export const storageJoins = system({
  groups: { [group]: { note: storageNote.trim() } },
  joins: [
    { from: 'storage_files.entity_id', to: 'design_versions.id', description: "Polymorphic: entity_type = 'design_version' (exported design files)" },
    { from: 'storage_files.entity_id', to: 'meetings.id', description: "Polymorphic: entity_type = 'meeting_recording'" },
    { from: 'storage_files.entity_id', to: 'chat_messages.id', description: "Polymorphic: entity_type = 'chat_attachment'" },
  ],
});
