CREATE TABLE public.teams (id integer PRIMARY KEY, member text NOT NULL);
CREATE TABLE public.documents (id integer PRIMARY KEY, team_id integer NOT NULL, body text);
ALTER TABLE public.documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_members ON public.documents FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.teams t WHERE t.id = team_id AND t.member = (auth.uid())::text));
