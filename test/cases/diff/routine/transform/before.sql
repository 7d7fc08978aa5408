CREATE FUNCTION public.doubled(x integer) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN x * 2; END $$;
CREATE PROCEDURE public.note(x integer) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', x; END $$;
