CREATE TABLE public.people (id uuid PRIMARY KEY, email text UNIQUE);
CREATE INDEX people_email_lower ON public.people (lower(email));
