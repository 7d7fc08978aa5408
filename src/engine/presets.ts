/**
 * A Preset names the external objects a platform provides: they exist in embedded and shadow
 * databases so definitions that use them apply, and they are never diffed or dropped. Its default
 * privileges (Supabase grants what the postgres role creates in public to anon, authenticated
 * and service_role) are among them: the definitions' canonical form reads them back from the
 * database it prints in, as referenced objects, and new objects are expected to carry them.
 */
export interface Preset {
  name: 'supabase' | 'none';
  /** Schemas owned by the platform; pgform reads nothing inside them. */
  externalNamespaces: string[];
  /** Idempotent SQL creating the external objects on a bare database. */
  bootstrapSql: string;
  /**
   * The search_path the platform gives its roles, so unqualified calls of the extensions it
   * installs (`gen_random_bytes()`) resolve as they do there. Absent: the server's default.
   */
  searchPath?: string;
  /**
   * Extensions the platform installs in one of its schemas. Like every extension found in those
   * schemas they are referenced, never planned; `pull` leaves these out of the definitions.
   */
  externalExtensions: string[];
  /** Keep the Supabase CLI's migration history beside pgform's (see migrate/supabase-history.ts). */
  supabaseHistory: boolean;
  /**
   * The grantees of the default privileges `bootstrapSql` sets for the role it runs as, by
   * default privilege id (`tables in public`): `pull` leaves them out of the definitions.
   */
  defaultPrivilegeGrantees: Record<string, string[]>;
  /** Roles the platform owns: their default privileges are the platform's, never planned. */
  externalRoles: string[];
}

/** Supabase gives its roles this search_path; migrations call extension functions unqualified. */
const supabaseSearchPath = '"$user", public, extensions';

const supabaseBootstrap = `-- Supabase preset: roles, auth schema and functions, storage tables, realtime publication (idempotent)
DO $pgform$
DECLARE r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['anon', 'authenticated', 'service_role', 'supabase_admin', 'authenticator'] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END LOOP;
END
$pgform$;
CREATE SCHEMA IF NOT EXISTS auth;
CREATE SCHEMA IF NOT EXISTS storage;
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE TABLE IF NOT EXISTS auth.users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instance_id uuid,
  aud text,
  role text,
  email text UNIQUE,
  phone text UNIQUE,
  encrypted_password text,
  email_confirmed_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb DEFAULT '{}'::jsonb,
  raw_user_meta_data jsonb DEFAULT '{}'::jsonb,
  is_anonymous boolean NOT NULL DEFAULT false,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  deleted_at timestamptz
);
CREATE OR REPLACE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $pgform$
  SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$pgform$;
CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $pgform$
  SELECT nullif(coalesce(current_setting('request.jwt.claim.sub', true), auth.jwt() ->> 'sub'), '')::uuid
$pgform$;
CREATE OR REPLACE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $pgform$
  SELECT nullif(coalesce(current_setting('request.jwt.claim.role', true), auth.jwt() ->> 'role'), '')::text
$pgform$;
CREATE OR REPLACE FUNCTION auth.email() RETURNS text LANGUAGE sql STABLE AS $pgform$
  SELECT nullif(coalesce(current_setting('request.jwt.claim.email', true), auth.jwt() ->> 'email'), '')::text
$pgform$;
CREATE TABLE IF NOT EXISTS storage.buckets (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  owner uuid,
  public boolean DEFAULT false,
  file_size_limit bigint,
  allowed_mime_types text[],
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now()
);
CREATE TABLE IF NOT EXISTS storage.objects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bucket_id text REFERENCES storage.buckets (id),
  name text,
  owner uuid,
  metadata jsonb,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now()
);
CREATE OR REPLACE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $pgform$
  SELECT (string_to_array(name, '/'))[1:array_length(string_to_array(name, '/'), 1) - 1]
$pgform$;
-- Supabase Realtime's publication: the platform creates it empty; tables join it with realtime: true.
DO $pgform$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
    CREATE PUBLICATION supabase_realtime;
  END IF;
END
$pgform$;
GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
GRANT USAGE ON SCHEMA storage TO anon, authenticated, service_role;
GRANT USAGE ON SCHEMA extensions TO anon, authenticated, service_role;
ALTER TABLE storage.buckets ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
-- The extensions a new Supabase project has in schema extensions. A server without the contrib
-- modules still bootstraps: definitions that call them fail there as they would anyway.
DO $pgform$
DECLARE e text;
BEGIN
  FOREACH e IN ARRAY ARRAY['pgcrypto', 'uuid-ossp'] LOOP
    BEGIN
      EXECUTE format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA extensions', e);
    EXCEPTION WHEN undefined_file OR feature_not_supported THEN
      RAISE WARNING 'extension % is not available on this server', e;
    END;
  END LOOP;
END
$pgform$;
-- Supabase's search_path, for this session and every later one on this database.
DO $pgform$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET search_path = %s', current_database(), '${supabaseSearchPath}');
EXCEPTION WHEN insufficient_privilege THEN NULL;
END
$pgform$;
SET search_path = ${supabaseSearchPath};
-- Supabase's default privileges for the postgres role in public: what it creates there is
-- granted to the API roles. Set for the role running this script, the one pgform runs as.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;
`;

export const presets: Record<Preset['name'], Preset> = {
  supabase: {
    name: 'supabase',
    externalNamespaces: ['auth', 'storage', 'extensions', 'realtime', 'graphql', 'graphql_public', 'vault', 'supabase_functions', 'supabase_migrations', 'net', 'cron', 'pgsodium', 'pgsodium_masks', 'pgbouncer', 'pgform'],
    bootstrapSql: supabaseBootstrap,
    searchPath: supabaseSearchPath,
    externalExtensions: ['pgcrypto', 'uuid-ossp'],
    supabaseHistory: true,
    externalRoles: ['supabase_admin', 'supabase_auth_admin', 'supabase_storage_admin', 'supabase_functions_admin', 'supabase_realtime_admin', 'supabase_replication_admin', 'dashboard_user'],
    defaultPrivilegeGrantees: Object.fromEntries(['tables', 'sequences', 'functions'].map((on) => [`${on} in public`, ['anon', 'authenticated', 'service_role']])),
  },
  none: { name: 'none', externalNamespaces: ['pgform'], bootstrapSql: '', externalExtensions: [], supabaseHistory: false, defaultPrivilegeGrantees: {}, externalRoles: [] },
};

/** The schemas a preset's bootstrap SQL creates: a migration failing on a missing one needs `pgform bootstrap` first. */
export function schemasBootstrapCreates(preset: Preset): string[] {
  return [...preset.bootstrapSql.matchAll(/CREATE SCHEMA IF NOT EXISTS (\w+)/g)].map((match) => match[1]!);
}
