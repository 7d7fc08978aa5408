CREATE FUNCTION public.next_code(prefix text) RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT prefix || '-' || floor(random() * 1000)::int $$;
CREATE TABLE public.tickets (id integer PRIMARY KEY, code text NOT NULL DEFAULT public.next_code('T'));
