DROP INDEX CONCURRENTLY "public"."accounts_tier_idx";

ALTER TYPE "public"."tier" RENAME TO "tier_pgform_old";

CREATE TYPE "public"."tier" AS ENUM ('basic', 'gold');

ALTER TABLE "public"."accounts" DROP COLUMN "tier";

-- hazard REWRITES_TABLE: re-adds public.accounts.tier onto the new public.tier: computes it for every row of public.accounts under an exclusive lock
-- hazard DELETES_DATA: values 'legacy' leave public.tier: rows of public.accounts.tier holding them fail the conversion
ALTER TABLE "public"."accounts" ADD COLUMN "tier" public.tier GENERATED ALWAYS AS (
CASE
    WHEN (spend > 100) THEN 'gold'::public.tier
    ELSE 'basic'::public.tier
END) STORED;

DROP TYPE "public"."tier_pgform_old";

CREATE INDEX CONCURRENTLY "accounts_tier_idx" ON "public"."accounts" USING "btree" (tier);

COMMENT ON COLUMN "public"."accounts"."tier" IS 'derived from spend';
