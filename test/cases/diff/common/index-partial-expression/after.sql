CREATE TABLE public.u (id int PRIMARY KEY, email text, deleted_at timestamptz);
CREATE UNIQUE INDEX u_email_lower ON public.u (lower(email)) WHERE deleted_at IS NULL;
