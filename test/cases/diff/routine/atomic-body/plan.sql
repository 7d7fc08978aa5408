SET check_function_bodies = false;

CREATE PROCEDURE "public"."clear_events"() LANGUAGE "sql"
BEGIN ATOMIC
 DELETE FROM public.events;
END;

CREATE FUNCTION "public"."log_event"("k" text) RETURNS bigint LANGUAGE "sql" VOLATILE
BEGIN ATOMIC
 INSERT INTO public.events (kind)
   VALUES (log_event.k);
 SELECT count(*) AS count
    FROM public.events
   WHERE (events.kind = log_event.k);
END;
