CREATE TABLE public.scores (id integer PRIMARY KEY, player text NOT NULL, points integer NOT NULL);
CREATE FUNCTION public.avg_step(numeric[], numeric, numeric) RETURNS numeric[] LANGUAGE sql IMMUTABLE AS $$SELECT ARRAY[$1[1] + $2 * $3, $1[2] + $3]$$;
CREATE FUNCTION public.avg_final(numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$SELECT CASE WHEN $1[2] = 0 THEN NULL ELSE $1[1] / $1[2] END$$;
CREATE AGGREGATE public.weighted_avg(value numeric, weight numeric) (SFUNC = public.avg_step, STYPE = numeric[], FINALFUNC = public.avg_final, INITCOND = '{0,0}', SSPACE = 64);
