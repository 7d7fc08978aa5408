CREATE FUNCTION public.score(n int) RETURNS int LANGUAGE plpgsql IMMUTABLE COST 5000 AS $$ BEGIN RETURN n * 2; END $$;
CREATE FUNCTION public.matches(pattern text) RETURNS TABLE(word text) LANGUAGE sql COST 3 ROWS 2 AS $$ SELECT unnest(ARRAY['a', 'b']) $$;
