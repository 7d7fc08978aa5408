-- hazard DELETES_DATA: drops table public.events and all its rows
-- hazard DROPS_UNMANAGED: also drops rule log_events on public.events, which pgform does not manage
DROP TABLE "public"."events";
