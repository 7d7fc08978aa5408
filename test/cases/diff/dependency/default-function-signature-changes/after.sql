CREATE FUNCTION public.next_code(prefix text, width integer) RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT prefix || '-' || lpad(floor(random() * 1000)::int::text, width, '0') $$;
CREATE TABLE public.tickets (id integer PRIMARY KEY, code text NOT NULL DEFAULT public.next_code('T', 4));
