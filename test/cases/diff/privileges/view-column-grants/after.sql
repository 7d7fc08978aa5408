CREATE TABLE public.profiles (id uuid PRIMARY KEY, display_name text, email text, bio text);
CREATE VIEW public.public_profiles AS SELECT id, display_name, bio FROM public.profiles;
GRANT SELECT (id, display_name) ON public.public_profiles TO anon;
GRANT SELECT (bio), UPDATE (bio) ON public.public_profiles TO authenticated;
CREATE VIEW public.profile_emails AS SELECT id, email FROM public.profiles;
GRANT SELECT (id, email) ON public.profile_emails TO authenticator;
