ALTER TABLE "public"."events" ALTER COLUMN "note" TYPE text USING "note"::text;
