CREATE TABLE public.notes (id bigint PRIMARY KEY, owner uuid, body text);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
