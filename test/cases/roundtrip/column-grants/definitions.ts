import { sql, text, table, uuid, view } from 'pgform';

/** Column privileges: anon reads two columns of a profile, authenticated may update one. */
export const profiles = table('profiles', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    display_name: text(),
    email: text(),
    bio: text(),
  },
  grants: [
    { to: 'anon', privileges: ['select'], columns: ['id', 'display_name'] },
    { to: 'authenticated', privileges: ['update'], columns: ['bio'] },
    { to: 'authenticator', privileges: ['select'] },
  ],
});

/** A view's columns take privileges of their own too: anon reads the public columns, authenticated edits the bio. */
export const publicProfiles = view('public_profiles', {
  query: sql`SELECT id, display_name, bio FROM public.profiles`,
  columns: { display_name: 'Shown name' },
  grants: [
    { to: 'anon', privileges: ['select'], columns: ['id', 'display_name'] },
    { to: 'authenticated', privileges: ['select', 'update'], columns: ['bio'] },
  ],
});
