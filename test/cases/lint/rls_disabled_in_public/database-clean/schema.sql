CREATE TABLE public.notes (id uuid PRIMARY KEY);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON public.notes TO anon;
