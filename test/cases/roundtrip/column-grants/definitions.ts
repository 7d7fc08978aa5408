import { text, table, uuid } from 'pgform';

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
