-- hazard DELETES_DATA: drops column public.items.price and its values (its inheritance children keep theirs)
ALTER TABLE ONLY "public"."items" DROP COLUMN "price";

-- hazard DELETES_DATA: drops column public.magazines.price and its values
ALTER TABLE "public"."magazines" DROP COLUMN "price";
