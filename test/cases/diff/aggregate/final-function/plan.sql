SET check_function_bodies = false;

CREATE FUNCTION "public"."avg_final"(numeric[]) RETURNS numeric LANGUAGE "sql" IMMUTABLE
AS $$SELECT CASE WHEN $1[2] = 0 THEN NULL ELSE $1[1] / $1[2] END$$;

CREATE FUNCTION "public"."avg_step"(numeric[], numeric, numeric) RETURNS numeric[] LANGUAGE "sql" IMMUTABLE
AS $$SELECT ARRAY[$1[1] + $2 * $3, $1[2] + $3]$$;

CREATE AGGREGATE "public"."weighted_avg"("value" numeric, "weight" numeric) (SFUNC = public.avg_step, STYPE = numeric[], SSPACE = 64, FINALFUNC = public.avg_final, INITCOND = '{0,0}');
