CREATE TABLE public.people (
  id integer PRIMARY KEY,
  first_name text NOT NULL,
  last_name text NOT NULL,
  full_name text GENERATED ALWAYS AS (last_name || ', ' || first_name) STORED,
  CONSTRAINT people_full_name_key UNIQUE (full_name)
);
CREATE INDEX people_full_name_lower_idx ON public.people (lower(full_name));
COMMENT ON COLUMN public.people.full_name IS 'as printed on badges';
CREATE TABLE public.badges (id integer PRIMARY KEY, holder text REFERENCES public.people (full_name));
CREATE VIEW public.directory AS SELECT id, full_name FROM public.people;
