SET check_function_bodies = false;

DROP POLICY "Open tickets are public" ON "public"."tickets";

DROP FUNCTION "public"."is_visible"(public.status);

ALTER TYPE "public"."status" RENAME TO "status_pgform_old";

CREATE TYPE "public"."status" AS ENUM ('draft', 'open', 'waiting', 'closed');

COMMENT ON TYPE "public"."status" IS 'Ticket status';

ALTER TABLE "public"."tickets" ALTER COLUMN "status" DROP DEFAULT;

-- hazard DELETES_DATA: values 'spam' leave public.status: rows of public.tickets.status holding them fail the conversion
ALTER TABLE "public"."tickets" ALTER COLUMN "status" TYPE public.status USING "status"::text::public.status;

ALTER TABLE "public"."tickets" ALTER COLUMN "status" SET DEFAULT 'draft'::public.status;

ALTER TABLE "public"."tickets" ALTER COLUMN "history" DROP DEFAULT;

-- hazard DELETES_DATA: values 'spam' leave public.status: rows of public.tickets.history holding them fail the conversion
ALTER TABLE "public"."tickets" ALTER COLUMN "history" TYPE public.status[] USING "history"::text[]::public.status[];

DROP TYPE "public"."status_pgform_old";

CREATE FUNCTION "public"."is_visible"("s" public.status) RETURNS boolean LANGUAGE "sql" IMMUTABLE
AS $$SELECT s <> 'draft'$$;

CREATE POLICY "Open tickets are public" ON "public"."tickets" AS PERMISSIVE FOR SELECT TO PUBLIC USING (public.is_visible(status));
