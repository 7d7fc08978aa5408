DROP INDEX CONCURRENTLY "public"."parcels_code_key";

-- hazard DELETES_DATA: the values of public.parcels.code give way to ones computed by its new generated expression
ALTER TABLE "public"."parcels" DROP COLUMN "code";

-- hazard REWRITES_TABLE: re-adds public.parcels.code to change its generated expression: computes it for every row of public.parcels under an exclusive lock
ALTER TABLE "public"."parcels" ADD COLUMN "code" text GENERATED ALWAYS AS (((region || '-'::text) || id)) STORED NOT NULL;

CREATE UNIQUE INDEX CONCURRENTLY "parcels_code_key" ON "public"."parcels" USING "btree" (code);

ALTER TABLE "public"."parcels" REPLICA IDENTITY USING INDEX "parcels_code_key";
