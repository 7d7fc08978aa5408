SET check_function_bodies = false;

CREATE OR REPLACE FUNCTION "public"."count_events"("k" text) RETURNS bigint LANGUAGE "sql" STABLE
BEGIN ATOMIC
 SELECT count(*) AS count
    FROM public.events
   WHERE ((events.kind = count_events.k) AND (events.id > 0));
END;
