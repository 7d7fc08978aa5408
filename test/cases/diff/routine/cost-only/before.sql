CREATE FUNCTION public.score(n int) RETURNS int LANGUAGE plpgsql IMMUTABLE COST 10 AS $$ BEGIN RETURN n * 2; END $$;
CREATE FUNCTION public.matches(pattern text) RETURNS TABLE(word text) LANGUAGE sql ROWS 20 AS $$ SELECT unnest(ARRAY['a', 'b']) $$;
