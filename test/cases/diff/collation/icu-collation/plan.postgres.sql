CREATE COLLATION "public"."case_insensitive" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- hazard LONG_LOCK: changing the collation of public.words.word rebuilds its indexes under an exclusive lock; online alternative: add a new column, backfill it in batches, then switch readers and writers to it and drop the old one
ALTER TABLE "public"."words" ALTER COLUMN "word" TYPE text COLLATE "public"."case_insensitive";
