-- A bucket's policies on Supabase Storage's own table, which the definitions do not manage.
CREATE TABLE public.documents (id uuid PRIMARY KEY, owner uuid NOT NULL);
