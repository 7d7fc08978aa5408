CREATE FUNCTION public.stamp() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TABLE public.logs (id bigint NOT NULL, at date NOT NULL);
CREATE TRIGGER logs_stamp BEFORE INSERT ON public.logs FOR EACH ROW EXECUTE FUNCTION public.stamp();
