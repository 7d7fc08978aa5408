/*
 * Authentication & Authorization: sign-up provisioning. get_my_organization_id(), which every
 * RLS policy calls, lives in common.ts beside the policy helpers.
 */
import { sql, trigger, triggerFunction } from 'pgform';
import { groups } from './common.js';

export const handleNewUser = triggerFunction('handle_new_user', {
  group: groups.auth,
  description: 'Automatically creates organization and profile when new user signs up',
  note: [
    'Runs as trigger `on_auth_user_created` (AFTER INSERT ON `auth.users`, FOR EACH ROW). SECURITY DEFINER: the new user has no profile yet, so RLS would hide everything from them.',
    'The organization is named from `raw_user_meta_data.organization_name`, else "<full name>\'s Organization", else "<email>\'s Organization". The profile takes `full_name` (or `name`) from the metadata and the default role `admin`.',
    'pgform cannot declare triggers on the preset\'s `auth.users`, so the trigger itself is created by the statement in the system notes.',
  ].join('\n\n'),
  security: 'definer',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_org_id uuid;
  v_full_name text := NULLIF(btrim(COALESCE(NEW.raw_user_meta_data ->> 'full_name', NEW.raw_user_meta_data ->> 'name', '')), '');
  v_org_name text;
BEGIN
  v_org_name := COALESCE(
    NULLIF(btrim(NEW.raw_user_meta_data ->> 'organization_name'), ''),
    v_full_name || '''s Organization',
    NEW.email || '''s Organization',
    'My Organization'
  );

  INSERT INTO public.organizations (name)
  VALUES (v_org_name)
  RETURNING id INTO v_org_id;

  INSERT INTO public.profiles (id, organization_id, full_name, role)
  VALUES (NEW.id, v_org_id, v_full_name, 'admin')
  ON CONFLICT (id) DO NOTHING;

  RETURN NEW;
END;
`,
});

export const onAuthUserCreated = trigger('on_auth_user_created', {
  on: 'auth.users',
  timing: 'after',
  events: ['insert'],
  function: handleNewUser,
  description: 'Creates the organization and profile of every new user',
});
