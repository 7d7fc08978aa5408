-- hazard DELETES_DATA: drops table public.items and all its rows
DROP TABLE "public"."items";
