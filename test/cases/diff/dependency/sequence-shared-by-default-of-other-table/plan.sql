ALTER SEQUENCE "public"."shared_ids" OWNED BY NONE;

-- hazard DELETES_DATA: drops table public.legacy and all its rows
DROP TABLE "public"."legacy";
