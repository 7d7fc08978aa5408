import { policy } from 'pgform';

export const avatarsArePublic = policy('avatars are public', { on: 'storage.objects', for: 'select', using: "bucket_id = 'avatars'" });
export const avatarsArePublicAgain = policy('avatars are public', { on: 'storage.objects', for: 'select', using: "bucket_id = 'avatars'" });
