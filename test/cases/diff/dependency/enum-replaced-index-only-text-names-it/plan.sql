DROP INDEX CONCURRENTLY "public"."tickets_open_idx";

DROP FUNCTION "public"."norm"(integer);

ALTER TYPE "public"."ticket_status" RENAME TO "ticket_status_pgform_old";

CREATE TYPE "public"."ticket_status" AS ENUM ('open', 'pending', 'closed');

ALTER TABLE "public"."tickets" ALTER COLUMN "status" DROP DEFAULT;

-- hazard DELETES_DATA: values 'archived' leave public.ticket_status: rows of public.tickets.status holding them fail the conversion
ALTER TABLE "public"."tickets" ALTER COLUMN "status" TYPE public.ticket_status USING "status"::text::public.ticket_status;

ALTER TABLE "public"."tickets" ALTER COLUMN "status" SET DEFAULT 'open'::public.ticket_status;

DROP TYPE "public"."ticket_status_pgform_old";

CREATE INDEX CONCURRENTLY "tickets_open_idx" ON "public"."tickets" USING "btree" (id) WHERE ((status = 'open'::public.ticket_status));
