-- hazard LONG_LOCK: scans public.t to check a for NULLs under an exclusive lock; fails if any
ALTER TABLE "public"."t" ALTER COLUMN "a" SET NOT NULL;

ALTER TABLE "public"."t" ALTER COLUMN "b" DROP NOT NULL;
