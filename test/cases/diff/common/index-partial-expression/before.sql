CREATE TABLE public.u (id int PRIMARY KEY, email text, deleted_at timestamptz);
