CREATE TABLE public.notes (id bigint PRIMARY KEY, owner uuid, body text);
