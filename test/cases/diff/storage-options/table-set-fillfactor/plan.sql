ALTER TABLE "public"."items" SET ("fillfactor" = '70');
