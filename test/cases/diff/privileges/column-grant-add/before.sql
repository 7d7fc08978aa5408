CREATE TABLE public.profiles (id uuid PRIMARY KEY, display_name text, email text, bio text);
