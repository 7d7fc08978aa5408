CREATE TABLE public.points (id integer PRIMARY KEY, x integer NOT NULL, y integer NOT NULL);
CREATE FUNCTION public.insert_point() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.points VALUES (NEW.id, NEW.x, NEW.y); RETURN NEW; END $$;
