CREATE TABLE public.notes (id uuid PRIMARY KEY, user_id uuid);
CREATE POLICY own ON public.notes FOR SELECT TO authenticated USING (user_id = (select auth.uid()));
