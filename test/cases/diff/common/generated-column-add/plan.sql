-- hazard REWRITES_TABLE: adding full_name with a volatile default, identity or generated value rewrites public.t
ALTER TABLE "public"."t" ADD COLUMN "full_name" text GENERATED ALWAYS AS (((first || ' '::text) || last)) STORED;
