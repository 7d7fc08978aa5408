-- hazard DELETES_DATA: drops column public.t.old_col and its values
ALTER TABLE "public"."t" DROP COLUMN "old_col";

ALTER TABLE "public"."t" ADD COLUMN "new_col" text;
