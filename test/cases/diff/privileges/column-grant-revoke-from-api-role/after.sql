CREATE TABLE public.profiles (id uuid PRIMARY KEY, display_name text, email text, bio text);
GRANT SELECT (id, display_name) ON public.profiles TO anon;
