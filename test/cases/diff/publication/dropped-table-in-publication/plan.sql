-- hazard DELETES_DATA: drops table public.drafts and all its rows
DROP TABLE "public"."drafts";
