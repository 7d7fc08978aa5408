-- hazard DELETES_DATA: drops column public.items.price and its values (its inheritance children keep theirs)
ALTER TABLE ONLY "public"."items" DROP COLUMN "price";
