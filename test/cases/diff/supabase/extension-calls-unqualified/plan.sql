SET check_function_bodies = false;

CREATE FUNCTION "public"."hash_secret"("secret" text) RETURNS text LANGUAGE "sql" IMMUTABLE
AS $$
  SELECT encode(digest(secret, 'sha256'), 'hex')
$$;

-- hazard REWRITES_TABLE: adding secret_hash with a volatile default, identity or generated value rewrites public.api_keys under an exclusive lock; online alternative: add it without that default, set the default for new rows, then backfill the rows in batches
ALTER TABLE "public"."api_keys" ADD COLUMN "secret_hash" text GENERATED ALWAYS AS (encode(extensions.digest(secret, 'sha256'::text), 'hex'::text)) STORED;
