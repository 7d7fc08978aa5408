CREATE TABLE public.points (id integer PRIMARY KEY, x integer NOT NULL, y integer NOT NULL);
CREATE FUNCTION public.insert_point() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.points VALUES (NEW.id, NEW.x, NEW.y); RETURN NEW; END $$;
CREATE VIEW public.points_view AS SELECT id, x, y FROM public.points;
CREATE TRIGGER insert_point INSTEAD OF INSERT ON public.points_view FOR EACH ROW EXECUTE FUNCTION public.insert_point();
