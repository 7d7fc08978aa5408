CREATE FUNCTION public.is_owner(o uuid) RETURNS boolean LANGUAGE sql STABLE AS $$SELECT o = auth.uid()$$;
CREATE TABLE public.notes (id integer PRIMARY KEY, owner_id uuid NOT NULL);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own notes" ON public.notes FOR SELECT TO authenticated USING (public.is_owner(owner_id));
