CREATE TYPE public.mood AS ENUM ('happy', 'sad');
CREATE TABLE public.entries (id integer PRIMARY KEY, mood public.mood NOT NULL);
CREATE FUNCTION public.is_good(m public.mood) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT m = 'happy' $$;
