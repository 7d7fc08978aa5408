CREATE TABLE public.notes (id bigint PRIMARY KEY, owner uuid, body text);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_own ON public.notes FOR SELECT TO authenticated USING (owner = auth.uid());
CREATE POLICY notes_not_archived ON public.notes AS RESTRICTIVE FOR ALL TO authenticated USING (body IS NOT NULL);
