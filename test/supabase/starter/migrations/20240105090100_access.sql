-- Who may see and change what: membership checks, RLS policies, sign-up and ownership triggers.
create or replace function starter.has_role(org uuid, at_least public.member_role default 'member')
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.members m
    where m.organisation_id = org and m.user_id = auth.uid() and m.role <= at_least
  )
$$;

-- SQL bodies are checked when created: digest() must resolve through the search path.
create or replace function public.token_hash(token text)
returns text
language sql immutable
as $$
  select encode(digest(token, 'sha256'), 'hex')
$$;

create or replace function public.handle_new_user()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, full_name, avatar_url)
  values (new.id, new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'avatar_url');
  return new;
end;
$$;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function public.handle_new_user();

create or replace function starter.add_creator_as_owner()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.created_by is not null then
    insert into public.members (organisation_id, user_id, role) values (new.id, new.created_by, 'owner');
  end if;
  return new;
end;
$$;

create trigger organisations_add_owner
  after insert on public.organisations
  for each row execute function starter.add_creator_as_owner();

create or replace function public.invite_member(org uuid, invitee text, invitee_role public.member_role default 'member')
returns text
language plpgsql security definer
as $$
declare
  new_token text := encode(gen_random_bytes(24), 'hex');
begin
  if not starter.has_role(org, 'admin') then
    raise exception 'only admins invite members';
  end if;
  insert into public.invitations (organisation_id, email, role, token) values (org, invitee, invitee_role, new_token);
  return new_token;
end;
$$;

create policy "profiles are visible to their owner" on public.profiles
  for select to authenticated using (id = auth.uid());
create policy "profiles are editable by their owner" on public.profiles
  for update to authenticated using (id = auth.uid()) with check (id = auth.uid());

create policy "members see their organisations" on public.organisations
  for select to authenticated using (starter.has_role(id));
create policy "signed-in users create organisations" on public.organisations
  for insert to authenticated with check (created_by = auth.uid());
create policy "owners rename their organisation" on public.organisations
  for update to authenticated using (starter.has_role(id, 'owner'));

create policy "members see fellow members" on public.members
  for select to authenticated using (starter.has_role(organisation_id));
create policy "admins manage members" on public.members
  for all to authenticated using (starter.has_role(organisation_id, 'admin'));

create policy "admins see invitations" on public.invitations
  for select to authenticated using (starter.has_role(organisation_id, 'admin'));

create view public.my_organisations with (security_invoker = true) as
  select o.id, o.slug, o.name, m.role
  from public.organisations o
  join public.members m on m.organisation_id = o.id and m.user_id = auth.uid();
