CREATE TABLE public.people (id integer PRIMARY KEY, email text);
CREATE INDEX people_email_idx ON public.people (email) WITH (deduplicate_items = off, fillfactor = 70);
