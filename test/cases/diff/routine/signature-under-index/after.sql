CREATE FUNCTION public.norm(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT lower(trim(value))$$;
CREATE TABLE public.people (id integer PRIMARY KEY, email text NOT NULL);
CREATE UNIQUE INDEX people_email_norm ON public.people (public.norm(email));
