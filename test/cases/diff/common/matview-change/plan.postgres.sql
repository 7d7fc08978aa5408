DROP MATERIALIZED VIEW "public"."m";

CREATE MATERIALIZED VIEW "public"."m" AS
SELECT sum(s.v) AS total,
    count(*) AS n
   FROM public.s;

-- hazard LONG_LOCK: building m_total blocks writes to public.m until it finishes
CREATE UNIQUE INDEX "m_total" ON "public"."m" USING "btree" (total);
