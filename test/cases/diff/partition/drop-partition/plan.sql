-- hazard DELETES_DATA: drops table public.events_2025 and all its rows
DROP TABLE "public"."events_2025";
