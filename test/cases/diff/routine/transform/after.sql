CREATE FUNCTION public.doubled(x integer) RETURNS integer LANGUAGE plpgsql IMMUTABLE TRANSFORM FOR TYPE integer AS $$ BEGIN RETURN x * 2; END $$;
CREATE PROCEDURE public.note(x integer) LANGUAGE plpgsql TRANSFORM FOR TYPE integer AS $$ BEGIN RAISE NOTICE '%', x; END $$;
