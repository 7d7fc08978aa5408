import { sql, table, text, trigger, triggerFunction, uuid } from 'pgform';

export const profiles = table('profiles', {
  description: 'One profile per signed-up user',
  columns: {
    id: uuid().primaryKey().references('auth.users', 'id', { onDelete: 'cascade' }),
    email: text(),
  },
});

export const handleNewUser = triggerFunction('handle_new_user', {
  security: 'definer',
  set: { search_path: '' },
  body: sql`
BEGIN
  INSERT INTO public.profiles (id, email) VALUES (NEW.id, NEW.email);
  RETURN NEW;
END;
`,
});

export const onSignUp = trigger('on_auth_user_created', {
  on: 'auth.users',
  timing: 'after',
  events: ['insert'],
  function: handleNewUser,
  description: 'Creates the profile of a new user',
});

export const onEmailChange = trigger('on_auth_user_email_changed', {
  on: 'auth.users',
  timing: 'after',
  events: ['update'],
  updateOf: ['email'],
  when: sql`OLD.email IS DISTINCT FROM NEW.email`,
  function: 'public.handle_new_user',
});
