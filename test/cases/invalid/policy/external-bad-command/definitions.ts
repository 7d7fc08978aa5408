import { policy } from 'pgform';

// @ts-expect-error: 'read' is not a policy command
export const avatarsArePublic = policy('avatars are public', { on: 'storage.objects', for: 'read', using: "bucket_id = 'avatars'" });
