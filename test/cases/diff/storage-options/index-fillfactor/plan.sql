ALTER INDEX "public"."people_email_idx" SET ("deduplicate_items" = 'off', "fillfactor" = '70');
