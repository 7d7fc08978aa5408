/*
 * Channel Management: creating a channel together with its default bot configuration.
 */
import { rpc, sql } from 'pgform';
import { groups } from './common.js';

export const createChannelAndConfig = rpc('create_channel_and_config', {
  group: groups.channels,
  description: 'Creates new channel and its default configuration',
  note: 'SECURITY INVOKER: both inserts go through the caller\'s RLS policies, so a user can only create channels in their own organization. Returns `{"id": <channel id>, "organization_id": <organization id>}`.',
  args: { channel_name: 'text', channel_platform: 'text', platform_id: 'text' },
  returns: 'jsonb',
  language: 'plpgsql',
  security: 'invoker',
  set: { search_path: '' },
  body: sql`
DECLARE
  v_org_id uuid := public.get_my_organization_id();
  v_channel_id uuid;
BEGIN
  IF v_org_id IS NULL THEN
    RAISE EXCEPTION 'the current user has no organization' USING ERRCODE = '42501';
  END IF;

  INSERT INTO public.channels (organization_id, name, platform, platform_channel_id)
  VALUES (v_org_id, channel_name, channel_platform, platform_id)
  RETURNING id INTO v_channel_id;

  INSERT INTO public.channel_configurations (channel_id, organization_id)
  VALUES (v_channel_id, v_org_id);

  RETURN jsonb_build_object('id', v_channel_id, 'organization_id', v_org_id);
END;
`,
  grants: ['authenticated', 'service_role'],
});
