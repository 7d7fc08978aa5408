ALTER TABLE "public"."bookings" DROP CONSTRAINT "bookings_no_overlap";

ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (during WITH &&) WHERE (id > 0);
