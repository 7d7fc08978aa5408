CREATE TABLE public.notes (id uuid PRIMARY KEY);
GRANT SELECT ON public.notes TO anon;
