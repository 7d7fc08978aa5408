-- hazard MAY_FAIL: NOT NULL column id without a default fails if public.page_views has rows
ALTER TABLE "public"."page_views" ADD COLUMN "id" bigint NOT NULL;

-- hazard MAY_FAIL: the new identity of public.page_views.id starts at its START value, whatever the rows already hold
ALTER TABLE "public"."page_views" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY (START WITH 100 CACHE 50);
