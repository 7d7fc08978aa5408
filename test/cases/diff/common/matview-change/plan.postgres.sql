DROP MATERIALIZED VIEW "public"."m";

CREATE MATERIALIZED VIEW "public"."m" AS
SELECT sum(s.v) AS total,
    count(*) AS n
   FROM public.s;

CREATE UNIQUE INDEX CONCURRENTLY "m_total" ON "public"."m" USING "btree" (total);
