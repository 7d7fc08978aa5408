ALTER TABLE "public"."bookings" ADD COLUMN "seats" public.span DEFAULT '[1,2)'::public.span NOT NULL;

ALTER TABLE "public"."bookings" ADD COLUMN "history" public.span_multirange;

ALTER TABLE "public"."bookings" ADD COLUMN "past" public.span[];

CREATE INDEX CONCURRENTLY "bookings_seats" ON "public"."bookings" USING "gist" (seats);
