DROP VIEW "public"."totals";

DROP AGGREGATE "public"."total"(integer);

CREATE AGGREGATE "public"."total"(integer) (SFUNC = int4_sum, STYPE = bigint);

CREATE VIEW "public"."totals" AS
SELECT scores.player,
    public.total(scores.points) AS total
   FROM public.scores
  GROUP BY scores.player;
