CREATE TABLE public.profiles (id uuid PRIMARY KEY, display_name varchar(40), email text, bio text);
CREATE VIEW public.public_profiles AS SELECT id, display_name, bio FROM public.profiles;
GRANT SELECT (id, display_name) ON public.public_profiles TO anon;
CREATE VIEW public.profile_emails AS SELECT id, email FROM public.profiles;
GRANT SELECT (id) ON public.profile_emails TO authenticator;
