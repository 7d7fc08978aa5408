-- hazard REWRITES_TABLE: changing public.events.qty from text to integer rewrites the table under an exclusive lock
-- hazard DELETES_DATA: values of public.events.qty that do not fit integer fail the cast or lose precision
ALTER TABLE "public"."events" ALTER COLUMN "qty" TYPE integer USING "qty"::integer;
