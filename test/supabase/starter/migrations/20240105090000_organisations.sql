-- Organisations, their members and invitations: the core of a SaaS starter.
create extension if not exists "uuid-ossp" with schema extensions;

create schema if not exists starter;
grant usage on schema starter to authenticated, service_role;

create type public.member_role as enum ('owner', 'admin', 'member');

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text,
  avatar_url text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.profiles enable row level security;

create table public.organisations (
  id uuid primary key default uuid_generate_v4(),
  slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
  name text not null,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
alter table public.organisations enable row level security;

create table public.members (
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.member_role not null default 'member',
  created_at timestamptz not null default now(),
  primary key (organisation_id, user_id)
);
create index members_user_id_idx on public.members (user_id);
alter table public.members enable row level security;

create table public.invitations (
  id uuid primary key default uuid_generate_v4(),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  email text not null,
  role public.member_role not null default 'member',
  token text not null unique default encode(gen_random_bytes(24), 'hex'),
  invited_by uuid default auth.uid() references auth.users (id) on delete set null,
  expires_at timestamptz not null default (now() + interval '7 days'),
  created_at timestamptz not null default now()
);
create index invitations_organisation_id_idx on public.invitations (organisation_id);
alter table public.invitations enable row level security;
